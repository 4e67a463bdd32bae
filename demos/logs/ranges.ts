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
 * handed over). See `alignedRangeChunks` for which lines belong to the range.
 */
export function lineRangeChunks(read: SliceReader, size: number, start: number, end: number, sliceBytes: number): AsyncGenerator<OffsetChunk> {
  const from = rangeReadStart(start)
  return alignedRangeChunks(sliceReads(read, size, from, sliceBytes), from, start, end)
}

/** Where reading for the range starting at `start` begins: one byte earlier, to see whether a line starts at `start`. */
export function rangeReadStart(start: number): number {
  return start > 0 ? start - 1 : 0
}

/** Slices of `[from, size)` in order, one read ahead; ends early if a read comes back empty (the input shrank). */
async function* sliceReads(read: SliceReader, size: number, from: number, sliceBytes: number): AsyncGenerator<Uint8Array> {
  const next = (pos: number): Promise<Uint8Array> | null => {
    if (pos >= size) return null
    const pending = read(pos, Math.min(size, pos + sliceBytes))
    pending.catch(() => undefined) // a read left behind by a cancelled run is not an unhandled rejection
    return pending
  }
  let pending = next(from)
  for (let pos = from; pending !== null;) {
    const chunk = await pending
    if (chunk.length === 0) return
    pos += chunk.length
    pending = next(pos)
    yield chunk
  }
}

/**
 * The bytes of the lines that start in `[start, end)`, from `chunks`: the input in order from
 * `from = rangeReadStart(start)` on, in pieces of any size (slices of a Blob, a Blob's stream).
 * A line that starts before `start` is skipped; the line holding byte `end - 1` is followed to
 * its newline, however far past `end` that is, so ranges that cut the input in any way (aligned
 * or not) count every line exactly once. Stops reading (and closes `chunks`) after that line.
 */
export async function* alignedRangeChunks(chunks: AsyncIterable<Uint8Array>, from: number, start: number, end: number): AsyncGenerator<OffsetChunk> {
  if (start >= end) return
  let pos = from
  // the byte before `start` is read first: a line starts at `start` when it is a newline
  let before = start > from
  let skipping = false
  for await (const piece of chunks) {
    let chunk = piece
    if (before) {
      if (chunk.length === 0) continue
      before = false
      skipping = chunk[start - 1 - pos] !== 10
      chunk = chunk.subarray(start - pos)
      pos = start
      if (chunk.length === 0) continue
    }
    const chunkStart = pos
    pos += chunk.length
    let first = 0
    if (skipping) {
      const nl = chunk.indexOf(10)
      if (nl < 0) continue
      skipping = false
      first = nl + 1
      if (chunkStart + first >= end) return // our first line would start at or after `end`
    }
    if (pos < end) {
      yield { offset: chunkStart + first, bytes: first === 0 ? chunk : chunk.subarray(first) }
      continue
    }
    // this chunk holds byte end - 1: stop after the newline that ends its line
    const nl = chunk.indexOf(10, Math.max(first, end - 1 - chunkStart))
    yield { offset: chunkStart + first, bytes: chunk.subarray(first, nl < 0 ? chunk.length : nl + 1) }
    if (nl >= 0) return
  }
}
