import { describe, expect, it } from 'vitest'
import { instrumentFunctions } from '../../../demos/profiler/instrument'
import { createProfiler, type FunctionStats, type ProfileResult } from '../../../demos/profiler/recorder'

type Body = (hooks: unknown) => Promise<unknown>
const AsyncFunction = Object.getPrototypeOf(async function () {}).constructor as new (...args: string[]) => Body

async function profile(js: string, now?: () => number): Promise<{ result: ProfileResult; returned: unknown; code: string }> {
  const instrumented = instrumentFunctions(js, { hooks: 'H' })
  if (!instrumented) throw new Error('did not parse')
  const profiler = createProfiler(instrumented.functions, now)
  const returned = await new AsyncFunction('H', instrumented.code)(profiler.hooks)
  return { result: profiler.result(), returned, code: instrumented.code }
}

function stats(result: ProfileResult, name: string): FunctionStats {
  const found = result.functions.find((fn) => fn.name === name)
  if (!found) throw new Error(`${name} not profiled: ${result.functions.map((fn) => fn.name).join(', ')}`)
  return found
}

function expectSane(result: ProfileResult): void {
  for (const fn of result.functions) {
    expect(fn.tottime, fn.name).toBeGreaterThanOrEqual(0)
    expect(fn.cumtime, fn.name).toBeGreaterThanOrEqual(0)
    expect(fn.cumtime + 1e-9, fn.name).toBeGreaterThanOrEqual(fn.tottime)
  }
}

describe('instrumentFunctions + createProfiler', () => {
  it('counts recursion exactly and its cumulative time once', async () => {
    const { result, returned } = await profile(`
      function fib(n) { return n < 2 ? n : fib(n - 1) + fib(n - 2) }
      function outer() { return fib(15) }
      return outer()`)
    expect(returned).toBe(610)
    const fib = stats(result, 'fib')
    expect(fib.ncalls).toBe(1973)
    expect(stats(result, 'outer').ncalls).toBe(1)
    expectSane(result)
    // Counted once: fib's cumulative time cannot exceed its caller's.
    expect(fib.cumtime).toBeLessThanOrEqual(stats(result, 'outer').cumtime + 1e-9)
  })

  it('gives exact times with a fake clock (one tick per reading)', async () => {
    let t = 0
    const { result } = await profile(`
      function leaf() { return 1 }
      function rec(n) { return n === 0 ? leaf() : rec(n - 1) }
      rec(2)`, () => t++)
    // Readings: e rec2 (0), e rec1 (1), e rec0 (2), e leaf (3), x leaf (4), x rec0 (5), x rec1 (6), x rec2 (7).
    expect(stats(result, 'leaf')).toMatchObject({ ncalls: 1, tottime: 1, cumtime: 1 })
    expect(stats(result, 'rec')).toMatchObject({ ncalls: 3, cumtime: 7, tottime: 6 })
  })

  it('names and counts closures, arrows and function expressions', async () => {
    const { result, returned } = await profile(`
      function makeCounter() {
        let count = 0
        return { inc: () => ++count, get: function () { return count } }
      }
      const counter = makeCounter()
      for (let i = 0; i < 5; i++) counter.inc()
      const double = (x) => x * 2
      return double(counter.get())`)
    expect(returned).toBe(10)
    expect(stats(result, 'makeCounter').ncalls).toBe(1)
    expect(stats(result, 'inc').ncalls).toBe(5)
    expect(stats(result, 'get').ncalls).toBe(1)
    expect(stats(result, 'double').ncalls).toBe(1)
    expectSane(result)
  })

  it('counts class methods, constructors, accessors and static methods', async () => {
    const { result, returned } = await profile(`
      class Point {
        constructor(x) { this.x = x }
        get double() { return this.x * 2 }
        norm() { return Math.abs(this.x) }
        static of(x) { return new Point(x) }
      }
      const p = Point.of(-3)
      return p.norm() + p.norm() + p.double`)
    expect(returned).toBe(0)
    expect(stats(result, 'Point.constructor').ncalls).toBe(1)
    expect(stats(result, 'Point.of').ncalls).toBe(1)
    expect(stats(result, 'Point.norm').ncalls).toBe(2)
    expect(stats(result, 'Point.double').ncalls).toBe(1)
    expectSane(result)
  })

  it('ends frames an exception unwinds through, and goes on counting after it', async () => {
    const { result, returned } = await profile(`
      function boom(n) { if (n === 0) throw new Error('boom'); return boom(n - 1) }
      function middle() { return boom(3) }
      function catcher() { try { return middle() } catch (e) { return e.message } }
      function after() { return 1 }
      const message = catcher()
      after()
      return message`)
    expect(returned).toBe('boom')
    expect(stats(result, 'boom').ncalls).toBe(4)
    expect(stats(result, 'middle').ncalls).toBe(1)
    expect(stats(result, 'catcher').ncalls).toBe(1)
    expect(stats(result, 'after').ncalls).toBe(1)
    expectSane(result)
    // after() ran at top level: nothing was left on the stack to take its time as a callee.
    expect(stats(result, 'catcher').cumtime).toBeGreaterThanOrEqual(stats(result, 'middle').cumtime)
  })

  it('counts async functions once per call and leaves out the time spent awaiting', async () => {
    const { result, returned } = await profile(`
      const wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms))
      async function fetchValue(x) { await wait(40); return x * 2 }
      async function failing() { await null; throw new Error('no') }
      async function main() {
        const values = await Promise.all([fetchValue(1), fetchValue(2)])
        let message = ''
        try { await failing() } catch (e) { message = e.message }
        return values.join(',') + message
      }
      return main()`)
    expect(returned).toBe('2,4no')
    expect(stats(result, 'fetchValue').ncalls).toBe(2)
    expect(stats(result, 'main').ncalls).toBe(1)
    expect(stats(result, 'failing').ncalls).toBe(1)
    expect(stats(result, 'wait').ncalls).toBe(2)
    expectSane(result)
    expect(stats(result, 'main').cumtime).toBeLessThan(40) // the 40 ms of waiting are not counted
  })

  it('counts a generator once per run and keeps its values', async () => {
    const { result, returned } = await profile(`
      function* range(n) { for (let i = 0; i < n; i++) yield i; yield }
      let total = 0
      for (const v of range(4)) total += v ?? 0
      return total`)
    expect(returned).toBe(6)
    expect(stats(result, 'range').ncalls).toBe(1)
    expectSane(result)
  })

  it('times the lines of the // @profile function, hot line first (fake clock: one tick per reading)', async () => {
    let t = 0
    const { result, returned } = await profile([
      '// @profile',
      'function slow(n) {',
      '  const squares = []',
      '  for (let i = 0; i < n; i++) {',
      '    squares.push(i * i)',
      '  }',
      '  return squares.length',
      '}',
      'return slow(20000)',
    ].join('\n'), () => t++)
    expect(returned).toBe(20000)
    const [lines] = result.lineProfiles
    expect(lines?.function).toBe('slow')
    const byLine = new Map(lines?.lines.map((l) => [l.line, l]))
    expect(byLine.get(3)?.hits).toBe(1)
    expect(byLine.get(5)?.hits).toBe(20000)
    expect(byLine.get(7)?.hits).toBe(1)
    const hottest = [...byLine.values()].sort((a, b) => b.time - a.time)[0]
    expect(hottest?.line).toBe(5)
    expect(byLine.get(5)?.time).toBe(20000) // from the end of one hit's hook to the start of the next: one tick
    expect(result.overhead.perCallMs).toBeGreaterThanOrEqual(0)
    expect(result.estimatedOverheadMs).toBeGreaterThan(0)
  })

  it('keeps directives first and every line where it was', async () => {
    const js = "function f() {\n  'use strict'\n  return 1\n}\nconst g = x =>\n  x + 1\nreturn f() + g(1)"
    const { code, returned } = await profile(js)
    expect(returned).toBe(3)
    expect(code.split('\n')).toHaveLength(js.split('\n').length)
    expect(code).toContain("'use strict';const")
  })

  it('returns undefined for code that does not parse', () => {
    expect(instrumentFunctions('function (', { hooks: 'H' })).toBeUndefined()
  })
})
