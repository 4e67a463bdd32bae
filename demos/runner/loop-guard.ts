/**
 * Loop guard for demos that run on the page's main thread, where nothing can terminate them.
 *
 * guardLoops() rewrites the compiled demo (an async function BODY: top-level `await` and `return`
 * are allowed) so that a guard function is called at the start of the body of every loop (`for`,
 * `for-in`, `for-of`, `for await`, `while`, `do-while`) and of every function (declarations,
 * expressions, arrows, methods, accessors), which also catches runaway recursion and sync loops
 * driven by callbacks (`forEach`, `reduce`…). A loop body that is not a block becomes
 * `{ guard(); <body> }`; an arrow's expression body becomes `(guard(), <expression>)`.
 *
 * Nothing is inserted on a new line: every line keeps its number, but columns after an insertion
 * on the same line move right. `insertions` lists them so shiftColumns() can move the sucrase
 * column map along (then stack positions stay exact). Code that does not parse comes back
 * unchanged: the engine reports the syntax error.
 *
 * createLoopGuard() builds the guard: it throws DemoInterrupted once the run is stopped or past its
 * deadline, and after that on every call, so a demo's own try/catch cannot keep it going.
 * Limits: native work that calls no demo function (one huge `sort()`, `Array.from({ length: 1e9 })`)
 * cannot be interrupted; the guard's name is reserved (a demo that declares it opts out).
 */
import { parse, type AnyNode, type Function as FunctionNode, type Statement } from 'acorn'
import { ancestor } from 'acorn-walk'
import MagicString from 'magic-string'
import type { LineMappings, Segment } from './column-map'

/** Text inserted before `column` (0-based, in the input) of `line` (0-based). */
export interface Insertion {
  readonly line: number
  readonly column: number
  readonly length: number
}

export interface GuardedCode {
  readonly code: string
  /** Sorted by line, then column. */
  readonly insertions: readonly Insertion[]
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/

type Loop = Extract<AnyNode, { type: 'ForStatement' | 'ForInStatement' | 'ForOfStatement' | 'WhileStatement' | 'DoWhileStatement' }>

export interface InstrumentOptions {
  /**
   * Loops where `await` is allowed (the async top level of a demo, async functions) also yield to
   * the event loop when the guard says so: `if (guard()) await guard.pause();`. On the page's
   * thread this is what lets a click on Stop through while a long loop runs. Loops in plain
   * functions only get `guard();` (they cannot wait), so they end at the time limit, not on Stop.
   */
  readonly cooperative?: boolean
}

/** Whether `await` may appear directly in a loop with these ancestors (innermost last). */
function awaitAllowed(ancestors: readonly AnyNode[]): boolean {
  for (let i = ancestors.length - 2; i >= 0; i--) {
    const node = ancestors[i]
    if (!node) continue
    if (node.type === 'FunctionDeclaration' || node.type === 'FunctionExpression' || node.type === 'ArrowFunctionExpression') return node.async
    if (node.type === 'StaticBlock' || node.type === 'PropertyDefinition') return false
  }
  return true // the demo's top level is the body of an async function
}

/** guardLoops() with the list of insertions; undefined when the code does not parse. */
export function instrumentLoops(js: string, guardName: string, options: InstrumentOptions = {}): GuardedCode | undefined {
  if (!IDENTIFIER.test(guardName)) throw new TypeError(`guardLoops: "${guardName}" is not an identifier`)
  let program
  try {
    program = parse(js, {
      ecmaVersion: 'latest',
      sourceType: 'script',
      allowReturnOutsideFunction: true,
      allowAwaitOutsideFunction: true,
    })
  } catch {
    return undefined
  }
  const call = `${guardName}();`
  const text = new MagicString(js)
  const inserted = new Map<number, number>() // offset → characters inserted there
  // The walk is post-order (inner nodes first). Openers go in with prependRight and closers with
  // appendLeft, so where an outer and an inner insertion meet, they nest: `{g();{g();x;}}`.
  const open = (offset: number, content: string): void => {
    text.prependRight(offset, content)
    inserted.set(offset, (inserted.get(offset) ?? 0) + content.length)
  }
  const close = (offset: number, content: string): void => {
    text.appendLeft(offset, content)
    inserted.set(offset, (inserted.get(offset) ?? 0) + content.length)
  }

  const cooperativeCall = `if (${guardName}()) await ${guardName}.pause();`
  const guardStatement = (body: Statement, statement: string): void => {
    if (body.type === 'BlockStatement') {
      open(body.start + 1, statement)
    } else {
      open(body.start, `{${statement}`)
      close(body.end, '}')
    }
  }
  const guardLoop = (node: Loop, _state: unknown, ancestors: AnyNode[]): void => {
    guardStatement(node.body, options.cooperative === true && awaitAllowed(ancestors) ? cooperativeCall : call)
  }
  const guardFunction = (node: FunctionNode): void => {
    const { body } = node
    if (body.type !== 'BlockStatement') {
      open(body.start, `(${guardName}(), `)
      close(body.end, ')')
      return
    }
    const at = bodyStart(body.start, body.body)
    open(at.pos, at.prefix + call)
  }

  ancestor(program, {
    ForStatement: guardLoop,
    ForInStatement: guardLoop,
    ForOfStatement: guardLoop,
    WhileStatement: guardLoop,
    DoWhileStatement: guardLoop,
    Function: (node) => { guardFunction(node) },
  })
  return { code: text.toString(), insertions: toInsertions(js, inserted) }
}

/**
 * `js` with `guardName();` at the start of every loop body and function body, on the same lines.
 * Returns `js` unchanged when it does not parse.
 */
export function guardLoops(js: string, guardName: string, options: InstrumentOptions = {}): string {
  return instrumentLoops(js, guardName, options)?.code ?? js
}

/**
 * Where code may be inserted at the start of a function body: after the directive prologue, so that
 * `'use strict'` stays a directive. `prefix` ends the last directive's statement when there is one.
 */
export function bodyStart(blockStart: number, statements: readonly Statement[]): { pos: number; prefix: string } {
  let lastDirective: Statement | undefined
  for (const statement of statements) {
    if (statement.type !== 'ExpressionStatement' || statement.directive === undefined) break
    lastDirective = statement
  }
  return lastDirective ? { pos: lastDirective.end, prefix: ';' } : { pos: blockStart + 1, prefix: '' }
}

export function toInsertions(js: string, inserted: ReadonlyMap<number, number>): Insertion[] {
  const offsets = [...inserted.keys()].sort((a, b) => a - b)
  const insertions: Insertion[] = []
  let line = 0
  let lineStart = 0
  let scanned = 0
  for (const offset of offsets) {
    for (; scanned < offset; scanned++) {
      if (js.charCodeAt(scanned) === 10) { // '\n'; sucrase output and the wrapper use \n only
        line++
        lineStart = scanned + 1
      }
    }
    insertions.push({ line, column: offset - lineStart, length: inserted.get(offset) ?? 0 })
  }
  return insertions
}

/**
 * The sucrase column map, moved along the insertions. `firstLine` is the line of the guarded code
 * that is line 0 of the map (the wrapper's prefix lines come before the demo).
 */
export function shiftColumns(columns: LineMappings, insertions: readonly Insertion[], firstLine: number): LineMappings {
  const shifted: (readonly Segment[])[] = [...columns]
  const byLine = new Map<number, Insertion[]>()
  for (const insertion of insertions) {
    const line = insertion.line - firstLine
    if (line < 0 || line >= columns.length) continue
    const list = byLine.get(line)
    if (list) list.push(insertion)
    else byLine.set(line, [insertion])
  }
  for (const [line, here] of byLine) {
    shifted[line] = (columns[line] ?? []).map(([column, sourceLine, sourceColumn]): Segment => {
      const moved = here.reduce((sum, insertion) => (insertion.column <= column ? sum + insertion.length : sum), 0)
      return [column + moved, sourceLine, sourceColumn]
    })
  }
  return shifted
}

/** Thrown by the guard to end a runaway demo; the runtime ends the run without reporting it. */
export class DemoInterrupted extends Error {
  override readonly name = 'DemoInterrupted'
  readonly reason: 'stopped' | 'timeout'

  constructor(reason: 'stopped' | 'timeout') {
    super(reason === 'timeout' ? 'the demo ran past its time limit' : 'the demo was stopped')
    this.reason = reason
  }
}

export interface LoopGuardOptions {
  /** A `now()` value after which the guard throws. */
  readonly deadline: () => number
  /** Checked on every call, so it must be cheap (read a flag). */
  readonly isStopped: () => boolean
  /** The clock; performance.now() by default. */
  readonly now?: () => number
  /** Called once, before the first DemoInterrupted is thrown. */
  readonly onInterrupt?: (error: DemoInterrupted) => void
  /**
   * Lets the event loop run (cooperative loops await it); a 0 ms timeout by default. Not
   * scheduler.yield(): its continuation goes ahead of ordinary tasks, so in Chromium a loop that
   * yields with it starved the page's own timers and the test driver's tasks (measured).
   */
  readonly pause?: () => Promise<void>
}

/** A cooperative loop yields to the event loop after running this long (ms): Stop is answered within it. */
export const YIELD_EVERY_MS = 40

/** The guard: call it at each loop turn; true means "await guard.pause() now, if you can". */
export interface LoopGuard {
  (): boolean
  pause(): Promise<void>
}

function defaultPause(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0))
}

/** Most calls between two clock readings. */
export const MAX_CLOCK_STRIDE = 1024
/** Clock readings closer together than this (ms) double the stride; farther apart reset it to 1. */
const CLOCK_STEP_MS = 1

/**
 * The guard function. It reads the clock on an adaptive stride: after fast calls up to every
 * MAX_CLOCK_STRIDE calls, and on every call once calls take a millisecond or more, so tight loops
 * pay a counter decrement and slow ones are still caught within about a millisecond (a loop that
 * turns slow right after a fast phase may run up to MAX_CLOCK_STRIDE iterations before a reading).
 */
export function createLoopGuard(options: LoopGuardOptions): LoopGuard {
  const { deadline, isStopped, onInterrupt } = options
  const now = options.now ?? (() => performance.now())
  const pauseOnce = options.pause ?? defaultPause
  let interrupted: DemoInterrupted | undefined
  let stride = 1
  let countdown = 1
  let lastReading = now()
  let lastPause = lastReading

  const interrupt = (reason: 'stopped' | 'timeout'): never => {
    const error = new DemoInterrupted(reason)
    interrupted = error
    onInterrupt?.(error)
    throw error
  }

  const guard = (): boolean => {
    if (interrupted) throw interrupted
    if (isStopped()) interrupt('stopped')
    if (--countdown > 0) return false
    const reading = now()
    if (reading > deadline()) interrupt('timeout')
    stride = reading - lastReading < CLOCK_STEP_MS ? Math.min(stride * 2, MAX_CLOCK_STRIDE) : 1
    countdown = stride
    lastReading = reading
    return reading - lastPause >= YIELD_EVERY_MS
  }
  return Object.assign(guard, {
    async pause(): Promise<void> {
      await pauseOnce()
      lastPause = now()
      if (interrupted) throw interrupted
      if (isStopped()) interrupt('stopped')
    },
  })
}
