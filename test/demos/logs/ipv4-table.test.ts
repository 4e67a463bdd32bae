import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { Ipv4Table, forEachIpv4, loadLimit } from '../../../demos/logs/ipv4-table'

const keys = fc.array(fc.integer({ min: 0, max: 0xffffffff }), { maxLength: 500 })

/** Adds every key (and the first 50 again) as the aggregator does, growing when full; returns the counts a Map keeps. */
function fill(table: Ipv4Table, ips: readonly number[]): Map<number, number> {
  const truth = new Map<number, number>()
  for (const ip of [...ips, ...ips.slice(0, 50)]) {
    if (table.add(ip, 1) < 0) {
      table.grow()
      expect(table.add(ip, 1)).toBe(1)
    }
    truth.set(ip, (truth.get(ip) ?? 0) + 1)
  }
  return truth
}

function contents(slots: Int32Array): Map<number, number> {
  const seen = new Map<number, number>()
  forEachIpv4(slots, (ip, count) => seen.set(ip, count))
  return seen
}

describe('Ipv4Table', () => {
  it('count like a Map, growing by doubling at 13/16 full', () => {
    fc.assert(fc.property(keys, (ips) => {
      const table = new Ipv4Table(16)
      const truth = fill(table, ips)
      expect(table.size).toBe(truth.size)
      expect(table.size).toBeLessThanOrEqual(loadLimit(table.capacity))
      expect(loadLimit(table.capacity)).toBe(table.capacity * 13 / 16)
      expect(contents(table.slots)).toEqual(truth)
      for (const [ip, count] of truth) expect(table.get(ip)).toBe(count)
      const copy = Ipv4Table.adopt(table.slots, table.size)
      expect(copy.get(ips[0] ?? 1)).toBe(truth.get(ips[0] ?? 1) ?? 0)
    }))
  })

  it('grows in place in memory given as storage, then moves to its own array when that is too small', () => {
    fc.assert(fc.property(keys, (ips) => {
      const memory = new Int32Array(2 + 128 * 2).fill(-7) // 128 slots of room after a guard pair
      const storage = (capacity: number) => (capacity <= 128 ? memory.subarray(2, 2 + 2 * capacity) : null)
      const table = new Ipv4Table(16, storage)
      expect(table.slots.buffer).toBe(memory.buffer)
      const truth = fill(table, ips)
      expect(table.slots.buffer === memory.buffer).toBe(table.capacity <= 128)
      expect([memory[0], memory[1]]).toEqual([-7, -7])
      expect(contents(table.slots)).toEqual(truth)
    }))
  })
})
