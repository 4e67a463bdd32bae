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
    en: '`makeArray(n)` returns all n strings at once. Write `makeStrings(n)` as a generator that yields the same strings one by one. The checks sum the lengths both ways, take a memory reading at every eighth of the work (the live heap of the page in Chromium; three rounds, and each way’s highest median counts), draw the two curves on one chart, and expect the generator to hold less than half of what the array holds. Then export the chart as a PNG: it goes into your homework zip.',
    zh: '`makeArray(n)` 一次性返回全部 n 个字符串。请把 `makeStrings(n)` 写成逐个产出同样字符串的生成器。检查会用两种方式求长度之和，每完成八分之一读取一次内存（Chromium 中是页面的实时堆；测三轮，每种方式取最高的中位数），把两条曲线画在同一张图上，并要求生成器占用的内存不到数组的一半。然后把图导出为 PNG：它会进入你的作业压缩包。',
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
      title: { en: 'The generator holds less than half of what the array holds (500,000 strings)', zh: '生成器占用的内存不到数组的一半（50 万个字符串）' },
      hint: { en: 'Nothing may keep the strings already counted: no array behind the generator.', zh: '已经计过的字符串不能被留住：生成器背后不能藏着数组。' },
      // Measured with __ex.memoryLevels (harness.ts): the median of eight readings per curve, the
      // highest of three rounds, on the page's live heap.
      code: `const N = 500000
    const levels = await __ex.memoryLevels({
      generator: () => makeStrings(N),
      array: () => makeArray(N),
    }, N)
    if (levels === null) return { pass: null, detail: 'could not measure: this browser gives no memory figure here' }
    const gen = levels.generator, list = levels.array
    for (const [x, y] of gen.points) chart('generator (MB)', x, y)
    for (const [x, y] of list.points) chart('array (MB)', x, y)
    const r = (x) => Math.round(x * 100) / 100
    if (gen.items !== N || list.items !== N) return { pass: false, detail: 'expected ' + N + ' strings each way, got ' + gen.items + ' and ' + list.items }
    return { pass: gen.level < list.level / 2, detail: 'median reading, highest of 3 rounds: array ' + r(list.level) + ' MB, generator ' + r(gen.level) + ' MB', figures: { arrayMB: r(list.level), generatorMB: r(gen.level) } }`,
    },
  ],
  memory: true,
  timeLimitMs: 120_000,
  chartX: { en: '% of the work done', zh: '完成进度（%）' },
}
