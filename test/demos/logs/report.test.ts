import { describe, expect, it } from 'vitest'
import { aggregateChunks } from '../../../demos/logs/aggregator'
import { formatReport } from '../../../demos/logs/report'
import { summarize } from '../../../demos/logs/summary'
import { text } from './support'

describe('formatReport', () => {
  it('prints PV, UV, the top clients, the minutes and malformed examples', () => {
    const input = text('10.0.0.1 - - [20/Jul/2025:00:00:00 +0800] "GET /" 200 1\n\x16\x03\x01junk\n')
    const report = formatReport(summarize(aggregateChunks([input])), { title: 'access.log', seconds: 0.5, engine: 'stream, 1 thread' })
    expect(report).toContain('access.log')
    expect(report).toContain('PV          1')
    expect(report).toContain('UV          1 exact (IPv4 1, IPv6 0)')
    expect(report).toMatch(/1 {2}10\.0\.0\.1 +1/)
    expect(report).toContain('2025-07-19T16:00Z')
    expect(report).toContain('bad address: \\x16\\x03\\x01junk')
    expect(report).toContain('(stream, 1 thread)')
  })

  it('says when and how the numbers are approximate', () => {
    let input = ''
    for (let i = 0; i < 40_000; i++) input += `10.${String(i >>> 8)}.${String(i & 255)}.1 - - [20/Jul/2025:00:00:00 +0800] "-" 1 1\n`
    const report = formatReport(summarize(aggregateChunks([text(input)], { maxMemory: 300_000, heavyHitters: 64 })))
    expect(report).toMatch(/UV {10}≈ [\d,]+ \(HyperLogLog, standard error 0\.81 %/)
    expect(report).toContain('approximate')
  })
})
