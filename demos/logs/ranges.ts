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

/** Reads `[from, to)` of some input (a Blob, a file) as bytes. */
export type SliceReader = (from: number, to: number) => Promise<Uint8Array>

/** Bytes of an input and the offset of their first byte in it. */
export interface OffsetChunk {
  readonly offset: number
  readonly bytes: Uint8Array
}

/**
 * The bytes of the lines that start in `[start, end)` of an input of `size` bytes, in slices of
 * `sliceBytes`, read one slice ahead (the next read is requested before the current slice is
 * handed over). A line that starts before `start` is skipped; the line holding byte `end - 1` is
 * followed to its newline, however far past `end` that is, so ranges that cut `[0, size)` in any
 * way (aligned or not) count every line exactly once.
 */
export async function* lineRangeChunks(read: SliceReader, size: number, start: number, end: number, sliceBytes: number): AsyncGenerator<OffsetChunk> {
  if (start >= end || start >= size) return
  let skipping = start > 0 && (await read(start - 1, start))[0] !== 10
  const next = (pos: number): Promise<Uint8Array> | null => {
    if (pos >= size) return null
    const pending = read(pos, Math.min(size, pos + sliceBytes))
    pending.catch(() => undefined) // a read left behind by a cancelled run is not an unhandled rejection
    return pending
  }
  let pending = next(start)
  for (let pos = start; pending !== null;) {
    const chunk = await pending
    if (chunk.length === 0) return // the input shrank
    pending = next(pos + chunk.length)
    const chunkStart = pos
    pos += chunk.length
    let from = 0
    if (skipping) {
      const nl = chunk.indexOf(10)
      if (nl < 0) continue
      skipping = false
      from = nl + 1
      if (chunkStart + from >= end) return // our first line would start at or after `end`
    }
    if (pos < end) {
      yield { offset: chunkStart + from, bytes: from === 0 ? chunk : chunk.subarray(from) }
      continue
    }
    // this chunk holds byte end - 1: stop after the newline that ends its line
    const nl = chunk.indexOf(10, Math.max(from, end - 1 - chunkStart))
    yield { offset: chunkStart + from, bytes: chunk.subarray(from, nl < 0 ? chunk.length : nl + 1) }
    if (nl >= 0) return
  }
}
