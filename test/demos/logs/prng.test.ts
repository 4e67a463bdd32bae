import { describe, expect, it } from 'vitest'
import { mulberry32 } from '../../../demos/logs/prng'

describe('mulberry32', () => {
  it('repeats its numbers for a seed, all in [0, 1)', () => {
    const a = mulberry32(1)
    const b = mulberry32(1)
    const xs = Array.from({ length: 1000 }, () => a())
    expect(Array.from({ length: 1000 }, () => b())).toEqual(xs)
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true)
    expect(Math.abs(xs.reduce((s, x) => s + x, 0) / xs.length - 0.5)).toBeLessThan(0.05)
    expect(mulberry32(2)()).not.toBe(xs[0])
  })
})
