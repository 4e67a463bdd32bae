import { describe, expect, it } from 'vitest'
import { countRange, createLogsKit } from '../../../demos/exercises/logs-kit'
import { splitRanges, newlineFinder } from '../../../demos/logs/ranges'

describe('the logs kit of homework 2', () => {
  it('generates a log whose single-threaded count is the generator truth', () => {
    const { kit, internals } = createLogsKit()
    const log = kit.generate(2, 11)
    expect(log.length).toBeGreaterThan(2 * 1024 * 1024 - 4096)
    expect(log.at(-1)).toBe(10)
    const summary = kit.summarize(kit.count(log))
    expect({ pv: summary.pv, uv: summary.uv }).toEqual(internals.truth(log))
  })

  it('newline-aligned ranges, counted apart and merged, give the same PV and UV; unaligned ones do not', async () => {
    const { kit, internals } = createLogsKit()
    const log = kit.generate(1, 4)
    const want = internals.truth(log)
    for (const parts of [2, 3, 7]) {
      const ranges = splitRanges(log.length, parts, newlineFinder(log))
      const partials = await Promise.all(ranges.map((r) => kit.countInWorker(log, r.start, r.end)))
      const merged = kit.summarize(partials.reduce((a, b) => kit.merge(a, b)))
      expect({ pv: merged.pv, uv: merged.uv }).toEqual(want)
    }
    const half = Math.floor(log.length / 2)
    const whole = kit.summarize(kit.count(log))
    const cut = kit.summarize(kit.merge(countRange(log, 0, half), countRange(log, half, log.length)))
    // A line cut in two: its tail is an extra (malformed) line. Its head may still count as valid
    // (the engine needs only the line's start), so PV alone does not show the mistake.
    expect(cut.lines).toBe(whole.lines + 1)
    expect(cut.malformed).toBe(whole.malformed + 1)
    expect(internals.ranges.length).toBeGreaterThan(0)
    internals.clearRanges()
    expect(internals.ranges).toEqual([])
    // no workers in Node: counted on this thread, none started
    expect(internals.hasWorkers).toBe(false)
    expect(internals.workersStarted).toBe(0)
  })

  it('rejects sizes out of range', () => {
    const { kit } = createLogsKit()
    expect(() => kit.generate(0)).toThrow(RangeError)
    expect(() => kit.generate(1000)).toThrow(RangeError)
  })
})
