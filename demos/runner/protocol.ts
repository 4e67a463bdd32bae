/**
 * The one protocol between the page and the demo worker. Every message is a plain,
 * structured-cloneable object with a `type` and the `id` of the run it belongs to, so the page can
 * drop messages of a run it has already abandoned.
 */
import type { ProfileResult } from '../profiler/recorder'

/** Run ids are positive integers chosen by the page; `ready` uses NO_RUN_ID because no run exists yet. */
export const NO_RUN_ID = 0

/** Page → worker: transpile and run this TypeScript demo. */
export interface RunRequest {
  readonly type: 'run'
  readonly id: number
  /** The demo's TypeScript source, exactly as the reader edited it. */
  readonly source: string
  /** Name shown in stack frames and error positions, e.g. `demo.ts`. */
  readonly fileName: string
  /** How long the page lets the run go before it terminates the worker (the page enforces it). */
  readonly timeLimitMs: number
  /** Profile the run (demos/profiler): a `profile` message comes before `done`. */
  readonly profile?: boolean
  /** Extra names for the code, loaded by the worker only when asked for (see RUN_KITS). */
  readonly kits?: readonly RunKit[]
}

/**
 * Kits a run can ask for: `logs` is the 8.7 aggregator as the object `logs` (homework 2, see
 * demos/exercises/logs-kit.ts). The worker loads a kit's code only for runs that name it.
 */
export const RUN_KITS = ['logs'] as const
export type RunKit = (typeof RUN_KITS)[number]

/**
 * Page → worker: the memory figure the page took for a `mark` (bytes, or null when it cannot
 * measure). The worker hands it to runtime's reportMarkResult so `await mark()` returns it.
 */
export interface MarkResultMessage {
  readonly type: 'mark-result'
  readonly id: number
  readonly label: string
  readonly bytes: number | null
}

/** Every message the page sends to the worker. */
export type PageMessage = RunRequest | MarkResultMessage

export type ConsoleLevel = 'log' | 'info' | 'warn' | 'error' | 'debug'

/** One benchmarked task; times are milliseconds per call. */
export interface BenchTaskResult {
  readonly name: string
  /** Measured calls (warm-up calls excluded). */
  readonly samples: number
  readonly mean: number
  readonly median?: number
  readonly p99?: number
  /** Relative margin of error of the mean, in percent (95 % confidence). */
  readonly rme: number
  /** Derived from the mean: `1000 / mean`. */
  readonly opsPerSec: number
  readonly min: number
  readonly max: number
}

export interface BenchResult {
  readonly tasks: readonly BenchTaskResult[]
  /** Smallest positive step between consecutive `performance.now()` readings, in ms. */
  readonly timerResolutionMs: number
  /** Human-readable caveats, e.g. a task too fast for the timer. */
  readonly warnings: readonly string[]
}

/** Worker → page: the worker script has loaded and waits for a `run` (id is NO_RUN_ID). */
export interface ReadyMessage {
  readonly type: 'ready'
  readonly id: number
}

/** Worker → page: one console call, its arguments formatted into a single line of text. */
export interface ConsoleMessage {
  readonly type: 'console'
  readonly id: number
  readonly level: ConsoleLevel
  readonly text: string
}

/** Worker → page: one console.table call; the first column is the index column. */
export interface TableMessage {
  readonly type: 'table'
  readonly id: number
  readonly columns: readonly string[]
  readonly rows: readonly (readonly string[])[]
}

/** Worker → page: new points ([x, y]) appended to the chart series `name`, batched. */
export interface SeriesMessage {
  readonly type: 'series'
  readonly id: number
  readonly name: string
  readonly points: readonly (readonly [number, number])[]
}

/** Worker → page: take a heap sample now; `t` is ms since the run started. */
export interface MarkMessage {
  readonly type: 'mark'
  readonly id: number
  readonly label: string
  readonly t: number
}

/** Worker → page: a `bench()` call finished. */
export interface BenchMessage {
  readonly type: 'bench'
  readonly id: number
  readonly result: BenchResult
}

/** Worker → page: the profile of a run made with `profile` (before its `done`). */
export interface ProfileMessage {
  readonly type: 'profile'
  readonly id: number
  readonly result: ProfileResult
}

/** Worker → page: the run finished normally (body settled, no timer pending); the last message of a run. */
export interface DoneMessage {
  readonly type: 'done'
  readonly id: number
  /** The value the demo `return`ed at top level, formatted; absent when it returned undefined. */
  readonly returned?: string
  readonly durationMs: number
}

export type ErrorKind = 'compile' | 'uncaught' | 'unhandled-rejection'

/** Worker → page: the run failed; the last message of a run. Positions are 1-based, in the TS source. */
export interface ErrorMessage {
  readonly type: 'error'
  readonly id: number
  readonly message: string
  readonly name: string
  readonly line?: number
  readonly column?: number
  /** Only the demo's own frames, rewritten to TypeScript positions. */
  readonly stack?: string
  readonly kind: ErrorKind
}

/** Every message the worker sends to the page. */
export type WorkerMessage =
  | ReadyMessage
  | ConsoleMessage
  | TableMessage
  | SeriesMessage
  | MarkMessage
  | BenchMessage
  | ProfileMessage
  | DoneMessage
  | ErrorMessage

export type WorkerMessageType = WorkerMessage['type']

export const WORKER_MESSAGE_TYPES: readonly WorkerMessageType[] = [
  'ready', 'console', 'table', 'series', 'mark', 'bench', 'profile', 'done', 'error',
]

/** Narrow a WorkerMessage by its type. */
export type WorkerMessageOf<T extends WorkerMessageType> = Extract<WorkerMessage, { type: T }>

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null
}

function isRunId(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0
}

/** Build a run request (the page side). */
export function runRequest(id: number, source: string, fileName: string, timeLimitMs: number, profile = false, kits: readonly RunKit[] = []): RunRequest {
  return { type: 'run', id, source, fileName, timeLimitMs, ...(profile ? { profile } : {}), ...(kits.length > 0 ? { kits } : {}) }
}

/** Validate what arrived in the worker's `message` event. */
export function isRunRequest(data: unknown): data is RunRequest {
  return (
    isRecord(data) &&
    data['type'] === 'run' &&
    isRunId(data['id']) &&
    typeof data['source'] === 'string' &&
    typeof data['fileName'] === 'string' &&
    typeof data['timeLimitMs'] === 'number' &&
    data['timeLimitMs'] > 0 &&
    (data['profile'] === undefined || typeof data['profile'] === 'boolean') &&
    (data['kits'] === undefined || (Array.isArray(data['kits']) && data['kits'].every((k) => (RUN_KITS as readonly unknown[]).includes(k))))
  )
}

/** Shallow check of what arrived in the page's `message` event: a known type and a numeric id. */
export function isWorkerMessage(data: unknown): data is WorkerMessage {
  return (
    isRecord(data) &&
    typeof data['id'] === 'number' &&
    (WORKER_MESSAGE_TYPES as readonly unknown[]).includes(data['type'])
  )
}

/** `done` and `error` end a run: nothing else arrives for that id afterwards. */
export function isFinalMessage(message: WorkerMessage): message is DoneMessage | ErrorMessage {
  return message.type === 'done' || message.type === 'error'
}
