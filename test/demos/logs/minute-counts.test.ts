import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { MinuteCounts } from '../../../demos/logs/minute-counts'

describe('MinuteCounts', () => {
  it('counts any minutes within the span, in either direction', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 29_000_000, max: 29_004_000 }), { maxLength: 300 }), (minutes) => {
      const counts = new MinuteCounts(1 << 20)
      const truth = new Map<number, number>()
      for (const m of minutes) {
        expect(counts.add(m, 1)).toBe(true)
        truth.set(m, (truth.get(m) ?? 0) + 1)
      }
      expect(counts.entries()).toEqual([...truth].sort((a, b) => a[0] - b[0]))
      const t = counts.trimmed()
      const again = new MinuteCounts()
      expect(again.addAll(t.base, t.counts)).toBe(0)
      expect(again.entries()).toEqual(counts.entries())
    }))
  })

  it('refuses minutes that would stretch the span beyond its limit', () => {
    const counts = new MinuteCounts(1000)
    expect(counts.add(5000, 1)).toBe(true)
    expect(counts.add(6000, 1)).toBe(false)
    expect(counts.add(4200, 2)).toBe(true)
    expect(counts.bytes).toBeLessThanOrEqual(4000)
    expect(counts.entries()).toEqual([[4200, 2], [5000, 1]])
  })
})
