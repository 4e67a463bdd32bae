import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { newlineFinder, splitRanges, lineRangeChunks, type OffsetChunk, type SliceReader } from '../../../demos/logs/ranges'

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

describe('lineRangeChunks', () => {
  const collect = async (bytes: Uint8Array, start: number, end: number, slice: number): Promise<OffsetChunk[]> => {
    const read: SliceReader = (from, to) => Promise.resolve(bytes.slice(from, to))
    const out: OffsetChunk[] = []
    for await (const chunk of lineRangeChunks(read, bytes.length, start, end, slice)) out.push({ offset: chunk.offset, bytes: chunk.bytes.slice() })
    return out
  }

  it('gives each line to exactly one range, however the input is cut and sliced', async () => {
    const lines = ['a', '', 'bb\r', 'line three', 'x'.repeat(40), '', '', 'last without newline']
    const bytes = new TextEncoder().encode(lines.join('\n'))
    await fc.assert(fc.asyncProperty(
      fc.array(fc.nat({ max: bytes.length + 3 }), { maxLength: 5 }),
      fc.integer({ min: 1, max: 50 }),
      async (cuts, slice) => {
        const points = [...new Set([0, ...cuts.map((c) => Math.min(c, bytes.length)), bytes.length])].sort((a, b) => a - b)
        const parts: OffsetChunk[] = []
        for (let i = 0; i + 1 < points.length; i++) {
          const range = await collect(bytes, points[i] as number, points[i + 1] as number, slice)
          // a range's bytes begin at a line start
          if (range[0]) expect(range[0].offset === 0 || bytes[range[0].offset - 1] === 10).toBe(true)
          parts.push(...range)
        }
        // the ranges' bytes, in order, are the input, each at its own offset
        let at = 0
        for (const part of parts) {
          expect(part.offset).toBe(at)
          at += part.bytes.length
        }
        expect(at).toBe(bytes.length)
      },
    ), { numRuns: 300 })
  })

  it('follows the line that holds the range’s last byte past the end, across slices', async () => {
    const bytes = new TextEncoder().encode('aaaa\nbbbbbbbbbbbbbbbbbbbb\ncc\n')
    const first = await collect(bytes, 0, 7, 4) // byte 6 is inside the b line, which ends at 25
    expect(new TextDecoder().decode(new Uint8Array(first.flatMap((c) => [...c.bytes])))).toBe('aaaa\nbbbbbbbbbbbbbbbbbbbb\n')
    const second = await collect(bytes, 7, bytes.length, 4)
    expect(second[0]?.offset).toBe(26)
    expect(await collect(bytes, 7, 20, 4)).toEqual([]) // no line starts in [7, 20)
    expect(await collect(bytes, 5, 5, 4)).toEqual([])
  })
})
