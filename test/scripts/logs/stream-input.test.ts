import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { gzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { LogAggregator } from '../../../demos/logs/aggregator'
import { summarize } from '../../../demos/logs/summary'
import { aggregateGzipFile, aggregateReadable, isGzipHead } from '../../../scripts/logs/stream-input'
import { writeGeneratedLog } from '../../../scripts/logs/write-log'
import { tempDir } from './support'

describe('gzip and stdin input', () => {
  const dir = tempDir('gzip')
  const plain = join(dir, 'access.log')
  const truth = writeGeneratedLog({ size: 500_000, ips: 300, seed: 3 }, plain)
  const bytes = readFileSync(plain)
  const gz = join(dir, 'access.log.gz')
  // two gzip members, as `cat a.gz b.gz` or logrotate's delaycompress can produce
  writeFileSync(gz, Buffer.concat([gzipSync(bytes.subarray(0, 200_000)), gzipSync(bytes.subarray(200_000))]))

  it('reads multi-member gzip files to the same result', async () => {
    const aggregator = new LogAggregator()
    await aggregateGzipFile(gz, aggregator)
    aggregator.end()
    expect(summarize(aggregator.result())).toMatchObject({ pv: truth.pv, uv: truth.uv, lines: truth.lines, bytes: truth.bytes })
  })

  it('fails on a truncated gzip file', async () => {
    const cut = join(dir, 'cut.log.gz')
    writeFileSync(cut, readFileSync(gz).subarray(0, 5000))
    await expect(aggregateGzipFile(cut, new LogAggregator())).rejects.toThrow(/unexpected end of file/)
  })

  it('reads a stream, plain or gzip, detected by its first bytes', async () => {
    expect(isGzipHead(gzipSync(Buffer.from('x')))).toBe(true)
    expect(isGzipHead(Buffer.from('10.0.0.1'))).toBe(false)
    for (const [input, gzip] of [[bytes, false], [gzipSync(bytes), true]] as const) {
      const aggregator = new LogAggregator()
      const pieces = [input.subarray(0, 1), input.subarray(1, 70_000), input.subarray(70_000)]
      const result = await aggregateReadable(Readable.from(pieces), aggregator)
      aggregator.end()
      expect(result.gzip).toBe(gzip)
      expect(summarize(aggregator.result()).pv).toBe(truth.pv)
    }
    const empty = new LogAggregator()
    expect(await aggregateReadable(Readable.from([]), empty)).toEqual({ gzip: false, read: 0 })
  })
})
