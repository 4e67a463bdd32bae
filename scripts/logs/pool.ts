import { closeSync, fstatSync, openSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { Worker } from 'node:worker_threads'
import { DEFAULT_MAX_MEMORY, type AggregatorOptions } from '../../demos/logs/aggregator'
import { mergeResults, type LogPartial } from '../../demos/logs/partial'
import type { ByteRange } from '../../demos/logs/ranges'
import { fileRanges } from './file-ranges'
import { READ_BUFFER_BYTES } from './read-range'
import { aggregateRanges, type RangeJob } from './range-worker'

/**
 * Parallel aggregation of a plain file. The file is cut into newline-aligned slices of about
 * 32 MiB; the main thread and `workers - 1` worker_threads take slices in turn from a shared
 * counter (the main thread works too: one isolate less, about 8 MiB). Each thread opens the file,
 * reads its slices into its own buffers (one read ahead when a core is free) and counts them in its own stream
 * engine. Results come back with their arrays transferred and are merged. The memory budget
 * covers everything the engine adds to a bare `node` process (see `tableBudget`).
 */

let workerScript: string | null = null

/** The JavaScript file worker threads start from (the bundled engine; see bundle.ts). */
export function setWorkerScript(path: string): void {
  workerScript = path
}

async function resolveWorkerScript(): Promise<string> {
  if (workerScript === null) {
    const { ensureBundle } = await import('./bundle')
    workerScript = await ensureBundle()
  }
  return workerScript
}

export interface FileAggregateOptions extends Omit<AggregatorOptions, 'baseOffset' | 'format'> {
  /** A preset name or `log_format` string (sent to the workers as text). */
  readonly format?: string
  /** Threads, main included (default `os.availableParallelism()`). */
  readonly workers?: number
  /** Read only the first `limit` bytes. */
  readonly limit?: number
  /** Size of the slices threads take in turn (default SLICE_BYTES). */
  readonly sliceBytes?: number
  /** Called about every 100 ms with bytes and lines done so far (all threads). */
  readonly onProgress?: (bytes: number, lines: number) => void
}

export interface FileAggregate {
  readonly partial: LogPartial
  /** The newline-aligned slices the threads took turns on. */
  readonly ranges: readonly ByteRange[]
  /** Threads used (main included): at most one per slice. */
  readonly threads: number
  readonly size: number
}

/** Opens a file for reading, with clear errors for a directory or something that is not a file. */
export function openPlainFile(path: string): { fd: number; size: number } {
  const fd = openSync(path, 'r')
  const stat = fstatSync(fd)
  if (!stat.isFile()) {
    closeSync(fd)
    const error = new Error(stat.isDirectory() ? 'is a directory' : 'is not a regular file') as NodeJS.ErrnoException
    error.code = stat.isDirectory() ? 'EISDIR' : 'EINVAL'
    throw error
  }
  return { fd, size: stat.size }
}

/**
 * Resident memory the engine costs beyond its tables, measured here (Node 20, `bench-engine` on a
 * 100 MB log, peak RSS less a bare `node` at 39.5 MiB, less buffers and tables): the main thread's
 * heap, compiled code and allocator about 16 MiB; each extra worker thread (its own V8 isolate,
 * heap and code) about 12 MiB. Both count against the budget, with each thread's two read buffers;
 * what is left is shared by the threads' tables. So the peak RSS of a run stays below a bare
 * `node` plus the budget.
 */
export const RUNTIME_BYTES = 16 * 2 ** 20
export const THREAD_BYTES = 12 * 2 ** 20
/** A thread's tables never get less than this, whatever the budget (the HLL alone is 16 KiB). */
export const MIN_TABLE_BYTES = 64 * 1024

/** Budget for one thread's tables, out of `maxMemory` for the whole engine. */
export function tableBudget(maxMemory: number, threads: number, bufferBytes = READ_BUFFER_BYTES): number {
  const fixed = RUNTIME_BYTES + (threads - 1) * THREAD_BYTES + threads * 2 * bufferBytes
  return Math.max(MIN_TABLE_BYTES, Math.floor((maxMemory - fixed) / threads))
}

/** Slices handed out to the threads: small enough to balance the load, large enough to cost nothing. */
export const SLICE_BYTES = 32 * 1024 * 1024

export async function aggregateFile(path: string, options: FileAggregateOptions = {}): Promise<FileAggregate> {
  const { fd, size: fileSize } = openPlainFile(path)
  const size = Math.min(fileSize, options.limit ?? Infinity)
  const wanted = Math.max(1, Math.floor(options.workers ?? availableParallelism()))
  let ranges: ByteRange[]
  try {
    ranges = fileRanges(fd, size, Math.max(wanted, Math.ceil(size / (options.sliceBytes ?? SLICE_BYTES))))
  } finally {
    closeSync(fd)
  }
  if (ranges.length === 0) ranges = [{ start: 0, end: 0 }]
  const threads = Math.min(wanted, ranges.length)
  const bounds = new Float64Array(new SharedArrayBuffer(8 * (ranges.length + 1)))
  ranges.forEach((r, i) => {
    bounds[i] = r.start
  })
  bounds[ranges.length] = (ranges[ranges.length - 1] as ByteRange).end
  const maxMemory = options.maxMemory ?? DEFAULT_MAX_MEMORY
  const onProgress = options.onProgress
  const threadOptions = {
    format: options.format,
    clientFrom: options.clientFrom,
    maxLineBytes: options.maxLineBytes,
    heavyHitters: options.heavyHitters,
    hllPrecision: options.hllPrecision,
    maxExamples: options.maxExamples,
    exampleBytes: options.exampleBytes,
    maxMinutes: options.maxMinutes,
    wasm: options.wasm,
    maxMemory: tableBudget(maxMemory, threads),
  }
  // read-ahead needs a free core for libuv's thread pool to copy on (measured: with both cores
  // parsing it costs 15-25 % of the speed, with one free it saves about as much)
  const readAhead = threads < availableParallelism()
  const next = new SharedArrayBuffer(4)
  const progress = new SharedArrayBuffer(16 * threads)
  const counters = new Float64Array(progress)
  const report = (): void => {
    let bytes = 0
    let lines = 0
    for (let i = 0; i < threads; i++) {
      bytes += counters[2 * i] as number
      lines += counters[2 * i + 1] as number
    }
    onProgress?.(bytes, lines)
  }
  const script = threads > 1 ? await resolveWorkerScript() : ''
  const results = Array.from({ length: threads - 1 }, (_, i) => runInWorker(script, {
    job: 'ranges', path, bounds, next, options: threadOptions, progress, slot: i + 1, readAhead,
  }))
  // Reject handlers are attached at once, so a failing worker never counts as an unhandled rejection.
  for (const result of results) result.catch(() => undefined)
  let lastReport = performance.now()
  let partial = await aggregateRanges({ path, bounds, next, options: threadOptions, progress, slot: 0, readAhead }, () => {
    const now = performance.now()
    if (onProgress && now - lastReport >= 100) {
      lastReport = now
      report()
    }
  })
  const timer = onProgress ? setInterval(report, 100) : null
  try {
    for (const result of results) partial = mergeResults(partial, await result, { maxMemory: threads * threadOptions.maxMemory })
  } finally {
    if (timer) clearInterval(timer)
  }
  report()
  return { partial: { ...partial, maxMemory }, ranges, size, threads }
}

function runInWorker(script: string, job: RangeJob): Promise<LogPartial> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(script, { workerData: job, execArgv: [], resourceLimits: { maxYoungGenerationSizeMb: 4 } })
    let settled = false
    worker.once('message', (message: { ok: true; partial: LogPartial } | { ok: false; message: string }) => {
      settled = true
      if (message.ok) resolve(message.partial)
      else reject(new Error(message.message))
    })
    worker.once('error', (error) => {
      settled = true
      reject(error)
    })
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`worker ${String(job.slot)} exited with code ${String(code)}`))
    })
  })
}
