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
    const i = minute - this.base
    if (i >= 0 && i < this.counts.length) {
      this.counts[i] = (this.counts[i] as number) + n
      return true
    }
    if (!this.cover(minute)) return false
    const j = minute - this.base
    this.counts[j] = (this.counts[j] as number) + n
    return true
  }

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
    const lo = Math.min(this.base, minute)
    const hi = Math.max(this.base + this.counts.length, minute + 1)
    if (hi - lo > this.maxSpan) return false
    let length = this.counts.length * 2
    while (length < hi - lo) length *= 2
    length = Math.min(length, this.maxSpan)
    const base = minute < this.base ? hi - length : lo
    const counts = new Uint32Array(length)
    counts.set(this.counts, this.base - base)
    this.base = base
    this.counts = counts
    return true
  }
}
