import { describe, expect, it } from 'vitest'
import { formatBytes, formatCount, parseSize } from '../../../demos/logs/units'

describe('units', () => {
  it('parses and prints sizes in powers of 1024', () => {
    expect(parseSize('64MB')).toBe(64 * 2 ** 20)
    expect(parseSize('1GiB')).toBe(2 ** 30)
    expect(parseSize('1.5k')).toBe(1536)
    expect(parseSize('100')).toBe(100)
    expect(() => parseSize('lots')).toThrow(/not a size/)
    expect(formatBytes(1536)).toBe('1.50 KiB')
    expect(formatBytes(12)).toBe('12 B')
    expect(formatCount(1234567.4)).toBe('1,234,567')
  })
})
