import type { Fix } from '../../demos/retainers/scenario'
import type { Locale } from '../../demos/course/plan'

/** Texts of the reference-chain lab in both languages. */
const en = {
  title: 'Who keeps the report alive? Reference chains from the module to the target',
  fixes: {
    none: 'The leak (Map cache + listener closure)',
    weakmap: 'Fix: WeakMap keyed by the request',
    'delete-entry': 'Fix: delete the cache entry when done',
    'remove-listener': 'Fix: remove the listener when done',
  } satisfies Record<Fix, string>,
  chains: (n: number, rows: number) =>
    `${n === 1 ? '1 chain keeps' : `${n} chains keep`} the target (an array of ${rows.toLocaleString('en')} numbers) alive.`,
  none: 'No chain: nothing reachable from the module holds the target any more, so the garbage collector may reclaim it (when is its choice).',
  exportPng: 'Export PNG',
  legend: { root: 'root', target: 'target' },
  note: 'The finder walks the real objects of this scenario: properties, array indices, Map and Set entries. It cannot see inside a closure, so the scenario declares the captured variable; a DevTools heap snapshot shows it directly.',
}

type Texts = typeof en

const zh: Texts = {
  title: '谁让 report 活着？从模块到目标的引用链',
  fixes: {
    none: '泄漏（Map 缓存 + 监听器闭包）',
    weakmap: '修复：用以请求为键的 WeakMap',
    'delete-entry': '修复：完成后删除缓存项',
    'remove-listener': '修复：完成后移除监听器',
  },
  chains: (n, rows) => `有 ${n} 条引用链让目标（一个含 ${rows.toLocaleString('zh-CN')} 个数字的数组）保持存活。`,
  none: '没有引用链：从模块出发已经到达不了目标，垃圾回收器可以回收它（什么时候回收由它决定）。',
  exportPng: '导出 PNG',
  legend: { root: '根', target: '目标' },
  note: '查找器遍历的是这个场景里真实的对象：属性、数组下标、Map 和 Set 的条目。它看不到闭包内部，所以场景里声明了被捕获的变量；DevTools 的堆快照可以直接看到它。',
}

export function retainerTexts(locale: Locale): Texts {
  return locale === 'zh' ? zh : en
}
