/**
 * 32-bit hashing for IP keys. `fmix32` is MurmurHash3's finaliser: a bijection on unsigned
 * 32-bit integers with good avalanche, so two IPv4 addresses never share a hash.
 */
export function fmix32(h: number): number {
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  return (h ^ (h >>> 16)) >>> 0
}

/** A 32-bit hash of a 128-bit key given as four 32-bit words (an IPv6 address). */
export function hash128(w0: number, w1: number, w2: number, w3: number, seed = 0): number {
  let h = fmix32(w0 ^ seed ^ 0x6a09e667)
  h = fmix32(h ^ w1)
  h = fmix32((h + 0x3c6ef372) ^ w2)
  return fmix32((h + 0x510e527f) ^ w3)
}
