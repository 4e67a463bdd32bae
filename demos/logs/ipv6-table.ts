import { hash128 } from './hash'

/**
 * Open-addressing hash table from IPv6 address (four 32-bit words) to hit count, in one
 * Int32Array of [w0, w1, w2, w3, count] records (count 0 = empty). Same rules as `Ipv4Table`:
 * linear probing, at most half full, grows by doubling; 20 bytes per slot.
 */
export const IPV6_STRIDE = 5

export class Ipv6Table {
  slots: Int32Array
  size = 0
  private shift: number
  private limit: number

  constructor(capacity = 1024) {
    if (capacity < 16 || (capacity & (capacity - 1)) !== 0) throw new RangeError('capacity must be a power of two ≥ 16')
    this.slots = new Int32Array(capacity * IPV6_STRIDE)
    this.shift = 32 - Math.log2(capacity)
    this.limit = capacity >>> 1
  }

  static adopt(slots: Int32Array, size: number): Ipv6Table {
    const table = new Ipv6Table(16)
    const capacity = slots.length / IPV6_STRIDE
    table.slots = slots
    table.size = size
    table.shift = 32 - Math.log2(capacity)
    table.limit = capacity >>> 1
    return table
  }

  get capacity(): number {
    return this.slots.length / IPV6_STRIDE
  }

  get bytes(): number {
    return this.slots.byteLength
  }

  /** Index in `slots` of the key's record, or of the empty record where it would go. */
  private recordOf(a: number, b: number, c: number, d: number): number {
    const slots = this.slots
    const mask = slots.length / IPV6_STRIDE - 1
    let i = hash128(a, b, c, d) >>> this.shift
    for (;;) {
      const at = i * IPV6_STRIDE
      if (slots[at + 4] === 0) return at
      if (slots[at] === a && slots[at + 1] === b && slots[at + 2] === c && slots[at + 3] === d) return at
      i = (i + 1) & mask
    }
  }

  /** Adds `count` hits: 1 if the key is new, 0 if known, -1 if the table is full (grow, then retry). */
  add(w0: number, w1: number, w2: number, w3: number, count: number): number {
    const slots = this.slots
    const a = w0 | 0
    const b = w1 | 0
    const c = w2 | 0
    const d = w3 | 0
    const at = this.recordOf(a, b, c, d)
    const n = slots[at + 4] as number
    if (n !== 0) {
      slots[at + 4] = n + count
      return 0
    }
    if (this.size >= this.limit) return -1
    slots[at] = a
    slots[at + 1] = b
    slots[at + 2] = c
    slots[at + 3] = d
    slots[at + 4] = count
    this.size++
    return 1
  }

  /** Whether the address is in the table. */
  has(w0: number, w1: number, w2: number, w3: number): boolean {
    return this.slots[this.recordOf(w0 | 0, w1 | 0, w2 | 0, w3 | 0) + 4] !== 0
  }

  grow(): void {
    const old = this.slots
    const capacity = (old.length / IPV6_STRIDE) * 2
    const slots = new Int32Array(capacity * IPV6_STRIDE)
    const shift = 32 - Math.log2(capacity)
    const mask = capacity - 1
    for (let j = 0; j < old.length; j += IPV6_STRIDE) {
      if (old[j + 4] === 0) continue
      let i = hash128(old[j] as number, old[j + 1] as number, old[j + 2] as number, old[j + 3] as number) >>> shift
      while (slots[i * IPV6_STRIDE + 4] !== 0) i = (i + 1) & mask
      slots.set(old.subarray(j, j + IPV6_STRIDE), i * IPV6_STRIDE)
    }
    this.slots = slots
    this.shift = shift
    this.limit = capacity >>> 1
  }
}

/** Calls `fn(w0, w1, w2, w3, count)` (all unsigned) for every used slot of an IPv6 table's `slots`. */
export function forEachIpv6(slots: Int32Array, fn: (w0: number, w1: number, w2: number, w3: number, count: number) => void): void {
  for (let j = 0; j < slots.length; j += IPV6_STRIDE) {
    const c = slots[j + 4] as number
    if (c !== 0) fn((slots[j] as number) >>> 0, (slots[j + 1] as number) >>> 0, (slots[j + 2] as number) >>> 0, (slots[j + 3] as number) >>> 0, c >>> 0)
  }
}
