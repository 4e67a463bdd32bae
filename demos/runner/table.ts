/**
 * console.table data → columns and rows of text, the way Node lays them out: the index column
 * first (`(index)`, or `(iteration index)` for a Map or Set), then the union of the rows' keys in
 * order of first appearance, then `Values` for rows that are primitives. Cells are formatted with
 * formatValue at depth 0 (strings quoted, `{ c: [Array] }` for nested structures); missing cells
 * are empty strings.
 */
import { formatValue } from './format'

export interface TableData {
  readonly columns: readonly string[]
  readonly rows: readonly (readonly string[])[]
}

/** Rows past this many are summarised in one last row. */
export const MAX_TABLE_ROWS = 1000

const VALUES = 'Values'

function cell(value: unknown): string {
  return formatValue(value, { depth: 0 })
}

function isExpandable(value: unknown): value is object {
  return typeof value === 'object' && value !== null
}

function limitRows(rows: string[][], total: number, width: number): string[][] {
  if (total <= rows.length) return rows
  const summary = Array.from({ length: width }, () => '')
  summary[0] = `… ${String(total - rows.length)} more rows`
  return [...rows, summary]
}

function collectionTable(data: Map<unknown, unknown> | Set<unknown>): TableData {
  const isMap = data instanceof Map
  const columns = ['(iteration index)', ...(isMap ? ['Key'] : []), VALUES]
  const rows: string[][] = []
  for (const entry of isMap ? data.entries() : data.values()) {
    if (rows.length >= MAX_TABLE_ROWS) break
    const index = String(rows.length)
    rows.push(isMap ? [index, cell((entry as [unknown, unknown])[0]), cell((entry as [unknown, unknown])[1])] : [index, cell(entry)])
  }
  return { columns, rows: limitRows(rows, data.size, columns.length) }
}

/**
 * The table console.table(data, properties) shows, or undefined when data is not tabular
 * (a primitive or a function: console.table then logs it like console.log).
 */
export function toTable(data: unknown, properties?: readonly string[]): TableData | undefined {
  if (!isExpandable(data)) return undefined
  if (data instanceof Map || data instanceof Set) return collectionTable(data)

  const indexes = Object.keys(data)
  const record = data as Record<string, unknown>
  const keys: string[] = properties ? [...properties] : []
  let hasValues = false
  const shownIndexes = indexes.slice(0, MAX_TABLE_ROWS)
  for (const index of shownIndexes) {
    const row = record[index]
    if (!isExpandable(row)) {
      hasValues = true
      continue
    }
    if (properties) continue
    for (const key of Object.keys(row)) if (!keys.includes(key)) keys.push(key)
  }

  const rows = shownIndexes.map((index) => {
    const row = record[index]
    const cells = [index]
    for (const key of keys) {
      const owned = isExpandable(row) && Object.prototype.hasOwnProperty.call(row, key)
      cells.push(owned ? cell((row as Record<string, unknown>)[key]) : '')
    }
    if (hasValues) cells.push(isExpandable(row) ? '' : cell(row))
    return cells
  })
  const columns = ['(index)', ...keys, ...(hasValues ? [VALUES] : [])]
  return { columns, rows: limitRows(rows, indexes.length, columns.length) }
}
