import { closeSync, openSync, writeFileSync, writeSync } from 'node:fs'
import { LogGenerator, type GenerateOptions, type LogTruth } from '../../demos/logs/generate'

/**
 * Writes a generated log to a file (and `<file>.truth.json` beside it) or to a file descriptor
 * such as stdout. Chunks are written as they are produced: memory stays at one chunk.
 */
export function writeGeneratedLog(options: GenerateOptions, out: string | number, onProgress?: (bytes: number) => void): LogTruth {
  const generator = new LogGenerator(options)
  const fd = typeof out === 'number' ? out : openSync(out, 'w')
  let written = 0
  try {
    for (let chunk = generator.next(); chunk !== null; chunk = generator.next()) {
      writeFully(fd, chunk)
      written += chunk.length
      onProgress?.(written)
    }
  } finally {
    if (typeof out !== 'number') closeSync(fd)
  }
  const truth = generator.truth()
  if (typeof out === 'string') writeFileSync(truthPath(out), `${JSON.stringify(truth)}\n`)
  return truth
}

const pause = new Int32Array(new SharedArrayBuffer(4))

/** `writeSync` until every byte is written; a non-blocking pipe (stdout) that is full is waited for. */
function writeFully(fd: number, bytes: Uint8Array): void {
  let offset = 0
  while (offset < bytes.length) {
    try {
      offset += writeSync(fd, bytes, offset, bytes.length - offset)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error
      Atomics.wait(pause, 0, 0, 2) // the reader is behind: wait 2 ms and try again
    }
  }
}

/** Where the truth of a generated log is stored. */
export function truthPath(logPath: string): string {
  return `${logPath}.truth.json`
}
