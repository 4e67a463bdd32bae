/**
 * The demo API as an ambient declaration file, for Monaco's `addExtraLib`, so the editor knows
 * `mark`, `chart`, `bench`, `sleep`, `keep` and `release`. `console` and the timers are the
 * platform's own declarations (lib.dom / lib.webworker); the runner's versions match them.
 * Keep in step with runtime.ts and protocol.ts (test/demos/runner/api-types.test.ts checks the
 * bench result types against the protocol's).
 */

export const DEMO_API_DTS = `/** Lesson 8 Lab demo API: these functions exist only inside a demo. */

/**
 * Ask the page to take a memory reading now, listed with \`label\`. Resolves to the figure in bytes
 * (null when the browser cannot measure); there is no need to await it.
 * Keep what you measure alive with \`keep()\` so it is still there when the reading is taken.
 */
declare function mark(label: string): Promise<number | null>;

/** Add a point to the chart series \`name\`; x is the time since the run started, in ms. */
declare function chart(name: string, y: number): void;
/** Add the point (x, y) to the chart series \`name\`. */
declare function chart(name: string, x: number, y: number): void;

/** Options of \`bench()\`. */
interface BenchOptions {
  /** Sampling time budget per task, in ms (default 500). */
  time?: number;
  /** Minimum measured calls per task (default 10). */
  iterations?: number;
  /** Warm-up time budget per task, in ms (default 100). */
  warmupTime?: number;
  /** Minimum warm-up calls per task (default 5). */
  warmupIterations?: number;
}

/** One task's timings, in ms per call. */
interface BenchTaskResult {
  readonly name: string;
  /** Measured calls (warm-up excluded). */
  readonly samples: number;
  readonly mean: number;
  readonly median?: number;
  readonly p99?: number;
  /** Relative margin of error of the mean, in percent. */
  readonly rme: number;
  /** 1000 / mean. */
  readonly opsPerSec: number;
  readonly min: number;
  readonly max: number;
}

interface BenchResult {
  readonly tasks: readonly BenchTaskResult[];
  /** Smallest step of performance.now() observed, in ms. */
  readonly timerResolutionMs: number;
  /** Caveats, e.g. a task too fast for the timer to measure. */
  readonly warnings: readonly string[];
}

/**
 * Benchmark named tasks (warm-up, then samples) and show the result table on the page.
 * @example const r = await bench({ push: () => arr.push(1), concat: () => arr.concat([1]) })
 */
declare function bench(tasks: Record<string, () => unknown>, options?: BenchOptions): Promise<BenchResult>;

/** Resolve after \`ms\` milliseconds. */
declare function sleep(ms: number): Promise<void>;

/** Keep \`value\` alive until the run ends (or \`release()\`), e.g. to measure it with \`mark()\`. */
declare function keep(value: unknown): void;

/** Drop everything \`keep()\` holds, so the garbage collector may reclaim it. */
declare function release(): void;
`

/**
 * TypeScript diagnostics to hide in the editor because the runner makes them wrong:
 * 1108 "A 'return' statement can only be used within a function body" (a top-level `return` is
 * the demo's result), and the "top-level await/for await only in modules" family (1375, 1378,
 * 1431, 1432), which only appears when demos are not compiled as modules.
 */
export const IGNORED_DIAGNOSTIC_CODES: readonly number[] = [1108, 1375, 1378, 1431, 1432]
