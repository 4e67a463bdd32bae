/**
 * The 8.5 lab's four shapes of the same data, and the one piece of work they all do: the total
 * score and the top 10 rows by score of N rows `{ name: 'user' + i, score: i }`.
 *
 * Each variant builds its data, then makes one pass; in the middle of the pass (when the data is
 * complete and in use) it awaits `probe()`, where the caller takes its memory reading. The Node bench
 * (scripts/bench-memory.ts) and the browser lab (components/shrink/ShrinkLab.vue) both run these.
 * Pure TypeScript: no DOM, no Node API.
 */
export interface Row {
  name: string
  score: number
}

export interface WorkResult {
  readonly total: number
  /** Names of the 10 best rows, best first. */
  readonly top: readonly string[]
}

export type VariantId = 'objects' | 'generator' | 'classes' | 'columns' | 'dictionary' | 'varying'

/** The four variants of the lab, then the two V8 pitfalls. */
export const VARIANTS: readonly VariantId[] = ['objects', 'generator', 'classes', 'columns', 'dictionary', 'varying']

export type Probe = () => Promise<void> | void

const TOP = 10

/** Keeps the best TOP rows seen so far, best first (a small sorted array: at most TOP entries). */
class TopRows {
  readonly rows: Row[] = []

  offer(name: () => string, score: number): void {
    const { rows } = this
    if (rows.length === TOP && score <= (rows[TOP - 1]?.score ?? -Infinity)) return
    let at = rows.length
    while (at > 0 && (rows[at - 1]?.score ?? 0) < score) at--
    rows.splice(at, 0, { name: name(), score })
    if (rows.length > TOP) rows.pop()
  }

  names(): string[] {
    return this.rows.map((row) => row.name)
  }
}

/** The work over rows, probing once at the middle of the pass. */
async function summarise(rows: Iterable<Row>, n: number, probe: Probe): Promise<WorkResult> {
  const middle = Math.floor(n / 2)
  const top = new TopRows()
  let total = 0
  let i = 0
  for (const row of rows) {
    total += row.score
    top.offer(() => row.name, row.score)
    if (++i === middle) await probe()
  }
  if (n < 2) await probe()
  return { total, top: top.names() }
}

class User implements Row {
  name: string
  score: number

  constructor(name: string, score: number) {
    this.name = name
    this.score = score
  }
}

function* rowStream(n: number): Generator<Row> {
  for (let i = 0; i < n; i++) yield { name: 'user' + i, score: i }
}

/** Runs one variant on `n` rows. */
export async function runVariant(id: VariantId, n: number, probe: Probe): Promise<WorkResult> {
  switch (id) {
    case 'objects': {
      const rows: Row[] = []
      for (let i = 0; i < n; i++) rows.push({ name: 'user' + i, score: i })
      return summarise(rows, n, probe)
    }
    case 'classes': {
      const rows: User[] = []
      for (let i = 0; i < n; i++) rows.push(new User('user' + i, i))
      return summarise(rows, n, probe)
    }
    case 'dictionary': {
      // The V8 pitfall: deleting a property (not the last one added) turns each object into a
      // dictionary-mode object, a per-object hash table, like a CPython instance's __dict__.
      const rows: Row[] = []
      for (let i = 0; i < n; i++) {
        const row: Row & { tmp?: number } = { tmp: 0, name: 'user' + i, score: i }
        delete row.tmp
        rows.push(row)
      }
      return summarise(rows, n, probe)
    }
    case 'varying': {
      // The other pitfall: properties added one by one, in an order that varies from row to row.
      // Two hidden classes instead of one, and objects grown from `{}` (which reserves room for 4 fields).
      const rows: Row[] = []
      for (let i = 0; i < n; i++) {
        const row = {} as Row
        if (i % 2 === 0) {
          row.name = 'user' + i
          row.score = i
        } else {
          row.score = i
          row.name = 'user' + i
        }
        rows.push(row)
      }
      return summarise(rows, n, probe)
    }
    case 'generator':
      return summarise(rowStream(n), n, probe)
    case 'columns': {
      // One typed array per field; the names are 'user' + index, so they are built only when needed.
      const scores = new Int32Array(n)
      for (let i = 0; i < n; i++) scores[i] = i
      const middle = Math.floor(n / 2)
      const top = new TopRows()
      let total = 0
      for (let i = 0; i < n; i++) {
        const score = scores[i] ?? 0
        total += score
        top.offer(() => 'user' + i, score)
        if (i + 1 === middle) await probe()
      }
      if (n < 2) await probe()
      return { total, top: top.names() }
    }
  }
}

/** What the work must return for `n` rows (to check every variant did it). */
export function expectedResult(n: number): WorkResult {
  const top: string[] = []
  for (let i = n - 1; i >= Math.max(0, n - TOP); i--) top.push('user' + i)
  return { total: (n * (n - 1)) / 2, top }
}

/** Rough upper bound of the live bytes per row of the hungriest variant (dictionary mode), for refusing sizes. */
export const WORST_BYTES_PER_ROW = 400
