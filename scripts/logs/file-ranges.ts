import { readSync } from 'node:fs'
import { splitRanges, type ByteRange } from '../../demos/logs/ranges'

/**
 * `findNewline` over an open file: reads 64 KiB probes from `from` until a `\n` turns up.
 * Returns its index, or -1 at the end of the file.
 */
export function fileNewlineFinder(fd: number, size: number): (from: number) => number {
  const probe = Buffer.allocUnsafe(64 * 1024)
  return (from) => {
    for (let position = from; position < size; ) {
      const n = readSync(fd, probe, 0, Math.min(probe.length, size - position), position)
      if (n === 0) return -1
      const nl = probe.indexOf(10)
      if (nl >= 0 && nl < n) return position + nl
      position += n
    }
    return -1
  }
}

/** Newline-aligned ranges of the first `size` bytes of an open file. */
export function fileRanges(fd: number, size: number, parts: number): ByteRange[] {
  return splitRanges(size, parts, fileNewlineFinder(fd, size))
}
