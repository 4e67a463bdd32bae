/**
 * `bench(tasks, options)` on top of tinybench: each task is warmed up, then sampled until both its
 * time budget and its minimum iteration count are met. Times are ms per call; `opsPerSec` is
 * `1000 / mean`. A task error rejects the whole bench with that error.
 *
 * Defaults are smaller than tinybench's (500 ms / 10 calls per task, 100 ms / 5 warm-up calls) so a
 * demo fits the page's time limit; when the defaults for all tasks would take more than half of
 * `timeLimitMs` they shrink, and explicit options that would are kept but earn a warning.
 */
import { Bench } from 'tinybench'
import type { BenchResult, BenchTaskResult } from './protocol'

export interface DemoBenchOptions {
  /** Sampling time budget per task, in ms. */
  readonly time?: number
  /** Minimum measured calls per task. */
  readonly iterations?: number
  /** Warm-up time budget per task, in ms. */
  readonly warmupTime?: number
  /** Minimum warm-up calls per task. */
  readonly warmupIterations?: number
}

export const BENCH_DEFAULTS = { time: 500, iterations: 10, warmupTime: 100, warmupIterations: 5 } as const

/** A task whose median is below this many timer steps mostly measures the timer. */
export const RESOLUTION_FACTOR = 20

/**
 * Smallest positive difference between consecutive clock readings: at least `reads` readings, more
 * (up to 50 ms) until 5 steps were seen. 0 when the clock never moved.
 */
export function measureTimerResolution(now: () => number = () => performance.now(), reads = 5000): number {
  let smallest = Infinity
  let steps = 0
  const start = now()
  let previous = start
  for (let i = 0; i < 1_000_000; i++) {
    const t = now()
    const step = t - previous
    if (step > 0) {
      steps++
      if (step < smallest) smallest = step
    }
    previous = t
    if (i >= reads && (steps >= 5 || t - start > 50)) break
  }
  return Number.isFinite(smallest) ? smallest : 0
}

function checkTasks(tasks: unknown): asserts tasks is Record<string, () => unknown> {
  if (typeof tasks !== 'object' || tasks === null) throw new TypeError('bench(): pass an object of named task functions')
  const entries = Object.entries(tasks)
  if (entries.length === 0) throw new TypeError('bench(): no tasks to measure')
  for (const [name, fn] of entries) {
    if (typeof fn !== 'function') throw new TypeError(`bench(): task "${name}" is not a function`)
  }
}

interface Budget {
  readonly time: number
  readonly iterations: number
  readonly warmupTime: number
  readonly warmupIterations: number
  readonly warnings: string[]
}

/** Options filled with defaults, fitted into half of the run's time limit where they are ours to choose. */
export function planBudget(taskCount: number, options: DemoBenchOptions, timeLimitMs = Infinity): Budget {
  const allowed = timeLimitMs / 2
  const userTime = options.time ?? 0
  const userWarmup = options.warmupTime ?? 0
  const defaultsTotal = taskCount * (
    (options.time ?? BENCH_DEFAULTS.time) + (options.warmupTime ?? BENCH_DEFAULTS.warmupTime)
  )
  const scale = defaultsTotal > allowed ? Math.max(0, allowed / defaultsTotal) : 1
  const warnings: string[] = []
  if (taskCount * (userTime + userWarmup) > allowed) {
    warnings.push(
      `bench(): ${String(taskCount)} tasks × ${String(userTime + userWarmup)} ms exceed half of the run's ` +
      `${String(timeLimitMs)} ms time limit; the page may stop the run`,
    )
  }
  return {
    time: options.time ?? Math.round(BENCH_DEFAULTS.time * scale),
    warmupTime: options.warmupTime ?? Math.round(BENCH_DEFAULTS.warmupTime * scale),
    iterations: options.iterations ?? BENCH_DEFAULTS.iterations,
    warmupIterations: options.warmupIterations ?? BENCH_DEFAULTS.warmupIterations,
    warnings,
  }
}

/** The warning for a task too fast for the timer, if it is. */
export function resolutionWarning(task: BenchTaskResult, resolution: number): string | undefined {
  const median = task.median ?? task.mean
  if (resolution <= 0 || median >= RESOLUTION_FACTOR * resolution) return undefined
  return (
    `${task.name}: median ${median.toPrecision(3)} ms per call is below ${String(RESOLUTION_FACTOR)}× the ` +
    `timer resolution (${resolution.toPrecision(3)} ms); do more work per call (e.g. a loop) for a meaningful time`
  )
}

export async function runBench(tasks: unknown, options: DemoBenchOptions = {}, timeLimitMs?: number): Promise<BenchResult> {
  checkTasks(tasks)
  const timerResolutionMs = measureTimerResolution()
  const names = Object.keys(tasks)
  const { warnings, ...budget } = planBudget(names.length, options ?? {}, timeLimitMs)
  if (timerResolutionMs === 0) warnings.push('bench(): performance.now() did not advance; timings are meaningless')

  const bench = new Bench({ ...budget, throws: true })
  for (const name of names) {
    const fn = tasks[name]
    if (fn) bench.add(name, fn)
  }
  bench.addEventListener('warning', (event) => {
    warnings.push(`${event.task?.name ?? 'bench'}: timer saturation (${event.reason ?? 'unknown'}), samples are unreliable`)
  })
  await bench.run()

  const results: BenchTaskResult[] = []
  for (const task of bench.tasks) {
    const result = task.result
    if (result.state !== 'completed' && result.state !== 'aborted-with-statistics') {
      warnings.push(`${task.name}: no statistics (${result.state})`)
      continue
    }
    const { latency } = result
    const entry: BenchTaskResult = {
      name: task.name,
      samples: latency.samplesCount,
      mean: latency.mean,
      median: latency.p50,
      p99: latency.p99,
      rme: latency.rme,
      opsPerSec: latency.mean > 0 ? 1000 / latency.mean : Infinity,
      min: latency.min,
      max: latency.max,
    }
    results.push(entry)
    const warning = resolutionWarning(entry, timerResolutionMs)
    if (warning) warnings.push(warning)
  }
  return { tasks: results, timerResolutionMs, warnings }
}
