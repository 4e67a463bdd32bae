import type { RunKit } from '../runner/protocol'

/**
 * Type declarations of the kits (demos/runner/protocol.ts RUN_KITS) for the editor of an exercise
 * that uses one. Kept apart from the kits' code, so the page loads only these few lines.
 */
const LOGS = `/** A partial result of the 8.7 aggregator (demos/logs/partial.ts): mergeable, transferable. */
interface LogPartial {
  readonly type: 'log-partial'
  /** Bytes read. */
  readonly bytes: number
  /** Lines seen. */
  readonly lines: number
  /** Valid lines. */
  readonly pv: number
  readonly malformed: number
  readonly exact: boolean
}
interface LogSummary {
  readonly pv: number
  /** Distinct client addresses. */
  readonly uv: number
  readonly approximate: boolean
  readonly top: readonly { readonly ip: string; readonly hits: number }[]
  readonly lines: number
  readonly malformed: number
  readonly bytes: number
}
/** The log aggregator of section 8.7, ready to use (homework 2). */
declare const logs: {
  /** A generated nginx access log of about \`megabytes\` MB, as bytes (in a SharedArrayBuffer when the page is cross-origin isolated). */
  generate(megabytes: number, seed?: number): Uint8Array
  /** Counts the lines of log[start, end) on this thread. */
  count(log: Uint8Array, start?: number, end?: number): LogPartial
  /** Counts the lines of log[start, end) in a Web Worker of a pool (a new one when all are busy). */
  countInWorker(log: Uint8Array, start?: number, end?: number): Promise<LogPartial>
  /** Merges the partial results of two pieces of the log (both are consumed). */
  merge(a: LogPartial, b: LogPartial): LogPartial
  /** PV, UV and the top clients of a (merged) partial result. */
  summarize(partial: LogPartial): LogSummary
  /** True when generate() returns bytes in a SharedArrayBuffer. */
  readonly shared: boolean
}
`

export const KIT_TYPES: Readonly<Record<RunKit, string>> = { logs: LOGS }
