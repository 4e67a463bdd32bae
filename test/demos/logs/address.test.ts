import { describe, expect, it } from 'vitest'
import { addressScratch, canonicalAddress, formatAddress, parseAddress } from '../../../demos/logs/address'
import { asciiBytes } from '../../../demos/logs/ipv4'

describe('parseAddress', () => {
  it('gives IPv4 for IPv4 and for every IPv4-mapped IPv6 spelling', () => {
    for (const text of ['10.0.0.1', '::ffff:10.0.0.1', '::FFFF:10.0.0.1', '0:0:0:0:0:ffff:a00:1', '::ffff:0a00:0001']) {
      expect(canonicalAddress(text), text).toBe('10.0.0.1')
    }
  })

  it('gives canonical IPv6 text', () => {
    expect(canonicalAddress('2001:0DB8:0000:0000:0000:0000:0000:0001')).toBe('2001:db8::1')
    expect(canonicalAddress('2001:db8:0:0:1:0:0:1')).toBe('2001:db8::1:0:0:1')
    expect(canonicalAddress('::1')).toBe('::1')
  })

  it('rejects anything else', () => {
    for (const bad of ['-', 'localhost', '1.2.3.4:80', '999.1.1.1', '1.2.3', 'unknown', '']) expect(canonicalAddress(bad), bad).toBeNull()
  })

  it('reports the family in out[4] and where the address ends', () => {
    const out = addressScratch()
    const v6 = asciiBytes('2001:db8::1 - -')
    expect(parseAddress(v6, 0, v6.length, out)).toBe(11)
    expect(out[4]).toBe(6)
    expect(formatAddress(out)).toBe('2001:db8::1')
    const v4 = asciiBytes('1.2.3.4 -')
    expect(parseAddress(v4, 0, v4.length, out)).toBe(7)
    expect(out[4]).toBe(4)
  })
})
