/**
 * Newline-aligned byte ranges for parallel aggregation: cut `[0, size)` into about `parts` equal
 * pieces and move each cut forward to just after the next newline, so no line is split. The
 * caller supplies `findNewline(from)` (index of the first `\n` at or after `from`, or -1), which
 * reads a file, a Blob or an array as it likes. Tiny inputs give fewer, never empty, ranges.
 */

export interface ByteRange {
  readonly start: number
  readonly end: number
}

export function splitRanges(size: number, parts: number, findNewline: (from: number) => number): ByteRange[] {
  if (size <= 0) return []
  const n = Math.max(1, Math.floor(parts))
  const cuts = [0]
  for (let k = 1; k < n; k++) {
    const previous = cuts[cuts.length - 1] as number
    const target = Math.max(Math.floor((size * k) / n), previous)
    if (target >= size) break
    // A cut at `target` is aligned when the byte before it is a newline.
    const nl = target === 0 ? -1 : findNewline(target - 1)
    const cut = target === 0 ? 0 : nl < 0 ? size : nl + 1
    if (cut > previous && cut < size) cuts.push(cut)
  }
  cuts.push(size)
  const ranges: ByteRange[] = []
  for (let i = 0; i + 1 < cuts.length; i++) ranges.push({ start: cuts[i] as number, end: cuts[i + 1] as number })
  return ranges
}

/** `findNewline` over bytes in memory. */
export function newlineFinder(bytes: Uint8Array): (from: number) => number {
  return (from) => bytes.indexOf(10, from)
}
