import type { Locale } from '../../demos/course/plan'

/** Texts of the demo blocks in both languages. */
const en = {
  run: 'Run',
  stop: 'Stop',
  edit: 'Edit',
  reset: 'Reset',
  share: 'Share',
  exportPng: 'Export PNG',
  runHint: 'Ctrl/Cmd+Enter runs',
  modified: 'modified',
  modifiedTitle: 'Your edit is saved in this browser; Reset restores the original.',
  loadingEditor: 'Loading the editor…',
  editorFailed: 'The editor could not be loaded; the code stays as it is. Reload the page to try again.',
  typeErrors: (n: number) => (n === 1 ? '1 type error' : `${n} type errors`),
  noTypeErrors: 'no type errors',
  checking: 'type-checking…',
  states: { idle: 'ready', running: 'running…', done: 'done', error: 'error', stopped: 'stopped', timeout: 'time limit' },
  stopped: 'Stopped by you. Your code is unchanged.',
  timeout: (s: number) => `Stopped by the watchdog after ${s} s, the time limit of this demo. Your code is unchanged.`,
  dropped: (n: number) => `The output was long: ${n} older lines were dropped.`,
  crashed: 'The demo worker crashed (out of memory?). Your code is unchanged.',
  returned: 'returned',
  at: (line: number, col: number) => `at line ${line}, column ${col}`,
  shareCopied: 'Link copied. Opening it shows this code without running it.',
  shareManual: 'Copy this link:',
  fromShare: 'This code was opened from a shared link. Your own saved version is kept until you edit this one.',
  shareDamaged: 'The shared link is damaged and could not be read; the demo shows its usual code.',
  storageFailed: 'This browser refused to save your edit (private mode or storage full). It stays until you leave the page.',
  timing: (first: number | null, total: number | null) =>
    `${first === null ? '' : `first output after ${first.toFixed(0)} ms · `}${total === null ? '' : `ran ${total.toFixed(0)} ms`}`,
  bench: {
    task: 'task', median: 'median', mean: 'mean', p99: 'p99', rme: '±rme', ops: 'ops/s', samples: 'samples',
    resolution: (us: number, isolated: boolean) =>
      `Timer resolution in force: about ${us < 1 ? us.toFixed(2) : us.toFixed(0)} µs (${isolated ? 'cross-origin isolated' : 'not cross-origin isolated: browsers coarsen timers to about 100 µs'}).`,
  },
  profile: {
    title: 'Profile of this run (like cProfile / pstats)',
    sortHint: 'Click a column heading to sort.',
    unit: 'times in ms',
    lineTitle: (name: string) => `Line profile of ${name} (like kernprof -l -v)`,
    line: 'Line #', hits: 'Hits', time: 'Time (ms)', perHit: 'Per hit (µs)', percent: '% Time', contents: 'Line contents',
    note: (resolutionUs: number, perCallUs: number, perLineUs: number, overheadMs: number) =>
      `Timer resolution in force: ${resolutionUs < 1 ? resolutionUs.toFixed(2) : resolutionUs.toFixed(0)} µs. ` +
      `Instrumentation costs about ${perCallUs.toFixed(3)} µs per call and ${perLineUs.toFixed(3)} µs per line hit (measured now), ` +
      `so about ${overheadMs.toFixed(1)} ms of this run is the profiler itself. Awaiting and yielding time is not counted.`,
    empty: 'No function of the demo was called.',
  },
  memory: {
    uasm: 'retained after a garbage collection, page and workers (measureUserAgentSpecificMemory, Chromium)',
    'performance-memory': 'live JS heap of this page right now, including garbage not yet collected (performance.memory, Chromium)',
    none: 'This browser exposes no memory figure (only Chromium does).',
    pending: 'waiting for the browser’s next garbage collection, where Chromium measures (a median of 10 s here; given up after 30 s)…',
    bucketed: 'This browser rounds performance.memory into coarse buckets and caches them, so no figure is shown.',
    reference: 'Recorded reference run',
    marks: 'memory at each mark()',
    mark: 'mark', bytes: 'memory', delta: 'change',
    workerNote: 'The work runs in workers, which performance.memory cannot see: the figure is this page’s heap.',
    mainThreadNote: 'This memory demo runs on the page’s thread so that performance.memory sees it: its loops pause every 40 ms so Stop works, and the time spent reading the meter does not count against the time limit.',
  },
}

type Texts = typeof en

const zh: Texts = {
  run: '运行',
  stop: '停止',
  edit: '编辑',
  reset: '还原',
  share: '分享',
  exportPng: '导出 PNG',
  runHint: 'Ctrl/Cmd+Enter 运行',
  modified: '已修改',
  modifiedTitle: '你的修改保存在本浏览器中；“还原”恢复原始代码。',
  loadingEditor: '正在加载编辑器…',
  editorFailed: '编辑器加载失败，代码保持不变。请刷新页面重试。',
  typeErrors: (n: number) => `${n} 个类型错误`,
  noTypeErrors: '没有类型错误',
  checking: '类型检查中…',
  states: { idle: '就绪', running: '运行中…', done: '完成', error: '出错', stopped: '已停止', timeout: '超时' },
  stopped: '已由你停止。代码保持不变。',
  timeout: (s: number) => `已达到本演示的时间上限 ${s} 秒，被看门狗停止。代码保持不变。`,
  dropped: (n: number) => `输出过长：已丢弃 ${n} 行较早的输出。`,
  crashed: '演示所在的 Worker 崩溃了（可能内存不足）。代码保持不变。',
  returned: '返回值',
  at: (line: number, col: number) => `位于第 ${line} 行第 ${col} 列`,
  shareCopied: '链接已复制。打开它会显示这段代码，但不会自动运行。',
  shareManual: '请复制此链接：',
  fromShare: '这段代码来自分享链接。在你修改它之前，你自己保存的版本不会被覆盖。',
  shareDamaged: '分享链接已损坏，无法读取；演示显示原始代码。',
  storageFailed: '浏览器拒绝保存你的修改（隐私模式或存储已满）。离开页面前修改仍然有效。',
  timing: (first: number | null, total: number | null) =>
    `${first === null ? '' : `首次输出 ${first.toFixed(0)} ms · `}${total === null ? '' : `运行 ${total.toFixed(0)} ms`}`,
  bench: {
    task: '任务', median: '中位数', mean: '平均', p99: 'p99', rme: '±rme', ops: '次/秒', samples: '样本数',
    resolution: (us: number, isolated: boolean) =>
      `当前计时器精度：约 ${us < 1 ? us.toFixed(2) : us.toFixed(0)} µs（${isolated ? '已跨源隔离' : '未跨源隔离：浏览器把计时器粗化到约 100 µs'}）。`,
  },
  profile: {
    title: '本次运行的性能剖析（类似 cProfile / pstats）',
    sortHint: '点击列标题排序。',
    unit: '时间单位 ms',
    lineTitle: (name: string) => `${name} 的逐行剖析（类似 kernprof -l -v）`,
    line: '行号', hits: '命中次数', time: '时间 (ms)', perHit: '每次 (µs)', percent: '时间占比 %', contents: '代码',
    note: (resolutionUs: number, perCallUs: number, perLineUs: number, overheadMs: number) =>
      `当前计时器精度：${resolutionUs < 1 ? resolutionUs.toFixed(2) : resolutionUs.toFixed(0)} µs。` +
      `插桩本身每次函数调用约花 ${perCallUs.toFixed(3)} µs，每次行命中约 ${perLineUs.toFixed(3)} µs（刚刚实测），` +
      `所以本次运行中约有 ${overheadMs.toFixed(1)} ms 是剖析器自己的开销。await 与 yield 等待的时间不计入。`,
    empty: '演示中没有函数被调用。',
  },
  memory: {
    uasm: '垃圾回收后仍保留的内存，含页面与 Worker（measureUserAgentSpecificMemory，Chromium）',
    'performance-memory': '本页面此刻的 JS 堆，包含尚未回收的垃圾（performance.memory，Chromium）',
    none: '此浏览器不提供内存数据（只有 Chromium 提供）。',
    pending: '正在等待浏览器的下一次垃圾回收，Chromium 在那时测量（这里中位数 10 秒；30 秒后放弃）…',
    bucketed: '此浏览器把 performance.memory 粗化成大档位并长期缓存，因此不显示数值。',
    reference: '录制的参考运行',
    marks: '每次 mark() 时的内存',
    mark: '标记', bytes: '内存', delta: '变化',
    workerNote: '计算运行在 Worker 中，performance.memory 看不到它：这里显示的是本页面的堆。',
    mainThreadNote: '为了让 performance.memory 看得到，这个内存演示运行在页面线程上：循环每 40 毫秒暂停一下，好让“停止”按钮随时可用；读取内存所花的时间不计入时间上限。',
  },
}

export function demoTexts(locale: Locale): Texts {
  return locale === 'zh' ? zh : en
}
export type DemoTexts = Texts
