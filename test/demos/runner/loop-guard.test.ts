import { runInNewContext } from 'node:vm'
import { describe, expect, it } from 'vitest'
import type { LineMappings } from '../../../demos/runner/column-map'
import {
  createLoopGuard, DemoInterrupted, guardLoops, instrumentLoops, MAX_CLOCK_STRIDE, shiftColumns,
} from '../../../demos/runner/loop-guard'

type Body = (guard: () => void) => Promise<unknown>
const AsyncFunction = Object.getPrototypeOf(async function () {}).constructor as new (...args: string[]) => Body

/** Run an async function body with `G` as the guard; count the calls. */
async function runBody(code: string, guard: () => void = () => undefined): Promise<{ value: unknown; calls: number }> {
  let calls = 0
  const value = await new AsyncFunction('G', code)(() => {
    calls++
    guard()
  })
  return { value, calls }
}

class Stop extends Error {}
/** A guard that throws after `limit` calls, like the real one past its deadline. */
const throwAfter = (limit: number): (() => void) => {
  let calls = 0
  return () => {
    if (++calls > limit) throw new Stop('interrupted')
  }
}

describe('guardLoops: instrumentation', () => {
  const kinds: [string, string, number][] = [
    ['for', 'let n = 0\nfor (let i = 0; i < 5; i++) { n++ }\nreturn n', 5],
    ['for without a block', 'let n = 0\nfor (let i = 0; i < 5; i++) n++\nreturn n', 5],
    ['for(;;) with an empty body', 'let i = 0\nfor (;; i++) if (i === 4) break; else ;\nreturn i', 5],
    ['for-in', 'const keys = []\nfor (const k in { a: 1, b: 2, c: 3 }) keys.push(k)\nreturn keys.join()', 3],
    ['for-of', 'let s = 0\nfor (const x of [1, 2, 3, 4]) { s += x }\nreturn s', 4],
    ['for await', 'let s = 0\nfor await (const x of [Promise.resolve(1), 2]) s += x\nreturn s', 2],
    ['while', 'let i = 0\nwhile (i < 6) i++\nreturn i', 6],
    ['do-while', 'let i = 0\ndo { i++ } while (i < 3)\nreturn i', 3],
    ['do-while without a block', 'let i = 0\ndo i++; while (i < 3)\nreturn i', 3],
    ['do-while without a block or semicolon', 'let i = 0\ndo i++\nwhile (i < 3)\nreturn i', 3],
  ]
  it.each(kinds)('guards every iteration of %s and computes the same result', async (_kind, code, iterations) => {
    const guarded = guardLoops(code, 'G')
    expect(guarded).not.toBe(code)
    const plain = await runBody(code)
    const checked = await runBody(guarded)
    expect(checked.value).toEqual(plain.value)
    expect(plain.calls).toBe(0)
    expect(checked.calls).toBe(iterations)
  })

  it('guards every function call: declarations, expressions, arrows, methods, accessors, callbacks', async () => {
    const code = [
      'function twice(x) { return 2 * x }',
      'const half = function (x) { return x / 2 }',
      'const inc = (x) => x + 1',
      'const obj = { get ten() { return 10 }, add(a, b) { return a + b } }',
      'class Box { constructor(v) { this.v = v } get value() { return this.v } }',
      'const pair = () => ({ a: 1 })',
      'return [twice(3), half(8), inc(1), obj.ten, obj.add(1, 2), new Box(5).value, pair().a, [1, 2, 3].map((x) => x * x)]',
    ].join('\n')
    const plain = await runBody(code)
    const checked = await runBody(guardLoops(code, 'G'))
    expect(checked.value).toEqual([6, 4, 2, 10, 3, 5, 1, [1, 4, 9]])
    expect(checked.value).toEqual(plain.value)
    expect(checked.calls).toBe(8 + 3) // one call each, and the map callback three times
  })

  it('keeps every line where it was', () => {
    const code = [
      "'use strict'; {",
      'for (let i = 0; i < 3; i++) sum += i',
      'while (busy())',
      '  step()',
      'do {',
      '  x = next(x)',
      '} while (x)',
      'const f = (a) =>',
      '  a * 2',
      'function g() {',
      '  return f(1)',
      '}',
      'return await g()',
      '}',
      '//# sourceURL=demo.js',
    ].join('\n')
    const guarded = guardLoops(code, 'G')
    expect(guarded.split('\n')).toHaveLength(code.split('\n').length)
    expect(guarded.split('\n')).toEqual([
      "'use strict'; {",
      'for (let i = 0; i < 3; i++) {G();sum += i}',
      'while (busy())',
      '  {G();step()}',
      'do {G();',
      '  x = next(x)',
      '} while (x)',
      'const f = (a) =>',
      '  (G(), a * 2)',
      'function g() {G();',
      '  return f(1)',
      '}',
      'return await g()',
      '}',
      '//# sourceURL=demo.js',
    ])
  })

  it('keeps labels, break label and continue label working', async () => {
    const code = `
      const hits = []
      outer: for (let i = 0; i < 4; i++)
        inner: for (let j = 0; j < 4; j++) {
          if (j > i) continue outer
          if (i === 3) break outer
          if (j === 1) continue inner
          hits.push(i * 10 + j)
        }
      return hits`
    const guarded = guardLoops(code, 'G')
    expect((await runBody(guarded)).value).toEqual([0, 10, 20, 22])
    expect((await runBody(guarded)).value).toEqual((await runBody(code)).value)
  })

  it('nests insertions where loop and arrow bodies start or end together', async () => {
    expect(guardLoops('for(;;) for(;;) x;', 'G')).toBe('for(;;) {G();for(;;) {G();x;}}')
    expect(guardLoops('a => b => c', 'G')).toBe('a => (G(), b => (G(), c))')
    expect(guardLoops('while (a) f = () => c\nfoo()', 'G')).toBe('while (a) {G();f = () => (G(), c)}\nfoo()')
    const code = 'let n = 0; const fs = []\nfor (let i = 0; i < 3; i++) fs.push(() => i * 2)\nfor (const f of fs) n += f()\nreturn n'
    expect(await runBody(guardLoops(code, 'G'))).toEqual({ value: 6, calls: 3 + 3 + 3 })
  })

  it('leaves directive prologues in place', () => {
    expect(guardLoops('function f() { "use strict"; return 1 }', 'G')).toBe('function f() { "use strict";;G(); return 1 }')
    expect(guardLoops('function f() {}', 'G')).toBe('function f() {G();}')
  })

  it('parses top-level await and return, and keeps the sourceURL comment', () => {
    const code = "'use strict'; {\nconst v = await p\nwhile (v) break\nreturn v\n}\n//# sourceURL=demo.js"
    expect(guardLoops(code, 'G')).toBe("'use strict'; {\nconst v = await p\nwhile (v) {G();break}\nreturn v\n}\n//# sourceURL=demo.js")
  })

  it('returns code that does not parse unchanged', () => {
    for (const broken of ['for (;;) {', 'let a = 1\nlet a = 2', 'import x from "y"', "'use strict'; with (o) {}"]) {
      expect(guardLoops(broken, 'G')).toBe(broken)
      expect(instrumentLoops(broken, 'G')).toBeUndefined()
    }
  })

  it('rejects a guard name that is not an identifier', () => {
    expect(() => guardLoops('x', 'a-b')).toThrow(TypeError)
  })
})

describe('guardLoops: runaway code is interrupted when the guard throws', () => {
  it.each([
    ['while (true) {}', 'while(true){}'],
    ['for (;;);', 'for(;;);'],
    ['do {} while (1)', 'do{}while(1)'],
    ['for-of over an endless generator', 'function* ones() { for (;;) yield 1 }\nfor (const x of ones()) {}'],
    ['infinite recursion', 'function down(n) { return down(n + 1) }\ndown(0)'],
    ['mutual recursion through arrows', 'const a = (n) => b(n)\nconst b = (n) => a(n)\na(0)'],
    ['a heavy forEach callback', 'const big = Array.from({ length: 1e9 > 0 ? 100 : 0 }, (_, i) => i)\nwhile (true) big.forEach((x) => x)'],
    ['an interruption the demo catches', 'for (;;) { try { while (true) {} } catch (e) {} }'],
    ['a catch that starts the loop over', 'function spin() { try { for (;;) {} } catch { spin() } }\nspin()'],
    ['a finally that continues', 'outer: for (;;) { try { for (;;) {} } finally { continue outer } }'],
  ])('%s', (_name, code) => {
    const guarded = guardLoops(code, 'G')
    // vm's timeout turns a guard that does not work into a failure instead of a hung test run.
    const runaway = (): unknown => runInNewContext(`(function () { 'use strict';\n${guarded}\n})()`, { G: throwAfter(1000) }, { timeout: 2000 })
    expect(runaway).toThrow(Stop)
  })
})

describe('shiftColumns', () => {
  it('moves the segments after an insertion on the same line, from the first line of the map on', () => {
    const columns: LineMappings = [[[0, 0, 0], [10, 0, 12]], [[0, 1, 0], [4, 1, 4], [9, 1, 11]]]
    const shifted = shiftColumns(columns, [
      { line: 0, column: 3, length: 99 }, // the wrapper's line: not in the map
      { line: 2, column: 4, length: 5 },
      { line: 2, column: 9, length: 1 },
    ], 1)
    expect(shifted).toEqual([[[0, 0, 0], [10, 0, 12]], [[0, 1, 0], [9, 1, 4], [15, 1, 11]]])
    expect(columns[1]![1]).toEqual([4, 1, 4]) // not mutated
  })

  it('reports insertions by line and column of the input', () => {
    expect(instrumentLoops('x\nwhile (a) b()\n', 'G')?.insertions).toEqual([
      { line: 1, column: 10, length: 5 },
      { line: 1, column: 13, length: 1 },
    ])
  })
})

describe('createLoopGuard', () => {
  const clock = (): { now: () => number; advance: (ms: number) => void; readings: () => number } => {
    let t = 0
    let readings = 0
    return {
      now: () => {
        readings++
        return t
      },
      advance: (ms) => { t += ms },
      readings: () => readings,
    }
  }

  it('throws DemoInterrupted once the clock passes the deadline, then on every call', () => {
    const time = clock()
    let interrupts = 0
    const guard = createLoopGuard({ deadline: () => 100, isStopped: () => false, now: time.now, onInterrupt: () => { interrupts++ } })
    for (let i = 0; i < 50; i++) {
      guard()
      time.advance(1.5)
    }
    time.advance(100)
    let thrown: unknown
    try {
      for (let i = 0; i < 10; i++) guard()
    } catch (error) {
      thrown = error
    }
    expect(thrown).toBeInstanceOf(DemoInterrupted)
    expect(thrown).toMatchObject({ name: 'DemoInterrupted', reason: 'timeout' })
    expect(() => { guard() }).toThrow(thrown as Error)
    expect(() => { guard() }).toThrow(DemoInterrupted)
    expect(interrupts).toBe(1)
  })

  it('throws at once when stopped, and keeps throwing after the stop is lifted', () => {
    let stopped = false
    const guard = createLoopGuard({ deadline: () => Infinity, isStopped: () => stopped })
    guard()
    stopped = true
    expect(() => { guard() }).toThrow(expect.objectContaining({ reason: 'stopped' }) as unknown as Error)
    stopped = false
    expect(() => { guard() }).toThrow(DemoInterrupted)
  })

  it('reads the clock rarely in fast loops and on every call once calls are slow', () => {
    const time = clock()
    const guard = createLoopGuard({ deadline: () => 1e9, isStopped: () => false, now: time.now })
    for (let i = 0; i < 100_000; i++) guard()
    const fast = time.readings()
    expect(fast).toBeLessThan(100_000 / MAX_CLOCK_STRIDE + 20)
    // A slow phase: after at most one full stride, every call reads the clock.
    for (let i = 0; i < MAX_CLOCK_STRIDE; i++) {
      time.advance(2)
      guard()
    }
    const beforeSlow = time.readings()
    for (let i = 0; i < 20; i++) {
      time.advance(2)
      guard()
    }
    expect(time.readings() - beforeSlow).toBe(20)
  })

  it('catches a slow loop past its deadline within a call or two', () => {
    const time = clock()
    const guard = createLoopGuard({ deadline: () => 50, isStopped: () => false, now: time.now })
    let calls = 0
    expect(() => {
      for (;;) {
        calls++
        guard()
        time.advance(5)
      }
    }).toThrow(DemoInterrupted)
    expect(calls).toBeLessThanOrEqual(13)
  })
})

describe('guardLoops: cooperative loops (the page-thread runs)', () => {
  const yieldCall = 'if (G()) await G.pause();'

  it('lets loops yield where await is allowed, and only there', () => {
    const code = [
      'while (a) x()',
      'async function f() { for (;;) y() }',
      'function g() { for (;;) z() }',
      'const h = async () => { do w(); while (b) }',
      'async function k() { [1].forEach(() => { for (;;) v() }) }',
      'class C { static { for (;;) u() } }',
    ].join('\n')
    const guarded = guardLoops(code, 'G', { cooperative: true }).split('\n')
    expect(guarded[0]).toBe(`while (a) {${yieldCall}x()}`)
    expect(guarded[1]).toBe(`async function f() {G(); for (;;) {${yieldCall}y()} }`)
    expect(guarded[2]).toBe('function g() {G(); for (;;) {G();z()} }')
    expect(guarded[3]).toBe(`const h = async () => {G(); do {${yieldCall}w();} while (b) }`)
    expect(guarded[4]).toBe('async function k() {G(); [1].forEach(() => {G(); for (;;) {G();v()} }) }')
    expect(guarded[5]).toBe('class C { static { for (;;) {G();u()} } }')
    // Without the option nothing changes.
    expect(guardLoops('while (a) x()', 'G')).toBe('while (a) {G();x()}')
  })

  it('answers a stop that arrives through the event loop while a top-level loop spins', async () => {
    let stopped = false
    const guard = createLoopGuard({ deadline: () => Infinity, isStopped: () => stopped })
    const started = performance.now()
    setTimeout(() => { stopped = true }, 100) // the click on Stop: a task, which only runs when the loop yields
    const body = new (Object.getPrototypeOf(async function () {}).constructor as new (...args: string[]) => (g: unknown) => Promise<unknown>)(
      'G', guardLoops('let spins = 0\nwhile (true) spins++\nreturn spins', 'G', { cooperative: true }),
    )
    await expect(body(guard)).rejects.toMatchObject({ reason: 'stopped' })
    const took = performance.now() - started
    expect(took).toBeGreaterThanOrEqual(95)
    expect(took).toBeLessThan(100 + 10 * 40) // well within a second: yields come every YIELD_EVERY_MS
  })

  it('asks for a pause only after YIELD_EVERY_MS of work', () => {
    let t = 0
    const guard = createLoopGuard({ deadline: () => Infinity, isStopped: () => false, now: () => t })
    expect(guard()).toBe(false)
    t = 39
    expect(guard()).toBe(false)
    t = 41
    expect(guard()).toBe(true)
  })
})
