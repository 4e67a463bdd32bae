import type { Locale } from '../../demos/course/plan'

/** Texts of the CPython stepper in both languages. */
const en = {
  title: 'CPython reference counts and cycle collector, step by step',
  program: 'Program',
  back: '◀ Back',
  forward: 'Step ▶',
  play: 'Play',
  pause: 'Pause',
  reset: 'Reset',
  step: (i: number, n: number) => `step ${i} of ${n}`,
  start: 'Before the first line.',
  refs: 'refs',
  gen: (g: number | null) => (g === null ? 'untracked by gc' : `gen ${g}`),
  nothing: 'No counts changed on this line.',
  created: (l: string, n: number) => `${l} created, count ${n}`,
  changed: (l: string, a: number, b: number) => `${l}: ${a} → ${b}`,
  freed: (l: string) => `${l} freed (count reached 0 or collected)`,
  collected: (n: number) => `gc.collect() returned ${n}`,
  counts: 'gc.get_count() in the model',
  thresholds: 'gc.get_threshold()',
  runs: 'collections run (gen 0 / 1 / 2)',
  heapLabel: 'Heap: names on the left, objects on the right, arrows are references',
  note: (v: string) =>
    `Counts at every step match CPython ${v} (recorded with sys.getrefcount(x) - 1 by a project script). The model counts only this program's lists and dicts, so a real gc.get_count() is higher.`,
}

type Texts = typeof en

const zh: Texts = {
  title: 'CPython 引用计数与循环回收器：单步演示',
  program: '程序',
  back: '◀ 上一步',
  forward: '下一步 ▶',
  play: '播放',
  pause: '暂停',
  reset: '重来',
  step: (i, n) => `第 ${i} 步，共 ${n} 步`,
  start: '第一行执行之前。',
  refs: '引用',
  gen: (g) => (g === null ? '未被 gc 跟踪' : `第 ${g} 代`),
  nothing: '这一行没有改变任何引用计数。',
  created: (l, n) => `创建 ${l}，计数 ${n}`,
  changed: (l, a, b) => `${l}：${a} → ${b}`,
  freed: (l) => `${l} 已释放（计数归零或被回收）`,
  collected: (n) => `gc.collect() 返回 ${n}`,
  counts: '模型中的 gc.get_count()',
  thresholds: 'gc.get_threshold()',
  runs: '已运行的回收（第 0 / 1 / 2 代）',
  heapLabel: '堆：左边是名字，右边是对象，箭头表示引用',
  note: (v) =>
    `每一步的计数都与 CPython ${v} 一致（由项目脚本用 sys.getrefcount(x) - 1 记录）。模型只统计本程序的列表和字典，所以真实的 gc.get_count() 会更大。`,
}

export function stepperTexts(locale: Locale): Texts {
  return locale === 'zh' ? zh : en
}
