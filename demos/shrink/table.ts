/**
 * The 8.5 table: one row per variant, the memory it held in the middle of the work and its time,
 * with the original lesson's Python figures beside (the original's claims, not measured here).
 */
import type { VariantId } from './variants'

export interface VariantMeasurement {
  readonly variant: VariantId
  readonly rows: number
  /** Live bytes held in the middle of the work, above the baseline taken before it; null when unmeasured. */
  readonly bytes: number | null
  /** Build + work time, the memory readings excluded, ms. */
  readonly ms: number
}

/** The original lesson's table (版本 / 占用) for 10,000,000 rows in Python, as it states them. */
export const ORIGINAL_CLAIMS: Readonly<Partial<Record<VariantId, string>>> = {
  objects: 'list+dict: 1.1 GB',
  generator: 'generator: 30 MB',
  classes: '+__slots__: 18 MB (generator of slotted objects)',
}

/** The same claims in the original's own words (Chinese page). */
export const ORIGINAL_CLAIMS_ZH: Readonly<Partial<Record<VariantId, string>>> = {
  objects: 'list+dict：1.1 GB',
  generator: '生成器：30 MB',
  classes: '+__slots__：18 MB（生成器加 __slots__ 对象，并不保留列表）',
}

export const VARIANT_LABELS: Readonly<Record<VariantId, { en: string; zh: string }>> = {
  objects: { en: 'array of object literals', zh: '对象字面量数组' },
  generator: { en: 'generator (one row at a time)', zh: '生成器（一次一行）' },
  classes: { en: 'array of class instances', zh: '类实例数组' },
  columns: { en: 'columnar typed array (names on demand)', zh: '按列的类型化数组（名字按需生成）' },
  dictionary: { en: 'pitfall: objects in dictionary mode (delete)', zh: '陷阱：字典模式的对象（delete）' },
  varying: { en: 'pitfall: fields added one by one, order varies', zh: '陷阱：逐个添加字段，顺序不一' },
}

export function formatBytes(bytes: number | null): string {
  if (bytes === null) return 'n/a'
  const mib = bytes / 2 ** 20
  return `${mib.toFixed(mib < 10 ? 2 : 1)} MiB`
}

/** Plain-text table (the Node bench prints it; the repo records it). */
export function formatTable(measurements: readonly VariantMeasurement[]): string {
  const header = ['variant', 'live memory at middle', 'per row', 'time', "the original's figure (Python, its claim)"]
  const lines = measurements.map((m) => [
    VARIANT_LABELS[m.variant].en,
    formatBytes(m.bytes),
    m.bytes === null || m.rows === 0 ? 'n/a' : `${(m.bytes / m.rows).toFixed(1)} B`,
    `${(m.ms / 1000).toFixed(2)} s`,
    ORIGINAL_CLAIMS[m.variant] ?? '-',
  ])
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? '').length)))
  const row = (cells: readonly string[]): string => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`
  return [row(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...lines.map(row)].join('\n')
}
