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
    en: '`makeArray(n)` returns all n strings at once. Write `makeStrings(n)` as a generator that yields the same strings one by one. The checks sum the lengths both ways, take memory readings at 0 %, 25 %, 50 %, 75 % and 100 % of the work, draw the two curves on one chart, and expect the generator to peak at less than half the array. Then export the chart as a PNG: it goes into your homework zip.',
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
      title: { en: 'The generator peaks at less than half the array (200,000 strings)', zh: '生成器的峰值不到数组的一半（20 万个字符串）' },
      hint: { en: 'Nothing may keep the strings already counted: no array behind the generator.', zh: '已经计过的字符串不能被留住：生成器背后不能藏着数组。' },
      code: `const N = 200000
    async function curve(name, source) {
      const base = await mark(name + ' 0%')
      if (base === null) return null
      chart(name + ' (MB)', 0, 0)
      let peak = 0, i = 0, total = 0
      for (const s of source()) {
        total += s.length
        if (++i % (N / 4) === 0) {
          const now = await mark(name + ' ' + (100 * i / N) + '%')
          if (now === null) return null
          const mb = Math.max(0, now - base) / 1e6
          chart(name + ' (MB)', 100 * i / N, Math.round(mb * 100) / 100)
          peak = Math.max(peak, mb)
        }
      }
      return total > 0 ? peak : null
    }
    const list = await curve('array', () => { const all = makeArray(N); keep(all); return all })
    release()
    const gen = await curve('generator', () => makeStrings(N))
    if (list === null || gen === null) return { pass: null, detail: 'could not measure: this browser gives no memory figure here' }
    const r = (x) => Math.round(x * 100) / 100
    return { pass: gen < list / 2, detail: 'peak: array ' + r(list) + ' MB, generator ' + r(gen) + ' MB', figures: { arrayPeakMB: r(list), generatorPeakMB: r(gen) } }`,
    },
  ],
  memory: true,
  timeLimitMs: 120_000,
  chartX: { en: '% of the work done', zh: '完成进度（%）' },
}
