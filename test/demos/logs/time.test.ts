import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { asciiBytes } from '../../../demos/logs/ipv4'
import { NO_TIME, TimeLocalCache, formatMinute, parseMsec, parseTimeIso, parseTimeLocal } from '../../../demos/logs/time'

const minuteOfDate = (iso: string): number => Math.floor(Date.parse(iso) / 60_000)
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

describe('time', () => {
  it('buckets $time_local by UTC minute', () => {
    expect(parseTimeLocal(asciiBytes('10/Oct/2000:13:55:36 -0700'), 0)).toBe(minuteOfDate('2000-10-10T20:55:00Z'))
    expect(parseTimeLocal(asciiBytes('20/Jul/2025:00:00:00 +0800'), 0)).toBe(minuteOfDate('2025-07-19T16:00:00Z'))
    expect(parseTimeLocal(asciiBytes('29/Feb/2024:23:59:60 +0530'), 0)).toBe(minuteOfDate('2024-02-29T18:29:00Z'))
    expect(formatMinute(minuteOfDate('2000-10-10T20:55:00Z'))).toBe('2000-10-10T20:55Z')
  })

  it('rejects impossible timestamps', () => {
    for (const bad of ['10/Foo/2000:13:55:36 -0700', '31/Apr/2000:13:55:36 -0700', '29/Feb/2023:13:55:36 -0700', '10/Oct/2000:24:00:00 -0700',
      '10/Oct/2000:13:60:00 -0700', '10/Oct/2000:13:55:61 -0700', '10/Oct/2000:13:55:36 *0700', '10/Oct/2000 13:55:36 -0700', '1x/Oct/2000:13:55:36 -0700']) {
      expect(parseTimeLocal(asciiBytes(bad), 0), bad).toBe(NO_TIME)
      expect(new TimeLocalCache().parse(asciiBytes(bad), 0), bad).toBe(NO_TIME)
    }
  })

  it('gives the same answer with the cache as without, in any order', () => {
    const stamp = fc.record({
      day: fc.integer({ min: 1, max: 31 }), month: fc.integer({ min: 0, max: 11 }), year: fc.integer({ min: 1999, max: 2001 }),
      hour: fc.integer({ min: 0, max: 24 }), minute: fc.integer({ min: 0, max: 60 }), second: fc.integer({ min: 0, max: 61 }),
      zone: fc.constantFrom('+0000', '-0700', '+0530', '+0800', '+1360'),
    })
    fc.assert(fc.property(fc.array(stamp, { maxLength: 60 }), (stamps) => {
      const cache = new TimeLocalCache()
      for (const s of stamps) {
        const pad = (n: number): string => String(n).padStart(2, '0')
        const text = `${pad(s.day)}/${MONTHS[s.month] ?? ''}/${String(s.year)}:${pad(s.hour)}:${pad(s.minute)}:${pad(s.second)} ${s.zone}`
        const bytes = asciiBytes(`xx${text}`)
        const view = new DataView(bytes.buffer)
        const plain = parseTimeLocal(bytes, 2)
        expect(cache.parse(bytes, 2)).toBe(plain)
        expect(cache.parseView(view, bytes, 2)).toBe(plain)
        if (plain !== NO_TIME) {
          const zone = (s.zone.startsWith('-') ? -1 : 1) * (Number(s.zone.slice(1, 3)) * 60 + Number(s.zone.slice(3)))
          expect(plain).toBe(Math.floor(Date.UTC(s.year, s.month, s.day, s.hour, s.minute) / 60_000) - zone)
        }
      }
    }), { numRuns: 200 })
  })

  it('reads $time_iso8601 and $msec', () => {
    expect(parseTimeIso(asciiBytes('2000-10-10T13:55:36-07:00'), 0)).toBe(minuteOfDate('2000-10-10T20:55:00Z'))
    expect(parseTimeIso(asciiBytes('2000-13-10T13:55:36-07:00'), 0)).toBe(NO_TIME)
    const out = new Float64Array(1)
    const msec = asciiBytes('971211336.123 x')
    expect(parseMsec(msec, 0, msec.length, out)).toBe(13)
    expect(out[0]).toBe(minuteOfDate('2000-10-10T20:55:00Z'))
    expect(parseMsec(asciiBytes('x'), 0, 1, out)).toBe(-1)
  })
})
