import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readRange } from '../../../scripts/logs/read-range'
import { tempDir } from './support'

describe('readRange', () => {
  it('pushes the bytes of [start, end) in buffer-sized Buffers and reports progress', () => {
    const file = join(tempDir('read'), 'data.bin')
    const data = Buffer.from(Array.from({ length: 10_000 }, (_, i) => i % 251))
    writeFileSync(file, data)
    const chunks: Buffer[] = []
    const progress: number[] = []
    const read = readRange(file, 100, 9_000, { push: (c) => chunks.push(Buffer.from(c)) }, (b) => progress.push(b), 4096)
    expect(read).toBe(8_900)
    expect(Buffer.concat(chunks)).toEqual(data.subarray(100, 9_000))
    expect(chunks.map((c) => c.length)).toEqual([4096, 4096, 708])
    expect(progress).toEqual([4096, 8192, 8900])
    expect(readRange(file, 9_500, 20_000, { push: () => undefined })).toBe(500) // the file ends first
  })
})
