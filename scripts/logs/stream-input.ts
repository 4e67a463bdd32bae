import { createReadStream } from 'node:fs'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { createGunzip } from 'node:zlib'
import type { ChunkSink } from './read-range'

/**
 * Single-threaded input for what cannot be split into byte ranges: gzip files (zlib streaming,
 * any number of members) and stdin (gzip-compressed or not, detected by its first two bytes).
 */

const GZIP_MAGIC_0 = 0x1f
const GZIP_MAGIC_1 = 0x8b

export function isGzipHead(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === GZIP_MAGIC_0 && bytes[1] === GZIP_MAGIC_1
}

/** Feeds a gzip file's decompressed bytes to `sink`; `onRead(compressedBytes)` reports progress. */
export async function aggregateGzipFile(path: string, sink: ChunkSink, onRead?: (compressed: number) => void): Promise<number> {
  let compressed = 0
  await pipeline(
    createReadStream(path, { highWaterMark: 1 << 20 }),
    async function* count(source: AsyncIterable<Buffer>) {
      for await (const chunk of source) {
        compressed += chunk.length
        onRead?.(compressed)
        yield chunk
      }
    },
    createGunzip({ chunkSize: 1 << 20 }),
    async (source: AsyncIterable<Buffer>) => {
      for await (const chunk of source) sink.push(chunk)
    },
  )
  return compressed
}

/** Feeds a readable stream (stdin) to `sink`, decompressing it when it starts like gzip. */
export async function aggregateReadable(input: Readable, sink: ChunkSink, onRead?: (bytes: number) => void): Promise<{ gzip: boolean; read: number }> {
  const iterator = input[Symbol.asyncIterator]() as AsyncIterator<Buffer>
  // Look at (at least) the first two bytes before deciding whether this is gzip.
  const head: Buffer[] = []
  let headBytes = 0
  let ended = false
  while (headBytes < 2) {
    const step = await iterator.next()
    if (step.done) {
      ended = true
      break
    }
    head.push(step.value)
    headBytes += step.value.length
  }
  if (headBytes === 0) return { gzip: false, read: 0 }
  let read = 0
  async function* all(): AsyncGenerator<Buffer> {
    for (const chunk of head) {
      read += chunk.length
      onRead?.(read)
      yield chunk
    }
    if (ended) return
    for (let step = await iterator.next(); !step.done; step = await iterator.next()) {
      read += step.value.length
      onRead?.(read)
      yield step.value
    }
  }
  const gzip = isGzipHead(Buffer.concat(head).subarray(0, 2))
  if (gzip) {
    await pipeline(Readable.from(all()), createGunzip({ chunkSize: 1 << 20 }), async (source: AsyncIterable<Buffer>) => {
      for await (const chunk of source) sink.push(chunk)
    })
  } else {
    for await (const chunk of all()) sink.push(chunk)
  }
  return { gzip, read }
}
