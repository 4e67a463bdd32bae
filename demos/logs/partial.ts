import type { MalformedExample } from './examples'
import { HyperLogLog } from './hyperloglog'
import { Ipv4Table, forEachIpv4, loadLimit } from './ipv4-table'
import { IPV6_STRIDE, Ipv6Table, forEachIpv6 } from './ipv6-table'
import { MinuteCounts } from './minute-counts'
import { SpaceSaving, type HeavyHittersData } from './space-saving'

/**
 * The result of aggregating some input (a whole log, or one byte range of it in a worker), as a
 * plain object of numbers and typed arrays: it survives `postMessage` (structured clone), and its
 * arrays can be transferred without copying (`partialTransferables`). Partial results of
 * consecutive pieces of a log merge into the result of the whole (`mergeResults`).
 */
export interface LogPartial {
  readonly type: 'log-partial'
  /** Bytes read. */
  readonly bytes: number
  /** Lines seen (newline-terminated, plus a last line without newline). */
  readonly lines: number
  /** Valid lines: PV. */
  readonly pv: number
  /** Empty lines (also `\r` only): not malformed, not counted. */
  readonly empty: number
  /** Non-empty lines that are not a log record of the format (never counted in PV). */
  readonly malformed: number
  readonly malformedExamples: readonly MalformedExample[]
  /** True while the per-client counts are exact (the tables fit the memory budget). */
  readonly exact: boolean
  /** IPv4 table slots: [address | 0, count] pairs, count 0 = empty slot (empty when not exact). */
  readonly v4: Int32Array
  readonly v4Size: number
  /** IPv6 table slots: [w0, w1, w2, w3, count] records (empty when not exact). */
  readonly v6: Int32Array
  readonly v6Size: number
  /** HyperLogLog registers over all client addresses (kept from the start, exact or not). */
  readonly hll: Uint8Array
  /** Heavy-hitters summary once counting became approximate, else null. */
  readonly heavy: HeavyHittersData | null
  /** Heavy-hitter counters used after a switch to sketches. */
  readonly heavyK: number
  /** Hits per minute: `minuteCounts[i]` hits in minute `minuteBase + i` (minutes since the epoch, UTC). */
  readonly minuteBase: number
  readonly minuteCounts: Uint32Array
  /** Valid lines whose minute fell outside the per-minute span limit (counted in PV, not per minute). */
  readonly minuteOutOfRange: number
  /** The memory budget (bytes) this result was counted under. */
  readonly maxMemory: number
}

/** The ArrayBuffers of a partial result, for `postMessage(partial, transferables)`. */
export function partialTransferables(partial: LogPartial): ArrayBuffer[] {
  const arrays: ArrayBufferView[] = [partial.v4, partial.v6, partial.hll, partial.minuteCounts]
  if (partial.heavy) arrays.push(partial.heavy.keys, partial.heavy.counts, partial.heavy.errors)
  const buffers = new Set<ArrayBuffer>()
  for (const view of arrays) if (view.buffer instanceof ArrayBuffer && view.buffer.byteLength > 0) buffers.add(view.buffer)
  return [...buffers]
}

export interface MergeOptions {
  /** Budget for the merged tables; by default the sum of both budgets. */
  readonly maxMemory?: number
  /** Malformed examples kept; by default the larger count of the two. */
  readonly maxExamples?: number
  /** Minutes of per-minute span allowed (default 2^20, about two years). */
  readonly maxMinutes?: number
}

/**
 * Merges the partial results of two pieces of input. Exact tables are merged exactly while the
 * merged tables fit the budget (the larger input's arrays are taken over, so both inputs must be
 * treated as consumed); otherwise, or when either side is already approximate, the result is
 * approximate: HyperLogLogs are merged register-wise and heavy hitters with the mergeable
 * Space-Saving rule.
 */
export function mergeResults(a: LogPartial, b: LogPartial, options: MergeOptions = {}): LogPartial {
  const maxMemory = options.maxMemory ?? a.maxMemory + b.maxMemory
  const maxExamples = options.maxExamples ?? Math.max(a.malformedExamples.length, b.malformedExamples.length, 5)
  const hll = new HyperLogLog(Math.log2(a.hll.length), a.hll.slice())
  hll.merge(b.hll)
  const minutes = new MinuteCounts(options.maxMinutes)
  const dropped = minutes.addAll(a.minuteBase, a.minuteCounts) + minutes.addAll(b.minuteBase, b.minuteCounts)
  const trimmed = minutes.trimmed()
  const heavyK = Math.max(a.heavyK, b.heavyK)
  const common = {
    type: 'log-partial' as const,
    bytes: a.bytes + b.bytes,
    lines: a.lines + b.lines,
    pv: a.pv + b.pv,
    empty: a.empty + b.empty,
    malformed: a.malformed + b.malformed,
    malformedExamples: [...a.malformedExamples, ...b.malformedExamples].sort((x, y) => x.offset - y.offset).slice(0, maxExamples),
    hll: hll.registers,
    heavyK,
    minuteBase: trimmed.base,
    minuteCounts: trimmed.counts,
    minuteOutOfRange: a.minuteOutOfRange + b.minuteOutOfRange + dropped,
    maxMemory,
  }
  if (a.exact && b.exact) {
    const tables = mergeTables(a, b, maxMemory - hll.registers.byteLength - trimmed.counts.byteLength)
    if (tables) return { ...common, exact: true, heavy: null, ...tables }
  }
  const heavy = SpaceSaving.merge(heavyOf(a, heavyK), heavyOf(b, heavyK)).toData()
  return { ...common, exact: false, heavy, v4: new Int32Array(0), v4Size: 0, v6: new Int32Array(0), v6Size: 0 }
}

/** The heavy-hitters summary of a partial: its own, or the top k of its exact tables. */
export function heavyOf(partial: LogPartial, k: number): HeavyHittersData {
  if (partial.heavy) return partial.heavy
  const summary = new SpaceSaving(k)
  forEachIpv4(partial.v4, (ip, count) => summary.offer(0, 0, 0xffff, ip, count, 0))
  forEachIpv6(partial.v6, (w0, w1, w2, w3, count) => summary.offer(w0, w1, w2, w3, count, 0))
  summary.total = partial.pv
  return summary.toData()
}

function mergeTables(a: LogPartial, b: LogPartial, budget: number): Pick<LogPartial, 'v4' | 'v4Size' | 'v6' | 'v6Size'> | null {
  const [bigV4, smallV4] = a.v4Size >= b.v4Size ? [a, b] : [b, a]
  const [bigV6, smallV6] = a.v6Size >= b.v6Size ? [a, b] : [b, a]
  const v4 = Ipv4Table.adopt(bigV4.v4, bigV4.v4Size)
  const v6 = Ipv6Table.adopt(bigV6.v6, bigV6.v6Size)
  // Size the union first (lookups only), so that nothing is changed when it does not fit.
  let newV4 = 0
  forEachIpv4(smallV4.v4, (ip) => {
    if (v4.get(ip) === 0) newV4++
  })
  let newV6 = 0
  forEachIpv6(smallV6.v6, (w0, w1, w2, w3) => {
    if (!v6.has(w0, w1, w2, w3)) newV6++
  })
  const peak = (capacity: number, size: number, slotBytes: number, limitOf: (capacity: number) => number): number => {
    let c = capacity
    while (size > limitOf(c)) c *= 2
    return c === capacity ? c * slotBytes : 1.5 * c * slotBytes
  }
  const needed = peak(v4.capacity, v4.size + newV4, 8, loadLimit) + peak(v6.capacity, v6.size + newV6, 4 * IPV6_STRIDE, (c) => c >>> 1) +
    smallV4.v4.byteLength + smallV6.v6.byteLength
  if (needed > budget) return null
  forEachIpv4(smallV4.v4, (ip, count) => {
    if (v4.add(ip, count) < 0) {
      v4.grow()
      v4.add(ip, count)
    }
  })
  forEachIpv6(smallV6.v6, (w0, w1, w2, w3, count) => {
    if (v6.add(w0, w1, w2, w3, count) < 0) {
      v6.grow()
      v6.add(w0, w1, w2, w3, count)
    }
  })
  return { v4: v4.slots, v4Size: v4.size, v6: v6.slots, v6Size: v6.size }
}

/** Number of IPv6 records in a table's slots array. */
export function ipv6Capacity(slots: Int32Array): number {
  return slots.length / IPV6_STRIDE
}
