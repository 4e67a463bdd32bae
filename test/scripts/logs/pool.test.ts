import { mkdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { LogTruth } from '../../../demos/logs/generate'
import { summarize } from '../../../demos/logs/summary'
import { MIN_TABLE_BYTES, RUNTIME_BYTES, THREAD_BYTES, aggregateFile, openPlainFile, tableBudget } from '../../../scripts/logs/pool'
import { READ_BUFFER_BYTES } from '../../../scripts/logs/read-range'
import { truthPath, writeGeneratedLog } from '../../../scripts/logs/write-log'
import { tempDir } from './support'

describe('aggregateFile (worker_threads pool)', () => {
  const dir = tempDir('pool')
  const file = join(dir, 'access.log')
  writeGeneratedLog({ size: 3_000_000, ips: 5000, ipv6: 0.05, malformed: 0.01, seed: 11 }, file)
  const truth = JSON.parse(readFileSync(truthPath(file), 'utf8')) as LogTruth

  it('gives the same exact result with 1 and 3 threads, equal to the truth', async () => {
    const one = await aggregateFile(file, { workers: 1 })
    const progress: number[] = []
    const three = await aggregateFile(file, { workers: 3, onProgress: (bytes) => progress.push(bytes) })
    expect(one.threads).toBe(1)
    expect(three.threads).toBe(3)
    const a = summarize(one.partial, { top: 10 })
    expect(summarize(three.partial, { top: 10 })).toEqual(a)
    expect({ pv: a.pv, uv: a.uv, malformed: a.malformed, lines: a.lines, top: a.top.map((t) => ({ ip: t.ip, hits: t.hits })) })
      .toEqual({ pv: truth.pv, uv: truth.uv, malformed: truth.malformed, lines: truth.lines, top: truth.top })
    expect(progress[progress.length - 1]).toBe(truth.bytes)
  }, 20_000)

  it('shares the memory budget between threads and says when it had to estimate', async () => {
    const run = await aggregateFile(file, { workers: 2, maxMemory: 100_000 })
    const s = summarize(run.partial)
    expect(s.approximate).toBe(true)
    expect(s.pv).toBe(truth.pv)
    expect(Math.abs(s.uv / truth.uv - 1)).toBeLessThanOrEqual(3 * s.errorBounds.uvRelativeStandardError)
  }, 20_000)

  it('hands out many slices to few threads and still counts every line once', async () => {
    const sliced = await aggregateFile(file, { workers: 2, sliceBytes: 100_000 })
    expect(sliced.ranges.length).toBeGreaterThan(20)
    expect(sliced.threads).toBe(2)
    const s = summarize(sliced.partial, { top: 10 })
    expect({ pv: s.pv, uv: s.uv, lines: s.lines, malformed: s.malformed, top: s.top.map((t) => ({ ip: t.ip, hits: t.hits })) })
      .toEqual({ pv: truth.pv, uv: truth.uv, lines: truth.lines, malformed: truth.malformed, top: truth.top })
    expect(s.malformedExamples.map((e) => e.offset)).toEqual([...s.malformedExamples.map((e) => e.offset)].sort((a, b) => a - b))
  }, 20_000)

  it('reads only a prefix when asked, and refuses directories and missing files', async () => {
    const run = await aggregateFile(file, { workers: 2, limit: 1000 })
    expect(run.size).toBe(1000)
    expect(summarize(run.partial).bytes).toBe(1000)
    mkdirSync(join(dir, 'folder'))
    expect(() => openPlainFile(join(dir, 'folder'))).toThrow(/directory/)
    await expect(aggregateFile(join(dir, 'missing.log'))).rejects.toMatchObject({ code: 'ENOENT' })
  })
})

describe('tableBudget', () => {
  it('leaves the tables what the runtime, extra threads and read buffers do not take', () => {
    const mib = 2 ** 20
    const one = tableBudget(64 * mib, 1)
    const two = tableBudget(64 * mib, 2)
    expect(one).toBe(64 * mib - RUNTIME_BYTES - 2 * READ_BUFFER_BYTES)
    expect(two).toBe((64 * mib - RUNTIME_BYTES - THREAD_BYTES - 4 * READ_BUFFER_BYTES) / 2)
    expect(2 * two).toBeLessThan(one) // a second thread costs memory, not only a share
    expect(tableBudget(1 * mib, 4)).toBe(MIN_TABLE_BYTES) // never zero, whatever the budget
  })
})
