/**
 * The names a demo sees, for one run: console, mark, chart, bench, sleep, keep, release and the
 * tracked timers. Everything they produce goes out through `host.send` as protocol messages.
 */
import { runBench, type DemoBenchOptions } from './bench'
import { createChart } from './chart'
import { createDemoConsole } from './demo-console'
import type { BenchResult, WorkerMessage } from './protocol'
import type { DemoTimers } from './timers'

export interface DemoApiHost {
  readonly id: number
  /** The page's time limit for the run; bench() fits its default budgets into half of it. */
  readonly timeLimitMs: number
  /** Whether mark() waits for the page's figure (see RunOptions.markResults). */
  readonly markResults: boolean
  /** Posts a message unless the run has ended. */
  send(message: WorkerMessage): void
  /** Milliseconds since the run started. */
  since(): number
  readonly timers: DemoTimers
  /** Work the demo may leave un-awaited (a bench): the run is not done before it settles. */
  track<T>(work: Promise<T>): Promise<T>
}

export interface DemoApi {
  /** Name → value, passed to the demo's function as parameters. */
  readonly bindings: Readonly<Record<string, unknown>>
  /** Resolve the oldest mark(label) still waiting; false when none is. */
  markResult(label: string, bytes: number | null): boolean
  /** Post pending chart points now. */
  flush(): void
  /** The run is over: stop the chart timer, let go of kept values. */
  dispose(): void
}

export function createDemoApi(host: DemoApiHost): DemoApi {
  const { id, send } = host
  const kept: unknown[] = []
  const waitingMarks = new Map<string, ((bytes: number | null) => void)[]>()
  let disposed = false

  const chart = createChart({
    now: host.since,
    post: (name, points) => { send({ type: 'series', id, name, points }) },
    onLimit: (name, limit) => {
      send({ type: 'console', id, level: 'warn', text: `chart(): series "${name}" keeps its first ${String(limit)} points` })
    },
  })
  const console = createDemoConsole({
    text: (level, text) => { send({ type: 'console', id, level, text }) },
    table: ({ columns, rows }) => { send({ type: 'table', id, columns, rows }) },
  }, { now: () => performance.now() })

  const mark = (label: unknown): Promise<number | null> => {
    const text = String(label)
    send({ type: 'mark', id, label: text, t: host.since() })
    if (!host.markResults || disposed) return Promise.resolve(null)
    return new Promise((wake) => {
      const queue = waitingMarks.get(text)
      if (queue) queue.push(wake)
      else waitingMarks.set(text, [wake])
    })
  }

  const bench = (tasks: unknown, options?: DemoBenchOptions): Promise<BenchResult> =>
    host.track(runBench(tasks, options, host.timeLimitMs).then((result) => {
      send({ type: 'bench', id, result })
      return result
    }))

  const bindings: Record<string, unknown> = {
    console,
    mark,
    chart: chart.chart,
    bench,
    sleep: (ms: unknown) => new Promise<void>((wake) => { host.timers.setTimeout(() => { wake() }, Number(ms)) }),
    keep: (value: unknown) => { kept.push(value) },
    release: () => { kept.length = 0 },
    ...host.timers,
  }

  return {
    bindings,
    markResult(label, bytes) {
      const wake = waitingMarks.get(label)?.shift()
      wake?.(bytes)
      return wake !== undefined
    },
    flush: chart.flush,
    dispose() {
      disposed = true
      chart.stop()
      kept.length = 0
    },
  }
}
