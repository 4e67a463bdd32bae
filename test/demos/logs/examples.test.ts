import { describe, expect, it } from 'vitest'
import { escapeBytes } from '../../../demos/logs/examples'

describe('escapeBytes', () => {
  it('escapes example bytes into safe text, cut with …', () => {
    expect(escapeBytes(Uint8Array.of(0x41, 0x5c, 0x16, 0xff, 0x22), 0, 5)).toBe('A\\\\\\x16\\xff"')
    expect(escapeBytes(new Uint8Array(10).fill(0x61), 0, 10, 4)).toBe('aaaa…')
  })
})
