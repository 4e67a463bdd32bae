import type { Locale } from '../../demos/course/plan'

const en = {
  source: 'Log',
  generated: 'Generated log',
  file: 'Your file (.log or .gz)',
  size: 'Size',
  seed: 'Seed',
  ipv6: 'IPv6 clients',
  garbage: 'Garbage lines',
  engine: 'Engine',
  engines: {
    naive: 'naive port of the original (strings + regex + Map)',
    stream: 'streaming byte parser, one worker',
    parallel: 'streaming byte parser, several workers',
  },
  wasm: 'WebAssembly scanner (SIMD)',
  wasmHint: 'Off: the same byte parser as a plain JavaScript loop; the counts are the same, only the speed differs.',
  loops: { wasm: 'WebAssembly', js: 'JavaScript' },
  wasmUnavailable: 'This browser has no WebAssembly SIMD, so the JavaScript loop ran.',
  run: 'Aggregate',
  cancel: 'Cancel',
  live: 'Live mode',
  liveRate: 'lines per second',
  stopLive: 'Stop live feed',
  dropHint: 'Drop a .log or .gz file here, or choose one:',
  noFile: 'Choose a file first.',
  progress: (mb: number, total: number | null, lines: number, seconds: number, mbps: number) =>
    `${mb.toFixed(1)}${total === null ? '' : ` of ${(total / 1e6).toFixed(0)}`} MB · ${lines.toLocaleString()} lines · ${seconds.toFixed(1)} s · ${mbps.toFixed(0)} MB/s`,
  pv: 'PV (hits)',
  uv: 'UV (distinct clients)',
  approx: (lo: number, hi: number) => `approximate (memory budget reached): between ${lo.toLocaleString()} and ${hi.toLocaleString()} with 99.7 % confidence`,
  truthOk: 'equals the generator’s truth',
  truthBad: (pv: number, uv: number) => `differs from the generator’s truth (PV ${pv.toLocaleString()}, UV ${uv.toLocaleString()})`,
  took: (s: number, mbps: number, workers: number, engine: string, loop: string | null) =>
    `${engine}${loop === null ? '' : ` · ${loop}`}: ${s.toFixed(2)} s, ${mbps.toFixed(0)} MB/s, ${workers} worker${workers === 1 ? '' : 's'}`,
  top: 'Top 10 clients',
  ip: 'client', hits: 'hits',
  perMinute: 'PV per minute (UTC)',
  malformed: (n: number) => `${n.toLocaleString()} malformed lines (counted, never in PV/UV)`,
  naiveNote:
    'The naive port gets the same PV and UV as the streaming engine: it reads every line as a string, matches it with a regular expression and counts clients in a Map of strings. The price is time (a string and a regex match per line) and memory (about 100 bytes of heap per client, growing with every new one). The original’s own regex, which takes the first IPv4-looking text anywhere in a line, is worse still: see Errata (c) above.',
  reasons: {
    cancelled: 'Cancelled. Every worker was terminated.',
    'naive-memory': 'Stopped before the naive engine’s Map of IP strings (estimated at about 100 bytes per client) passed 512 MB: on a real 10 GB log it would keep growing until the tab ran out of memory. The streaming engine keeps a fixed budget.',
  } as Record<string, string>,
  shared: 'Progress is read from a SharedArrayBuffer the workers write (cross-origin isolated page).',
  messages: 'Progress arrives as messages from the workers (the page is not cross-origin isolated, so no SharedArrayBuffer).',
}

type Texts = typeof en

const zh: Texts = {
  source: '日志',
  generated: '生成的日志',
  file: '你自己的文件（.log 或 .gz）',
  size: '大小',
  seed: '种子',
  ipv6: 'IPv6 客户端比例',
  garbage: '垃圾行比例',
  engine: '引擎',
  engines: {
    naive: '原版的直译（字符串 + 正则 + Map）',
    stream: '流式字节解析器，单个 Worker',
    parallel: '流式字节解析器，多个 Worker',
  },
  wasm: 'WebAssembly 扫描器（SIMD）',
  wasmHint: '关闭：同一个字节解析器，改用普通的 JavaScript 循环运行；计数完全相同，只有速度不同。',
  loops: { wasm: 'WebAssembly', js: 'JavaScript' },
  wasmUnavailable: '此浏览器不支持 WebAssembly SIMD，因此运行的是 JavaScript 循环。',
  run: '开始聚合',
  cancel: '取消',
  live: '实时模式',
  liveRate: '行/秒',
  stopLive: '停止实时输入',
  dropHint: '把 .log 或 .gz 文件拖到这里，或选择一个：',
  noFile: '请先选择文件。',
  progress: (mb: number, total: number | null, lines: number, seconds: number, mbps: number) =>
    `${mb.toFixed(1)}${total === null ? '' : ` / ${(total / 1e6).toFixed(0)}`} MB · ${lines.toLocaleString()} 行 · ${seconds.toFixed(1)} 秒 · ${mbps.toFixed(0)} MB/s`,
  pv: 'PV（访问次数）',
  uv: 'UV（不同客户端）',
  approx: (lo: number, hi: number) => `近似值（已达内存预算）：99.7 % 置信区间为 ${lo.toLocaleString()} 到 ${hi.toLocaleString()}`,
  truthOk: '与生成器给出的真实值一致',
  truthBad: (pv: number, uv: number) => `与生成器的真实值不同（PV ${pv.toLocaleString()}，UV ${uv.toLocaleString()}）`,
  took: (s: number, mbps: number, workers: number, engine: string, loop: string | null) =>
    `${engine}${loop === null ? '' : ` · ${loop}`}：${s.toFixed(2)} 秒，${mbps.toFixed(0)} MB/s，${workers} 个 Worker`,
  top: '前 10 名客户端',
  ip: '客户端', hits: '次数',
  perMinute: '每分钟 PV（UTC）',
  malformed: (n: number) => `${n.toLocaleString()} 行格式错误（已计数，不计入 PV/UV）`,
  naiveNote:
    '直译版得到的 PV 和 UV 与流式引擎相同：它把每一行读成字符串，用正则表达式匹配，再用字符串 Map 统计客户端。代价是时间（每行一个字符串、一次正则匹配）和内存（每个客户端约 100 字节堆内存，随新客户端不断增长）。原版自己的正则会取一行里任意位置第一个像 IPv4 的文本，结果更糟：见上文勘误 (c)。',
  reasons: {
    cancelled: '已取消，所有 Worker 均已终止。',
    'naive-memory': '在直译引擎的 IP 字符串 Map（估算每个客户端约 100 字节）超过 512 MB 之前停止了它：面对真实的 10 GB 日志，它会一直增长到标签页内存耗尽。流式引擎的内存预算是固定的。',
  },
  shared: '进度从 Worker 写入的 SharedArrayBuffer 中读取（页面已跨源隔离）。',
  messages: '进度以消息形式从 Worker 传来（页面未跨源隔离，没有 SharedArrayBuffer）。',
}

export function labTexts(locale: Locale): Texts {
  return locale === 'zh' ? zh : en
}
