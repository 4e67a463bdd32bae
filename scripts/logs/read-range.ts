import { closeSync, openSync, readSync } from 'node:fs'

/** Default read size: large enough that per-read costs vanish, small enough to stay in cache. */
export const READ_BUFFER_BYTES = 2 * 1024 * 1024

/** Anything that takes byte chunks: the stream engine, the naive engine, the newline scanner. */
export interface ChunkSink {
  push(chunk: Uint8Array): void
}

/**
 * Reads `[start, end)` of a file with `readSync` into one reused Buffer and pushes each chunk to
 * `sink` (a Buffer, so `indexOf` is `memchr`). Calls `onChunk(bytesSoFar)` after every chunk.
 * Returns the bytes read (less than asked only if the file shrank).
 */
export function readRange(path: string, start: number, end: number, sink: ChunkSink, onChunk?: (bytes: number) => void, bufferBytes = READ_BUFFER_BYTES): number {
  const fd = openSync(path, 'r')
  try {
    return readFdRange(fd, start, end, sink, onChunk, Buffer.allocUnsafeSlow(bufferBytes))
  } finally {
    closeSync(fd)
  }
}

/** `readRange` on an open file descriptor with a caller-owned buffer. */
export function readFdRange(fd: number, start: number, end: number, sink: ChunkSink, onChunk: ((bytes: number) => void) | undefined, buffer: Buffer): number {
  let position = start
  while (position < end) {
    const n = readSync(fd, buffer, 0, Math.min(buffer.length, end - position), position)
    if (n === 0) break
    sink.push(buffer.subarray(0, n))
    position += n
    onChunk?.(position - start)
  }
  return position - start
}
