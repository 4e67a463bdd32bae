import type { Exercise } from './types'

/**
 * Homework 1: the same work (make N strings, add up their lengths) through an array and through a
 * generator; the checks draw both memory curves on one chart (exportable as a watermarked PNG).
 */
export const curvesHomework: Exercise = {
  id: 'hw-1-curves',
  section: '8.9',
  title: { en: 'Homework 1: the memory curves of an array and a generator', zh: '作业 1：数组与生成器的内存曲线' },
  task: {
    en: '`makeArray(n)` returns all n strings at once. Write `makeStrings(n)` as a generator that yields the same strings one by one. The checks sum the lengths both ways, take memory readings at 0 %, 25 %, 50 %, 75 % and 100 % of the work (the live heap of the page in Chromium), draw the two curves on one chart, and expect the generator to peak at less than half the array. Then export the chart as a PNG: it goes into your homework zip.',
    zh: '`makeArray(n)` 一次性返回全部 n 个字符串。请把 `makeStrings(n)` 写成逐个产出同样字符串的生成器。检查会用两种方式求长度之和，在完成 0%、25%、50%、75%、100% 时读取内存，把两条曲线画在同一张图上，并要求生成器的峰值不到数组的一半。然后把图导出为 PNG：它会进入你的作业压缩包。',
  },
  starter: `function item(i: number): string {
  return "row-" + String(i).padStart(8, "0") + "-" + (i % 97)
}

function makeArray(n: number): string[] {
  const out: string[] = []
  for (let i = 0; i < n; i++) out.push(item(i))
  return out
}

// TODO: yield the strings one at a time instead of building an array
function makeStrings(n: number): Iterable<string> {
  return makeArray(n)
}
`,
  solution: `function item(i: number): string {
  return "row-" + String(i).padStart(8, "0") + "-" + (i % 97)
}

function makeArray(n: number): string[] {
  const out: string[] = []
  for (let i = 0; i < n; i++) out.push(item(i))
  return out
}

function* makeStrings(n: number): Generator<string> {
  for (let i = 0; i < n; i++) yield item(i)
}
`,
  checks: [
    {
      id: 'same-total',
      title: { en: 'Both ways give the same total length for 1,000 strings', zh: '两种方式对 1000 个字符串算出的总长度相同' },
      hint: { en: 'Yield exactly the strings makeArray builds, in the same order.', zh: '产出的字符串必须和 makeArray 建的一样、顺序一致。' },
      code: `let a = 0; for (const s of makeArray(1000)) a += s.length
    let g = 0; for (const s of makeStrings(1000)) g += s.length
    return { pass: a === g, detail: a + ' vs ' + g }`,
    },
    {
      id: 'generator',
      title: { en: 'makeStrings returns a generator', zh: 'makeStrings 返回的是生成器' },
      hint: { en: 'Write `function* makeStrings` and `yield item(i)` in the loop.', zh: '写成 `function* makeStrings`，在循环里 `yield item(i)`。' },
      code: `return __ex.isGenerator(makeStrings(1))`,
    },
    {
      id: 'curves',
      title: { en: 'The generator peaks at less than half the array (500,000 strings)', zh: '生成器的峰值不到数组的一半（50 万个字符串）' },
      hint: { en: 'Nothing may keep the strings already counted: no array behind the generator.', zh: '已经计过的字符串不能被留住：生成器背后不能藏着数组。' },
      // The page's live heap counts garbage. Young garbage (what a generator leaves) is bounded by
      // V8's young generation, a few MB, which 500,000 kept strings (about 45 MB) dwarf. Old garbage
      // (earlier runs) disappears only at a major collection, which would hide what a curve holds:
      // a sentinel object old enough that only a major collection frees it tells such a round, and
      // the round is measured again (at most three rounds).
      code: `const N = 500000
    const sleepTurn = () => new Promise((r) => setTimeout(r, 0))
    async function oldSentinel() {
      let held = { sentinel: true }
      const ref = new WeakRef(held)
      for (let k = 0; k < 8; k++) { let junk = []; for (let j = 0; j < 100000; j++) junk.push({ j }); junk = null; await sleepTurn() }
      held = null
      await sleepTurn()
      return ref
    }
    async function curve(name, source, points) {
      const base = await mark(name + ' 0%')
      if (base === null) return null
      points.push([name, 0, 0])
      let peak = 0, i = 0, total = 0
      for (const s of source()) {
        total += s.length
        if (++i % (N / 4) === 0) {
          const now = await mark(name + ' ' + (100 * i / N) + '%')
          if (now === null) return null
          const mb = Math.max(0, now - base) / 1e6
          points.push([name, 100 * i / N, Math.round(mb * 100) / 100])
          peak = Math.max(peak, mb)
        }
      }
      return total > 0 ? peak : null
    }
    let list = null, gen = null, points = [], clean = false, rounds = 0
    while (!clean && rounds < 3) {
      rounds++
      points = []
      const sentinel = await oldSentinel()
      gen = await curve('generator', () => makeStrings(N), points)
      list = await curve('array', () => { const all = makeArray(N); keep(all); return all }, points)
      release()
      if (gen === null || list === null) return { pass: null, detail: 'could not measure: this browser gives no memory figure here' }
      clean = sentinel.deref() !== undefined
    }
    for (const [name, x, y] of points) chart(name + ' (MB)', x, y)
    const r = (x) => Math.round(x * 100) / 100
    const figures = { arrayPeakMB: r(list), generatorPeakMB: r(gen), rounds }
    if (!clean) return { pass: null, detail: 'could not measure: a major garbage collection ran during every round (peak: array ' + r(list) + ' MB, generator ' + r(gen) + ' MB)', figures }
    return { pass: gen < list / 2, detail: 'peak: array ' + r(list) + ' MB, generator ' + r(gen) + ' MB', figures }`,
    },
  ],
  memory: true,
  timeLimitMs: 120_000,
  chartX: { en: '% of the work done', zh: '完成进度（%）' },
}
