import { describe, expect, it } from 'vitest'
import { MAX_TABLE_ROWS, toTable } from '../../../demos/runner/table'

describe('toTable', () => {
  it('puts the index first, then the union of keys, then Values for primitive rows', () => {
    expect(toTable([{ a: 1, b: 'x' }, { a: { c: [1, 2] }, d: true }, 5])).toEqual({
      columns: ['(index)', 'a', 'b', 'd', 'Values'],
      rows: [
        ['0', '1', "'x'", '', ''],
        ['1', '{ c: [Array] }', '', 'true', ''],
        ['2', '', '', '', '5'],
      ],
    })
  })

  it('uses the keys of an object as the index and expands array rows by position', () => {
    expect(toTable({ r1: { a: 1 }, r2: [1, 2] })).toEqual({
      columns: ['(index)', 'a', '0', '1'],
      rows: [['r1', '1', '', ''], ['r2', '', '1', '2']],
    })
  })

  it('lays out arrays of primitives as a single Values column', () => {
    expect(toTable(['x', 2n])).toEqual({ columns: ['(index)', 'Values'], rows: [['0', "'x'"], ['1', '2n']] })
  })

  it('shows Maps as Key and Values and Sets as Values, by iteration index', () => {
    expect(toTable(new Map<string, unknown>([['k', { a: 1 }], ['j', 2]]))).toEqual({
      columns: ['(iteration index)', 'Key', 'Values'],
      rows: [['0', "'k'", '{ a: 1 }'], ['1', "'j'", '2']],
    })
    expect(toTable(new Set([1, 'a']))).toEqual({ columns: ['(iteration index)', 'Values'], rows: [['0', '1'], ['1', "'a'"]] })
  })

  it('keeps only the requested columns, in the requested order', () => {
    expect(toTable([{ a: 1, b: 2, c: 3 }], ['c', 'a'])).toEqual({ columns: ['(index)', 'c', 'a'], rows: [['0', '3', '1']] })
  })

  it('refuses what is not tabular, so the console logs it instead', () => {
    expect(toTable(5)).toBeUndefined()
    expect(toTable('text')).toBeUndefined()
    expect(toTable(null)).toBeUndefined()
  })

  it('summarises rows past the limit in one last row', () => {
    const table = toTable(Array.from({ length: MAX_TABLE_ROWS + 5 }, (_, i) => i))
    expect(table?.rows).toHaveLength(MAX_TABLE_ROWS + 1)
    expect(table?.rows.at(-1)).toEqual(['… 5 more rows', ''])
  })
})
