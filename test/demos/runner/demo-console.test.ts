import { describe, expect, it } from 'vitest'
import { createDemoConsole } from '../../../demos/runner/demo-console'
import type { ConsoleLevel } from '../../../demos/runner/protocol'
import type { TableData } from '../../../demos/runner/table'

function setup(options: { maxMessages?: number; maxTextLength?: number } = {}) {
  const out: ([ConsoleLevel, string] | ['table', TableData])[] = []
  let now = 0
  const console = createDemoConsole(
    { text: (level, text) => { out.push([level, text]) }, table: (data) => { out.push(['table', data]) } },
    { now: () => now, ...options },
  )
  return { console, out, tick: (ms: number) => { now += ms } }
}

describe('createDemoConsole', () => {
  it('formats each call into one message of its level', () => {
    const { console, out } = setup()
    console.log('n =', 1)
    console.error('%s failed', 'step')
    console.dir({ a: 'x' })
    console.trace('here')
    expect(out).toEqual([['log', 'n = 1'], ['error', 'step failed'], ['log', "{ a: 'x' }"], ['debug', 'Trace: here']])
  })

  it('tables what is tabular and logs what is not', () => {
    const { console, out } = setup()
    console.table([{ a: 1 }])
    console.table('plain')
    expect(out).toEqual([['table', { columns: ['(index)', 'a'], rows: [['0', '1']] }], ['log', 'plain']])
  })

  it('counts, times and asserts like the platform console', () => {
    const { console, out, tick } = setup()
    console.count()
    console.count('x')
    console.count()
    console.countReset()
    console.count()
    console.time('load')
    tick(12.5)
    console.timeLog('load', 'halfway')
    tick(1)
    console.timeEnd('load')
    console.timeEnd('load')
    console.assert(1 + 1 === 2, 'not shown')
    console.assert(false, 'sum is', 3)
    expect(out).toEqual([
      ['log', 'default: 1'], ['log', 'x: 1'], ['log', 'default: 2'], ['log', 'default: 1'],
      ['log', 'load: 12.500ms halfway'], ['log', 'load: 13.500ms'],
      ['warn', "Warning: No such label 'load' for console.timeEnd()"],
      ['error', 'Assertion failed: sum is 3'],
    ])
  })

  it('indents grouped output, every line of it', () => {
    const { console, out } = setup()
    console.group('outer')
    console.log('a\nb')
    console.groupEnd()
    console.log('c')
    expect(out).toEqual([['log', 'outer'], ['log', '  a\n  b'], ['log', 'c']])
  })

  it('stops after the message budget with one warning, and cuts long texts', () => {
    const { console, out } = setup({ maxMessages: 3, maxTextLength: 4 })
    for (let i = 0; i < 10; i++) console.log('message')
    expect(out).toEqual([
      ['log', 'mess… (3 more characters)'], ['log', 'mess… (3 more characters)'], ['warn', '… console output stopped after 3 messages'],
    ])
  })
})
