import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { asciiBytes } from '../../../demos/logs/ipv4'
import { formatIpv6, parseIpv6 } from '../../../demos/logs/ipv6'

function words(text: string): number[] | null {
  const bytes = asciiBytes(text)
  const out = new Uint32Array(4)
  return parseIpv6(bytes, 0, bytes.length, out) === bytes.length ? [...out] : null
}

/** The WHATWG URL parser's canonical IPv6 text (RFC 5952 compression) as an independent oracle. */
const urlCanonical = (text: string): string => new URL(`http://[${text}]/`).hostname.slice(1, -1)

const spellings = (groups: number[]): string[] => {
  const hex = groups.map((g) => g.toString(16))
  const out = [hex.join(':'), groups.map((g) => g.toString(16).padStart(4, '0')).join(':'), hex.join(':').toUpperCase()]
  // compress every run of zeros of length >= 1 that can be written as "::"
  for (let i = 0; i < 8; i++) {
    for (let j = i + 1; j <= 8; j++) {
      if (groups.slice(i, j).every((g) => g === 0)) out.push(`${hex.slice(0, i).join(':')}::${hex.slice(j).join(':')}`)
    }
  }
  return out
}

describe('parseIpv6', () => {
  it('reads every spelling of 2001:db8::1 as one address', () => {
    const canonical = words('2001:db8::1')
    expect(canonical).toEqual([0x20010db8, 0, 0, 1])
    for (const text of ['2001:0db8:0:0:0:0:0:1', '2001:DB8::1', '2001:0DB8:0000:0000:0000:0000:0000:0001', '2001:db8:0::1', '2001:db8::0:1', '2001:db8:0:0::0:0:1']) {
      expect(words(text), text).toEqual(canonical)
    }
  })

  it('accepts a dotted IPv4 tail and the all-zero and loopback forms', () => {
    expect(words('::ffff:1.2.3.4')).toEqual([0, 0, 0xffff, 0x01020304])
    expect(words('::ffff:102:304')).toEqual([0, 0, 0xffff, 0x01020304])
    expect(words('::')).toEqual([0, 0, 0, 0])
    expect(words('::1')).toEqual([0, 0, 0, 1])
    expect(words('1::')).toEqual([0x00010000, 0, 0, 0])
    expect(words('1:2:3:4:5:6:7::')).toEqual([0x00010002, 0x00030004, 0x00050006, 0x00070000])
    expect(words('64:ff9b::192.0.2.33')).toEqual([0x0064ff9b, 0, 0, 0xc0000221])
  })

  it('rejects malformed addresses', () => {
    for (const bad of ['', ':', ':1', '1:', ':::', '1::2::3', '12345::', '1:2:3:4:5:6:7:8:9', '1:2:3:4:5:6:7', 'g::1', '::ffff:1.2.3', '::ffff:256.1.1.1', '1:2:3:4:5:6:7:1.2.3.4', 'fe80::1%eth0', '[::1]']) {
      expect(words(bad), bad).toBeNull()
    }
  })

  it('merges all spellings and formats canonically (checked against the URL parser)', () => {
    const group = fc.oneof(fc.constant(0), fc.constant(0), fc.integer({ min: 0, max: 0xffff }))
    fc.assert(fc.property(fc.array(group, { minLength: 8, maxLength: 8 }), (groups) => {
      const expected = [0, 2, 4, 6].map((i) => (((groups[i] as number) << 16) | (groups[i + 1] as number)) >>> 0)
      for (const text of spellings(groups)) expect(words(text), text).toEqual(expected)
      const formatted = formatIpv6(expected[0] as number, expected[1] as number, expected[2] as number, expected[3] as number)
      expect(words(formatted)).toEqual(expected)
      const isMappedOrCompatible = groups.slice(0, 5).every((g) => g === 0) && (groups[5] === 0xffff || groups[5] === 0)
      if (!isMappedOrCompatible) expect(formatted).toBe(urlCanonical(formatted))
    }), { numRuns: 300 })
  })
})
