import type { Locale } from '../course/plan'
import type { RunKit } from '../runner/protocol'

/** Text in both languages of the site. */
export type Bilingual = Readonly<Record<Locale, string>>

/**
 * One hidden check. `code` is the body of an async function that runs in the worker after the
 * reader's code, so it sees the reader's top-level names; helpers are in `__ex` (see harness.ts).
 * It returns `true` / `false`, or `{ pass, detail?, figures?, trace? }` where `pass: null` means
 * "could not measure" (e.g. no memory figure in this browser): neither passed nor failed, and
 * `trace` is a call tree of timed spans (demos/flamegraph/trace.ts) that the page draws as a flame
 * graph.
 */
export interface ExerciseCheck {
  readonly id: string
  readonly title: Bilingual
  /** Shown when the check fails. */
  readonly hint: Bilingual
  readonly code: string
}

export interface Exercise {
  readonly id: string
  /** Section id from the course plan, e.g. "8.6"; the sidebar groups progress by it. */
  readonly section: string
  readonly title: Bilingual
  readonly task: Bilingual
  readonly starter: string
  /** The reference solution: shown after a failed attempt; must pass every check. */
  readonly solution: string
  readonly checks: readonly ExerciseCheck[]
  readonly timeLimitMs: number
  /** Label of the chart's x axis when the checks draw one (default: ms). */
  readonly chartX?: Bilingual
  /** Kits the code runs with (demos/runner/protocol.ts RUN_KITS), e.g. `logs`: the 8.7 aggregator as `logs`. */
  readonly kits?: readonly RunKit[]
  /**
   * The checks read memory with mark(): in a browser with performance.memory (Chromium) the attempt
   * runs on the page's thread, where that figure sees it (guarded like memory demos); elsewhere the
   * memory checks report "could not measure".
   */
  readonly memory?: boolean
  /** The starter fails only where Web Workers exist (the browser): Node unit tests skip that part. */
  readonly needsWorkers?: boolean
}

export type CheckResult = 'pass' | 'fail' | 'unmeasured'

/** What one check reported (the worker prints it as a marked console line). */
export interface CheckReport {
  readonly id: string
  readonly result: CheckResult
  readonly detail?: string
  readonly figures?: Readonly<Record<string, number>>
  /** A call tree of timed spans (`{ name, ms, children }`), drawn by the flame graph viewer. Not stored. */
  readonly trace?: unknown
}
