import { describe, expect, it } from 'vitest'
import { LogGenerator } from '../../../demos/logs/generate'
import { ORIGINAL_CLIENT } from '../../../demos/logs/naive'
import { concat, generateBytes } from './support'

describe('LogGenerator', () => {
  it('is deterministic for a seed, whatever the chunk size, and stays within the size', () => {
    const a = generateBytes({ size: 200_000, seed: 42, ips: 500 })
    const b = generateBytes({ size: 200_000, seed: 42, ips: 500, chunkSize: 777 })
    const c = generateBytes({ size: 200_000, seed: 43, ips: 500 })
    expect(b.bytes).toEqual(a.bytes)
    expect(b.truth).toEqual(a.truth)
    expect(c.bytes).not.toEqual(a.bytes)
    expect(a.bytes.length).toBeLessThanOrEqual(200_000)
    expect(a.bytes.length).toBeGreaterThan(199_000)
    expect(a.truth.bytes).toBe(a.bytes.length)
  })

  it('hands out chunks of about chunkSize, never the whole log, and ends with null', () => {
    const generator = new LogGenerator({ size: 100_000, chunkSize: 8192 })
    const sizes: number[] = []
    for (let chunk = generator.next(); chunk !== null; chunk = generator.next()) sizes.push(chunk.length)
    expect(sizes.length).toBeGreaterThan(10)
    expect(Math.max(...sizes)).toBeLessThan(8192 + 2048)
    expect(generator.done).toBe(true)
  })

  it('writes the trouble the lesson talks about', () => {
    const { bytes, truth } = generateBytes({ size: 2_000_000, ips: 2000, ipv6: 0.1, malformed: 0.01, seed: 7 })
    const latin1 = new TextDecoder('latin1').decode(bytes)
    expect(latin1).toMatch(/\n2001:db8:[0-9a-f:]+ - /) // compressed IPv6
    expect(latin1).toMatch(/\n2001:0db8:[0-9a-f]{4}:/) // the same addresses with leading zeros
    expect(latin1).toMatch(/\n::ffff:10\.\d+\.\d+\.\d+ - /) // dual-stack spelling of IPv4 clients
    expect(latin1).toContain('"\\x16\\x03\\x01') // TLS handshake, escaped by nginx
    expect(latin1).toContain('\n\x16\x03\x01') // raw TLS bytes as garbage
    expect(latin1).toContain('198.51.100.') // IPv4-looking numbers in URLs
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow() // invalid UTF-8
    expect(truth.malformed).toBeGreaterThan(50)
    expect(truth.empty).toBeGreaterThan(5)
    expect(truth.lines).toBe(truth.pv + truth.malformed + truth.empty)
    expect(truth.uvIpv6).toBeGreaterThan(0)
    expect(truth.perMinute.reduce((n, [, c]) => n + c, 0)).toBe(truth.pv)
    // Zipf-like: the busiest client has far more hits than the average
    expect(truth.top[0]?.hits ?? 0).toBeGreaterThan((10 * truth.pv) / truth.uv)
  })

  it('trips up the original regex the way the page describes', () => {
    const { bytes } = generateBytes({ size: 1_000_000, ips: 1000, ipv6: 0.2, seed: 5 })
    const taken = new TextDecoder().decode(bytes).split('\n').map((line) => ORIGINAL_CLIENT.exec(line)?.[1])
    expect(taken).toContain('120.0.6099.109') // a Chrome version taken for an address
  })

  it('covers the whole pool when asked for many distinct clients', () => {
    const { truth } = generateBytes({ size: 3_000_000, ips: 10_000, seed: 1 })
    expect(truth.uv).toBeGreaterThan(9_900)
    expect(concat([]).length).toBe(0)
  })
})
