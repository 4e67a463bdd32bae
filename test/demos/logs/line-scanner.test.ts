import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { LogAggregator, aggregateChunks, type AggregatorOptions } from '../../../demos/logs/aggregator'
import { forEachIpv4 } from '../../../demos/logs/ipv4-table'
import { TABLE_BYTES, WINDOW_BYTES, lineScannerAvailable } from '../../../demos/logs/line-scanner'
import type { LogPartial } from '../../../demos/logs/partial'
import { summarize } from '../../../demos/logs/summary'
import { concat, cut, generateBytes, text } from './support'

const LINE = '10.0.0.1 - - [20/Jul/2025:00:00:07 +0800] "GET / HTTP/1.1" 200 5 "-" "curl/8.4.0"'
/** Lines near the edge of what the scanner accepts, each to be mutated further. */
const TEMPLATES = [
  LINE,
  '10.0.0.1 - alice [20/Jul/2025:00:00:59 +0800] "GET / HTTP/1.1" 200 5 "-" "-"',
  '255.255.255.255 - - [20/Jul/2025:00:01:00 +0800] "',
  '0.0.0.0 - - [20/Jul/2025:00:01:60 -0130] "x',
  '2001:db8::1 - - [20/Jul/2025:00:00:07 +0800] "GET / HTTP/1.1" 200 5 "-" "-"',
  '::ffff:10.0.0.1 - - [21/Jul/2025:23:59:07 +0800] "GET / HTTP/1.1" 200 5 "-" "-"',
  '10.0.0.1 - - [31/Feb/2025:00:00:07 +0800] "GET / HTTP/1.1" 200 5 "-" "-"',
  LINE.replace(':07 ', ':61 '),
  LINE.replace(':07 ', ':65 '),
  LINE.replace(':07 ', ':70 '),
  LINE.replace(':07 ', ':0x '),
  LINE.replace('] "', ']"'),
  LINE.replace('10.0.0.1', '10.0.0.256'),
  LINE.replace('10.0.0.1', '10.0.00.1'),
  LINE.replace('- - [', '- bob smith ['),
  '\u0016\u0003\u0001\u0002\u0000\u0001\u0000\u0001\u00fc\u0003\u0003',
  '',
]
const SIGNIFICANT = '0123456789.:-/ []"+\r\nxJ'

/** A log of mutated template lines: wrong digits, spaces, brackets, quotes, newlines in the wrong place. */
const mutatedLog = fc
  .array(
    fc.record({
      template: fc.nat(TEMPLATES.length - 1),
      edits: fc.array(fc.record({ at: fc.nat(80), byte: fc.nat(SIGNIFICANT.length - 1) }), { maxLength: 2 }),
      crlf: fc.boolean(),
    }),
    { maxLength: 60 },
  )
  .map((lines) =>
    lines
      .map(({ template, edits, crlf }) => {
        const chars = [...(TEMPLATES[template] as string)]
        for (const { at, byte } of edits) if (at < chars.length) chars[at] = SIGNIFICANT[byte] as string
        return chars.join('') + (crlf ? '\r\n' : '\n')
      })
      .join(''),
  )

/**
 * Both loops' results as summaries (every client, every minute, the malformed examples). The raw
 * tables may differ in slot order: the JavaScript loop counts `::ffff:`-mapped clients inline,
 * the scanner's caller in a batch.
 */
const both = (chunks: readonly Uint8Array[], options: AggregatorOptions = {}) => ({
  wasm: view(aggregateChunks(chunks, { ...options, wasm: true })),
  js: view(aggregateChunks(chunks, { ...options, wasm: false })),
})
const view = (partial: LogPartial) => ({ ...summarize(partial, { top: 1e6 }), examples: partial.malformedExamples })

describe('the WebAssembly line scanner', () => {
  it('is what the stream engine uses in Node (so the other tests exercise it)', () => {
    expect(lineScannerAvailable()).toBe(true)
    expect(new LogAggregator().engine).toBe('wasm')
    expect(new LogAggregator({ wasm: false }).engine).toBe('js')
    expect(new LogAggregator({ format: '$remote_addr [$time_local] "$request"' }).engine).toBe('js')
  })

  it('counts exactly what the JavaScript loop counts, on lines mutated near every check', () => {
    fc.assert(fc.property(mutatedLog, fc.array(fc.nat(), { maxLength: 8 }), fc.constantFrom(64 * 1024, 60), (log, positions, maxLineBytes) => {
      const bytes = text(log)
      const { wasm, js } = both(cut(bytes, positions.map((p) => p % (bytes.length + 1))), { maxLineBytes })
      expect(wasm).toEqual(js)
    }), { numRuns: 300 })
  })

  it('counts exactly what the JavaScript loop counts on generated logs', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 2 ** 31 }), fc.boolean(), (seed, crlf) => {
      const { bytes } = generateBytes({ size: 30_000, ips: 500, ipv6: 0.1, malformed: 0.05, seed, crlf })
      const { wasm, js } = both([bytes])
      expect(wasm).toEqual(js)
    }), { numRuns: 20 })
  })

  it('carries lines across its windows, and reads a line longer than a window', () => {
    const { bytes } = generateBytes({ size: 3 * WINDOW_BYTES + 12_345, ips: 2000, ipv6: 0.05, malformed: 0.01, seed: 11 })
    const long = text(`${LINE.replace('"GET /', `"GET /${'a'.repeat(WINDOW_BYTES + 100)}`)}\n`)
    const input = concat([bytes, long, bytes])
    const options = { maxLineBytes: 2 * WINDOW_BYTES }
    const { wasm, js } = both([input], options)
    expect(wasm).toEqual(js)
    expect(wasm.malformed).toBe(js.malformed)
    expect(wasm.pv).toBe(2 * aggregateChunks([bytes]).pv + 1)
  })

  it('reads chunks in its own read buffers where they are, with the same counts', () => {
    const { bytes } = generateBytes({ size: 200_000, ips: 300, ipv6: 0.05, malformed: 0.02, seed: 5 })
    const direct = new LogAggregator({ readBuffers: 2, readBufferBytes: 8192 })
    const [a, b] = direct.readBuffers
    expect(a?.length).toBe(8192)
    expect(b?.length).toBe(8192)
    for (let at = 0, k = 0; at < bytes.length; at += 8192, k ^= 1) {
      const buffer = direct.readBuffers[k] as Uint8Array
      const part = bytes.subarray(at, at + 8192)
      buffer.set(part)
      direct.push(buffer.subarray(0, part.length))
    }
    direct.end()
    expect(view(direct.result())).toEqual(view(aggregateChunks([bytes], { wasm: false })))
    expect(new LogAggregator({ wasm: false, readBuffers: 2 }).readBuffers).toEqual([])
  })

  it('counts against the budget only the part of its table room in use', () => {
    const fresh = new LogAggregator()
    expect(fresh.engine).toBe('wasm')
    // 32 KiB of table, a 256 KiB window, the sketches' registers: well under the 2 MiB room
    expect(fresh.memoryBytes).toBeLessThan(TABLE_BYTES / 2)
    expect(fresh.memoryBytes).toBeGreaterThan(256 * 1024)
  })

  it('counts known clients in the table in its memory, and hands the table over when it outgrows that room', () => {
    // Every client twice, more clients than the scanner's room holds: the table moves out midway.
    const clients = (TABLE_BYTES / 8) * 13 / 16 + 5000
    const lines: string[] = []
    for (let i = 0; i < clients; i++) lines.push(`10.${String(i >>> 16)}.${String((i >>> 8) & 255)}.${String(i & 255)} - - [20/Jul/2025:00:00:07 +0800] "\n`)
    const once = lines.join('')
    const bytes = text(once + once)
    for (const wasm of [true, false]) {
      const partial = aggregateChunks(cut(bytes, [bytes.length / 3, bytes.length / 2 + 17]), { wasm })
      expect(partial.pv).toBe(2 * clients)
      expect(partial.v4Size).toBe(clients)
      let twice = 0
      forEachIpv4(partial.v4, (_ip, count) => { if (count === 2) twice++ })
      expect(twice).toBe(clients)
    }
    // A budget too small for that many: after the switch to sketches every hit goes to them. (The
    // heavy hitters may differ from the JavaScript loop's: the scanner counts known clients before
    // it hands back new ones, so the switch can fall a few lines apart, and Space-Saving depends on order.)
    for (const wasm of [true, false]) {
      const partial = aggregateChunks([bytes], { maxMemory: 2 * 1024 * 1024, wasm })
      const summary = summarize(partial)
      expect(summary.approximate).toBe(true)
      expect(summary.pv).toBe(2 * clients)
      expect(partial.heavy?.total).toBe(2 * clients)
      expect(Math.abs(summary.uv - clients) / clients).toBeLessThan(3 * summary.errorBounds.uvRelativeStandardError)
      for (const { hits, error } of summary.top) expect(hits - error).toBeLessThanOrEqual(2)
    }
  })
})
