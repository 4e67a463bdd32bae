import { describe, expect, it } from 'vitest'
import { fmix32, hash128 } from '../../../demos/logs/hash'

describe('hash', () => {
  it('fmix32 is a bijection on a sample and spreads sequential keys', () => {
    const seen = new Set<number>()
    const topBits = new Set<number>()
    for (let i = 0; i < 100_000; i++) {
      const h = fmix32(i)
      seen.add(h)
      topBits.add(h >>> 20)
    }
    expect(seen.size).toBe(100_000)
    expect(topBits.size).toBeGreaterThan(4000) // of 4096 buckets
    expect(hash128(1, 2, 3, 4)).not.toBe(hash128(1, 2, 3, 5))
    expect(hash128(1, 2, 3, 4, 7)).not.toBe(hash128(1, 2, 3, 4))
  })
})
