import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { SpaceSaving } from '../../../demos/logs/space-saving'

/** Checks the Space-Saving guarantees of `summary` against true counts. */
function checkGuarantees(summary: SpaceSaving, truth: Map<number, number>, total: number): void {
  expect(summary.total).toBe(total)
  for (const item of summary.top(summary.k)) {
    const real = truth.get(item.w3) ?? 0
    expect(item.count - item.error).toBeLessThanOrEqual(real)
    expect(item.count).toBeGreaterThanOrEqual(real)
    expect(item.error).toBeLessThanOrEqual(Math.ceil(total / summary.k))
  }
  const monitored = new Set(summary.top(summary.k).map((t) => t.w3))
  for (const [key, count] of truth) if (!monitored.has(key)) expect(count).toBeLessThanOrEqual(summary.bound())
}

const stream = fc.array(fc.oneof(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 300 })), { maxLength: 2000 })

describe('SpaceSaving', () => {
  it('counts exactly while it has room, then keeps the heavy hitters', () => {
    const summary = new SpaceSaving(4)
    for (const key of [1, 1, 1, 2, 2, 3]) summary.add(0, 0, 0, key)
    expect(summary.top(3).map((t) => [t.w3, t.count, t.error])).toEqual([[1, 3, 0], [2, 2, 0], [3, 1, 0]])
    for (let i = 0; i < 100; i++) summary.add(0, 0, 0, 1000 + i)
    for (let i = 0; i < 50; i++) summary.add(0, 0, 0, 7)
    expect(summary.top(1)[0]?.w3).toBe(7)
  })

  it('keeps count − error ≤ true ≤ count and error ≤ N/k on any stream', () => {
    fc.assert(fc.property(stream, fc.integer({ min: 1, max: 40 }), (keys, k) => {
      const summary = new SpaceSaving(k)
      const truth = new Map<number, number>()
      for (const key of keys) {
        summary.add(0, 0, 0xffff, key)
        truth.set(key, (truth.get(key) ?? 0) + 1)
      }
      checkGuarantees(summary, truth, keys.length)
    }), { numRuns: 200 })
  })

  it('keeps the guarantees when merged, and when seeded with exact counts', () => {
    fc.assert(fc.property(stream, stream, fc.integer({ min: 1, max: 30 }), (left, right, k) => {
      const truth = new Map<number, number>()
      const build = (keys: number[]): SpaceSaving => {
        const s = new SpaceSaving(k)
        for (const key of keys) {
          s.add(0, 0, 0xffff, key)
          truth.set(key, (truth.get(key) ?? 0) + 1)
        }
        return s
      }
      const merged = SpaceSaving.merge(build(left).toData(), build(right).toData())
      checkGuarantees(merged, truth, left.length + right.length)
      // seeded from exact counts, then fed more
      const seeded = new SpaceSaving(k)
      for (const [key, count] of truth) seeded.offer(0, 0, 0xffff, key, count, 0)
      seeded.total = left.length + right.length
      for (const key of left) {
        seeded.add(0, 0, 0xffff, key)
        truth.set(key, (truth.get(key) ?? 0) + 1)
      }
      checkGuarantees(seeded, truth, 2 * left.length + right.length)
    }), { numRuns: 150 })
  })

  it('survives a round trip through toData / fromData', () => {
    const summary = new SpaceSaving(8)
    for (let i = 0; i < 100; i++) summary.add(1, 2, 3, i % 13)
    const copy = SpaceSaving.fromData(summary.toData())
    expect(copy.top(8)).toEqual(summary.top(8))
    expect(copy.bound()).toBe(summary.bound())
  })
})

describe('SpaceSaving.bytesFor', () => {
  it('tells the size of a summary before it is made', () => {
    for (const k of [1, 7, 100, 16384]) expect(SpaceSaving.bytesFor(k)).toBe(new SpaceSaving(k).bytes)
  })
})
