import { ref, shallowRef, type Ref, type ShallowRef } from 'vue'
import type { LogTruth } from '../../demos/logs/generate'
import { mergeResults, type LogPartial } from '../../demos/logs/partial'
import { summarize, type LogSummary, type TopClient } from '../../demos/logs/summary'
import type { NaiveResult } from '../../demos/logs/naive'
import LogWorker from './log.worker?worker'
import type { Engine, FileSource, GeneratedSource, LabJob, LabSource, LabWorkerMessage, Loop } from './protocol'

/**
 * The 8.7 lab's state: runs an engine over a source in workers, shows progress at least 10 times a
 * second, and keeps the result. Cancel terminates every worker at once.
 */
export type LabState = 'idle' | 'running' | 'done' | 'error' | 'stopped'

export interface LabResult {
  readonly engine: Engine
  readonly workers: number
  readonly pv: number
  readonly uv: number
  readonly approximate: boolean
  readonly uvRange: readonly [number, number] | null
  readonly top: readonly TopClient[]
  readonly perMinute: readonly (readonly [number, number])[]
  readonly malformed: number
  readonly examples: LogSummary['malformedExamples']
  readonly bytes: number
  readonly lines: number
  readonly seconds: number
  readonly truth: LogTruth | null
  /** The stream engine's loop that ran (for parallel: 'wasm' only if it ran in every worker); null for naive. */
  readonly loop: Loop | null
  /** The WebAssembly scanner was asked for but the runtime lacks WebAssembly SIMD: JavaScript ran. */
  readonly wasmUnavailable: boolean
}

export interface RunOptions {
  /** Memory budget of each worker's tables (default 64 MiB). */
  readonly maxMemory?: number
  /** Let the stream engine use its WebAssembly SIMD scanner where available (default true). */
  readonly wasm?: boolean
}

const DEFAULT_RUN: Required<RunOptions> = { maxMemory: 64 * 1024 * 1024, wasm: true }

export interface LabProgress {
  bytes: number
  lines: number
  elapsedMs: number
  /** Bytes of the input when known (generated size, plain file size). */
  total: number | null
}

export interface LogLab {
  state: Ref<LabState>
  progress: Ref<LabProgress>
  result: ShallowRef<LabResult | null>
  live: ShallowRef<LogSummary | null>
  /** Why a run stopped early or failed ('naive-memory', 'cancelled', or an error message). */
  reason: Ref<string | null>
  /** Samples of throughput for the chart: [ms since start, MB/s]. */
  throughput: ShallowRef<[number, number][]>
  shared: boolean
  start(source: LabSource, engine: Engine, options?: RunOptions): void
  startLive(linesPerSecond: number, seed: number): void
  cancel(): void
}

/** The loop of a run over several workers: 'wasm' only if every worker ran it. */
export function combinedLoop(loops: readonly Loop[]): Loop {
  return loops.length > 0 && loops.every((loop) => loop === 'wasm') ? 'wasm' : 'js'
}

function toResult(
  engine: Engine,
  workers: number,
  summary: LogSummary,
  truth: LogTruth | null,
  seconds: number,
  loop: Loop,
  wasmRequested: boolean,
): LabResult {
  return {
    engine,
    workers,
    pv: summary.pv,
    uv: summary.uv,
    approximate: summary.approximate,
    uvRange: summary.approximate ? summary.errorBounds.uvRange : null,
    top: summary.top,
    perMinute: summary.perMinute,
    malformed: summary.malformed,
    examples: summary.malformedExamples,
    bytes: summary.bytes,
    lines: summary.lines,
    seconds,
    truth,
    loop,
    wasmUnavailable: wasmRequested && loop === 'js',
  }
}

function naiveResult(result: NaiveResult, truth: LogTruth | null, seconds: number): LabResult {
  return {
    engine: 'naive',
    workers: 1,
    pv: result.pv,
    uv: result.uv,
    approximate: false,
    uvRange: null,
    top: result.top,
    perMinute: [],
    malformed: result.malformed,
    examples: [],
    bytes: result.bytes,
    lines: result.lines,
    seconds,
    truth,
    loop: null,
    wasmUnavailable: false,
  }
}

export function useLogLab(): LogLab {
  const state = ref<LabState>('idle')
  const progress = ref<LabProgress>({ bytes: 0, lines: 0, elapsedMs: 0, total: null })
  const result = shallowRef<LabResult | null>(null)
  const live = shallowRef<LogSummary | null>(null)
  const reason = ref<string | null>(null)
  const throughput = shallowRef<[number, number][]>([])
  const shared = typeof SharedArrayBuffer === 'function' && globalThis.crossOriginIsolated === true

  let workers: Worker[] = []
  let timer: ReturnType<typeof setInterval> | undefined
  let startedAt = 0
  let perWorker: { bytes: number; lines: number }[] = []
  let sab: SharedArrayBuffer | null = null
  /** The current run's options, the same for every worker of it. */
  let settings = DEFAULT_RUN

  function stopAll(): void {
    for (const w of workers) w.terminate()
    workers = []
    if (timer !== undefined) clearInterval(timer)
    timer = undefined
  }

  function sample(): void {
    let bytes = 0
    let lines = 0
    if (sab) {
      const view = new Float64Array(sab)
      for (let i = 0; i < view.length; i += 2) {
        bytes += view[i] ?? 0
        lines += view[i + 1] ?? 0
      }
    } else {
      for (const p of perWorker) {
        bytes += p.bytes
        lines += p.lines
      }
    }
    const elapsedMs = performance.now() - startedAt
    const previous = progress.value
    progress.value = { ...previous, bytes, lines, elapsedMs }
    if (elapsedMs > 0) throughput.value = [...throughput.value, [elapsedMs, bytes / 1e6 / (elapsedMs / 1000)]]
  }

  function begin(total: number | null, count: number): void {
    stopAll()
    state.value = 'running'
    result.value = null
    live.value = null
    reason.value = null
    throughput.value = []
    perWorker = Array.from({ length: count }, () => ({ bytes: 0, lines: 0 }))
    sab = shared ? new SharedArrayBuffer(16 * count) : null
    startedAt = performance.now()
    progress.value = { bytes: 0, lines: 0, elapsedMs: 0, total }
    timer = setInterval(sample, 100)
  }

  function fail(message: string): void {
    stopAll()
    reason.value = message
    state.value = 'error'
  }

  function spawn(onMessage: (message: LabWorkerMessage, index: number) => void, index: number): Worker {
    const worker = new LogWorker()
    worker.onmessage = (event: MessageEvent<LabWorkerMessage>) => {
      const message = event.data
      if (message.type === 'progress') {
        perWorker[index] = { bytes: message.bytes, lines: message.lines }
        return
      }
      if (message.type === 'error') return fail(message.message)
      onMessage(message, index)
    }
    worker.onerror = (event) => {
      event.preventDefault()
      fail(event.message || 'A worker of the lab crashed.')
    }
    workers.push(worker)
    return worker
  }

  function finish(value: LabResult): void {
    sample()
    stopAll()
    result.value = value
    state.value = 'done'
  }

  function startSingle(source: LabSource, engine: 'naive' | 'stream', total: number | null): void {
    begin(total, 1)
    const { wasm } = settings // this run's, whatever a later run sets
    const worker = spawn((message) => {
      if (message.type === 'summary') finish(toResult('stream', 1, message.summary, message.truth, message.seconds, message.loop, wasm))
      else if (message.type === 'naive') finish(naiveResult(message.result, message.truth, message.seconds))
      else if (message.type === 'stopped') {
        sample()
        stopAll()
        reason.value = message.reason
        state.value = 'stopped'
      }
    }, 0)
    const job: LabJob = { type: 'single', engine, source, ...settings, slot: 0, progress: sab }
    worker.postMessage(job)
  }

  function parallelCount(): number {
    const cores = typeof navigator !== 'undefined' ? navigator.hardwareConcurrency || 2 : 2
    return Math.min(8, Math.max(2, cores))
  }

  function collect(expected: number, truthNeeded: boolean): (message: LabWorkerMessage) => void {
    const { wasm } = settings // this run's, whatever a later run sets
    const partials: LogPartial[] = []
    const loops: Loop[] = []
    let truth: LogTruth | null = null
    let seconds = 0
    return (message) => {
      if (message.type === 'partial') {
        partials.push(message.partial)
        loops.push(message.loop)
        seconds = Math.max(seconds, message.seconds)
      } else if (message.type === 'truth') {
        truth = message.truth
      }
      if (partials.length === expected && (!truthNeeded || truth !== null)) {
        const merged = partials.reduce((a, b) => mergeResults(a, b))
        const elapsed = (performance.now() - startedAt) / 1000
        finish(toResult('parallel', expected, summarize(merged, { top: 10 }), truth, elapsed, combinedLoop(loops), wasm))
      }
    }
  }

  function startParallelFile(source: FileSource): void {
    const n = parallelCount()
    const size = source.file.size
    begin(size, n)
    const onMessage = collect(n, false)
    for (let i = 0; i < n; i++) {
      const worker = spawn(onMessage, i)
      const job: LabJob = {
        type: 'range',
        file: source.file,
        start: Math.floor((i * size) / n),
        end: Math.floor(((i + 1) * size) / n),
        ...settings,
        slot: i,
        progress: sab,
      }
      worker.postMessage(job)
    }
  }

  function startParallelGenerated(source: GeneratedSource): void {
    const consumers = Math.max(1, parallelCount() - 1)
    begin(source.size, consumers)
    const onMessage = collect(consumers, true)
    const ports: MessagePort[] = []
    for (let i = 0; i < consumers; i++) {
      const channel = new MessageChannel()
      ports.push(channel.port1)
      const worker = spawn(onMessage, i)
      const job: LabJob = { type: 'consume', port: channel.port2, ...settings, slot: i, progress: sab }
      worker.postMessage(job, [channel.port2])
    }
    const producer = spawn(onMessage, consumers)
    const job: LabJob = { type: 'produce', source, ports }
    producer.postMessage(job, ports)
  }

  function start(source: LabSource, engine: Engine, options: RunOptions = {}): void {
    settings = { maxMemory: options.maxMemory ?? DEFAULT_RUN.maxMemory, wasm: options.wasm ?? DEFAULT_RUN.wasm }
    const total = source.kind === 'generated' ? source.size : /\.gz$/i.test(source.file.name) ? null : source.file.size
    if (engine !== 'parallel') return startSingle(source, engine, total)
    if (source.kind === 'file') {
      // A gzip stream cannot be split into byte ranges: it is read by one worker.
      if (total === null) return startSingle(source, 'stream', total)
      return startParallelFile(source)
    }
    return startParallelGenerated(source)
  }

  function startLive(linesPerSecond: number, seed: number): void {
    begin(null, 0)
    if (timer !== undefined) clearInterval(timer)
    timer = undefined
    const worker = spawn((message) => {
      if (message.type === 'live') live.value = message.summary
    }, 0)
    const job: LabJob = { type: 'live', linesPerSecond, seed, ips: 5000 }
    worker.postMessage(job)
  }

  function cancel(): void {
    if (state.value !== 'running') return
    sample()
    stopAll()
    reason.value = 'cancelled'
    state.value = 'stopped'
  }

  return { state, progress, result, live, reason, throughput, shared, start, startLive, cancel }
}
