import { describe, expect, it } from 'vitest'
import { HyperLogLog } from '../../../demos/logs/hyperloglog'

describe('HyperLogLog', () => {
  it('is exact-ish for small sets and 0 for none', () => {
    const hll = new HyperLogLog()
    expect(hll.estimate()).toBe(0)
    for (let i = 0; i < 1000; i++) hll.add4(i)
    expect(Math.abs(hll.estimate() - 1000)).toBeLessThan(20)
  })

  it('stays within 3 standard errors from 10 to 2 million distinct keys, adding a key again changes nothing', () => {
    const hll = new HyperLogLog(14)
    expect(hll.relativeStandardError).toBeCloseTo(1.04 / 128, 6)
    let n = 0
    for (const target of [10, 1000, 20_000, 100_000, 500_000, 2_000_000]) {
      for (; n < target; n++) hll.add4((n * 2654435761) >>> 0)
      hll.add4(0)
      const error = hll.estimate() / target - 1
      expect(Math.abs(error), String(target)).toBeLessThan(3 * hll.relativeStandardError)
    }
  })

  it('merges to the sketch of the union; IPv6 keys count apart from IPv4 keys', () => {
    const a = new HyperLogLog()
    const b = new HyperLogLog()
    const both = new HyperLogLog()
    for (let i = 0; i < 50_000; i++) {
      a.add4(i)
      both.add4(i)
      b.add6(0x20010db8, 0, 0, i)
      both.add6(0x20010db8, 0, 0, i)
    }
    a.merge(b)
    expect([...a.registers]).toEqual([...both.registers])
    expect(Math.abs(a.estimate() / 100_000 - 1)).toBeLessThan(0.03)
    expect(() => a.merge(new HyperLogLog(12))).toThrow(/precision/)
  })
})
