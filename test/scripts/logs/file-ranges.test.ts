import { closeSync, openSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { newlineFinder, splitRanges } from '../../../demos/logs/ranges'
import { fileNewlineFinder, fileRanges } from '../../../scripts/logs/file-ranges'
import { tempDir } from './support'

describe('fileRanges', () => {
  it('finds the same newline-aligned ranges as in memory, across 64 KiB probes', () => {
    const dir = tempDir('ranges')
    const file = join(dir, 'lines.txt')
    writeFileSync(file, `${'x'.repeat(200_000)}\n${'y\n'.repeat(1000)}${'z'.repeat(100_000)}`)
    const bytes = readFileSync(file)
    const fd = openSync(file, 'r')
    try {
      for (const parts of [1, 2, 3, 7]) expect(fileRanges(fd, bytes.length, parts)).toEqual(splitRanges(bytes.length, parts, newlineFinder(bytes)))
      expect(fileNewlineFinder(fd, bytes.length)(0)).toBe(200_000)
      expect(fileNewlineFinder(fd, bytes.length)(bytes.length - 10)).toBe(-1)
    } finally {
      closeSync(fd)
    }
  })
})
