import { createReadStream } from 'node:fs'
import { createInterface } from 'node:readline'
import { NaiveCounter } from '../../demos/logs/naive'

/**
 * The naive engine on a file, written the way a straightforward Node port of the original reads
 * lines: `readline` over a read stream (`for await (const line of rl)`), one string per line, then
 * `NaiveCounter` (regex + Map). Reads `[0, limit)`; a line cut by the limit counts as it is.
 * `onProgress(bytes, lines)` runs about every 100 ms.
 */
export async function naiveFile(path: string, limit = Infinity, onProgress?: (bytes: number, lines: number) => void): Promise<NaiveCounter> {
  const counter = new NaiveCounter()
  const input = createReadStream(path, limit === Infinity ? {} : { end: limit - 1 })
  input.on('data', (chunk) => {
    counter.bytes += chunk.length
  })
  const lines = createInterface({ input, crlfDelay: Infinity })
  let last = performance.now()
  for await (const line of lines) {
    counter.line(line)
    if (onProgress && (counter.lines & 1023) === 0 && performance.now() - last >= 100) {
      last = performance.now()
      onProgress(counter.bytes, counter.lines)
    }
  }
  onProgress?.(counter.bytes, counter.lines)
  return counter
}
