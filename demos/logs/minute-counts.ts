/**
 * Hits per minute in a dense Uint32Array over [base, base + length): 4 bytes per minute of the
 * log's time span (a year is 2 MiB), grown by doubling in either direction. Minutes that would
 * stretch the span beyond `maxSpan` are refused (the caller counts them as out of range).
 */
export class MinuteCounts {
  base = 0
  counts = new Uint32Array(0)
  readonly maxSpan: number

  constructor(maxSpan = 1 << 20) {
    this.maxSpan = maxSpan
  }

  get bytes(): number {
    return this.counts.byteLength
  }

  /** Adds `n` hits to `minute`; false when the minute is out of the allowed span. */
  add(minute: number, n: number): boolean {
    let i = minute - this.base
    if (i < 0 || i >= this.counts.length) {
      if (!this.cover(minute)) return false
      i = minute - this.base
    }
    this.counts[i] = (this.counts[i] as number) + n
    if (minute < this.first) this.first = minute
    if (minute > this.last) this.last = minute
    return true
  }

  /** First and last minute with hits so far. */
  private first = Infinity
  private last = -Infinity

  /** Adds every minute of a serialised counter (for merging). Returns hits that did not fit. */
  addAll(base: number, counts: Uint32Array): number {
    let dropped = 0
    for (let i = 0; i < counts.length; i++) {
      const c = counts[i] as number
      if (c !== 0 && !this.add(base + i, c)) dropped += c
    }
    return dropped
  }

  /** `[minute, hits]` pairs with hits > 0, in time order. */
  entries(): [number, number][] {
    const out: [number, number][] = []
    for (let i = 0; i < this.counts.length; i++) {
      const c = this.counts[i] as number
      if (c !== 0) out.push([this.base + i, c])
    }
    return out
  }

  /** The used part of the array, trimmed of empty minutes at both ends (a copy). */
  trimmed(): { base: number; counts: Uint32Array } {
    let lo = 0
    let hi = this.counts.length
    while (lo < hi && this.counts[lo] === 0) lo++
    while (hi > lo && this.counts[hi - 1] === 0) hi--
    return { base: this.base + lo, counts: this.counts.slice(lo, hi) }
  }

  private cover(minute: number): boolean {
    if (this.counts.length === 0) {
      const length = Math.min(256, this.maxSpan)
      this.base = minute - Math.min(16, length - 1)
      this.counts = new Uint32Array(length)
      return true
    }
    const lo = Math.min(this.first, minute)
    const hi = Math.max(this.last + 1, minute + 1)
    if (hi - lo > this.maxSpan) return false
    let length = this.counts.length * 2
    while (length < hi - lo) length *= 2
    length = Math.min(length, this.maxSpan)
    const base = minute < this.first ? hi - length : lo
    const counts = new Uint32Array(length)
    const used = this.counts.subarray(this.first - this.base, this.last + 1 - this.base)
    counts.set(used, this.first - base)
    this.base = base
    this.counts = counts
    return true
  }
}
