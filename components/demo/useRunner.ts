import { ref, shallowRef, triggerRef, type Ref, type ShallowRef } from 'vue'
import { runRequest, type BenchResult, type MarkResultMessage, type RunKit, type WorkerMessage } from '../../demos/runner/protocol'
import type { ProfileResult } from '../../demos/profiler/recorder'
import RunnerWorker from './runner.worker?worker'

/**
 * Runs demos in a dedicated worker and keeps their state for a demo block: output, chart series,
 * memory marks and bench results. Stop and the watchdog terminate the worker at once, so the page
 * never waits for a runaway demo. The worker for the next run is started ahead of time.
 */
export type RunState = 'idle' | 'running' | 'done' | 'error' | 'stopped' | 'timeout'

export type OutputEntry =
  | { kind: 'console'; level: 'log' | 'info' | 'warn' | 'error' | 'debug'; text: string }
  | { kind: 'table'; columns: readonly string[]; rows: readonly (readonly string[])[] }
  | { kind: 'error'; name: string; message: string; line?: number; column?: number; errorKind: string }
  | { kind: 'returned'; text: string }
  | { kind: 'notice'; text: string }
  | { kind: 'bench'; result: BenchResult }
  | { kind: 'profile'; result: ProfileResult }

export interface Mark {
  label: string
  /** ms since the run started */
  t: number
  bytes: number | null
}

export interface RunOptions {
  source: string
  fileName: string
  timeLimitMs: number
  /**
   * Run on the page's own thread instead of a worker, so that performance.memory sees the demo's heap.
   * Loops and functions get a guard that ends the run at the time limit or on Stop.
   */
  onPage?: boolean
  /** Profile the run: a `profile` entry (functions, and lines of `// @profile` functions) before it ends. */
  profile?: boolean
  /** Kits the code needs (worker runs only), e.g. `logs` for homework 2. */
  kits?: readonly RunKit[]
  /**
   * Called for each mark(); resolves to the memory figure taken at that moment (or null). The time
   * spent waiting for figures does not count against the time limit.
   */
  onMark?: (label: string) => Promise<number | null>
  /** Texts of the notices, in the page's language. */
  notices: { stopped: string; timeout: (seconds: number) => string; dropped: (n: number) => string; crashed: string }
}

export interface Runner {
  state: Ref<RunState>
  output: ShallowRef<OutputEntry[]>
  series: ShallowRef<Map<string, (readonly [number, number])[]>>
  marks: ShallowRef<Mark[]>
  /** ms from Run to the first output of the current run, or null */
  firstOutputMs: Ref<number | null>
  durationMs: Ref<number | null>
  run(options: RunOptions): void
  stop(): void
  /** Starts a worker ahead of the next run (cheap; call when the demo becomes visible). */
  prepare(): void
  dispose(): void
}

/** Output entries kept per run; older ones are dropped with a notice. */
const MAX_OUTPUT = 2000

export function useRunner(): Runner {
  const state = ref<RunState>('idle')
  const output = shallowRef<OutputEntry[]>([])
  const series = shallowRef(new Map<string, (readonly [number, number])[]>())
  const marks = shallowRef<Mark[]>([])
  const firstOutputMs = ref<number | null>(null)
  const durationMs = ref<number | null>(null)

  let spare: Worker | null = null
  let current: Worker | null = null
  let runId = 0
  let startedAt = 0
  let watchdog: ReturnType<typeof setTimeout> | undefined
  let dropped = 0
  let notices: RunOptions['notices'] | undefined
  let onPageRun: { abort: AbortController; reportMarkResult: (m: MarkResultMessage) => boolean } | null = null
  // Time spent waiting for memory figures, which the watchdog does not count.
  let measuring = 0
  let measuredMs = 0
  let measureStarted = 0

  function waitedMs(): number {
    return measuredMs + (measuring > 0 ? performance.now() - measureStarted : 0)
  }

  /** Ends the run at its time limit, not counting the waits for memory figures. */
  function armWatchdog(id: number, options: RunOptions): void {
    const check = (): void => {
      watchdog = undefined
      if (id !== runId || state.value !== 'running') return
      const left = options.timeLimitMs - (performance.now() - startedAt - waitedMs())
      if (left <= 0 && measuring === 0) finish('timeout', options.notices.timeout(options.timeLimitMs / 1000))
      else watchdog = setTimeout(check, Math.max(left, 50))
    }
    watchdog = setTimeout(check, options.timeLimitMs)
  }

  function prepare(): void {
    spare ??= new RunnerWorker()
  }

  /** Entries of the current batch of worker messages, published together (one render per batch). */
  let pending: OutputEntry[] = []

  function push(entry: OutputEntry): void {
    if (firstOutputMs.value === null) firstOutputMs.value = performance.now() - startedAt
    pending.push(entry)
  }

  function publish(): void {
    if (pending.length === 0) return
    const list = [...output.value, ...pending]
    pending = []
    if (list.length > MAX_OUTPUT) {
      dropped += list.length - MAX_OUTPUT
      list.splice(0, list.length - MAX_OUTPUT)
    }
    output.value = list
  }

  function finish(next: RunState, notice?: string): void {
    if (watchdog !== undefined) clearTimeout(watchdog)
    watchdog = undefined
    current?.terminate()
    current = null
    onPageRun?.abort.abort()
    onPageRun = null
    durationMs.value = performance.now() - startedAt
    if (dropped > 0 && notices) push({ kind: 'notice', text: notices.dropped(dropped) })
    if (notice) push({ kind: 'notice', text: notice })
    publish()
    state.value = next
  }

  function handle(message: WorkerMessage, id: number, options: RunOptions): void {
    if (id !== runId || state.value !== 'running') return
    switch (message.type) {
      case 'ready':
        break
      case 'console':
        push({ kind: 'console', level: message.level, text: message.text })
        break
      case 'table':
        push({ kind: 'table', columns: message.columns, rows: message.rows })
        break
      case 'series': {
        const map = series.value
        const points = map.get(message.name) ?? []
        points.push(...message.points)
        map.set(message.name, points)
        triggerRef(series)
        break
      }
      case 'mark': {
        const mark: Mark = { label: message.label, t: message.t, bytes: null }
        marks.value = [...marks.value, mark]
        if (measuring++ === 0) measureStarted = performance.now()
        const measured = (options.onMark ? options.onMark(message.label) : Promise.resolve(null)).catch(() => null)
        void measured.then((bytes) => {
          if (id === runId && --measuring === 0) measuredMs += performance.now() - measureStarted
          marks.value = marks.value.map((m) => (m === mark ? { ...m, bytes } : m))
          if (id !== runId) return
          const reply = { type: 'mark-result', id, label: message.label, bytes } as const
          if (current) current.postMessage(reply)
          else if (onPageRun) onPageRun.reportMarkResult(reply)
        })
        break
      }
      case 'bench':
        push({ kind: 'bench', result: message.result })
        break
      case 'profile':
        push({ kind: 'profile', result: message.result })
        break
      case 'done':
        if (message.returned !== undefined) push({ kind: 'returned', text: message.returned })
        finish('done')
        break
      case 'error':
        push({
          kind: 'error',
          name: message.name,
          message: message.message,
          line: message.line,
          column: message.column,
          errorKind: message.kind,
        })
        finish('error')
        break
    }
  }

  function run(options: RunOptions): void {
    if (state.value === 'running') stop()
    const id = ++runId
    notices = options.notices
    output.value = []
    pending = []
    series.value = new Map()
    marks.value = []
    firstOutputMs.value = null
    durationMs.value = null
    dropped = 0
    measuring = 0
    measuredMs = 0
    if (options.onPage) {
      void runOnPage(id, options)
      return
    }
    prepare()
    const worker = spare as Worker
    spare = null
    current = worker
    startedAt = performance.now()
    state.value = 'running'
    worker.onmessage = (event: MessageEvent<WorkerMessage[]>) => {
      for (const message of event.data) handle(message, id, options)
      publish()
    }
    worker.onerror = (event) => {
      event.preventDefault()
      if (id !== runId || state.value !== 'running') return
      push({ kind: 'error', name: 'Error', message: event.message || options.notices.crashed, errorKind: 'uncaught' })
      finish('error')
    }
    worker.postMessage(runRequest(id, options.source, options.fileName, options.timeLimitMs, options.profile === true, options.kits ?? []))
    armWatchdog(id, options)
    // Start the worker for the next run while this one goes on.
    setTimeout(prepare, 0)
  }

  /** The memory-demo path: same runtime, on this thread, guarded; see RunOptions.onPage. */
  async function runOnPage(id: number, options: RunOptions): Promise<void> {
    const abort = new AbortController()
    const runtime = await import('../../demos/runner/runtime')
    if (id !== runId) return
    onPageRun = { abort, reportMarkResult: runtime.reportMarkResult }
    startedAt = performance.now()
    state.value = 'running'
    let scheduled = false
    const post = (message: WorkerMessage): void => {
      handle(message, id, options)
      if (!scheduled) {
        scheduled = true
        queueMicrotask(() => {
          scheduled = false
          publish()
        })
      }
    }
    armWatchdog(id, options)
    const onRejection = (event: PromiseRejectionEvent): void => {
      if (runtime.reportUnhandledRejection(event.reason)) event.preventDefault()
    }
    addEventListener('unhandledrejection', onRejection)
    abort.signal.addEventListener('abort', () => removeEventListener('unhandledrejection', onRejection))
    await runtime.runDemo(options.source, {
      id,
      fileName: options.fileName,
      timeLimitMs: options.timeLimitMs,
      post,
      markResults: true,
      profile: options.profile === true,
      signal: abort.signal,
      guard: { deadline: () => startedAt + options.timeLimitMs + waitedMs(), isStopped: () => abort.signal.aborted },
    })
    // The runtime ends an interrupted run without a final message: the guard hit the time limit.
    if (id === runId && state.value === 'running') finish('timeout', options.notices.timeout(options.timeLimitMs / 1000))
  }

  function stop(): void {
    if (state.value !== 'running') return
    finish('stopped', notices?.stopped)
  }

  function dispose(): void {
    if (watchdog !== undefined) clearTimeout(watchdog)
    current?.terminate()
    spare?.terminate()
    onPageRun?.abort.abort()
    onPageRun = null
    current = null
    spare = null
  }

  return { state, output, series, marks, firstOutputMs, durationMs, run, stop, prepare, dispose }
}
