import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { aggregateChunks } from '../../../demos/logs/aggregator'
import { mergeResults, partialTransferables, type LogPartial } from '../../../demos/logs/partial'
import { newlineFinder, splitRanges } from '../../../demos/logs/ranges'
import { summarize } from '../../../demos/logs/summary'
import { generateBytes } from './support'

function rangePartials(bytes: Uint8Array, parts: number, maxMemory?: number): LogPartial[] {
  const ranges = splitRanges(bytes.length, parts, newlineFinder(bytes))
  return (ranges.length > 0 ? ranges : [{ start: 0, end: 0 }]).map((r) =>
    aggregateChunks([bytes.subarray(r.start, r.end)], { baseOffset: r.start, ...(maxMemory === undefined ? {} : { maxMemory }) }))
}

describe('mergeResults', () => {
  it('merges the results of newline-aligned ranges into the result of the whole', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 1e6 }), fc.integer({ min: 1, max: 6 }), fc.integer({ min: 0, max: 60_000 }), (seed, parts, size) => {
      const { bytes } = generateBytes({ size, seed, ips: 800, ipv6: 0.1, malformed: 0.02 })
      const whole = summarize(aggregateChunks([bytes]), { top: 20 })
      const partials = rangePartials(bytes, parts)
      const merged = partials.reduce((acc, p) => mergeResults(acc, p, { maxMemory: whole.maxMemory }))
      expect(summarize(merged, { top: 20 })).toEqual(whole)
    }), { numRuns: 40 })
  })

  it('survives structured cloning with its arrays transferred', () => {
    const { bytes } = generateBytes({ size: 30_000, seed: 9, ips: 100 })
    const partial = aggregateChunks([bytes])
    const expected = summarize(partial)
    const copy = structuredClone(partial, { transfer: partialTransferables(partial) })
    expect(summarize(copy)).toEqual(expected)
    expect(partial.v4.length).toBe(0) // transferred away
  })

  it('becomes approximate when the merged tables would not fit the budget, with UV within its error', () => {
    const { bytes, truth } = generateBytes({ size: 6_000_000, seed: 2, ips: 60_000, ipv6: 0.05 })
    const partials = rangePartials(bytes, 3, 3 * 1024 * 1024)
    expect(partials.every((p) => p.exact)).toBe(true)
    const merged = partials.reduce((acc, p) => mergeResults(acc, p, { maxMemory: 1024 * 1024 }))
    const s = summarize(merged, { top: 5 })
    expect(s.approximate).toBe(true)
    expect(s.pv).toBe(truth.pv)
    expect(Math.abs(s.uv / truth.uv - 1)).toBeLessThanOrEqual(3 * s.errorBounds.uvRelativeStandardError)
    expect(s.top[0]?.ip).toBe(truth.top[0]?.ip)
    for (const t of s.top) {
      const real = truth.top.find((x) => x.ip === t.ip)?.hits
      if (real !== undefined) {
        expect(t.hits).toBeGreaterThanOrEqual(real)
        expect(t.hits - t.error).toBeLessThanOrEqual(real)
      }
    }
  })

  it('merges approximate results with exact ones', () => {
    const { bytes, truth } = generateBytes({ size: 4_000_000, seed: 4, ips: 40_000 })
    const [a, b] = rangePartials(bytes, 2) as [LogPartial, LogPartial]
    const small = aggregateChunks([bytes.subarray(0, 0)])
    const approximateA = mergeResults(a, small, { maxMemory: 60_000 })
    expect(approximateA.exact).toBe(false)
    const merged = summarize(mergeResults(approximateA, b))
    expect(merged.approximate).toBe(true)
    expect(merged.pv).toBe(truth.pv)
    expect(Math.abs(merged.uv / truth.uv - 1)).toBeLessThanOrEqual(3 * merged.errorBounds.uvRelativeStandardError)
  })
})
