import { LogAggregator } from '../logs/aggregator'
import { LogGenerator } from '../logs/generate'
import { mergeResults, type LogPartial } from '../logs/partial'
import { newlineFinder, splitRanges } from '../logs/ranges'
import { summarize, type LogSummary } from '../logs/summary'

/**
 * The `logs` kit of homework 2: the real aggregator of section 8.7 (demos/logs), made available to
 * the reader's code as one object, so that "count this byte range in a worker" is one call.
 *
 * - `generate(megabytes)`: a generated nginx log as bytes. When the page is cross-origin isolated the
 *   bytes live in a SharedArrayBuffer, and workers read them where they are (no copy).
 * - `count(log, start, end)`: the stream engine over `[start, end)` on this thread.
 * - `countInWorker(log, start, end)`: the same in a Web Worker (the site's range worker,
 *   components/exercise/logs-range.worker.ts) from a pool, like Python's multiprocessing.Pool: an
 *   idle worker of an earlier call when there is one (its code already compiled by the JIT), else a
 *   new one. Without a SharedArrayBuffer the range is copied and transferred. Where there are no
 *   workers (Node, the unit tests) it counts on this thread.
 * - `merge(a, b)` (mergeResults) and `summarize(partial)` (PV, UV, top clients…).
 *
 * The checks see `internals` under another name: the true counts of each generated log and how many
 * workers were started.
 */

export interface RangeJob {
  readonly type: 'count-range'
  /** The whole log (a view of a SharedArrayBuffer), or only the range (transferred). */
  readonly log: Uint8Array
  readonly start: number
  readonly end: number
  /** Offset of `log[0]` within the whole log (for positions of malformed examples). */
  readonly baseOffset: number
}

/** Fixed CPU work with no memory traffic: how the checks see whether two workers really run at once. */
export interface SpinJob {
  readonly type: 'spin'
  readonly iterations: number
}

export type RangeReply =
  | { readonly type: 'partial'; readonly partial: LogPartial }
  | { readonly type: 'spun'; readonly value: number }
  | { readonly type: 'error'; readonly message: string }

/** The spin job's work (kept out of the optimiser's reach by returning the value). */
export function spin(iterations: number): number {
  let x = 0
  for (let i = 0; i < iterations; i++) x = (Math.imul(x, 31) + i) | 0
  return x
}

/** Distinct clients in generated logs: a busy site's day, small enough that merging is cheap. */
export const GENERATED_CLIENTS = 50_000

/** What a range worker does with a job (also used on this thread when there are no workers). */
export function countRange(log: Uint8Array, start: number, end: number, baseOffset = 0): LogPartial {
  const size = log.length
  const from = Math.max(0, Math.min(size, Math.floor(start)))
  const to = Math.max(from, Math.min(size, Math.floor(end)))
  const aggregator = new LogAggregator({ baseOffset: baseOffset + from })
  aggregator.push(log.subarray(from, to))
  aggregator.end()
  return aggregator.result()
}

export interface LogsKit {
  generate(megabytes: number, seed?: number): Uint8Array
  count(log: Uint8Array, start?: number, end?: number): LogPartial
  countInWorker(log: Uint8Array, start?: number, end?: number): Promise<LogPartial>
  merge(a: LogPartial, b: LogPartial): LogPartial
  summarize(partial: LogPartial): LogSummary
  /** True when `generate` returns bytes in a SharedArrayBuffer. */
  readonly shared: boolean
}

export interface LogsKitInternals {
  /** The kit itself (the reader's code may shadow the name `logs`). */
  readonly kit: LogsKit
  /** PV and UV of a log made by `generate` (from the generator, which knows the truth). */
  truth(log: Uint8Array): { pv: number; uv: number } | undefined
  /** Workers started by countInWorker so far. */
  readonly workersStarted: number
  /** Most countInWorker calls running at the same time since the last `resetPeak()`. */
  readonly peakConcurrent: number
  resetPeak(): void
  /**
   * Runs the same fixed computation in `workers` pool workers at once (resolves when all are done).
   * Timing 1 against 2 shows how many cores the machine really gives: about 1 × the time when two
   * are free, about 2 × when other work holds one of them. Null where there are no workers.
   */
  spin(workers: number, iterations?: number): Promise<void> | null
  /**
   * The kit's own parallel count: newline-aligned ranges (demos/logs/ranges.ts), one pool worker
   * each, merged. Timing it with 1 and 2 workers shows what speedup this machine allows right now
   * for this very work (two cores can be hyperthreads of one, or busy). Not recorded in `ranges`.
   */
  reference(log: Uint8Array, workers: number): Promise<{ pv: number; uv: number }> | null
  /** Whether countInWorker really uses workers here. */
  readonly hasWorkers: boolean
  /** Every range counted (count and countInWorker) since the last `clearRanges()`, in call order. */
  readonly ranges: readonly { readonly log: Uint8Array; readonly start: number; readonly end: number }[]
  clearRanges(): void
}

export interface LogsKitHost {
  /** Starts a range worker; absent where there are no Web Workers. */
  readonly startWorker?: () => Worker
}

/** Idle workers kept for later calls; more are terminated when they finish. */
const MAX_IDLE_WORKERS = 8

/** Largest log `generate` makes, in MB (it is held in memory). */
export const MAX_LOG_MB = 256

function canShare(): boolean {
  return typeof SharedArrayBuffer === 'function' && (globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated === true
}

export function createLogsKit(host: LogsKitHost = {}): { kit: LogsKit; internals: LogsKitInternals } {
  const truths = new WeakMap<Uint8Array, { pv: number; uv: number }>()
  const shared = canShare()
  let workersStarted = 0
  let running = 0
  let peak = 0
  const idle: Worker[] = []
  let ranges: { log: Uint8Array; start: number; end: number }[] = []

  function generate(megabytes: number, seed = 8): Uint8Array {
    const mb = Number(megabytes)
    if (!(mb > 0 && mb <= MAX_LOG_MB)) throw new RangeError(`logs.generate: megabytes must be in (0, ${String(MAX_LOG_MB)}]`)
    const size = Math.floor(mb * 1024 * 1024)
    const buffer = shared ? new SharedArrayBuffer(size) : new ArrayBuffer(size)
    const bytes = new Uint8Array(buffer)
    const generator = new LogGenerator({ size, seed, ips: GENERATED_CLIENTS })
    let pos = 0
    for (let chunk = generator.next(); chunk !== null; chunk = generator.next()) {
      bytes.set(chunk, pos)
      pos += chunk.length
    }
    const log = bytes.subarray(0, pos)
    const truth = generator.truth(0)
    truths.set(log, { pv: truth.pv, uv: truth.uv })
    return log
  }

  function bounds(log: Uint8Array, start?: number, end?: number): [number, number] {
    if (!(log instanceof Uint8Array)) throw new TypeError('the log must be a Uint8Array (from logs.generate)')
    const from = Math.max(0, Math.min(log.length, Math.floor(start ?? 0)))
    const to = Math.max(from, Math.min(log.length, Math.floor(end ?? log.length)))
    ranges.push({ log, start: from, end: to })
    return [from, to]
  }

  function countInWorker(log: Uint8Array, start?: number, end?: number): Promise<LogPartial> {
    const [from, to] = bounds(log, start, end)
    running++
    peak = Math.max(peak, running)
    const startWorker = host.startWorker
    if (!startWorker) {
      return Promise.resolve()
        .then(() => countRange(log, from, to))
        .finally(() => {
          running--
        })
    }
    if (log.buffer instanceof ArrayBuffer) {
      // Not shared: copy the range and hand the copy over (transfer, no second copy).
      const part = log.slice(from, to)
      const job: RangeJob = { type: 'count-range', log: part, start: 0, end: part.length, baseOffset: from }
      return inPool(startWorker, job, [part.buffer]).then(partialOf)
    }
    // Shared: the worker sees the very same memory.
    const job: RangeJob = { type: 'count-range', log, start: from, end: to, baseOffset: 0 }
    return inPool(startWorker, job, []).then(partialOf)
  }

  function partialOf(reply: RangeReply): LogPartial {
    if (reply.type !== 'partial') throw new Error('the range worker sent no partial result')
    return reply.partial
  }

  /** Runs one job in an idle pool worker or a new one; `running` is decremented when it ends. */
  function inPool(startWorker: () => Worker, job: RangeJob | SpinJob, transfer: Transferable[]): Promise<RangeReply> {
    return new Promise<RangeReply>((resolve, reject) => {
      let worker = idle.pop()
      if (!worker) {
        worker = startWorker()
        workersStarted++
      }
      const w = worker
      const done = (reusable: boolean): void => {
        running--
        w.onmessage = null
        w.onerror = null
        if (reusable && idle.length < MAX_IDLE_WORKERS) idle.push(w)
        else w.terminate()
      }
      w.onmessage = (event: MessageEvent<RangeReply>) => {
        done(true)
        if (event.data.type === 'error') reject(new Error(event.data.message))
        else resolve(event.data)
      }
      w.onerror = (event) => {
        event.preventDefault()
        done(false)
        reject(new Error(event.message || 'the range worker failed'))
      }
      w.postMessage(job, transfer)
    })
  }

  const kit: LogsKit = {
    generate,
    count(log, start, end) {
      const [from, to] = bounds(log, start, end)
      return countRange(log, from, to)
    },
    countInWorker,
    merge: (a, b) => mergeResults(a, b),
    summarize: (partial) => summarize(partial, { top: 10 }),
    shared,
  }
  const internals: LogsKitInternals = {
    kit,
    truth: (log) => truths.get(log),
    get workersStarted() {
      return workersStarted
    },
    get peakConcurrent() {
      return peak
    },
    resetPeak() {
      peak = running
    },
    reference(log, workers) {
      const startWorker = host.startWorker
      if (!startWorker) return null
      const parts = splitRanges(log.length, Math.max(1, Math.floor(workers)), newlineFinder(log))
      return Promise.all(
        parts.map((r) => {
          running++
          const job: RangeJob = log.buffer instanceof ArrayBuffer
            ? { type: 'count-range', log: log.slice(r.start, r.end), start: 0, end: r.end - r.start, baseOffset: r.start }
            : { type: 'count-range', log, start: r.start, end: r.end, baseOffset: 0 }
          return inPool(startWorker, job, job.log.buffer instanceof ArrayBuffer ? [job.log.buffer] : []).then(partialOf)
        }),
      ).then((partials) => {
        const merged = summarize(partials.reduce((a, b) => mergeResults(a, b)), { top: 10 })
        return { pv: merged.pv, uv: merged.uv }
      })
    },
    spin(workers, iterations = 20_000_000) {
      const startWorker = host.startWorker
      if (!startWorker) return null
      const job: SpinJob = { type: 'spin', iterations }
      return Promise.all(
        Array.from({ length: Math.max(1, Math.floor(workers)) }, () => {
          running++
          return inPool(startWorker, job, [])
        }),
      ).then(() => undefined)
    },
    hasWorkers: host.startWorker !== undefined,
    get ranges() {
      return ranges
    },
    clearRanges() {
      ranges = []
    },
  }
  return { kit, internals }
}
