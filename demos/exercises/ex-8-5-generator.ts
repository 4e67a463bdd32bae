import type { Exercise } from './types'

/** 8.5: turn a list-building function into a generator; checks the answer, the generator and the heap. */
export const generatorExercise: Exercise = {
  id: 'ex-8-5-generator',
  section: '8.5',
  title: { en: 'Exercise: sum the rows without keeping them', zh: '练习：求和，但不留住所有行' },
  task: {
    en: '`makeRows(n)` builds all n rows before `totalScore` reads them, so memory grows with n. Rewrite `makeRows` as a generator (`function*`) that yields one row at a time; `totalScore` must still return the same total.',
    zh: '`makeRows(n)` 先把 n 行全部建好，`totalScore` 才开始读，所以内存随 n 增长。把 `makeRows` 改写成一次产出一行的生成器（`function*`）；`totalScore` 的结果必须不变。',
  },
  starter: `interface Row { name: string; score: number }

function makeRows(n: number): Row[] {
  const rows: Row[] = []
  for (let i = 0; i < n; i++) rows.push({ name: "user" + i, score: i % 100 })
  return rows
}

function totalScore(rows: Iterable<Row>): number {
  let total = 0
  for (const row of rows) total += row.score
  return total
}

console.log("total of 1000 rows:", totalScore(makeRows(1000)))
`,
  solution: `interface Row { name: string; score: number }

function* makeRows(n: number): Generator<Row> {
  for (let i = 0; i < n; i++) yield { name: "user" + i, score: i % 100 }
}

function totalScore(rows: Iterable<Row>): number {
  let total = 0
  for (const row of rows) total += row.score
  return total
}

console.log("total of 1000 rows:", totalScore(makeRows(1000)))
`,
  checks: [
    {
      id: 'total',
      title: { en: 'totalScore(makeRows(1000)) is 49500', zh: 'totalScore(makeRows(1000)) 等于 49500' },
      hint: { en: 'Yield every row from 0 to n - 1 with score i % 100, exactly once.', zh: '从 0 到 n - 1 每行产出一次，score 为 i % 100。' },
      code: `const total = totalScore(makeRows(1000))
    return { pass: total === 49500, detail: 'got ' + total, figures: { total } }`,
    },
    {
      id: 'generator',
      title: { en: 'makeRows returns a generator', zh: 'makeRows 返回的是生成器' },
      hint: { en: 'Write `function* makeRows` and `yield` each row instead of pushing it into an array.', zh: '写成 `function* makeRows`，用 `yield` 产出每一行，而不是 push 进数组。' },
      code: `return __ex.isGenerator(makeRows(1))`,
    },
    {
      id: 'heap',
      title: { en: 'While 1,000,000 rows are summed, makeRows holds less than half of what an array of them holds', zh: '对 100 万行求和时，makeRows 占用的内存不到把它们放进数组时的一半' },
      hint: { en: 'While the total is being summed, nothing should hold the rows already read.', zh: '求和过程中，不应有任何东西留住已经读过的行。' },
      // The live heap, median of eight readings, highest of three rounds: see __ex.memoryLevels.
      code: `const N = 1000000
    const levels = await __ex.memoryLevels({
      makeRows: () => makeRows(N),
      array: () => [...makeRows(N)],
    }, N)
    if (levels === null) return { pass: null, detail: 'could not measure: this browser gives no memory figure here' }
    const r = (x) => Math.round(x * 100) / 100
    const mine = r(levels.makeRows.level), held = r(levels.array.level)
    return { pass: mine < held / 2, detail: 'makeRows ' + mine + ' MB, an array of the rows ' + held + ' MB', figures: { makeRowsMB: mine, arrayMB: held } }`,
    },
  ],
  memory: true,
  timeLimitMs: 60_000,
}
