import type { Exercise } from './types'

const WORK = `function makeLog(n: number): string[] {
  return span("makeLog", () =>
    Array.from({ length: n }, (_, i) => "10.0." + (i % 40) + "." + (i % 250) + " GET /p/" + (i % 300)))
}
function parseIps(lines: string[]): string[] {
  return span("parseIps", () => lines.map((line) => line.split(" ", 1)[0] ?? ""))
}
function count(lines: string[]): Map<string, number> {
  return span("count", () => {
    const counts = new Map<string, number>()
    for (const ip of parseIps(lines)) counts.set(ip, (counts.get(ip) ?? 0) + 1)
    return counts
  })
}
function report(counts: Map<string, number>): [string, number][] {
  return span("report", () => [...counts].sort((a, b) => b[1] - a[1]).slice(0, 10))
}

function profile(): Frame {
  root.children = [] // a fresh tree for every call
  span("aggregate", () => report(count(makeLog(200000))))
  return finish()
}
console.log(JSON.stringify(profile(), (k, v) => (k === "ms" ? Math.round(v * 10) / 10 : v)))
`

/**
 * Homework 3: a flame graph of the reader's own code, drawn by the site's flame graph viewer
 * (components/flamegraph) and exported by it with the watermark. The reader makes `span()` record
 * nested spans as a call tree; the checks hand the tree to the page (report `trace`), which opens it
 * in the viewer as a `.cpuprofile` (demos/flamegraph/trace.ts).
 */
export const profileHomework: Exercise = {
  id: 'hw-3-profile',
  section: '8.9',
  title: { en: 'Homework 3: a watermarked flame graph of your code', zh: '作业 3：你自己代码的带水印火焰图' },
  task: {
    en: 'A flame graph is a call tree with times. `span(name, fn)` runs `fn` and records how long it took, but it puts every span at the top level, even the ones started inside another span. Make it record a tree: a span started while another one runs becomes that span\'s child (keep a stack of open frames). `finish()` returns the root. The checks draw your tree in the flame graph viewer below it; use the viewer\'s Export PNG: the image carries the site watermark and goes into your homework zip.',
    zh: '火焰图就是一棵带时间的调用树。`span(name, fn)` 运行 `fn` 并记录耗时，但它把所有 span 都放在最顶层，连在另一个 span 里面开始的也一样。请让它记录成一棵树：在另一个 span 运行期间开始的 span 成为那个 span 的子节点（维护一个“打开的帧”的栈）。`finish()` 返回根节点。检查会在下方的火焰图查看器里画出你的树；用查看器的“导出 PNG”：图片带有网站水印，并会进入你的作业压缩包。',
  },
  starter: `interface Frame { name: string; ms: number; children: Frame[] }

const root: Frame = { name: "(root)", ms: 0, children: [] }

// TODO: a span started inside another span must become its child, not the root's.
function span<T>(name: string, fn: () => T): T {
  const t0 = performance.now()
  try {
    return fn()
  } finally {
    root.children.push({ name, ms: performance.now() - t0, children: [] })
  }
}

function finish(): Frame {
  root.ms = root.children.reduce((sum, f) => sum + f.ms, 0)
  return root
}

${WORK}`,
  solution: `interface Frame { name: string; ms: number; children: Frame[] }

const root: Frame = { name: "(root)", ms: 0, children: [] }
const open: Frame[] = [root] // the frames running right now, innermost last

function span<T>(name: string, fn: () => T): T {
  const frame: Frame = { name, ms: 0, children: [] }
  ;(open.at(-1) ?? root).children.push(frame)
  open.push(frame)
  const t0 = performance.now()
  try {
    return fn()
  } finally {
    frame.ms = performance.now() - t0
    open.pop()
  }
}

function finish(): Frame {
  root.ms = root.children.reduce((sum, f) => sum + f.ms, 0)
  return root
}

${WORK}`,
  checks: [
    {
      id: 'nested',
      title: { en: 'Spans started inside another span are its children (aggregate → count → parseIps)', zh: '在另一个 span 里开始的 span 是它的子节点（aggregate → count → parseIps）' },
      hint: {
        en: 'Keep a stack of the frames that are running: push the new frame onto the children of the top one, push it on the stack, and pop it in `finally`.',
        zh: '维护一个正在运行的帧的栈：把新帧加到栈顶帧的 children 里，再把它压栈，在 `finally` 里出栈。',
      },
      code: `const tree = profile()
    const find = (f, name) => f.children.find((c) => c.name === name)
    const agg = find(tree, 'aggregate')
    const cnt = agg && find(agg, 'count')
    const parse = cnt && find(cnt, 'parseIps')
    const top = tree.children.map((c) => c.name).join(', ')
    return { pass: Boolean(parse), detail: 'top level: ' + top + (parse ? '; aggregate → count → parseIps found' : '') }`,
    },
    {
      id: 'consistent',
      title: { en: 'Every frame takes at least as long as its children together', zh: '每个帧的耗时不少于其子节点之和' },
      hint: {
        en: 'Set a frame\'s `ms` when its span ends (in `finally`), from the time its span started.',
        zh: '在 span 结束时（`finally` 里）按 span 开始的时间设置帧的 `ms`。',
      },
      code: `const tree = profile()
    const bad = []
    let frames = 0
    const walk = (f) => {
      frames++
      const inside = f.children.reduce((s, c) => s + c.ms, 0)
      if (typeof f.ms !== 'number' || !(f.ms >= 0) || inside > f.ms + 0.5) bad.push(f.name)
      f.children.forEach(walk)
    }
    walk(tree)
    return { pass: bad.length === 0 && frames >= 4, detail: frames + ' frames' + (bad.length ? '; shorter than their children: ' + bad.join(', ') : ''), figures: { frames } }`,
    },
    {
      id: 'flame-graph',
      title: { en: 'The call tree is drawn as a flame graph (at least 3 levels below the root)', zh: '调用树被画成火焰图（根节点下至少 3 层）' },
      hint: {
        en: 'The flame graph shows one level per nesting of spans; with every span at the top level it is flat.',
        zh: '火焰图的每一层对应 span 的一层嵌套；所有 span 都在顶层时，它是平的。',
      },
      code: `const tree = profile()
    const depth = (f) => 1 + Math.max(0, ...f.children.map(depth))
    const d = depth(tree)
    return { pass: d >= 4, detail: 'depth ' + d + ' (root included)', figures: { depth: d, totalMs: Math.round(tree.ms * 10) / 10 }, trace: tree }`,
    },
  ],
  timeLimitMs: 30_000,
}
