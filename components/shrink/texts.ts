import type { Locale } from '../../demos/course/plan'

/** Texts of the 8.5 memory shrink lab in both languages. */
const en = {
  rows: 'Rows (N)',
  run: 'Run all variants',
  stop: 'Stop',
  states: { idle: 'ready', running: 'running…', done: 'done', error: 'error', stopped: 'stopped' } as Record<string, string>,
  variant: 'variant',
  memory: 'memory held in the middle of the work',
  perRow: 'per row',
  time: 'time',
  original: "the original's figure (Python, 10,000,000 rows; its claim, not measured here)",
  refused: (limitMiB: number, maxRows: number) =>
    `Refused: the browser reports a JS heap limit of ${limitMiB.toFixed(0)} MiB, and the hungriest variant could need more than that. Choose at most ${maxRows.toLocaleString('en-US')} rows.`,
  noLimit: (maxRows: number) => `This browser reports no heap limit; the lab allows at most ${maxRows.toLocaleString('en-US')} rows.`,
  limit: (limitMiB: number) => `Heap limit the browser reports: ${limitMiB.toFixed(0)} MiB.`,
  modes: {
    uasm: 'Measured with measureUserAgentSpecificMemory (after a garbage collection), minus a reading taken just before each variant.',
    'performance-memory': 'Measured with performance.memory on this page’s thread, minus a reading taken just before each variant: approximate, garbage not yet collected is included.',
    none: 'This browser exposes no memory figure: the memory column stays empty. The recorded Node run below is the reference.',
  } as Record<string, string>,
  reference: (heading: string, date: string) => `Reference run, recorded with npm run bench:memory on ${date}: ${heading}.`,
  failed: 'The lab failed:',
}

type Texts = typeof en

const zh: Texts = {
  rows: '行数 (N)',
  run: '运行全部写法',
  stop: '停止',
  states: { idle: '就绪', running: '运行中…', done: '完成', error: '出错', stopped: '已停止' },
  variant: '写法',
  memory: '工作进行到一半时占用的内存',
  perRow: '每行',
  time: '耗时',
  original: '原课程的数字（Python，10,000,000 行；原文声称，未在此实测）',
  refused: (limitMiB: number, maxRows: number) =>
    `已拒绝：浏览器报告的 JS 堆上限是 ${limitMiB.toFixed(0)} MiB，最耗内存的写法可能超过它。请最多选择 ${maxRows.toLocaleString('en-US')} 行。`,
  noLimit: (maxRows: number) => `此浏览器不报告堆上限；本实验最多允许 ${maxRows.toLocaleString('en-US')} 行。`,
  limit: (limitMiB: number) => `浏览器报告的堆上限：${limitMiB.toFixed(0)} MiB。`,
  modes: {
    uasm: '用 measureUserAgentSpecificMemory 测量（先做垃圾回收），减去每种写法开始前的读数。',
    'performance-memory': '在本页线程上用 performance.memory 测量，减去每种写法开始前的读数：近似值，包含尚未回收的垃圾。',
    none: '此浏览器不提供内存数据：内存一列为空。下面录制的 Node 运行结果作为参考。',
  },
  reference: (heading: string, date: string) => `参考运行，于 ${date} 用 npm run bench:memory 录制：${heading}。`,
  failed: '实验出错：',
}

export function shrinkTexts(locale: Locale): Texts {
  return locale === 'zh' ? zh : en
}
