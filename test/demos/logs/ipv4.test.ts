import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { asciiBytes, formatIpv4, ipv4FromString, parseIpv4 } from '../../../demos/logs/ipv4'

describe('parseIpv4', () => {
  it('parses dotted quads to unsigned 32-bit numbers', () => {
    expect(ipv4FromString('0.0.0.0')).toBe(0)
    expect(ipv4FromString('10.0.0.1')).toBe(0x0a000001)
    expect(ipv4FromString('255.255.255.255')).toBe(0xffffffff)
    expect(ipv4FromString('192.168.1.100')).toBe(0xc0a80164)
  })

  it('rejects what nginx never writes and what is not an address', () => {
    for (const bad of ['', '1.2.3', '1.2.3.4.', '256.1.1.1', '1.2.3.256', '01.2.3.4', '1.2.3.04', '1.2.3.4567', '1..2.3', 'a.b.c.d', '1.2.3.-4', ' 1.2.3.4']) {
      expect(ipv4FromString(bad), bad).toBeNull()
    }
  })

  it('stops at the first byte that cannot continue the address', () => {
    const bytes = asciiBytes('10.1.2.3 - -')
    const out = new Uint32Array(1)
    expect(parseIpv4(bytes, 0, bytes.length, out)).toBe(8)
    expect(out[0]).toBe(0x0a010203)
    expect(parseIpv4(bytes, 0, 6, out)).toBe(-1) // cut at "10.1.2"
  })

  it('round-trips every address', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 0xffffffff }), (ip) => {
      expect(ipv4FromString(formatIpv4(ip))).toBe(ip)
    }))
  })
})
