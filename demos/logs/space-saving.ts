import { fmix32, hash128 } from './hash'

/**
 * Space-Saving heavy hitters (Metwally, Agrawal, El Abbadi 2005) over 128-bit keys, in typed
 * arrays: k counters, a min-heap on their counts and a linear-probing index from key to counter.
 * Guarantees for a monitored key: `count - error ≤ true hits ≤ count`, and `error ≤ total / k`.
 * A key that is not monitored has at most `bound()` hits. Summaries merge (Agarwal et al.,
 * "Mergeable summaries", 2012) with the same guarantees, and can be seeded from exact counts.
 */

/** Hash of a key: IPv4 addresses (`::ffff:a.b.c.d`, the common case) take one mixing step instead of four. */
function keyHash(w0: number, w1: number, w2: number, w3: number): number {
  return w0 === 0 && w1 === 0 && w2 === 0xffff ? fmix32(w3 ^ 0x7f4a7c15) | 0 : hash128(w0, w1, w2, w3) | 0
}

/** A serialisable Space-Saving summary (plain object of typed arrays, transferable). */
export interface HeavyHittersData {
  readonly k: number
  /** Four 32-bit words per monitored key. */
  readonly keys: Int32Array
  readonly counts: Float64Array
  readonly errors: Float64Array
  /** Upper bound on the hits of any key that is not monitored. */
  readonly floor: number
  /** Hits summarised. */
  readonly total: number
}

export class SpaceSaving {
  readonly k: number
  size = 0
  total = 0
  /** Largest possible count of a key that was dropped (from seeding or merging). */
  floor = 0
  private readonly keys: Int32Array
  private readonly counts: Float64Array
  private readonly errors: Float64Array
  private readonly hashes: Int32Array
  private readonly heap: Int32Array
  private readonly pos: Int32Array
  private readonly index: Int32Array
  private readonly shift: number
  private readonly mask: number

  constructor(k = 16384) {
    if (!Number.isInteger(k) || k < 1) throw new RangeError('k must be a positive integer')
    this.k = k
    this.keys = new Int32Array(4 * k)
    this.counts = new Float64Array(k)
    this.errors = new Float64Array(k)
    this.hashes = new Int32Array(k)
    this.heap = new Int32Array(k)
    this.pos = new Int32Array(k)
    let capacity = 16
    while (capacity < 2 * k) capacity *= 2
    this.index = new Int32Array(capacity)
    this.shift = 32 - Math.log2(capacity)
    this.mask = capacity - 1
  }

  /** Bytes of typed arrays a summary of `k` counters holds (what `bytes` will be). */
  static bytesFor(k: number): number {
    let capacity = 16
    while (capacity < 2 * k) capacity *= 2
    return 16 * k + 8 * k + 8 * k + 4 * k + 4 * k + 4 * k + 4 * capacity
  }

  /** Bytes of typed arrays held. */
  get bytes(): number {
    return this.keys.byteLength + this.counts.byteLength + this.errors.byteLength + this.hashes.byteLength +
      this.heap.byteLength + this.pos.byteLength + this.index.byteLength
  }

  /** Smallest monitored count (0 while fewer than k keys are monitored). */
  minCount(): number {
    return this.size < this.k ? 0 : (this.counts[this.heap[0] as number] as number)
  }

  /** Upper bound on the hits of any key that is not monitored. */
  bound(): number {
    return Math.max(this.floor, this.minCount())
  }

  /** Counts `weight` hits of a key. */
  add(w0: number, w1: number, w2: number, w3: number, weight = 1): void {
    this.total += weight
    const hash = keyHash(w0, w1, w2, w3)
    const found = this.find(hash, w0 | 0, w1 | 0, w2 | 0, w3 | 0)
    if (found >= 0) {
      this.counts[found] = (this.counts[found] as number) + weight
      this.siftDown(this.pos[found] as number)
      return
    }
    if (this.size < this.k) {
      this.place(this.size, hash, w0, w1, w2, w3, this.floor + weight, this.floor)
      this.heap[this.size] = this.size
      this.pos[this.size] = this.size
      this.size++
      this.siftUp(this.size - 1)
      return
    }
    const id = this.heap[0] as number
    const min = this.counts[id] as number
    this.unindex(id)
    this.place(id, hash, w0, w1, w2, w3, min + weight, Math.max(min, this.floor))
    this.siftDown(0)
  }

  /**
   * Offers a key that is known not to be monitored, with an upper-bound count and its error
   * (seeding from exact counts: error 0; merging: the summed errors). Keeps the k largest.
   */
  offer(w0: number, w1: number, w2: number, w3: number, count: number, error: number): void {
    const hash = keyHash(w0, w1, w2, w3)
    if (this.size < this.k) {
      this.place(this.size, hash, w0, w1, w2, w3, count, error)
      this.heap[this.size] = this.size
      this.pos[this.size] = this.size
      this.size++
      this.siftUp(this.size - 1)
      return
    }
    const id = this.heap[0] as number
    const min = this.counts[id] as number
    if (count <= min) {
      if (count > this.floor) this.floor = count
      return
    }
    if (min > this.floor) this.floor = min
    this.unindex(id)
    this.place(id, hash, w0, w1, w2, w3, count, error)
    this.siftDown(0)
  }

  /** Monitored count of a key, or -1. */
  countOf(w0: number, w1: number, w2: number, w3: number): number {
    const id = this.find(keyHash(w0, w1, w2, w3), w0 | 0, w1 | 0, w2 | 0, w3 | 0)
    return id < 0 ? -1 : (this.counts[id] as number)
  }

  /** Error of a monitored key's count (0 if not monitored). */
  errorOf(w0: number, w1: number, w2: number, w3: number): number {
    const id = this.find(keyHash(w0, w1, w2, w3), w0 | 0, w1 | 0, w2 | 0, w3 | 0)
    return id < 0 ? 0 : (this.errors[id] as number)
  }

  /** Compact, serialisable copy. */
  toData(): HeavyHittersData {
    return {
      k: this.k,
      keys: this.keys.slice(0, 4 * this.size),
      counts: this.counts.slice(0, this.size),
      errors: this.errors.slice(0, this.size),
      floor: this.bound(),
      total: this.total,
    }
  }

  static fromData(data: HeavyHittersData): SpaceSaving {
    const summary = new SpaceSaving(data.k)
    for (let i = 0; i < data.counts.length; i++) {
      summary.offer(data.keys[4 * i] as number, data.keys[4 * i + 1] as number, data.keys[4 * i + 2] as number,
        data.keys[4 * i + 3] as number, data.counts[i] as number, data.errors[i] as number)
    }
    summary.floor = Math.max(summary.floor, data.floor)
    summary.total = data.total
    return summary
  }

  /** Merges two summaries into a new one with k = max(a.k, b.k). */
  static merge(a: HeavyHittersData, b: HeavyHittersData): SpaceSaving {
    const result = new SpaceSaving(Math.max(a.k, b.k))
    const lookupB = SpaceSaving.fromData(b)
    const lookupA = SpaceSaving.fromData(a)
    for (let i = 0; i < a.counts.length; i++) {
      const w0 = a.keys[4 * i] as number
      const w1 = a.keys[4 * i + 1] as number
      const w2 = a.keys[4 * i + 2] as number
      const w3 = a.keys[4 * i + 3] as number
      const inB = lookupB.countOf(w0, w1, w2, w3)
      const count = (a.counts[i] as number) + (inB >= 0 ? inB : b.floor)
      const error = (a.errors[i] as number) + (inB >= 0 ? lookupB.errorOf(w0, w1, w2, w3) : b.floor)
      result.offer(w0, w1, w2, w3, count, error)
    }
    for (let i = 0; i < b.counts.length; i++) {
      const w0 = b.keys[4 * i] as number
      const w1 = b.keys[4 * i + 1] as number
      const w2 = b.keys[4 * i + 2] as number
      const w3 = b.keys[4 * i + 3] as number
      if (lookupA.countOf(w0, w1, w2, w3) >= 0) continue
      result.offer(w0, w1, w2, w3, (b.counts[i] as number) + a.floor, (b.errors[i] as number) + a.floor)
    }
    result.floor = Math.max(result.floor, a.floor + b.floor)
    result.total = a.total + b.total
    return result
  }

  private find(hash: number, w0: number, w1: number, w2: number, w3: number): number {
    const keys = this.keys
    let i = hash >>> this.shift
    for (;;) {
      const v = this.index[i] as number
      if (v === 0) return -1
      const id = v - 1
      const at = 4 * id
      if (this.hashes[id] === hash && keys[at] === w0 && keys[at + 1] === w1 && keys[at + 2] === w2 && keys[at + 3] === w3) return id
      i = (i + 1) & this.mask
    }
  }

  private place(id: number, hash: number, w0: number, w1: number, w2: number, w3: number, count: number, error: number): void {
    const at = 4 * id
    this.keys[at] = w0
    this.keys[at + 1] = w1
    this.keys[at + 2] = w2
    this.keys[at + 3] = w3
    this.hashes[id] = hash
    this.counts[id] = count
    this.errors[id] = error
    let i = hash >>> this.shift
    while (this.index[i] !== 0) i = (i + 1) & this.mask
    this.index[i] = id + 1
  }

  /** Removes counter `id` from the index (backward-shift deletion keeps probe chains intact). */
  private unindex(id: number): void {
    const index = this.index
    const mask = this.mask
    let i = (this.hashes[id] as number) >>> this.shift
    while (index[i] !== id + 1) i = (i + 1) & mask
    for (;;) {
      index[i] = 0
      let j = i
      for (;;) {
        j = (j + 1) & mask
        const v = index[j] as number
        if (v === 0) return
        const home = (this.hashes[v - 1] as number) >>> this.shift
        const stays = i <= j ? i < home && home <= j : i < home || home <= j
        if (stays) continue
        index[i] = v
        i = j
        break
      }
    }
  }

  private siftUp(at: number): void {
    const heap = this.heap
    const counts = this.counts
    const id = heap[at] as number
    const c = counts[id] as number
    while (at > 0) {
      const parent = (at - 1) >> 1
      const pid = heap[parent] as number
      if ((counts[pid] as number) <= c) break
      heap[at] = pid
      this.pos[pid] = at
      at = parent
    }
    heap[at] = id
    this.pos[id] = at
  }

  private siftDown(at: number): void {
    const heap = this.heap
    const counts = this.counts
    const n = this.size
    const id = heap[at] as number
    const c = counts[id] as number
    for (;;) {
      let child = 2 * at + 1
      if (child >= n) break
      if (child + 1 < n && (counts[heap[child + 1] as number] as number) < (counts[heap[child] as number] as number)) child++
      const cid = heap[child] as number
      if ((counts[cid] as number) >= c) break
      heap[at] = cid
      this.pos[cid] = at
      at = child
    }
    heap[at] = id
    this.pos[id] = at
  }

  /** Monitored keys, largest count first (at most `limit`). */
  top(limit: number): { w0: number; w1: number; w2: number; w3: number; count: number; error: number }[] {
    const ids = Array.from({ length: this.size }, (_, i) => i)
    ids.sort((x, y) => (this.counts[y] as number) - (this.counts[x] as number))
    return ids.slice(0, limit).map((id) => ({
      w0: (this.keys[4 * id] as number) >>> 0,
      w1: (this.keys[4 * id + 1] as number) >>> 0,
      w2: (this.keys[4 * id + 2] as number) >>> 0,
      w3: (this.keys[4 * id + 3] as number) >>> 0,
      count: this.counts[id] as number,
      error: this.errors[id] as number,
    }))
  }
}
