import { closeSync, openSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readFdRange, readRangeAhead } from '../../../scripts/logs/read-range'
import { tempDir } from './support'

describe('readRangeAhead', () => {
  it('pushes the bytes of [start, end) in buffer-sized chunks, in order, while reading the next one ahead', async () => {
    const file = join(tempDir('read-ahead'), 'data.bin')
    const data = Buffer.from(Array.from({ length: 10_000 }, (_, i) => (i * 7) % 253))
    writeFileSync(file, data)
    const chunks: Buffer[] = []
    const progress: number[] = []
    // the sink copies each chunk: the buffer it was given is refilled two reads later
    const read = await readRangeAhead(file, 100, 9_000, { push: (c) => chunks.push(Buffer.from(c)) }, (b) => progress.push(b), 4096)
    expect(read).toBe(8_900)
    expect(Buffer.concat(chunks)).toEqual(data.subarray(100, 9_000))
    expect(chunks.map((c) => c.length)).toEqual([4096, 4096, 708])
    expect(progress).toEqual([4096, 8192, 8900])
    expect(await readRangeAhead(file, 9_500, 20_000, { push: () => undefined })).toBe(500)
    expect(await readRangeAhead(file, 10_000, 10_000, { push: () => undefined })).toBe(0)
  })
})

describe('readFdRange', () => {
  it('pushes the same chunks without reading ahead', () => {
    const file = join(tempDir('read-sync'), 'data.bin')
    const data = Buffer.from(Array.from({ length: 10_000 }, (_, i) => (i * 5) % 251))
    writeFileSync(file, data)
    const fd = openSync(file, 'r')
    try {
      const chunks: Buffer[] = []
      const progress: number[] = []
      expect(readFdRange(fd, 100, 9_000, { push: (c) => chunks.push(Buffer.from(c)) }, (b) => progress.push(b), Buffer.alloc(4096))).toBe(8_900)
      expect(Buffer.concat(chunks)).toEqual(data.subarray(100, 9_000))
      expect(progress).toEqual([4096, 8192, 8900])
      expect(readFdRange(fd, 9_500, 20_000, { push: () => undefined }, undefined, Buffer.alloc(4096))).toBe(500)
    } finally {
      closeSync(fd)
    }
  })
})
