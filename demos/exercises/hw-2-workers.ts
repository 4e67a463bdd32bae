import { LOG_HELPER } from './ex-8-7-pvuv'
import type { Exercise } from './types'

/** Homework 2: the aggregator of 8.7 split over Web Workers; same PV/UV, and faster. */
export const workersHomework: Exercise = {
  id: 'hw-2-workers',
  section: '8.9',
  title: { en: 'Homework 2: the aggregator on several workers', zh: '作业 2：用多个 Worker 的聚合器' },
  task: {
    en: '`aggregate(lines, workers)` counts PV and UV on one thread. Split the lines into `workers` chunks, count each chunk in its own Web Worker (a worker can be made from a Blob URL; `countChunk.toString()` gives you its code), then merge: PVs add up, UV is the size of the union of the IP sets. The checks compare with a single-threaded count on a generated 300,000-line log and time 1 worker against 2.',
    zh: '`aggregate(lines, workers)` 在一个线程里统计 PV 和 UV。请把日志行切成 `workers` 份，每份在自己的 Web Worker 里统计（Worker 可以用 Blob URL 创建；`countChunk.toString()` 就是它要执行的代码），再合并：PV 相加，UV 是各份 IP 集合并集的大小。检查会在生成的 30 万行日志上和单线程结果对比，并比较 1 个和 2 个 Worker 的耗时。',
  },
  starter: `interface Part { pv: number; ips: string[] }

const LINE = /^(\\S+) \\S+ \\S+ \\[([^\\]]+)\\] "(\\S+) (\\S+) [^"]*" (\\d{3}) (\\d+|-) "([^"]*)" "([^"]*)"$/

function countChunk(text: string): Part {
  const ips = new Set<string>()
  let pv = 0
  for (const line of text.split("\\n")) {
    const m = LINE.exec(line)
    if (!m) continue
    pv++
    ips.add(m[1] ?? "")
  }
  return { pv, ips: [...ips] }
}

async function aggregate(lines: string[], workers: number): Promise<{ pv: number; uv: number }> {
  // TODO: split into \`workers\` chunks and count each one in a Web Worker
  const part = countChunk(lines.join("\\n"))
  return { pv: part.pv, uv: part.ips.length }
}
`,
  solution: `interface Part { pv: number; ips: string[] }

const LINE = /^(\\S+) \\S+ \\S+ \\[([^\\]]+)\\] "(\\S+) (\\S+) [^"]*" (\\d{3}) (\\d+|-) "([^"]*)" "([^"]*)"$/

function countChunk(text: string): Part {
  const ips = new Set<string>()
  let pv = 0
  for (const line of text.split("\\n")) {
    const m = LINE.exec(line)
    if (!m) continue
    pv++
    ips.add(m[1] ?? "")
  }
  return { pv, ips: [...ips] }
}

// The worker's code: the same regex and function, sent as text.
const WORKER_CODE = \`const LINE = \${LINE.toString()};
const countChunk = \${countChunk.toString()};
onmessage = (e) => postMessage(countChunk(e.data));\`

function inWorker(url: string, text: string): Promise<Part> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(url)
    worker.onmessage = (e: MessageEvent<Part>) => { resolve(e.data); worker.terminate() }
    worker.onerror = (e) => { reject(new Error(e.message)); worker.terminate() }
    worker.postMessage(text)
  })
}

async function aggregate(lines: string[], workers: number): Promise<{ pv: number; uv: number }> {
  if (workers <= 1 || typeof Worker === "undefined") {
    const part = countChunk(lines.join("\\n"))
    return { pv: part.pv, uv: part.ips.length }
  }
  const url = URL.createObjectURL(new Blob([WORKER_CODE], { type: "text/javascript" }))
  const size = Math.ceil(lines.length / workers)
  const chunks = Array.from({ length: workers }, (_, w) => lines.slice(w * size, (w + 1) * size).join("\\n"))
  const parts = await Promise.all(chunks.map((text) => inWorker(url, text)))
  URL.revokeObjectURL(url)
  const all = new Set<string>()
  let pv = 0
  for (const part of parts) {
    pv += part.pv
    for (const ip of part.ips) all.add(ip)
  }
  return { pv, uv: all.size }
}
`,
  checks: [
    {
      id: 'same-counts',
      title: { en: 'Same PV and UV as one thread, with 2 and 3 workers', zh: '用 2 个和 3 个 Worker 时 PV、UV 与单线程相同' },
      hint: { en: 'Add the PVs of the chunks, and take the union of their IP sets for UV (an IP can appear in several chunks).', zh: '各份的 PV 相加；UV 取各份 IP 集合的并集（同一个 IP 可能出现在多份里）。' },
      code: `${LOG_HELPER}
    const lines = __log(30000)
    const want = __truth(lines)
    const two = await aggregate(lines, 2)
    const three = await aggregate(lines, 3)
    const ok = __ex.same(two, want) && __ex.same(three, want)
    return { pass: ok, detail: 'expected ' + JSON.stringify(want) + ', 2 workers ' + JSON.stringify(two) + ', 3 workers ' + JSON.stringify(three), figures: { pv: two.pv, uv: two.uv } }`,
    },
    {
      id: 'workers-used',
      title: { en: 'aggregate(lines, 2) starts 2 workers', zh: 'aggregate(lines, 2) 启动了 2 个 Worker' },
      hint: { en: 'Create one `new Worker(url)` per chunk; the starter still counts everything on this thread.', zh: '每一份创建一个 `new Worker(url)`；起始代码仍在当前线程里统计全部数据。' },
      code: `if (typeof Worker === 'undefined') return { pass: null, detail: 'could not measure: no Web Workers here' }
    ${LOG_HELPER}
    const Real = Worker
    let made = 0
    globalThis.Worker = class extends Real { constructor(...args) { super(...args); made++ } }
    try { await aggregate(__log(2000), 2) } finally { globalThis.Worker = Real }
    return { pass: made >= 2, detail: made + ' worker(s) started', figures: { workersStarted: made } }`,
    },
    {
      id: 'speedup',
      title: { en: '2 workers are at least 1.2 × faster than 1 (300,000 lines, best of 3)', zh: '2 个 Worker 至少比 1 个快 1.2 倍（30 万行，取 3 次中最好的）' },
      hint: { en: 'Run the chunks at the same time (Promise.all), and send each worker one string, not an array of lines.', zh: '让各份同时运行（Promise.all），给每个 Worker 发一个字符串，而不是行数组。' },
      code: `if (typeof Worker === 'undefined' || (navigator.hardwareConcurrency ?? 1) < 2) return { pass: null, detail: 'could not measure: fewer than 2 cores or no workers here' }
    ${LOG_HELPER}
    const lines = __log(300000)
    await aggregate(lines.slice(0, 20000), 2) // warm up
    // best of 3, alternating, so that a busy moment of the machine does not decide alone
    let one = Infinity
    let two = Infinity
    for (let k = 0; k < 3; k++) {
      one = Math.min(one, await __ex.time(() => aggregate(lines, 1)))
      two = Math.min(two, await __ex.time(() => aggregate(lines, 2)))
    }
    const speedup = Math.round((one / two) * 100) / 100
    return { pass: speedup >= 1.2, detail: Math.round(one) + ' ms → ' + Math.round(two) + ' ms, ' + speedup + ' ×', figures: { oneWorkerMs: Math.round(one), twoWorkersMs: Math.round(two), speedup } }`,
    },
  ],
  timeLimitMs: 60_000,
  needsWorkers: true,
}
