import type { Exercise } from './types'

/**
 * Homework 3 until the flame graph viewer lands: profile three phases of a small aggregator, draw
 * them on the chart and export it as a watermarked PNG (the original's "watermark on the flame graph").
 */
export const profileHomework: Exercise = {
  id: 'hw-3-profile',
  section: '8.9',
  title: { en: 'Homework 3: a watermarked profile', zh: '作业 3：带水印的性能剖析图' },
  task: {
    en: '`profile()` times the whole job as one number. Time each phase separately (make the log, count, report) with `performance.now()` and return one entry per phase, in milliseconds. The checks draw your phases on the chart; export it as a PNG: it carries the site watermark and goes into your homework zip.',
    zh: '`profile()` 只把整个任务计成一个数。请用 `performance.now()` 分别计时每个阶段（生成日志、计数、生成报告），每个阶段返回一项，单位毫秒。检查会把你的各阶段画在图上；把图导出为 PNG：它带有网站水印，并会进入你的作业压缩包。',
  },
  starter: `function makeLog(n: number): string[] {
  return Array.from({ length: n }, (_, i) => "10.0." + (i % 40) + "." + (i % 250) + " GET /p/" + (i % 300))
}
function count(lines: string[]): Map<string, number> {
  const counts = new Map<string, number>()
  for (const line of lines) {
    const ip = line.split(" ", 1)[0] ?? ""
    counts.set(ip, (counts.get(ip) ?? 0) + 1)
  }
  return counts
}
function report(counts: Map<string, number>): [string, number][] {
  return [...counts].sort((a, b) => b[1] - a[1]).slice(0, 10)
}

function profile(): Record<string, number> {
  const t0 = performance.now()
  report(count(makeLog(200000)))
  return { total: performance.now() - t0 }
}
console.log(profile())
`,
  solution: `function makeLog(n: number): string[] {
  return Array.from({ length: n }, (_, i) => "10.0." + (i % 40) + "." + (i % 250) + " GET /p/" + (i % 300))
}
function count(lines: string[]): Map<string, number> {
  const counts = new Map<string, number>()
  for (const line of lines) {
    const ip = line.split(" ", 1)[0] ?? ""
    counts.set(ip, (counts.get(ip) ?? 0) + 1)
  }
  return counts
}
function report(counts: Map<string, number>): [string, number][] {
  return [...counts].sort((a, b) => b[1] - a[1]).slice(0, 10)
}

function profile(): Record<string, number> {
  const t0 = performance.now()
  const lines = makeLog(200000)
  const t1 = performance.now()
  const counts = count(lines)
  const t2 = performance.now()
  report(counts)
  const t3 = performance.now()
  return { make: t1 - t0, count: t2 - t1, report: t3 - t2 }
}
console.log(profile())
`,
  checks: [
    {
      id: 'phases',
      title: { en: 'profile() returns at least 3 phases, each timed (ms ≥ 0)', zh: 'profile() 返回至少 3 个阶段，每个都有计时（毫秒 ≥ 0）' },
      hint: { en: 'Take a performance.now() reading between the phases and return one property per phase.', zh: '在各阶段之间各取一次 performance.now()，每个阶段返回一个属性。' },
      code: `const phases = Object.entries(profile())
    phases.forEach(([name, ms], i) => { chart('ms per phase', i + 1, Math.round(ms * 10) / 10); console.log('phase ' + (i + 1) + ': ' + name + ' ' + ms.toFixed(1) + ' ms') })
    const ok = phases.length >= 3 && phases.every(([, ms]) => typeof ms === 'number' && ms >= 0)
    return { pass: ok, detail: phases.map(([n, ms]) => n + ' ' + ms.toFixed(1) + ' ms').join(', '), figures: { phases: phases.length } }`,
    },
  ],
  timeLimitMs: 30_000,
  chartX: { en: 'phase', zh: '阶段' },
}
