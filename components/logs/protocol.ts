import type { LogTruth } from '../../demos/logs/generate'
import type { LogPartial } from '../../demos/logs/partial'
import type { LogSummary } from '../../demos/logs/summary'
import type { NaiveResult } from '../../demos/logs/naive'

/**
 * Messages between the 8.7 lab page and its workers. One worker runs one job; the page terminates
 * workers to cancel. Progress travels in a SharedArrayBuffer when the page is cross-origin isolated
 * (the counterpart of the homework's multiprocessing.Array), else in `progress` messages.
 */
export type Engine = 'naive' | 'stream' | 'parallel'

/** The stream engine's hot loop: WebAssembly SIMD or plain JavaScript (the counts are the same). */
export type Loop = 'wasm' | 'js'

export interface GeneratedSource {
  readonly kind: 'generated'
  readonly size: number
  readonly seed: number
  readonly ips: number
  readonly ipv6: number
  readonly malformed: number
}

export interface FileSource {
  readonly kind: 'file'
  readonly file: File
}

export type LabSource = GeneratedSource | FileSource

/** Page → worker: the whole job in one worker (naive or stream engine). */
export interface SingleJob {
  readonly type: 'single'
  readonly engine: 'naive' | 'stream'
  readonly source: LabSource
  readonly maxMemory: number
  /** Let the stream engine use its WebAssembly scanner where available (ignored by the naive one). */
  readonly wasm: boolean
  /** Slot in `progress` this worker writes (bytes read), or -1 to post progress messages. */
  readonly slot: number
  readonly progress: SharedArrayBuffer | null
}

/** Page → worker: one newline-aligned byte range of a file (parallel engine). */
export interface RangeJob {
  readonly type: 'range'
  readonly file: File
  readonly start: number
  readonly end: number
  readonly maxMemory: number
  readonly wasm: boolean
  readonly slot: number
  readonly progress: SharedArrayBuffer | null
}

/** Page → worker: produce a generated log and deal its chunks to consumer ports (parallel engine). */
export interface ProduceJob {
  readonly type: 'produce'
  readonly source: GeneratedSource
  readonly ports: readonly MessagePort[]
}

/** Page → worker: aggregate the chunks arriving on `port` (parallel engine, generated log). */
export interface ConsumeJob {
  readonly type: 'consume'
  readonly port: MessagePort
  readonly maxMemory: number
  readonly wasm: boolean
  readonly slot: number
  readonly progress: SharedArrayBuffer | null
}

/** Page → worker: generate lines at a steady rate and report the dashboard continuously. */
export interface LiveJob {
  readonly type: 'live'
  readonly linesPerSecond: number
  readonly seed: number
  readonly ips: number
}

export type LabJob = SingleJob | RangeJob | ProduceJob | ConsumeJob | LiveJob

export type LabWorkerMessage =
  | { readonly type: 'progress'; readonly bytes: number; readonly lines: number }
  | { readonly type: 'summary'; readonly summary: LogSummary; readonly truth: LogTruth | null; readonly seconds: number; readonly loop: Loop }
  | { readonly type: 'naive'; readonly result: NaiveResult; readonly truth: LogTruth | null; readonly seconds: number }
  | { readonly type: 'partial'; readonly partial: LogPartial; readonly seconds: number; readonly loop: Loop }
  | { readonly type: 'truth'; readonly truth: LogTruth }
  | { readonly type: 'live'; readonly summary: LogSummary; readonly linesPerSecond: number }
  | { readonly type: 'stopped'; readonly reason: string; readonly bytes: number; readonly lines: number }
  | { readonly type: 'error'; readonly message: string }

/** Messages on a producer → consumer port. */
export type ChunkMessage = { readonly type: 'chunk'; readonly bytes: ArrayBuffer } | { readonly type: 'end' }
