import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { aggregateChunks } from '../../../demos/logs/aggregator'
import { NaiveAggregator, NaiveCounter, ORIGINAL_CLIENT } from '../../../demos/logs/naive'
import { summarize } from '../../../demos/logs/summary'
import { cut, generateBytes, text } from './support'

const record = (client: string, time = '10/Oct/2025:13:55:36 +0800'): string => `${client} - - [${time}] "GET / HTTP/1.1" 200 5 "-" "curl/8.0"`

describe('NaiveAggregator (strings + regex + Map)', () => {
  it('gives the generator’s PV, UV and top clients however the bytes are chunked', () => {
    const { bytes, truth } = generateBytes({ size: 400_000, ips: 3000, ipv6: 0.1, malformed: 0.01, seed: 12 })
    fc.assert(fc.property(fc.array(fc.nat({ max: bytes.length }), { maxLength: 12 }), (cuts) => {
      const naive = new NaiveAggregator()
      for (const chunk of cut(bytes, cuts)) naive.push(chunk)
      naive.end()
      const r = naive.result(10)
      expect({ pv: r.pv, uv: r.uv }).toEqual({ pv: truth.pv, uv: truth.uv })
      // a garbage line with a lone \r in it is two lines to readline, one to the stream engine
      expect(r.malformed).toBeGreaterThanOrEqual(truth.malformed)
      expect(r.top.map((t) => t.hits)).toEqual(truth.top.map((t) => t.hits)) // clients with equal hits may come in another order
      expect(r.top[0]?.ip).toBe(truth.top[0]?.ip)
    }), { numRuns: 15 })
  })

  it('agrees with the stream engine line by line on CRLF logs and odd lines', () => {
    const { bytes } = generateBytes({ size: 200_000, ips: 500, ipv6: 0.3, malformed: 0.05, seed: 3, crlf: true })
    const naive = new NaiveAggregator()
    naive.push(bytes)
    naive.end()
    const stream = summarize(aggregateChunks([bytes]))
    expect({ pv: naive.pv, uv: naive.counts.size }).toEqual({ pv: stream.pv, uv: stream.uv })
    expect(naive.malformed).toBeGreaterThanOrEqual(stream.malformed)
  })

  it('counts every spelling of one address once and rejects what is not a record', () => {
    const naive = new NaiveCounter()
    for (const line of [
      record('2001:db8::1'), record('2001:0DB8:0:0:0:0:0:1'), record('::ffff:10.0.0.1'), record('10.0.0.1'),
      record('10.0.0.300'), record('example.com'), record('10.0.0.2', '31/Feb/2025:00:00:00 +0000'), record('10.0.0.2', '29/Feb/2024:23:59:60 -0130'),
      '', '\u0016\u0003\u0001garbage',
    ]) naive.line(line)
    const r = naive.result()
    expect(r).toMatchObject({ pv: 5, uv: 3, malformed: 4, lines: 10 })
    expect(naive.counts.get('2001:db8::1')).toBe(2)
    expect(naive.counts.get('10.0.0.1')).toBe(2)
  })

  it('splits lines like readline: \\n, \\r\\n (also across chunks) and a last line without newline', () => {
    const naive = new NaiveAggregator()
    const input = text(`${record('10.0.0.1')}\r\n${record('10.0.0.2')}\r`)
    naive.push(input)
    naive.push(text(`\n${record('10.0.0.3')}\n`))
    naive.push(Uint8Array.of(0xb0, 0xd9)) // invalid UTF-8 in a garbage line: no crash
    naive.push(text(`\n${record('10.0.0.4')}`))
    naive.end()
    expect(naive.result()).toMatchObject({ lines: 5, pv: 4, uv: 4, malformed: 1 })
  })

  it('keeps the original’s regex for the page’s errata: it finds a browser version in an IPv6 line', () => {
    const line = '2001:db8:45c5::cd78 - - [20/Jul/2025:00:00:00 +0800] "GET / HTTP/1.1" 200 5 "-" "Mozilla/5.0 Chrome/120.0.6099.109 Safari/537.36"'
    expect(ORIGINAL_CLIENT.exec(line)?.[1]).toBe('120.0.6099.109')
  })
})
