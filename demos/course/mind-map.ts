import type { Locale } from './plan'

/**
 * The lesson's chain for the 8.8 mind map: one node per idea, in the lesson's order, with its
 * TypeScript/V8 counterpart and the section (slug) that teaches it. Pure data, rendered at build time.
 */
export interface MindNode {
  readonly id: string
  /** Section slug the node links to. */
  readonly slug: string
  readonly section: string
  readonly python: Readonly<Record<Locale, string>>
  readonly ts: Readonly<Record<Locale, string>>
  readonly question: Readonly<Record<Locale, string>>
}

export const mindNodes: readonly MindNode[] = [
  {
    id: 'refcount', slug: '8-1-memory-model', section: '8.1',
    python: { en: 'Reference counts', zh: '引用计数' },
    ts: { en: 'none: V8 traces from roots', zh: '没有：V8 从根开始追踪' },
    question: { en: 'How is memory freed?', zh: '内存怎么被释放？' },
  },
  {
    id: 'gc', slug: '8-1-memory-model', section: '8.1',
    python: { en: 'Cyclic GC, 3 generations', zh: '分代循环 GC' },
    ts: { en: 'Scavenger + mark-compact', zh: 'Scavenger + Mark-Compact' },
    question: { en: 'What frees cycles?', zh: '循环引用谁来回收？' },
  },
  {
    id: 'tracemalloc', slug: '8-2-tracemalloc', section: '8.2',
    python: { en: 'tracemalloc / memray', zh: 'tracemalloc / memray' },
    ts: { en: 'Heap snapshots, sampling', zh: '堆快照、分配采样' },
    question: { en: 'Where does memory go?', zh: '内存花在哪儿？' },
  },
  {
    id: 'objgraph', slug: '8-3-objgraph', section: '8.3',
    python: { en: 'objgraph back-references', zh: 'objgraph 反向引用' },
    ts: { en: 'Retainers panel', zh: 'Retainers 面板' },
    question: { en: 'Who keeps it alive?', zh: '谁让它活着？' },
  },
  {
    id: 'profile', slug: '8-4-benchmarking', section: '8.4',
    python: { en: 'cProfile / line_profiler', zh: 'cProfile / line_profiler' },
    ts: { en: 'tinybench, Performance panel', zh: 'tinybench、Performance 面板' },
    question: { en: 'Where does time go?', zh: '时间花在哪儿？' },
  },
  {
    id: 'slots', slug: '8-5-shrink-a-list', section: '8.5',
    python: { en: '__slots__ / generators', zh: '__slots__ / 生成器' },
    ts: { en: 'Hidden classes, function*', zh: '隐藏类、function*' },
    question: { en: 'How do I hold less?', zh: '怎样少占内存？' },
  },
  {
    id: 'defaults', slug: '8-6-mutable-defaults', section: '8.6',
    python: { en: 'Mutable defaults → None', zh: '可变默认参数：用 None' },
    ts: { en: 'Per-call defaults; shared objects', zh: '默认值每次求值；共享对象照样出事' },
    question: { en: 'What do calls share?', zh: '调用之间共享了什么？' },
  },
  {
    id: 'mmap', slug: '8-7-log-aggregator', section: '8.7',
    python: { en: 'mmap + line iterator', zh: 'mmap + 逐行迭代' },
    ts: { en: 'Streams, Blob.slice, workers', zh: '流、Blob.slice、Worker' },
    question: { en: 'Data bigger than RAM?', zh: '数据比内存还大？' },
  },
  {
    id: 'summary', slug: '8-8-summary', section: '8.8',
    python: { en: 'Summary + checklist', zh: '小结 + 检查清单' },
    ts: { en: 'this page, printable', zh: '就是本页，可打印' },
    question: { en: 'Ready to ship?', zh: '可以上线了吗？' },
  },
  {
    id: 'homework', slug: '8-9-homework', section: '8.9',
    python: { en: 'Homework, self-checked', zh: '作业：自己动手测' },
    ts: { en: 'Checks in the page, a zip', zh: '页面内检查，打包提交' },
    question: { en: 'Can I do it alone?', zh: '我自己能做到吗？' },
  },
]
