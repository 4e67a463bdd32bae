import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { newlineFinder, splitRanges } from '../../../demos/logs/ranges'

describe('splitRanges', () => {
  it('covers the input with contiguous ranges that start after a newline', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 2000 }).map((b) => b.map((x) => (x % 7 === 0 ? 10 : x))), fc.integer({ min: 1, max: 12 }), (bytes, parts) => {
      const ranges = splitRanges(bytes.length, parts, newlineFinder(bytes))
      expect(ranges.length).toBeLessThanOrEqual(parts)
      let at = 0
      for (const r of ranges) {
        expect(r.start).toBe(at)
        expect(r.end).toBeGreaterThan(r.start)
        if (r.start > 0) expect(bytes[r.start - 1]).toBe(10)
        at = r.end
      }
      expect(at).toBe(bytes.length)
    }))
  })

  it('splits evenly when lines are short, and gives one range when there is no newline', () => {
    const lines = new TextEncoder().encode('abc\n'.repeat(1000))
    const ranges = splitRanges(lines.length, 4, newlineFinder(lines))
    expect(ranges.map((r) => r.end - r.start)).toEqual([1000, 1000, 1000, 1000])
    expect(splitRanges(100, 4, () => -1)).toEqual([{ start: 0, end: 100 }])
    expect(splitRanges(0, 4, () => -1)).toEqual([])
  })
})
