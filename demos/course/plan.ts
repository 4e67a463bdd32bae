/**
 * The course plan of the original lesson ("第 8 讲 内存模型与性能调优", python-office course by
 * 程序员晚枫): one entry per section with its slug, its titles in both languages and the minutes the
 * original gives it. The sidebar, the home page's course map and the section header all read it.
 */

export type Locale = 'en' | 'zh'

export interface Section {
  /** Section number as printed in the original, e.g. "8.1". */
  readonly id: string
  /** Page slug, the same in both languages (`/8-1-memory-model`, `/zh/8-1-memory-model`). */
  readonly slug: string
  /** Planned minutes in the live lesson; `null` for the homework, which is done after class. */
  readonly minutes: number | null
  /** Which half of the lesson when it is split into two 1.5 h parts. */
  readonly part: 1 | 2
  readonly title: Readonly<Record<Locale, string>>
}

export const sections: readonly Section[] = [
  { id: '8.0', slug: '8-0-opening', minutes: 2, part: 1, title: { en: 'Opening', zh: '开场' } },
  { id: '8.1', slug: '8-1-memory-model', minutes: 15, part: 1, title: { en: 'The CPython memory model', zh: 'CPython 内存模型' } },
  { id: '8.2', slug: '8-2-tracemalloc', minutes: 20, part: 1, title: { en: 'Catching leaks with tracemalloc', zh: '用 tracemalloc 抓泄漏' } },
  { id: '8.3', slug: '8-3-objgraph', minutes: 15, part: 1, title: { en: 'Reference chains with objgraph', zh: 'objgraph 可视化引用链' } },
  { id: '8.4', slug: '8-4-benchmarking', minutes: 20, part: 1, title: { en: 'The benchmarking triad', zh: '性能基准三板斧' } },
  { id: '8.5', slug: '8-5-shrink-a-list', minutes: 30, part: 2, title: { en: 'Shrinking a 1 GB list', zh: '把 1 GB 列表压到 100 MB' } },
  { id: '8.6', slug: '8-6-mutable-defaults', minutes: 10, part: 2, title: { en: 'The mutable default argument trap', zh: '可变默认参数陷阱' } },
  { id: '8.7', slug: '8-7-log-aggregator', minutes: 40, part: 2, title: { en: 'A memory-friendly log aggregator', zh: '内存友好型日志聚合器' } },
  { id: '8.8', slug: '8-8-summary', minutes: 5, part: 2, title: { en: 'Summary and mind map', zh: '小结与思维导图' } },
  { id: '8.9', slug: '8-9-homework', minutes: null, part: 2, title: { en: 'Homework', zh: '课后作业' } },
]

/** Length of the live lesson as the original announces it: 3 hours, or two parts of 1.5 hours. */
export const LIVE_MINUTES = 180
export const PART_MINUTES = 90

/** Route prefix of a locale: English lives at the root, Chinese under `/zh/`. */
export function localePrefix(locale: Locale): string {
  return locale === 'zh' ? '/zh/' : '/'
}

/** Site-relative link of a section page, without base and without extension. */
export function sectionLink(section: Section, locale: Locale): string {
  return localePrefix(locale) + section.slug
}

/** Display title with the section number, e.g. "8.1 The CPython memory model". */
export function sectionTitle(section: Section, locale: Locale): string {
  return `${section.id} ${section.title[locale]}`
}

/** Planned minutes of the taught sections, in total and for each part. */
export function plannedMinutes(part?: 1 | 2): number {
  return sections
    .filter((s) => part === undefined || s.part === part)
    .reduce((sum, s) => sum + (s.minutes ?? 0), 0)
}

/**
 * Finds the section a route belongs to. Accepts paths with or without a base prefix, locale prefix,
 * `.html` suffix or trailing hash/query, e.g. `/lesson/zh/8-1-memory-model.html#errata`.
 */
export function sectionForPath(path: string): Section | undefined {
  const clean = path.split(/[?#]/)[0] ?? ''
  const last = clean.replace(/\/+$/, '').split('/').pop() ?? ''
  const slug = last.replace(/\.html$/, '')
  return sections.find((s) => s.slug === slug)
}

/** The section after the given one, if any. */
export function nextSection(section: Section): Section | undefined {
  const i = sections.indexOf(section)
  return i >= 0 ? sections[i + 1] : undefined
}
