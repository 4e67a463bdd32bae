import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { LogAggregator, aggregateChunks } from '../../../demos/logs/aggregator'
import { summarize } from '../../../demos/logs/summary'
import { concat, cut, generateBytes, text, truthFields, truthView } from './support'

const logOptions = fc.record({
  seed: fc.integer({ min: 0, max: 2 ** 31 }),
  size: fc.integer({ min: 0, max: 40_000 }),
  ips: fc.integer({ min: 1, max: 3000 }),
  ipv6: fc.constantFrom(0, 0.05, 0.5),
  malformed: fc.constantFrom(0, 0.01, 0.2),
  crlf: fc.boolean(),
})

const LINE = '10.0.0.1 - - [20/Jul/2025:00:00:00 +0800] "GET / HTTP/1.1" 200 5 "-" "curl/8.4.0"'

describe('LogAggregator (stream engine)', () => {
  it('gives the same result for any chunking of any generated log, and it equals the truth', () => {
    fc.assert(fc.property(logOptions, fc.array(fc.nat(), { maxLength: 30 }), (options, positions) => {
      const { bytes, truth } = generateBytes(options)
      const whole = summarize(aggregateChunks([bytes]), { top: 10 })
      const chunked = summarize(aggregateChunks(cut(bytes, positions.map((p) => p % (bytes.length + 1)))), { top: 10 })
      expect(chunked).toEqual(whole)
      expect(truthView(whole)).toEqual(truthFields(truth))
    }), { numRuns: 60 })
  })

  it('gives the same result byte by byte, with a small line limit too', () => {
    const { bytes } = generateBytes({ size: 6000, ips: 50, ipv6: 0.3, malformed: 0.05, seed: 3, crlf: true })
    for (const maxLineBytes of [64 * 1024, 120]) {
      const whole = summarize(aggregateChunks([bytes], { maxLineBytes }))
      const single = summarize(aggregateChunks(Array.from(bytes, (b) => Uint8Array.of(b)), { maxLineBytes }))
      expect(single).toEqual(whole)
    }
  })

  it('handles CRLF, empty lines, a last line without newline and lines of only \\r', () => {
    const input = text(`${LINE}\r\n\r\n\n${LINE}\r\n\r${'\n'}${LINE}`)
    const s = summarize(aggregateChunks([input]))
    expect({ lines: s.lines, pv: s.pv, empty: s.empty, malformed: s.malformed, uv: s.uv }).toEqual({ lines: 6, pv: 3, empty: 3, malformed: 0, uv: 1 })
    expect(summarize(aggregateChunks([])).lines).toBe(0)
    expect(summarize(aggregateChunks([text('\n')]))).toMatchObject({ lines: 1, empty: 1, pv: 0 })
  })

  it('counts a 10 MB line as malformed without buffering it, whatever the chunk size', () => {
    const huge = new Uint8Array(10 * 1024 * 1024).fill(0x41)
    const input = concat([text(`${LINE}\n`), huge, text(`\n${LINE}\n`)])
    for (const size of [65536, 1 << 20, input.length]) {
      const aggregator = new LogAggregator()
      for (let i = 0; i < input.length; i += size) aggregator.push(input.subarray(i, i + size))
      aggregator.end()
      expect(aggregator.memoryBytes).toBeLessThan(2 * 1024 * 1024)
      const s = summarize(aggregator.result())
      expect({ lines: s.lines, pv: s.pv, malformed: s.malformed }).toEqual({ lines: 3, pv: 2, malformed: 1 })
      expect(s.malformedExamples[0]).toMatchObject({ reason: 'line too long', offset: LINE.length + 1 })
      expect(s.malformedExamples[0]?.text).toBe(`${'A'.repeat(160)}…`)
    }
  })

  it('never crashes on random bytes, and every line is counted once', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 3000 }), fc.array(fc.nat(), { maxLength: 8 }), (bytes, positions) => {
      const s = summarize(aggregateChunks(cut(bytes, positions.map((p) => p % (bytes.length + 1)))))
      const newlines = bytes.filter((b) => b === 10).length
      expect(s.lines).toBe(newlines + (bytes.length > 0 && bytes[bytes.length - 1] !== 10 ? 1 : 0))
      expect(s.pv + s.malformed + s.empty).toBe(s.lines)
      expect(s.malformedExamples.length).toBeLessThanOrEqual(5)
    }), { numRuns: 200 })
  })

  it('counts every spelling of one IPv6 client, and ::ffff:-mapped IPv4, once', () => {
    const spellings = ['2001:db8::1', '2001:0db8:0:0:0:0:0:1', '2001:DB8::0:1', '2001:db8:0000::1', '::ffff:10.0.0.1', '10.0.0.1', '::FFFF:a00:1']
    const input = text(spellings.map((ip) => LINE.replace('10.0.0.1', ip)).join('\n'))
    const s = summarize(aggregateChunks([input]))
    expect(s.pv).toBe(7)
    expect(s.uv).toBe(2)
    expect(s.top).toEqual([{ ip: '2001:db8::1', hits: 4, error: 0 }, { ip: '10.0.0.1', hits: 3, error: 0 }])
  })

  it('keeps addresses above 127.255.255.255 apart and prints them right', () => {
    const ips = ['255.255.255.255', '200.1.2.3', '128.0.0.0', '0.0.0.0', '200.1.2.3']
    const s = summarize(aggregateChunks([text(ips.map((ip) => LINE.replace('10.0.0.1', ip)).join('\n'))]))
    expect(s.top).toEqual([
      { ip: '200.1.2.3', hits: 2, error: 0 }, { ip: '0.0.0.0', hits: 1, error: 0 }, { ip: '128.0.0.0', hits: 1, error: 0 }, { ip: '255.255.255.255', hits: 1, error: 0 },
    ])
  })

  it('counts as malformed, never as a client, anything else in the address position', () => {
    const bad = ['999.0.0.1', '10.0.0', 'fe80::1%eth0', '10.0.0.1:8080', 'localhost', '-', '\x16\x03\x01\x02\x00', '1.2.3.4x']
    const input = text(bad.map((ip) => LINE.replace('10.0.0.1', ip)).join('\n'))
    const s = summarize(aggregateChunks([input]))
    expect({ pv: s.pv, malformed: s.malformed, uv: s.uv }).toEqual({ pv: 0, malformed: bad.length, uv: 0 })
    expect(s.malformedExamples.map((e) => e.reason)).toEqual(Array(5).fill('bad address'))
  })

  it('names the reason for bad timestamps and lines that do not fit the format', () => {
    const input = text([LINE.replace('20/Jul', '32/Jul'), LINE.replace('] "', ']"'), '10.0.0.1 - - [20/Jul/2025:00:00'].join('\n'))
    expect(summarize(aggregateChunks([input])).malformedExamples.map((e) => e.reason)).toEqual(['bad time', 'format mismatch', 'bad time'])
  })

  it('parses custom log_format strings: other field order, quoted fields with spaces, other time variables', () => {
    const cases: { format: string; line: string; ip: string; minute: number }[] = [
      { format: '"$http_user_agent" $status [$time_local] $remote_addr', line: '"Mozilla/5.0 (X11; Linux) \\"quoted\\" [x]" 200 [20/Jul/2025:00:01:59 +0800] 2001:db8::7', ip: '2001:db8::7', minute: 29215681 },
      { format: '$time_iso8601 client=$remote_addr request="$request" rt=$request_time', line: '2025-07-20T00:02:00+08:00 client=10.9.8.7 request="GET / a b HTTP/1.1" rt=0.001', ip: '10.9.8.7', minute: 29215682 },
      { format: '$msec $remote_addr $request_time', line: '1752940800.123 10.1.1.1 0.004', ip: '10.1.1.1', minute: 29215680 },
      { format: '${remote_addr}|${time_local}|${status}', line: '10.2.2.2|20/Jul/2025:00:00:00 +0800|200', ip: '10.2.2.2', minute: 29215680 },
    ]
    for (const c of cases) {
      const s = summarize(aggregateChunks([text(`${c.line}\n${c.line}\r\n`)], { format: c.format }))
      expect({ pv: s.pv, malformed: s.malformed, top: s.top[0]?.ip, perMinute: s.perMinute }, c.format).toEqual({ pv: 2, malformed: 0, top: c.ip, perMinute: [[c.minute, 2]] })
    }
  })

  it('takes the client from X-Forwarded-For when asked (first address; $remote_addr when it is "-")', () => {
    const line = (xff: string): string => `10.0.0.9 - - [20/Jul/2025:00:00:00 +0800] "GET / HTTP/1.1" 200 5 "-" "curl/8.4.0" "${xff}"`
    const input = text([line('203.0.113.9, 10.0.0.1'), line('203.0.113.9'), line('-'), line('2001:db8::5,10.0.0.1'), line('unknown')].join('\n'))
    const viaXff = summarize(aggregateChunks([input], { format: 'main', clientFrom: 'x_forwarded_for' }))
    expect({ pv: viaXff.pv, malformed: viaXff.malformed }).toEqual({ pv: 4, malformed: 1 })
    expect(viaXff.top.map((t) => [t.ip, t.hits])).toEqual([['203.0.113.9', 2], ['10.0.0.9', 1], ['2001:db8::5', 1]])
    const direct = summarize(aggregateChunks([input], { format: 'main' }))
    expect(direct.top.map((t) => [t.ip, t.hits])).toEqual([['10.0.0.9', 5]])
  })

  it('switches to sketches beyond the budget: 1 million distinct IPs in 4 MB, UV within 3 standard errors', () => {
    const aggregator = new LogAggregator({ maxMemory: 4 * 1024 * 1024, heavyHitters: 1024 })
    const distinct = 1_000_000
    const heavy = ['10.200.0.1', '10.200.0.2', '10.200.0.3']
    let lines = 0
    const trueHits = new Map<string, number>()
    let batch: string[] = []
    const flush = (): void => {
      aggregator.push(text(batch.join('')))
      batch = []
    }
    for (let i = 0; i < distinct; i++) {
      batch.push(`172.${String(16 + (i >>> 16))}.${String((i >>> 8) & 255)}.${String(i & 255)} - - [20/Jul/2025:00:00:00 +0800] "GET /" 200 1\n`)
      if (i % 20 === 0) {
        const ip = heavy[i % 3] ?? ''
        trueHits.set(ip, (trueHits.get(ip) ?? 0) + 1)
        batch.push(`${ip} - - [20/Jul/2025:00:00:00 +0800] "GET /" 200 1\n`)
      }
      if (batch.length >= 20_000) {
        lines += batch.length
        flush()
      }
    }
    lines += batch.length
    flush()
    aggregator.end()
    expect(aggregator.memoryBytes).toBeLessThanOrEqual(4 * 1024 * 1024)
    const s = summarize(aggregator.result(), { top: 3 })
    expect(s.approximate).toBe(true)
    expect(s.pv).toBe(lines)
    const trueUv = distinct + heavy.length
    expect(Math.abs(s.uv / trueUv - 1)).toBeLessThanOrEqual(3 * s.errorBounds.uvRelativeStandardError)
    expect(s.errorBounds.uvRelativeStandardError).toBeCloseTo(1.04 / 128, 6)
    expect(s.uv).toBeGreaterThanOrEqual(s.errorBounds.uvRange[0])
    expect(s.errorBounds.topHitsError).toBe(Math.ceil(lines / 1024))
    expect(new Set(s.top.map((t) => t.ip))).toEqual(new Set(heavy))
    for (const t of s.top) {
      const real = trueHits.get(t.ip) ?? 0
      expect(t.hits).toBeGreaterThanOrEqual(real)
      expect(t.hits - t.error).toBeLessThanOrEqual(real)
      expect(t.error).toBeLessThanOrEqual(s.errorBounds.topHitsError)
    }
  }, 30_000)
})
