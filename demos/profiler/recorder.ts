/**
 * The profiler's clock work: the hooks object that instrumented code calls (see instrument.ts) and
 * the pstats-like result.
 *
 * Model (the same as cProfile's): a stack of frames. A frame's own time (tottime) is its time on the
 * stack minus the time of the frames called from it; its cumulative time (cumtime) is its time on the
 * stack, counted only while it is the outermost frame of its function, so recursion is not counted
 * twice. An exception unwinding through a frame ends it as a return would (the transform uses
 * `finally`).
 *
 * Async functions and generators: ncalls counts calls (for a generator: runs started by the first
 * `next()`), not resumptions. Each synchronous stretch between `await` / `yield` is timed; the time
 * spent waiting is NOT counted (a reader wants where the CPU went, and another function runs while
 * this one waits). A frame resumed after `await` sits on top of whatever runs then (usually nothing).
 * Known skew: an instrumented `await` takes one more microtask turn than a plain one.
 */
export interface FunctionStats {
  readonly id: number
  readonly name: string
  readonly line: number
  readonly ncalls: number
  /** Own time, ms. */
  readonly tottime: number
  /** Time on the stack including callees, counted once under recursion, ms. */
  readonly cumtime: number
}

export interface LineStats {
  readonly line: number
  /** The line's text (when the source was given to result()). */
  readonly text?: string
  readonly hits: number
  /** ms */
  readonly time: number
}

export interface LineProfile {
  readonly function: string
  /** Line of the function. */
  readonly line: number
  /** Every line of the function (lines never reached have 0 hits), or only the hit ones without a source. */
  readonly lines: readonly LineStats[]
  /** Sum of the times of its lines, ms. */
  readonly total: number
}

export interface ProfileResult {
  readonly functions: readonly FunctionStats[]
  readonly lineProfiles: readonly LineProfile[]
  /** Smallest positive step of the clock observed, ms. */
  readonly timerResolutionMs: number
  /** Measured cost of one instrumented call (enter + exit) and one line hit, ms. */
  readonly overhead: { readonly perCallMs: number; readonly perLineMs: number }
  /** Calls and line hits of this run times their measured cost: what instrumentation added, ms. */
  readonly estimatedOverheadMs: number
}

export interface FunctionInfo {
  readonly id: number
  readonly name: string
  readonly line: number
  readonly endLine?: number
  readonly lineProfiled: boolean
}

interface Frame {
  readonly fn: number
  /** Start of the current segment. */
  start: number
  /** Time of callees in the current segment. */
  child: number
  state: 'running' | 'suspended' | 'done'
  lastLine: number
  lastT: number
}

interface Settled {
  readonly failed: boolean
  readonly value: unknown
}

export interface ProfilerHooks {
  /** Enter function `id`: a new frame on the stack. */
  e(id: number): Frame
  /** Exit (return or throw). */
  x(frame: Frame): void
  /** Before `await`: leave the stack; the argument comes back as a promise that never rejects. */
  s(frame: Frame, value: unknown): Promise<Settled>
  /** Before `yield`: leave the stack; the argument comes back as is. */
  y<T>(frame: Frame, value: T): T
  /** After `await` / `yield`: back on the stack; unwraps what s() wrapped. */
  r(frame: Frame, value: unknown): unknown
  /** Line hit. */
  l(frame: Frame, line: number): void
}

export interface Profiler {
  readonly hooks: ProfilerHooks
  /** The figures so far; with the demo's source, line profiles list every line with its text. */
  result(source?: string): ProfileResult
}

const SETTLED = Symbol('settled')
const ok = (value: unknown): Settled & { [SETTLED]: true } => ({ failed: false, value, [SETTLED]: true })
const fail = (value: unknown): Settled & { [SETTLED]: true } => ({ failed: true, value, [SETTLED]: true })
function isSettled(value: unknown): value is Settled {
  return typeof value === 'object' && value !== null && SETTLED in value
}

/** Smallest positive step between consecutive readings of `now`, ms. */
export function clockResolution(now: () => number): number {
  let best = Infinity
  let last = now()
  for (let i = 0; i < 200_000 && best > 0.0005; i++) {
    const t = now()
    if (t > last) {
      best = Math.min(best, t - last)
      last = t
    }
  }
  return Number.isFinite(best) ? best : 0
}

export function createProfiler(functions: readonly FunctionInfo[], now: () => number = () => performance.now()): Profiler {
  const ncalls = new Float64Array(functions.length)
  const tottime = new Float64Array(functions.length)
  const cumtime = new Float64Array(functions.length)
  const onStack = new Int32Array(functions.length)
  /** Per function id: line → hits and time. */
  const lineHits = new Map<number, Map<number, { hits: number; time: number }>>()
  const linesOf = (fn: number): Map<number, { hits: number; time: number }> => {
    let lines = lineHits.get(fn)
    if (!lines) lineHits.set(fn, (lines = new Map()))
    return lines
  }
  let totalLineHits = 0
  let totalCalls = 0
  const stack: Frame[] = []

  const closeSegment = (frame: Frame, t: number): void => {
    const segment = t - frame.start
    tottime[frame.fn] = (tottime[frame.fn] ?? 0) + Math.max(0, segment - frame.child)
    if (onStack[frame.fn] === 1) cumtime[frame.fn] = (cumtime[frame.fn] ?? 0) + segment
    onStack[frame.fn] = (onStack[frame.fn] ?? 1) - 1
    const parent = stack.at(-1)
    if (parent) parent.child += segment
    if (frame.lastLine >= 0) {
      const entry = linesOf(frame.fn).get(frame.lastLine)
      if (entry) entry.time += t - frame.lastT
      frame.lastLine = -1
    }
  }

  /** Take `frame` off the stack (and anything left above it, which can only be a broken frame). */
  const leave = (frame: Frame, state: 'suspended' | 'done'): void => {
    if (frame.state !== 'running') {
      frame.state = state === 'done' ? 'done' : frame.state
      return
    }
    const t = now()
    const index = stack.lastIndexOf(frame)
    if (index < 0) {
      frame.state = state
      return
    }
    while (stack.length > index + 1) {
      const above = stack.pop()
      if (above) {
        closeSegment(above, t)
        above.state = 'suspended'
      }
    }
    stack.pop()
    closeSegment(frame, t)
    frame.state = state
  }

  const hooks: ProfilerHooks = {
    e(id) {
      totalCalls++
      ncalls[id] = (ncalls[id] ?? 0) + 1
      onStack[id] = (onStack[id] ?? 0) + 1
      const frame: Frame = { fn: id, start: 0, child: 0, state: 'running', lastLine: -1, lastT: 0 }
      stack.push(frame)
      frame.start = now()
      return frame
    },
    x(frame) {
      leave(frame, 'done')
    },
    s(frame, value) {
      leave(frame, 'suspended')
      return Promise.resolve(value).then(ok, fail)
    },
    y(frame, value) {
      leave(frame, 'suspended')
      return value
    },
    r(frame, value) {
      if (frame.state === 'suspended') {
        frame.state = 'running'
        frame.child = 0
        onStack[frame.fn] = (onStack[frame.fn] ?? 0) + 1
        stack.push(frame)
        frame.start = now()
      }
      if (!isSettled(value)) return value
      if (value.failed) throw value.value
      return value.value
    },
    l(frame, line) {
      const t = now()
      totalLineHits++
      const lines = linesOf(frame.fn)
      if (frame.lastLine >= 0) {
        const previous = lines.get(frame.lastLine)
        if (previous) previous.time += t - frame.lastT
      }
      const entry = lines.get(line)
      if (entry) entry.hits++
      else lines.set(line, { hits: 1, time: 0 })
      frame.lastLine = line
      frame.lastT = now() // a second reading: the hook's own work is not counted to the line
    },
  }

  return {
    hooks,
    result(source) {
      const overhead = measureOverhead(now)
      const stats: FunctionStats[] = functions
        .filter((fn) => (ncalls[fn.id] ?? 0) > 0)
        .map((fn) => ({ id: fn.id, name: fn.name, line: fn.line, ncalls: ncalls[fn.id] ?? 0, tottime: tottime[fn.id] ?? 0, cumtime: cumtime[fn.id] ?? 0 }))
      const lineProfiles: LineProfile[] = []
      for (const fn of functions.filter((f) => f.lineProfiled)) {
        const hit = lineHits.get(fn.id) ?? new Map<number, { hits: number; time: number }>()
        let lines: LineStats[]
        if (source !== undefined && fn.endLine !== undefined) {
          const texts = source.split('\n')
          lines = []
          for (let line = fn.line; line <= fn.endLine; line++) {
            lines.push({ line, text: texts[line - 1] ?? '', hits: hit.get(line)?.hits ?? 0, time: hit.get(line)?.time ?? 0 })
          }
        } else {
          lines = [...hit.entries()].map(([line, { hits, time }]) => ({ line, hits, time })).sort((a, b) => a.line - b.line)
        }
        lineProfiles.push({ function: fn.name, line: fn.line, lines, total: lines.reduce((sum, l) => sum + l.time, 0) })
      }
      return {
        functions: stats,
        lineProfiles,
        timerResolutionMs: clockResolution(now),
        overhead,
        estimatedOverheadMs: totalCalls * overhead.perCallMs + totalLineHits * overhead.perLineMs,
      }
    },
  }
}

/** Times a private profiler's enter/exit and line hooks on an empty function. */
function measureOverhead(now: () => number): { perCallMs: number; perLineMs: number } {
  const probe = createProfiler([{ id: 0, name: 'probe', line: 0, lineProfiled: false }], now).hooks
  const calls = 20_000
  let perCallMs = Infinity
  let perLineMs = Infinity
  for (let round = 0; round < 3; round++) { // the best of three: the first one warms the JIT up
    const t0 = now()
    for (let i = 0; i < calls; i++) probe.x(probe.e(0))
    const t1 = now()
    const frame = probe.e(0)
    for (let i = 0; i < calls; i++) probe.l(frame, i & 7)
    const t2 = now()
    probe.x(frame)
    perCallMs = Math.min(perCallMs, (t1 - t0) / calls)
    perLineMs = Math.min(perLineMs, (t2 - t1) / calls)
  }
  return { perCallMs: Math.max(0, perCallMs), perLineMs: Math.max(0, perLineMs) }
}
