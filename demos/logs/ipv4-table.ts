/**
 * Open-addressing hash table from IPv4 address to hit count, in one Int32Array of
 * [key, count] pairs (a count of 0 marks an empty slot; keys are stored as `ip | 0`).
 * Linear probing, Fibonacci hashing on the top bits, at most 13/16 of the slots used, grows by
 * doubling. 8 bytes per slot, no per-entry objects, nothing on the V8 heap. Counts are read as
 * unsigned: up to 4 294 967 295 hits per address.
 */
export class Ipv4Table {
  slots: Int32Array
  size = 0
  /** 32 − log2(capacity): the slot of a key is `Math.imul(key, 0x9e3779b1) >>> shift`. */
  shift: number
  private limit: number

  /**
   * `storage`, when given, places the slots in other memory (the WebAssembly scanner's): it returns
   * a view for a table of `capacity` (cleared here), or null for an ordinary array.
   */
  constructor(capacity = 4096, private readonly storage: ((capacity: number) => Int32Array | null) | null = null) {
    if (capacity < 16 || (capacity & (capacity - 1)) !== 0) throw new RangeError('capacity must be a power of two ≥ 16')
    this.slots = storage?.(capacity)?.fill(0) ?? new Int32Array(capacity * 2)
    this.shift = 32 - Math.log2(capacity)
    this.limit = loadLimit(capacity)
  }

  /** Wraps existing slots (for example a worker's transferred table) without copying. */
  static adopt(slots: Int32Array, size: number): Ipv4Table {
    const table = new Ipv4Table(16)
    table.slots = slots
    table.size = size
    table.shift = 32 - Math.log2(slots.length >>> 1)
    table.limit = loadLimit(slots.length >>> 1)
    return table
  }

  get capacity(): number {
    return this.slots.length >>> 1
  }

  get bytes(): number {
    return this.slots.byteLength
  }

  /** Adds `count` hits for `ip`: returns 1 if the key is new, 0 if known, -1 if the table is full (grow, then retry). */
  add(ip: number, count: number): number {
    const slots = this.slots
    const key = ip | 0
    const mask = (slots.length >>> 1) - 1
    let i = Math.imul(key, 0x9e3779b1) >>> this.shift
    for (;;) {
      const c = slots[2 * i + 1] as number
      if (c === 0) break
      if (slots[2 * i] === key) {
        slots[2 * i + 1] = c + count
        return 0
      }
      i = (i + 1) & mask
    }
    if (this.size >= this.limit) return -1
    slots[2 * i] = key
    slots[2 * i + 1] = count
    this.size++
    return 1
  }

  /** Hits recorded for `ip` (0 when absent). */
  get(ip: number): number {
    const slots = this.slots
    const key = ip | 0
    const mask = (slots.length >>> 1) - 1
    let i = Math.imul(key, 0x9e3779b1) >>> this.shift
    for (;;) {
      const c = slots[2 * i + 1] as number
      if (c === 0) return 0
      if (slots[2 * i] === key) return c >>> 0
      i = (i + 1) & mask
    }
  }

  /** Doubles the capacity and re-inserts every entry (old and new arrays live at once). */
  grow(): void {
    const capacity = this.capacity * 2
    const placed = this.storage?.(capacity) ?? null
    // A view from `storage` may overlap the current slots: copy them out first.
    const old = placed ? this.slots.slice() : this.slots
    const slots = placed ? placed.fill(0) : new Int32Array(capacity * 2)
    const shift = 32 - Math.log2(capacity)
    const mask = capacity - 1
    for (let j = 0; j < old.length; j += 2) {
      const c = old[j + 1] as number
      if (c === 0) continue
      const key = old[j] as number
      let i = Math.imul(key, 0x9e3779b1) >>> shift
      while (slots[2 * i + 1] !== 0) i = (i + 1) & mask
      slots[2 * i] = key
      slots[2 * i + 1] = c
    }
    this.slots = slots
    this.shift = shift
    this.limit = loadLimit(capacity)
  }
}

/**
 * Entries a table of `capacity` slots takes before it must grow: 13/16 of the slots. Linear probing
 * stays short at that load (about 3 probes for a hit, all in one or two cache lines), and the table
 * is 40 % smaller than at half load: 200 000 clients fit in 2 MiB, the size of a core's L2 cache
 * here, which is worth more than the extra probes (the lookup's cache miss is the engine's largest cost).
 */
export function loadLimit(capacity: number): number {
  return capacity - (capacity >>> 3) - (capacity >>> 4)
}

/** Calls `fn(ip, count)` for every used slot of an IPv4 table's `slots` (address and count unsigned). */
export function forEachIpv4(slots: Int32Array, fn: (ip: number, count: number) => void): void {
  for (let j = 0; j < slots.length; j += 2) {
    const c = slots[j + 1] as number
    if (c !== 0) fn((slots[j] as number) >>> 0, c >>> 0)
  }
}
