import { inspect } from 'node:util'
import { describe, expect, it } from 'vitest'
import { MAX_PROPERTIES, formatArgs, formatValue, quote } from '../../../demos/runner/format'

/** Node's own output, with its `...` truncation marker spelled the way the runner spells it. */
const node = (value: unknown): string => inspect(value).replace(/\.\.\. (\d+) more item/g, '… $1 more item')

class Point {
  constructor(public x: number, public y: number) {}
}

describe('formatValue', () => {
  it('prints what util.inspect prints for everyday values', () => {
    const values: unknown[] = [
      'text', 42, -0, NaN, 10n, true, undefined, null, Symbol('s'),
      [1, 2, 3], [], {}, { a: 1, b: 'x' }, { 'a-b': 1, [Symbol('k')]: 2 },
      new Map<string, unknown>([['a', 1], ['b', { c: 2 }]]), new Set([1, 'two']), new Uint8Array([1, 2, 3]), new BigInt64Array(2),
      new Date(0), /x/g, new Point(1, 2), Object.create(null), [, 1], // eslint-disable-line no-sparse-arrays
      [function named() {}, () => 1, async function run() {}, class Foo { x = 1 }, function* gen() {}],
      [new Number(3), new String('s'), new Boolean(false)],
      ["it's", 'q"', 'line\nbreak'],
      { a: { b: { c: { d: 1 } } }, arr: [[[[1]]]], m: new Map([[1, { x: { y: { z: 1 } } }]]) },
      { a: { b: { c: {} } } },
      Array.from({ length: 120 }, (_, i) => i),
      Array.from({ length: 30 }, (_, i) => `item${String(i)}`),
      [1, 2, 3, 4, 5, 6, 7],
      Array.from({ length: 10 }, (_, i) => ({ id: i, label: `row ${String(i)}` })),
      { long: 'x'.repeat(70), other: 1 },
    ]
    for (const value of values) expect(formatValue(value)).toBe(node(value))
  })

  it('marks cycles as [Circular], at any depth', () => {
    const a: Record<string, unknown> = { name: 'a' }
    a['self'] = a
    a['list'] = [a, { back: a }]
    expect(formatValue(a)).toBe("{\n  name: 'a',\n  self: [Circular],\n  list: [ [Circular], { back: [Circular] } ]\n}")
    const m = new Map<string, unknown>()
    m.set('me', m)
    expect(formatValue(m)).toBe("Map(1) { 'me' => [Circular] }")
  })

  it('shows a value seen twice without a cycle in full both times', () => {
    const shared = { n: 1 }
    expect(formatValue([shared, shared])).toBe('[ { n: 1 }, { n: 1 } ]')
  })

  it('stops at the depth limit with the kind of what it skipped', () => {
    const deep = { l1: { l2: { l3: { l4: 1 } } }, list: [[[['x']]]], map: [[new Map([[1, 2]])]] }
    expect(formatValue(deep)).toBe('{\n  l1: { l2: { l3: [Object] } },\n  list: [ [ [Array] ] ],\n  map: [ [ [Map] ] ]\n}')
    expect(formatValue(deep, { depth: 0 })).toBe('{ l1: [Object], list: [Array], map: [Array] }')
    expect(formatValue({ p: { q: new Point(1, 2) } }, { depth: 1 })).toBe('{ p: { q: [Point] } }')
  })

  it('truncates long arrays, typed arrays, sets and maps with "… N more items"', () => {
    expect(formatValue(Array.from({ length: 5 }, (_, i) => i), { maxArrayLength: 3 })).toBe('[ 0, 1, 2, … 2 more items ]')
    expect(formatValue(new Float64Array(4), { maxArrayLength: 3 })).toBe('Float64Array(4) [ 0, 0, 0, … 1 more item ]')
    expect(formatValue(new Set([1, 2, 3]), { maxArrayLength: 1 })).toBe('Set(3) { 1, … 2 more items }')
    expect(formatValue(new Map([[1, 1], [2, 2]]), { maxArrayLength: 1 })).toBe('Map(2) { 1 => 1, … 1 more item }')
    expect(formatValue(Array.from({ length: 1000 }, () => 0)).split('\n').at(-2)).toBe('  … 900 more items')
  })

  it('shows at most MAX_PROPERTIES keys of an object', () => {
    const big = Object.fromEntries(Array.from({ length: MAX_PROPERTIES + 2 }, (_, i) => [`k${String(i)}`, i]))
    const lines = formatValue(big).split('\n')
    expect(lines).toHaveLength(MAX_PROPERTIES + 3)
    expect(lines.at(-2)).toBe('  … 2 more properties')
  })

  it('prints errors as "Name: message" and never calls getters', () => {
    expect(formatValue(new TypeError('bad'))).toBe('TypeError: bad')
    expect(formatValue({ error: new RangeError('far') })).toBe('{ error: [RangeError: far] }')
    let called = false
    const lazy = { get value() { called = true; return 1 } }
    expect(formatValue(lazy)).toBe('{ value: [Getter] }')
    expect(called).toBe(false)
  })

  it('prints what Node cannot be asked about synchronously without touching it', () => {
    expect(formatValue(Promise.resolve(1))).toBe('Promise { <state unknown> }')
    expect(formatValue(new WeakMap())).toBe('WeakMap { <items unknown> }')
    expect(formatValue(new ArrayBuffer(8))).toBe('ArrayBuffer { byteLength: 8 }')
    const target = { big: true }
    expect(formatValue(new WeakRef(target))).toBe('WeakRef { { big: true } }')
  })

  it('cuts very long nested strings', () => {
    expect(quote('abcdef', 3)).toBe("'abc'... 3 more characters")
    expect(formatValue(['x'.repeat(20)], { maxStringLength: 5 })).toBe("[ 'xxxxx'... 15 more characters ]")
  })
})

describe('formatArgs', () => {
  it('joins arguments with spaces, top-level strings unquoted', () => {
    expect(formatArgs(['a', 1, 'b', [1, 'c'], undefined])).toBe("a 1 b [ 1, 'c' ] undefined")
    expect(formatArgs([])).toBe('')
  })

  it('applies printf directives of a leading string', () => {
    expect(formatArgs(['%s is %d, %i, %f%%', 'pi', 3.14, 3.9, '2.5'])).toBe('pi is 3.14, 3, 2.5%')
    expect(formatArgs(['%o and %O then %j', [1], { a: { b: 1 } }, { j: 1 }, 'rest'])).toBe('[ 1 ] and { a: { b: 1 } } then {"j":1} rest')
    expect(formatArgs(['%c styled', 'color: red'])).toBe(' styled')
    expect(formatArgs(['%s and %s', 'only one'])).toBe('only one and %s')
    expect(formatArgs(['100%'])).toBe('100%')
    expect(formatArgs(['%d', 5n])).toBe('5n')
  })
})
