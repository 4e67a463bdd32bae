import { closeSync, openSync } from 'node:fs'
import { parentPort, workerData } from 'node:worker_threads'
import { LogAggregator, type AggregatorOptions } from '../../demos/logs/aggregator'
import { partialTransferables, type LogPartial } from '../../demos/logs/partial'
import { READ_BUFFER_BYTES, readAheadBuffers, readFdRange, readFdRangeAhead } from './read-range'

/**
 * What each thread of the pool runs: take the next newline-aligned slice of the file from a shared
 * counter (`Atomics.add`), read it (with read-ahead when a core is free) into reused buffers, feed it to this
 * thread's stream engine, repeat. Slices are handed out in file order, so a thread that starts
 * late or runs slower simply takes fewer of them.
 */
export interface RangeJob {
  readonly job: 'ranges'
  readonly path: string
  /** Slice boundaries: slice i is [bounds[i], bounds[i + 1]). */
  readonly bounds: Float64Array
  /** Int32 counter of the next slice to take, shared by all threads. */
  readonly next: SharedArrayBuffer
  readonly options: AggregatorOptions & { readonly format?: string }
  /** Shared progress counters: [bytes, lines] per thread. */
  readonly progress: SharedArrayBuffer
  readonly slot: number
  /**
   * Read one chunk ahead through libuv's thread pool (worth it only when a core would otherwise be
   * idle: with every core parsing, the extra thread hops cost more than they save), or read in turn.
   */
  readonly readAhead: boolean
}

/** Aggregates slices until none are left; `onChunk` runs after every read (the main thread reports progress there). */
export async function aggregateRanges(job: Omit<RangeJob, 'job'>, onChunk?: () => void): Promise<LogPartial> {
  // The read buffers live in the WebAssembly scanner's memory when it is used: read bytes are scanned where they land.
  const aggregator = new LogAggregator({ ...job.options, readBuffers: job.readAhead ? 2 : 1, readBufferBytes: READ_BUFFER_BYTES })
  const progress = new Float64Array(job.progress)
  const next = new Int32Array(job.next)
  const slices = job.bounds.length - 1
  const direct = aggregator.readBuffers.map((view) => Buffer.from(view.buffer, view.byteOffset, view.byteLength))
  const buffers = job.readAhead ? (direct.length === 2 ? [direct[0] as Buffer, direct[1] as Buffer] as const : readAheadBuffers()) : null
  const buffer = buffers ? buffers[0] : direct[0] ?? Buffer.allocUnsafeSlow(READ_BUFFER_BYTES)
  const fd = openSync(job.path, 'r')
  let done = 0
  try {
    for (let i = Atomics.add(next, 0, 1); i < slices; i = Atomics.add(next, 0, 1)) {
      const start = job.bounds[i] as number
      aggregator.restartAt(start)
      const end = job.bounds[i + 1] as number
      const report = (bytes: number): void => {
        progress[2 * job.slot] = done + bytes
        progress[2 * job.slot + 1] = aggregator.lines
        onChunk?.()
      }
      if (buffers) await readFdRangeAhead(fd, start, end, aggregator, report, buffers)
      else readFdRange(fd, start, end, aggregator, report, buffer)
      done += (job.bounds[i + 1] as number) - start
    }
  } finally {
    closeSync(fd)
  }
  aggregator.end()
  return aggregator.result()
}

/** Body of a worker thread started by the pool: aggregate, post the result (arrays transferred), end. */
export async function runRangeWorker(): Promise<void> {
  const job = workerData as RangeJob
  const port = parentPort
  if (!port || job.job !== 'ranges') return
  try {
    const partial = await aggregateRanges(job)
    port.postMessage({ ok: true, partial }, partialTransferables(partial))
  } catch (error) {
    port.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) })
  }
}
