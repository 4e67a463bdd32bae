/**
 * Runs one demo: transpile, build an AsyncFunction whose parameters are the demo API (console,
 * mark, chart, bench, sleep, keep, release and the tracked timers), call it, and post what happens.
 * No global is touched: code that reaches for `globalThis.setTimeout` gets the untracked host timer.
 *
 * A run ends with exactly one `done` or `error`:
 * - `done` once the body has settled AND no timer, interval, queued microtask or un-awaited bench is
 *   pending (then two host macrotask turns later, so stray promise callbacks and the host's
 *   unhandled-rejection report get in first). An interval keeps the run alive until it is cleared;
 *   ending runaway runs is the page's watchdog's job (`timeLimitMs` only sizes bench budgets here).
 * - `error` on the first uncaught error (body, timer callback, microtask) or unhandled rejection;
 *   pending timers are cleared and later output of the run is dropped.
 * The returned promise resolves when the run has ended (never, if the demo never ends).
 *
 * The host forwards what only it can see: `unhandledrejection` / `error` events to
 * reportUnhandledRejection / reportUncaughtError, and the page's `mark-result` messages to
 * reportMarkResult (with `markResults: true`). With several runs active on one thread, a host-level
 * error cannot be traced to its run and goes to the newest one.
 *
 * On the page's main thread (memory demos without cross-origin isolation) nothing can terminate a
 * run, so the host passes `guard` and `signal`: see RunOptions. A DemoInterrupted thrown by the guard
 * ends the run silently (no `error`), and the host's reports of one are swallowed (they return true).
 */
import { createDemoApi } from './demo-api'
import { describeCompileError, describeError, type DemoLocation } from './errors'
import { formatValue } from './format'
import type { ErrorKind, MarkResultMessage, WorkerMessage } from './protocol'
import { createTimerTracker, hostTimers } from './timers'
import { createLoopGuard, DemoInterrupted, instrumentLoops, shiftColumns } from './loop-guard'
import { isTranspileError, mapStackPosition, transpileDemo } from './transpile'
import { instrumentFunctions } from '../profiler/instrument'
import { createProfiler, type Profiler } from '../profiler/recorder'

export { DemoInterrupted } from './loop-guard'

/** The identifier the loop guard is called by in guarded demos (a demo must not declare it). */
export const GUARD_NAME = '__lesson8_guard'
/** The identifier of the profiler's hooks in profiled demos. */
export const PROFILER_NAME = '__lesson8_profiler'

export interface RunGuard {
  /** A performance.now() value after which loops (and function calls) of the demo must stop. */
  deadline(): number
  /** True once the page stopped the run; called on every guarded iteration, so keep it cheap. */
  isStopped(): boolean
}

export interface RunOptions {
  /** Run id copied into every message. */
  readonly id: number
  /** The demo's file name, e.g. `demo.ts`; stack frames and error positions use it. */
  readonly fileName: string
  /** The page's time limit for the run; bench() fits its default budgets into half of it. */
  readonly timeLimitMs: number
  readonly post: (message: WorkerMessage) => void
  /** More names for the demo to see (identifier → value); they override API names they repeat. */
  readonly scope?: object
  /**
   * The host passes the page's `mark-result` messages to reportMarkResult, so `await mark()` gets
   * the figure. Without it mark() resolves to null at once (awaiting it must never hang a run).
   */
  readonly markResults?: boolean
  /**
   * Instrument the demo's loops and functions (see loop-guard.ts) to throw DemoInterrupted past the
   * deadline, once stopped, or once the run has ended; the run then ends without a message. Columns
   * of error positions stay exact (the column map follows the insertions).
   */
  readonly guard?: RunGuard
  /**
   * Aborting ends the run at once: timers are cleared, nothing more is posted and the returned
   * promise resolves. Code in the middle of a synchronous loop is only stopped by `guard`.
   */
  readonly signal?: AbortSignal
  /**
   * Instrument the demo's functions (demos/profiler) and post a `profile` message before `done`:
   * calls, own and cumulative time per function, and per-line figures of `// @profile` functions.
   */
  readonly profile?: boolean
}

type DemoFunction = (...args: unknown[]) => Promise<unknown>
type AsyncFunctionConstructor = new (...argsAndBody: string[]) => DemoFunction

const AsyncFunction = Object.getPrototypeOf(async function () {}).constructor as AsyncFunctionConstructor

/** V8 and the spec put `async function anonymous(<params>\n) {\n` before the body: 2 lines. */
const SPEC_HEADER_LINES = 2
let headerLines: Promise<number> | undefined

/** Lines before the body in a dynamic function's source, measured once from a probe's stack. */
export function functionHeaderLines(): Promise<number> {
  headerLines ??= (async () => {
    try {
      const probe = new AsyncFunction('unused', 'return new Error().stack\n//# sourceURL=lesson8-probe.js')
      const stack = await probe()
      const position = typeof stack === 'string' ? mapStackPosition(stack, 'lesson8-probe.js', 0) : undefined
      return position ? position.line - 1 : SPEC_HEADER_LINES
    } catch {
      return SPEC_HEADER_LINES
    }
  })()
  return headerLines
}

interface ActiveRun {
  readonly id: number
  fail(reason: unknown, kind: ErrorKind): void
  markResult(label: string, bytes: number | null): boolean
}

/** Runs that have not ended, oldest first; host-level errors go to the newest. */
const activeRuns: ActiveRun[] = []

/** For the worker's `unhandledrejection` listener; false when no run is active to take it. */
export function reportUnhandledRejection(reason: unknown): boolean {
  if (reason instanceof DemoInterrupted) return true // its run has already ended
  const run = activeRuns.at(-1)
  run?.fail(reason, 'unhandled-rejection')
  return run !== undefined
}

/** For the worker's `error` listener (errors thrown outside the tracked callbacks). */
export function reportUncaughtError(error: unknown): boolean {
  if (error instanceof DemoInterrupted) return true // its run has already ended
  const run = activeRuns.at(-1)
  run?.fail(error, 'uncaught')
  return run !== undefined
}

/** For the host's `mark-result` messages: resolves the oldest waiting mark() of that run and label. */
export function reportMarkResult(message: MarkResultMessage): boolean {
  return activeRuns.find((run) => run.id === message.id)?.markResult(message.label, message.bytes) ?? false
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/

export async function runDemo(source: string, options: RunOptions): Promise<void> {
  const { id, signal } = options
  const post = (message: WorkerMessage): void => {
    if (!signal?.aborted) options.post(message)
  }
  if (signal?.aborted) return
  const transpiled = transpileDemo(source, options.fileName)
  if (isTranspileError(transpiled)) {
    post({ type: 'error', id, kind: 'compile', name: 'SyntaxError', ...transpiled.error })
    return
  }
  const profiled = options.profile
    ? instrumentFunctions(transpiled.code, { hooks: PROFILER_NAME, lineOffset: transpiled.prefixLines })
    : undefined
  const code = profiled?.code ?? transpiled.code
  const guarded = options.guard ? instrumentLoops(code, GUARD_NAME, { cooperative: true }) : undefined
  let columns = transpiled.columns
  if (profiled) columns = shiftColumns(columns, profiled.insertions, transpiled.prefixLines)
  if (guarded) columns = shiftColumns(columns, guarded.insertions, transpiled.prefixLines)
  const where: DemoLocation = {
    fileName: options.fileName,
    lineOffset: (await functionHeaderLines()) + transpiled.prefixLines,
    columns,
  }
  const profiler: Profiler | undefined = profiled ? createProfiler(profiled.functions) : undefined

  let resolve = (): void => undefined
  const finished = new Promise<void>((settle) => { resolve = settle })
  const started = performance.now()
  let ended = false
  let settled = false
  let finishing = false
  let returned: unknown
  let busy = 0 // un-awaited API work (bench) still running

  const send = (message: WorkerMessage): void => {
    if (!ended) post(message)
  }
  const end = (): void => {
    ended = true
    tracker.stop()
    api.dispose()
    activeRuns.splice(activeRuns.indexOf(run), 1)
    signal?.removeEventListener('abort', halt)
    resolve()
  }
  /** End without a message: aborted, or interrupted by the guard. */
  const halt = (): void => {
    if (!ended) end()
  }
  const run: ActiveRun = {
    id,
    markResult: (label, bytes) => api.markResult(label, bytes),
    fail(reason, kind) {
      if (ended) return
      if (reason instanceof DemoInterrupted) {
        halt()
        return
      }
      api.flush()
      post(describeError(id, reason, kind, where))
      end()
    },
  }
  const maybeFinish = (): void => {
    if (ended || finishing || !settled || busy > 0 || tracker.pending() > 0) return
    finishing = true
    hostTimers.setTimeout(() => hostTimers.setTimeout(() => {
      finishing = false
      if (ended || busy > 0 || tracker.pending() > 0) return
      api.flush()
      const durationMs = performance.now() - started
      if (profiler) post({ type: 'profile', id, result: profiler.result(source) })
      post({ type: 'done', id, durationMs, ...(returned === undefined ? {} : { returned: formatValue(returned) }) })
      end()
    }))
  }

  const tracker = createTimerTracker({ onError: (error) => { run.fail(error, 'uncaught') }, onChange: maybeFinish })
  const api = createDemoApi({
    id,
    timeLimitMs: options.timeLimitMs,
    markResults: options.markResults ?? false,
    send,
    since: () => performance.now() - started,
    timers: tracker.timers,
    track(work) {
      busy++
      void work.finally(() => {
        busy--
        maybeFinish()
      }).catch(() => undefined) // the demo gets the rejection through `work` itself
      return work
    },
  })
  const bindings: Record<string, unknown> = { ...api.bindings, ...options.scope }
  if (profiler) bindings[PROFILER_NAME] = profiler.hooks
  if (options.guard) {
    const { deadline, isStopped } = options.guard
    bindings[GUARD_NAME] = createLoopGuard({ deadline, isStopped: () => ended || isStopped(), onInterrupt: halt })
  }
  const names = Object.keys(bindings)
  const invalid = names.find((name) => !IDENTIFIER.test(name))
  if (invalid !== undefined) throw new TypeError(`runDemo: scope name "${invalid}" is not an identifier`)

  let body: DemoFunction
  try {
    body = new AsyncFunction(...names, guarded?.code ?? code)
  } catch (error) {
    post(describeCompileError(id, error))
    return
  }

  if (signal?.aborted) return
  activeRuns.push(run)
  signal?.addEventListener('abort', halt, { once: true })
  body(...names.map((name) => bindings[name])).then(
    (value) => {
      returned = value
      settled = true
      maybeFinish()
    },
    (error: unknown) => { run.fail(error, 'uncaught') },
  )
  return finished
}
