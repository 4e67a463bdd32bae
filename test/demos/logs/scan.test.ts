import { describe, expect, it } from 'vitest'
import { NewlineScanner } from '../../../demos/logs/scan'

describe('NewlineScanner', () => {
  it('counts lines like the aggregator does, including a last line without newline', () => {
    const scanner = new NewlineScanner()
    scanner.push(new TextEncoder().encode('a\nb'))
    scanner.push(new Uint8Array(0))
    scanner.push(new TextEncoder().encode('c'))
    scanner.end()
    expect(scanner.lines).toBe(2)
    expect(scanner.bytes).toBe(4)
  })
})
