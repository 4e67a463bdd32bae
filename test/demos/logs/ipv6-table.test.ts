import { describe, expect, it } from 'vitest'
import { Ipv6Table, forEachIpv6 } from '../../../demos/logs/ipv6-table'

describe('Ipv6Table', () => {
  it('keeps 128-bit keys apart', () => {
    const table = new Ipv6Table(16)
    const key = (i: number): [number, number, number, number] => [0x20010db8, i % 3, 0, i]
    for (let i = 0; i < 300; i++) {
      const [a, b, c, d] = key(i)
      if (table.add(a, b, c, d, i + 1) < 0) {
        table.grow()
        table.add(a, b, c, d, i + 1)
      }
    }
    expect(table.size).toBe(300)
    expect(table.has(0x20010db8, 1, 0, 7)).toBe(true)
    expect(table.has(0x20010db8, 2, 0, 7)).toBe(false)
    let total = 0
    forEachIpv6(table.slots, (_a, _b, _c, _d, count) => {
      total += count
    })
    expect(total).toBe((300 * 301) / 2)
    expect(table.bytes).toBe(table.capacity * 20)
  })
})
