/// <reference lib="webworker" />
/**
 * A worker of the 8.7 lab. It runs one job (see protocol.ts): the naive or stream engine over a
 * whole source, one byte range of a file, the producer or a consumer of a parallel run, or the live
 * feed. It never holds the whole log: generated logs are produced chunk by chunk, files are read as
 * streams (gzip through DecompressionStream).
 */
import { LogAggregator } from '../../demos/logs/aggregator'
import { LogGenerator, type LogTruth } from '../../demos/logs/generate'
import { NaiveAggregator } from '../../demos/logs/naive'
import { partialTransferables } from '../../demos/logs/partial'
import { alignedRangeChunks, rangeReadStart } from '../../demos/logs/ranges'
import { summarize } from '../../demos/logs/summary'
import type { ChunkMessage, GeneratedSource, LabJob, LabSource, LabWorkerMessage } from './protocol'

const scope = self as unknown as DedicatedWorkerGlobalScope
const post = (message: LabWorkerMessage, transfer: Transferable[] = []): void => scope.postMessage(message, transfer)

/** Above this estimate the naive engine is stopped before its Map can take the tab's memory. */
const NAIVE_LIMIT_BYTES = 512 * 1024 * 1024
/** Measured cost of one `Map<string, number>` entry for an IPv4 key in V8 (≈ 65 B), rounded up. */
const NAIVE_BYTES_PER_ENTRY = 100

function reporter(slot: number, progress: SharedArrayBuffer | null): (bytes: number, lines: number) => void {
  const shared = progress ? new Float64Array(progress) : null
  let last = 0
  return (bytes, lines) => {
    if (shared) {
      // Each worker owns two slots (bytes, lines); the page reads them every 100 ms.
      shared[slot * 2] = bytes
      shared[slot * 2 + 1] = lines
      return
    }
    const now = performance.now()
    if (now - last >= 100) {
      last = now
      post({ type: 'progress', bytes, lines })
    }
  }
}

function generator(source: GeneratedSource, chunkSize?: number): LogGenerator {
  return new LogGenerator({ size: source.size, seed: source.seed, ips: source.ips, ipv6: source.ipv6, malformed: source.malformed, ...(chunkSize ? { chunkSize } : {}) })
}

/**
 * The bytes of a Blob from `from` on, as its stream delivers them (the reader is cancelled when the
 * consumer stops early). Measured in headless Chromium on a 1 GiB file: streams read faster than
 * `slice().arrayBuffer()` of 4 MiB with one read ahead (1.0 against 0.7 GB/s with two workers),
 * and keep only small chunks in flight.
 */
async function* blobChunks(file: Blob, from: number): AsyncGenerator<Uint8Array> {
  const reader = file.slice(from).stream().getReader()
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) return
      yield value
    }
  } finally {
    reader.cancel().catch(() => undefined)
  }
}

/** The chunks of a source, one at a time; `truth` is filled in for generated logs at the end. */
async function* chunksOf(source: LabSource, result: { truth: LogTruth | null }): AsyncGenerator<Uint8Array> {
  if (source.kind === 'generated') {
    const gen = generator(source)
    for (let chunk = gen.next(); chunk !== null; chunk = gen.next()) yield chunk
    result.truth = gen.truth(10)
    return
  }
  if (!/\.gz$/i.test(source.file.name)) {
    yield* blobChunks(source.file, 0)
    return
  }
  const stream = source.file
    .stream()
    .pipeThrough(new DecompressionStream('gzip') as unknown as ReadableWritablePair<Uint8Array, Uint8Array>)
  const reader = stream.getReader()
  for (;;) {
    const { done, value } = await reader.read()
    if (done) return
    yield value
  }
}

async function single(job: Extract<LabJob, { type: 'single' }>): Promise<void> {
  const started = performance.now()
  const report = reporter(job.slot, job.progress)
  const found: { truth: LogTruth | null } = { truth: null }
  if (job.engine === 'naive') {
    const naive = new NaiveAggregator()
    for await (const chunk of chunksOf(job.source, found)) {
      naive.push(chunk)
      report(naive.bytes, naive.lines)
      if (naive.counts.size * NAIVE_BYTES_PER_ENTRY > NAIVE_LIMIT_BYTES) {
        post({ type: 'stopped', reason: 'naive-memory', bytes: naive.bytes, lines: naive.lines })
        return
      }
    }
    naive.end()
    post({ type: 'naive', result: naive.result(10), truth: found.truth, seconds: (performance.now() - started) / 1000 })
    return
  }
  const aggregator = new LogAggregator({ maxMemory: job.maxMemory, wasm: job.wasm })
  for await (const chunk of chunksOf(job.source, found)) {
    aggregator.push(chunk)
    report(aggregator.bytes, aggregator.lines)
  }
  aggregator.end()
  report(aggregator.bytes, aggregator.lines)
  post({ type: 'summary', summary: summarize(aggregator.result(), { top: 10 }), truth: found.truth, seconds: (performance.now() - started) / 1000, loop: aggregator.engine })
}

/** Lines whose first byte lies in [start, end) belong to this range. */
async function range(job: Extract<LabJob, { type: 'range' }>): Promise<void> {
  const started = performance.now()
  const report = reporter(job.slot, job.progress)
  const aggregator = new LogAggregator({ maxMemory: job.maxMemory, wasm: job.wasm })
  let first = true
  const from = rangeReadStart(job.start)
  for await (const chunk of alignedRangeChunks(blobChunks(job.file, from), from, job.start, job.end)) {
    if (first) aggregator.restartAt(chunk.offset) // malformed examples are numbered from our first line
    first = false
    aggregator.push(chunk.bytes)
    report(aggregator.bytes, aggregator.lines)
  }
  aggregator.end()
  report(aggregator.bytes, aggregator.lines)
  const partial = aggregator.result()
  post({ type: 'partial', partial, seconds: (performance.now() - started) / 1000, loop: aggregator.engine }, partialTransferables(partial))
}

/** Deals generated chunks round-robin to the consumers, at most 4 in flight per consumer. */
async function produce(job: Extract<LabJob, { type: 'produce' }>): Promise<void> {
  const gen = generator(job.source)
  const inFlight = job.ports.map(() => 0)
  const waiters: ((() => void) | null)[] = job.ports.map(() => null)
  job.ports.forEach((port, i) => {
    port.onmessage = () => {
      inFlight[i] = (inFlight[i] ?? 1) - 1
      waiters[i]?.()
      waiters[i] = null
    }
  })
  let next = 0
  for (let chunk = gen.next(); chunk !== null; chunk = gen.next()) {
    const i = next
    next = (next + 1) % job.ports.length
    while ((inFlight[i] ?? 0) >= 4) await new Promise<void>((resolve) => (waiters[i] = resolve))
    const copy = chunk.slice()
    inFlight[i] = (inFlight[i] ?? 0) + 1
    const message: ChunkMessage = { type: 'chunk', bytes: copy.buffer }
    job.ports[i]?.postMessage(message, [copy.buffer])
  }
  for (const port of job.ports) port.postMessage({ type: 'end' } satisfies ChunkMessage)
  post({ type: 'truth', truth: gen.truth(10) })
}

function consume(job: Extract<LabJob, { type: 'consume' }>): void {
  const started = performance.now()
  const report = reporter(job.slot, job.progress)
  const aggregator = new LogAggregator({ maxMemory: job.maxMemory, wasm: job.wasm })
  job.port.onmessage = (event: MessageEvent<ChunkMessage>) => {
    const message = event.data
    if (message.type === 'chunk') {
      aggregator.push(new Uint8Array(message.bytes))
      report(aggregator.bytes, aggregator.lines)
      job.port.postMessage('ack')
      return
    }
    aggregator.end()
    report(aggregator.bytes, aggregator.lines)
    const partial = aggregator.result()
    post({ type: 'partial', partial, seconds: (performance.now() - started) / 1000, loop: aggregator.engine }, partialTransferables(partial))
  }
}

/** Feeds generated lines at a steady rate; the dashboard gets a summary twice a second. */
function live(job: Extract<LabJob, { type: 'live' }>): void {
  const tick = 100
  const bytesPerTick = Math.max(256, Math.round((job.linesPerSecond * 200 * tick) / 1000))
  const gen = new LogGenerator({ size: Number.MAX_SAFE_INTEGER, seed: job.seed, ips: job.ips, chunkSize: bytesPerTick, linesPerSecond: job.linesPerSecond })
  const aggregator = new LogAggregator()
  let lastSummary = 0
  setInterval(() => {
    const chunk = gen.next()
    if (chunk) aggregator.push(chunk)
    const now = performance.now()
    if (now - lastSummary >= 500) {
      lastSummary = now
      post({ type: 'live', summary: summarize(aggregator.result(), { top: 10 }), linesPerSecond: job.linesPerSecond })
    }
  }, tick)
}

scope.addEventListener('message', (event: MessageEvent<LabJob>) => {
  const job = event.data
  const run = async (): Promise<void> => {
    switch (job.type) {
      case 'single':
        return single(job)
      case 'range':
        return range(job)
      case 'produce':
        return produce(job)
      case 'consume':
        return consume(job)
      case 'live':
        return live(job)
    }
  }
  run().catch((error: unknown) => {
    post({ type: 'error', message: error instanceof Error ? error.message : String(error) })
  })
})
