import type { Locale } from '../../demos/course/plan'

/** Texts of the flame graph viewer in both languages. */
const en = {
  title: 'Flame graph viewer for .cpuprofile and .heapprofile files',
  open: 'Open a file…',
  drop: 'or drop a .cpuprofile / .heapprofile file here',
  sample: 'Sample:',
  search: 'Search a function name',
  reset: 'Reset zoom',
  exportPng: 'Export PNG',
  loading: 'Loading…',
  cpu: 'CPU profile: width = CPU time (µs sampled)',
  heap: 'Heap profile: width = bytes allocated and still live',
  matches: (n: number, share: string) => (n === 0 ? 'no frame matches' : `${n} ${n === 1 ? 'frame matches' : 'frames match'}, ${share} of the total`),
  self: 'self',
  total: 'total',
  help: 'Click a frame to zoom into it, click the top bar or Reset to zoom out. Left-to-right order is alphabetical, not time.',
  failed: (file: string, message: string) => `Could not open ${file}: ${message} The viewer still shows the previous profile.`,
  fetchFailed: 'The sample profile could not be loaded.',
  frames: (n: number) => `${n} frames`,
}

type Texts = typeof en

const zh: Texts = {
  title: '火焰图查看器：打开 .cpuprofile 和 .heapprofile 文件',
  open: '打开文件…',
  drop: '或把 .cpuprofile / .heapprofile 文件拖到这里',
  sample: '示例：',
  search: '搜索函数名',
  reset: '重置缩放',
  exportPng: '导出 PNG',
  loading: '加载中…',
  cpu: 'CPU 剖析：宽度 = CPU 时间（采样得到的 µs）',
  heap: '堆剖析：宽度 = 已分配且仍存活的字节数',
  matches: (n, share) => (n === 0 ? '没有匹配的帧' : `${n} 个帧匹配，占总量的 ${share}`),
  self: '自身',
  total: '总计',
  help: '点击一个帧放大它；点击最上面的条或“重置缩放”还原。从左到右按字母排序，不表示时间。',
  failed: (file, message) => `无法打开 ${file}：${message} 查看器仍显示之前的剖析结果。`,
  fetchFailed: '示例剖析文件加载失败。',
  frames: (n) => `${n} 个帧`,
}

export function flameTexts(locale: Locale): Texts {
  return locale === 'zh' ? zh : en
}
