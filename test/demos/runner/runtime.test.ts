import { describe, expect, it } from 'vitest'
import type { BenchMessage, ConsoleMessage, ErrorMessage, SeriesMessage, WorkerMessage } from '../../../demos/runner/protocol'
import {
  DemoInterrupted, functionHeaderLines, reportMarkResult, reportUncaughtError, reportUnhandledRejection, runDemo,
  type RunGuard, type RunOptions,
} from '../../../demos/runner/runtime'

interface Received {
  readonly messages: WorkerMessage[]
  /** performance.now() at each message, same order. */
  readonly times: number[]
  readonly startedAt: number
}

async function run(
  source: string,
  options: Partial<RunOptions> = {},
  onMessage: (message: WorkerMessage) => void = () => undefined,
): Promise<Received> {
  const messages: WorkerMessage[] = []
  const times: number[] = []
  const startedAt = performance.now()
  await runDemo(source, {
    id: 7,
    fileName: 'demo.ts',
    timeLimitMs: 10_000,
    post: (message) => {
      messages.push(message)
      times.push(performance.now())
      onMessage(message)
    },
    ...options,
  })
  return { messages, times, startedAt }
}

const texts = (messages: WorkerMessage[]): string[] =>
  messages.filter((m): m is ConsoleMessage => m.type === 'console').map((m) => m.text)
const types = (messages: WorkerMessage[]): string[] => messages.map((m) => m.type)
const only = <T extends WorkerMessage['type']>(messages: WorkerMessage[], type: T): Extract<WorkerMessage, { type: T }>[] =>
  messages.filter((m): m is Extract<WorkerMessage, { type: T }> => m.type === type)

function errorOf(messages: WorkerMessage[]): ErrorMessage {
  const last = messages.at(-1)
  if (last?.type !== 'error') throw new Error(`expected the run to end with an error, got ${types(messages).join(', ')}`)
  return last
}

/** Let a host timer or two go by, to see that nothing more arrives. */
const settle = (ms: number): Promise<void> => new Promise((resolve) => { setTimeout(resolve, ms) })

describe('runDemo: console and completion', () => {
  it('posts console calls in order with their level, then done, all with the run id', async () => {
    const { messages } = await run(`
      console.log('a', 1, [2])
      console.warn('careful')
      console.error(new Error('shown, not thrown'))
      console.info({ x: 1 })
      console.debug('%s=%d', 'n', 5)
      console.table([{ a: 1 }])`)
    expect(types(messages)).toEqual(['console', 'console', 'console', 'console', 'console', 'table', 'done'])
    expect(only(messages, 'console').map((m) => [m.level, m.text])).toEqual([
      ['log', 'a 1 [ 2 ]'], ['warn', 'careful'], ['error', 'Error: shown, not thrown'], ['info', '{ x: 1 }'], ['debug', 'n=5'],
    ])
    expect(only(messages, 'table')[0]).toMatchObject({ columns: ['(index)', 'a'], rows: [['0', '1']] })
    expect(messages.every((m) => m.id === 7)).toBe(true)
  })

  it('delivers output written after an await before done', async () => {
    const { messages } = await run(`console.log('before')\nawait sleep(10)\nconsole.log('after')`)
    expect(types(messages)).toEqual(['console', 'console', 'done'])
    expect(texts(messages)).toEqual(['before', 'after'])
  })

  it('stays alive until pending timeouts have fired', async () => {
    const { messages } = await run(`setTimeout((word: string) => console.log(word), 40, 'late')\nconsole.log('now')`)
    expect(texts(messages)).toEqual(['now', 'late'])
    const done = messages.at(-1)
    expect(done?.type).toBe('done')
    expect(done?.type === 'done' && done.durationMs).toBeGreaterThanOrEqual(35)
  })

  it('stays alive while an interval runs and ends when it is cleared', async () => {
    const { messages } = await run(`
      let n = 0
      const handle = setInterval(() => {
        n++
        console.log('tick', n)
        if (n === 3) clearInterval(handle)
      }, 5)`)
    expect(texts(messages)).toEqual(['tick 1', 'tick 2', 'tick 3'])
    expect(messages.at(-1)?.type).toBe('done')
    await settle(20)
  })

  it('does not wait for a timeout that was cleared', async () => {
    const { messages } = await run(`const h = setTimeout(() => console.log('never'), 5000)\nclearTimeout(h)`)
    expect(types(messages)).toEqual(['done'])
  })

  it('reports the value returned at top level, formatted', async () => {
    const object = (await run(`const answer: number = 42\nreturn { answer, list: [1, 'two'] }`)).messages
    expect(object.at(-1)).toMatchObject({ type: 'done', returned: "{ answer: 42, list: [ 1, 'two' ] }" })
    expect((await run(`return 'text'`)).messages.at(-1)).toMatchObject({ returned: "'text'" })
    expect((await run(`const x = 1`)).messages.at(-1)).not.toHaveProperty('returned')
  })

  it('sees extra names passed in scope', async () => {
    const { messages } = await run('return answer * 2', { scope: { answer: 21 } })
    expect(messages.at(-1)).toMatchObject({ type: 'done', returned: '42' })
  })

  it('waits for a bench the demo did not await', async () => {
    const { messages } = await run(
      `bench({ one: () => 1 }, { time: 5, warmupTime: 0, iterations: 3 }).then((r) => console.log(r.tasks.length))`,
    )
    expect(types(messages)).toEqual(['bench', 'console', 'done'])
  })
})

describe('runDemo: errors', () => {
  it('maps an error thrown at top level to its TypeScript line and column', async () => {
    const source = [
      'interface Config { retries: number }',
      'const config: Config = { retries: 3 }',
      'console.log(config.retries)',
      'const e: Error = new Error(`failed after ${config.retries} tries`); throw e',
      'console.log("unreachable")',
    ].join('\n')
    const { messages } = await run(source)
    expect(types(messages)).toEqual(['console', 'error'])
    expect(errorOf(messages)).toMatchObject({
      kind: 'uncaught', name: 'Error', message: 'failed after 3 tries', line: 4, column: source.split('\n')[3]!.indexOf('new Error') + 1,
    })
    expect(errorOf(messages).stack).toBe(`Error: failed after 3 tries\n    at eval (demo.ts:4:${String(source.split('\n')[3]!.indexOf('new Error') + 1)})`)
  })

  it('reports an error inside a timer at its line, clears other timers and ends the run', async () => {
    const source = [
      'interface Box { value: number }',
      'function read(box: Box | undefined): number {',
      '  return box!.value',
      '}',
      "setInterval(() => console.log('never'), 1000)",
      'setTimeout(() => read(undefined), 1)',
    ].join('\n')
    const started = performance.now()
    const { messages } = await run(source)
    expect(performance.now() - started).toBeLessThan(900)
    expect(types(messages)).toEqual(['error'])
    expect(errorOf(messages)).toMatchObject({ kind: 'uncaught', name: 'TypeError', line: 3, column: '  return box!.value'.indexOf('value') + 1 })
    expect(errorOf(messages).stack).toContain('at read (demo.ts:3:')
  })

  it('drops what the demo would still print after an error', async () => {
    const { messages } = await run(`setTimeout(() => console.log('late'), 5)\nqueueMicrotask(() => { throw new RangeError('micro') })`)
    await settle(20)
    expect(types(messages)).toEqual(['error'])
    expect(errorOf(messages)).toMatchObject({ name: 'RangeError', line: 2 })
  })

  it('reports a thrown non-Error by its value', async () => {
    const { messages } = await run(`await sleep(1)\nthrow 'oops'`)
    expect(errorOf(messages)).toEqual({ type: 'error', id: 7, kind: 'uncaught', name: 'Uncaught', message: "'oops'" })
  })

  it('reports syntax errors as compile errors at their TypeScript position', async () => {
    const { messages } = await run('const ok = 1\nconst broken: = 2')
    expect(messages).toEqual([{ type: 'error', id: 7, kind: 'compile', name: 'SyntaxError', message: 'Unexpected token', line: 2, column: 15 }])
  })

  it('reports what only the engine rejects as a compile error without a position', async () => {
    const imported = errorOf((await run(`import { readFile } from 'node:fs'\nconsole.log(readFile)`)).messages)
    expect(imported).toMatchObject({ kind: 'compile', name: 'SyntaxError' })
    expect(imported.message).toMatch(/cannot import or export/)
    expect(errorOf((await run('let a = 1\nlet a = 2')).messages)).toMatchObject({ kind: 'compile', name: 'SyntaxError' })
  })

  it('reports an unhandled rejection forwarded by the host, with its position', async () => {
    const vitestListeners = process.listeners('unhandledRejection')
    process.removeAllListeners('unhandledRejection')
    const forward = (reason: unknown): void => { reportUnhandledRejection(reason) }
    process.on('unhandledRejection', forward)
    try {
      const { messages } = await run(`const lost: Promise<never> = Promise.reject(new Error('lost'))\nawait sleep(50)\nconsole.log('not reached')`)
      expect(types(messages)).toEqual(['error'])
      expect(errorOf(messages)).toMatchObject({ kind: 'unhandled-rejection', message: 'lost', line: 1 })
    } finally {
      process.off('unhandledRejection', forward)
      for (const listener of vitestListeners) process.on('unhandledRejection', listener)
    }
  })

  it('has no run to give a rejection to once runs have ended', () => {
    expect(reportUnhandledRejection(new Error('stray'))).toBe(false)
  })
})

describe('runDemo: demo API', () => {
  it('posts marks with increasing times since the start of the run', async () => {
    const { messages } = await run(`mark('start')\nkeep(new Array(10_000).fill(1))\nawait sleep(15)\nmark('after')\nrelease()`)
    const marks = only(messages, 'mark')
    expect(marks.map((m) => m.label)).toEqual(['start', 'after'])
    expect(marks[0]!.t).toBeGreaterThanOrEqual(0)
    expect(marks[1]!.t - marks[0]!.t).toBeGreaterThanOrEqual(10)
  })

  it('resolves an awaited mark to the figure the page reports for it, in order per label', async () => {
    let figure = 1000
    const answer = (message: WorkerMessage): void => {
      if (message.type !== 'mark') return
      const bytes = figure++
      setTimeout(() => { reportMarkResult({ type: 'mark-result', id: message.id, label: message.label, bytes }) }, 5)
    }
    const { messages } = await run(
      `const first = mark('same')\nconst second = mark('same')\nreturn [await first, await second, await mark('other')]`,
      { markResults: true },
      answer,
    )
    expect(messages.at(-1)).toMatchObject({ type: 'done', returned: '[ 1000, 1001, 1002 ]' })
    expect(reportMarkResult({ type: 'mark-result', id: 7, label: 'same', bytes: 1 })).toBe(false)
  })

  it('resolves mark to null at once when the host does not pass figures back', async () => {
    const { messages } = await run(`return await mark('unanswered')`)
    expect(messages.at(-1)).toMatchObject({ type: 'done', returned: 'null' })
  })

  it('batches chart points, flushing at most every 50 ms and at the end', async () => {
    const { messages, times, startedAt } = await run(`
      for (let i = 0; i < 100; i++) chart('squares', i, i * i)
      await sleep(70)
      chart('squares', 100, 10_000)
      chart('elapsed', 5)`)
    const series = only(messages, 'series')
    const squares = series.filter((m) => m.name === 'squares')
    expect(squares.map((m) => m.points.length)).toEqual([100, 1])
    expect(squares.flatMap((m) => m.points)).toEqual(Array.from({ length: 101 }, (_, i) => [i, i * i]))
    const firstFlush = times[messages.indexOf(squares[0]!)]!
    expect(firstFlush - startedAt).toBeGreaterThanOrEqual(45)
    const elapsed = series.find((m) => m.name === 'elapsed') as SeriesMessage
    expect(elapsed.points[0]![0]).toBeGreaterThanOrEqual(60)
    expect(elapsed.points[0]![1]).toBe(5)
    expect(messages.at(-1)?.type).toBe('done')
  })

  it('rejects chart points that are not numbers, at the call site', async () => {
    const { messages } = await run(`chart('bad', 1)\nchart('bad', Number('x'))`)
    expect(errorOf(messages)).toMatchObject({ name: 'TypeError', line: 2, column: 1 })
    expect(only(messages, 'series')[0]?.points).toEqual([[expect.any(Number), 1]])
  })

  it('benchmarks two tasks: ten times the work takes five to twenty times as long', async () => {
    const { messages } = await run(`
      let sink = 0
      function work(n: number): void {
        let sum = 0
        for (let i = 0; i < n; i++) sum += i % 7
        sink += sum
      }
      const result = await bench({ small: () => work(2_000), large: () => work(20_000) }, { time: 120, warmupTime: 30 })
      keep(sink)
      return result.tasks.map((task) => task.name)`)
    const bench = only(messages, 'bench')
    expect(bench).toHaveLength(1)
    const { result } = bench[0] as BenchMessage
    const [small, large] = result.tasks
    expect([small?.name, large?.name]).toEqual(['small', 'large'])
    const ratio = large!.mean / small!.mean
    expect(ratio).toBeGreaterThan(5)
    expect(ratio).toBeLessThan(20)
    expect(small!.samples).toBeGreaterThanOrEqual(10)
    expect(result.timerResolutionMs).toBeGreaterThan(0)
    expect(messages.at(-1)).toMatchObject({ type: 'done', returned: "[ 'small', 'large' ]" })
  })

  it('measures the dynamic function header the way the spec lays it out', async () => {
    expect(await functionHeaderLines()).toBe(2)
  })
})

describe('runDemo: guard and abort (main-thread runs)', () => {
  /** A runaway loop that gives up by itself after 3 s, so a guard that does not work fails the test instead of hanging it. */
  const RUNAWAY = "while (true) { if (performance.now() > failAt) throw new Error('not interrupted') }"
  const failIn = (ms: number): { failAt: number } => ({ failAt: performance.now() + ms })
  const guardUntil = (deadline: number, isStopped: () => boolean = () => false): RunGuard => ({ deadline: () => deadline, isStopped })

  it('interrupts while (true) {} at the deadline and posts no error', async () => {
    const started = performance.now()
    const { messages } = await run(`console.log('spinning')\n${RUNAWAY}`, { guard: guardUntil(started + 150), scope: failIn(3000) })
    const elapsed = performance.now() - started
    expect(elapsed).toBeGreaterThanOrEqual(145)
    expect(elapsed).toBeLessThan(1500)
    expect(texts(messages)).toEqual(['spinning'])
    expect(types(messages)).toEqual(['console'])
  })

  it('interrupts at once when the page stops the run', async () => {
    let stopped = false
    const started = performance.now()
    const { messages } = await run(
      `console.log('go')\nfunction spin(): void { ${RUNAWAY} }\nspin()`,
      { guard: guardUntil(Infinity, () => stopped), scope: failIn(3000) },
      (message) => { if (message.type === 'console') stopped = true },
    )
    expect(performance.now() - started).toBeLessThan(1000)
    expect(types(messages)).toEqual(['console'])
  })

  it('does not let the demo catch the interruption and carry on', async () => {
    const { messages } = await run(
      `setTimeout(() => console.log('timer'), 120)
      try { ${RUNAWAY} } catch (e) { console.log('caught', e) }
      for (let i = 0; i < 3; i++) console.log('after', i)
      return 'finished'`,
      { guard: guardUntil(performance.now() + 50), scope: failIn(3000) },
    )
    // The loop yields to the event loop (cooperative guard), but the run ends at 50 ms: its timer is
    // cleared with it and never fires.
    await settle(150)
    expect(messages).toEqual([])
  })

  it('swallows host reports of an interruption: its run has already ended', () => {
    expect(reportUncaughtError(new DemoInterrupted('timeout'))).toBe(true)
    expect(reportUnhandledRejection(new DemoInterrupted('stopped'))).toBe(true)
    expect(reportUncaughtError(new Error('no run'))).toBe(false)
  })

  it('ends the run promptly when aborted during await sleep(10_000), and posts nothing more', async () => {
    const controller = new AbortController()
    const started = performance.now()
    const { messages } = await run(
      `setInterval(() => chart('ticks', 1), 5)\nconsole.log('waiting')\nawait sleep(10_000)\nconsole.log('woke')`,
      { signal: controller.signal },
      (message) => { if (message.type === 'console') setTimeout(() => { controller.abort() }, 30) },
    )
    expect(performance.now() - started).toBeLessThan(1000)
    const count = messages.length
    await settle(80)
    expect(messages).toHaveLength(count)
    expect(texts(messages)).toEqual(['waiting'])
    expect(types(messages).filter((type) => type !== 'series')).toEqual(['console'])
  })

  it('runs nothing and posts nothing when the signal is already aborted', async () => {
    const { messages } = await run(`console.log('never')`, { signal: AbortSignal.abort() })
    const compileError = await run('const broken: = 2', { signal: AbortSignal.abort() })
    expect([...messages, ...compileError.messages]).toEqual([])
  })

  it('runs a guarded demo to the same output and done as an unguarded one', async () => {
    const source = `
      function fib(n: number): number { return n < 2 ? n : fib(n - 1) + fib(n - 2) }
      const squares: number[] = []
      for (let i = 0; i < 5; i++) squares.push(i * i)
      let i = 0
      while (i < 3) { console.log('while', i); i++ }
      do i--; while (i > 0)
      outer: for (const a of [1, 2, 3]) for (const b in { x: 1, y: 2 }) { if (a === 2) continue outer; console.log(a, b) }
      await sleep(5)
      console.log([1, 2, 3].map((x) => x * 10).reduce((s, x) => s + x, 0))
      return { fib: fib(15), squares }`
    const plain = await run(source)
    const guarded = await run(source, { guard: guardUntil(performance.now() + 5000) })
    const withoutTime = (messages: WorkerMessage[]): unknown[] => messages.map((m) => (m.type === 'done' ? { ...m, durationMs: 0 } : m))
    expect(types(guarded.messages).at(-1)).toBe('done')
    expect(guarded.messages.at(-1)).toMatchObject({ returned: '{ fib: 610, squares: [ 0, 1, 4, 9, 16 ] }' })
    expect(withoutTime(guarded.messages)).toEqual(withoutTime(plain.messages))
  })

  it('reports a thrown error at the same position as an unguarded run', async () => {
    const unmodified = [
      'function check(n: number): void {',
      '  const limit: number = 2',
      '  if (n > limit) throw new RangeError(`too big: ${n}`)',
      '}',
      'for (let i = 0; i < 5; i++) {',
      '  check(i)',
      '}',
    ].join('\n')
    const plain = errorOf((await run(unmodified)).messages)
    const guarded = errorOf((await run(unmodified, { guard: guardUntil(performance.now() + 5000) })).messages)
    expect(plain).toMatchObject({ name: 'RangeError', message: 'too big: 3', line: 3, column: 24 })
    expect(guarded).toEqual(plain)
    expect(guarded.stack).toContain('at check (demo.ts:3:24)')

    // On a line with insertions before the throw, the column map follows them.
    const modified = "const list: number[] = [1, 2]; for (const x of list) if (x > 1) throw new TypeError('x = ' + x)"
    const plainOnLine = errorOf((await run(modified)).messages)
    const guardedOnLine = errorOf((await run(modified, { guard: guardUntil(performance.now() + 5000) })).messages)
    expect(plainOnLine).toMatchObject({ line: 1, column: modified.indexOf('new TypeError') + 1 })
    expect(guardedOnLine).toEqual(plainOnLine)
  })
})
