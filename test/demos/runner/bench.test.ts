import { describe, expect, it } from 'vitest'
import { BENCH_DEFAULTS, measureTimerResolution, planBudget, resolutionWarning, runBench } from '../../../demos/runner/bench'
import type { BenchTaskResult } from '../../../demos/runner/protocol'

/** A clock that reads `values` in turn, then stays at the last one. */
function clock(values: number[]): () => number {
  let i = 0
  return () => values[Math.min(i++, values.length - 1)]!
}

const task = (median: number): BenchTaskResult => ({
  name: 'fast', samples: 10, mean: median, median, p99: median, rme: 1, opsPerSec: 1000 / median, min: median, max: median,
})

describe('measureTimerResolution', () => {
  it('finds the smallest positive step between consecutive readings', () => {
    const readings = Array.from({ length: 200 }, (_, i) => Math.floor(i / 3) * 0.005 + (i > 100 ? 0.1 : 0))
    expect(measureTimerResolution(clock(readings), 150)).toBeCloseTo(0.005, 10)
  })

  it('says 0 when the clock never moves', () => {
    expect(measureTimerResolution(() => 7, 10)).toBe(0)
  })

  it('measures something plausible for the real performance.now()', () => {
    const resolution = measureTimerResolution()
    expect(resolution).toBeGreaterThan(0)
    expect(resolution).toBeLessThan(1)
  })
})

describe('planBudget', () => {
  it('uses the defaults when there is time', () => {
    expect(planBudget(2, {}, 60_000)).toEqual({ ...BENCH_DEFAULTS, warnings: [] })
  })

  it('shrinks default budgets into half of the time limit', () => {
    const plan = planBudget(2, {}, 1000)
    expect(2 * (plan.time + plan.warmupTime)).toBeLessThanOrEqual(500)
    expect(plan.time).toBeGreaterThan(0)
    expect(plan.warnings).toEqual([])
  })

  it('keeps explicit budgets but warns when they do not fit', () => {
    const plan = planBudget(3, { time: 400, warmupTime: 100, iterations: 50 }, 2000)
    expect([plan.time, plan.warmupTime, plan.iterations]).toEqual([400, 100, 50])
    expect(plan.warnings).toHaveLength(1)
    expect(plan.warnings[0]).toMatch(/time limit/)
  })
})

describe('resolutionWarning', () => {
  it('warns about a task whose median is below 20 timer steps, and only then', () => {
    expect(resolutionWarning(task(0.0019), 0.0001)).toMatch(/^fast: median 0\.00190 ms per call is below 20× the timer resolution/)
    expect(resolutionWarning(task(0.002), 0.0001)).toBeUndefined()
    expect(resolutionWarning(task(0.0001), 0)).toBeUndefined()
  })
})

describe('runBench', () => {
  it('returns statistics per task in the order given', async () => {
    let calls = 0
    const result = await runBench({ a: () => { calls++ }, b: () => [1, 2, 3].join() }, { time: 5, warmupTime: 0, iterations: 8, warmupIterations: 0 })
    expect(result.tasks.map((t) => t.name)).toEqual(['a', 'b'])
    for (const t of result.tasks) {
      expect(t.samples).toBeGreaterThanOrEqual(8)
      expect(t.min).toBeLessThanOrEqual(t.median ?? NaN)
      expect(t.median).toBeLessThanOrEqual(t.max)
      expect(t.opsPerSec).toBeCloseTo(1000 / t.mean, 6)
    }
    expect(calls).toBeGreaterThanOrEqual(8)
    expect(structuredClone(result)).toEqual(result)
  })

  it('rejects with the error a task throws', async () => {
    await expect(runBench({ broken: () => { throw new RangeError('inside task') } }, { time: 1, iterations: 1 }))
      .rejects.toThrow('inside task')
  })

  it('rejects tasks that are not functions', async () => {
    await expect(runBench({}, {})).rejects.toThrow(/no tasks/)
    await expect(runBench({ a: 1 }, {})).rejects.toThrow(/"a" is not a function/)
    await expect(runBench(null, {})).rejects.toThrow(TypeError)
  })
})
