import { closeSync, fstatSync, readSync, statSync } from 'node:fs'
import { LogAggregator, type AggregatorOptions } from '../../demos/logs/aggregator'
import type { LogPartial } from '../../demos/logs/partial'
import { openPlainFile } from './pool'

/**
 * `--follow`: read a file to its end, then keep reading what is appended, like `tail -F`. When the
 * path names a new file (log rotation: another inode) the rest of the old file is read, its last
 * line closed, and the new file is read from the start; when the file shrinks (truncation, e.g.
 * `copytruncate`) reading restarts at 0. `onUpdate` gets a snapshot every `intervalMs`; the loop
 * ends when `signal` aborts, with one last snapshot.
 */
export interface FollowEvents {
  readonly rotations: number
  readonly truncations: number
}

export async function followFile(
  path: string,
  options: AggregatorOptions,
  onUpdate: (partial: LogPartial, events: FollowEvents, final: boolean) => void,
  signal: AbortSignal,
  intervalMs = 1000,
  pollMs = 100,
): Promise<void> {
  const aggregator = new LogAggregator(options)
  const buffer = Buffer.allocUnsafeSlow(1 << 20)
  let { fd } = openPlainFile(path)
  let inode = fstatSync(fd).ino
  let position = 0
  const events = { rotations: 0, truncations: 0 }
  const drain = (): void => {
    for (;;) {
      const n = readSync(fd, buffer, 0, buffer.length, position)
      if (n === 0) return
      aggregator.push(buffer.subarray(0, n))
      position += n
    }
  }
  let lastUpdate = 0
  try {
    while (!signal.aborted) {
      drain()
      let current: ReturnType<typeof statSync> | null = null
      try {
        current = statSync(path)
      } catch {
        current = null // rotated away and not recreated yet: keep the old file
      }
      if (current && current.ino !== inode) {
        drain()
        aggregator.flushLine()
        closeSync(fd)
        fd = openPlainFile(path).fd
        inode = fstatSync(fd).ino
        position = 0
        events.rotations++
        continue
      }
      if (fstatSync(fd).size < position) {
        aggregator.flushLine()
        position = 0
        events.truncations++
        continue
      }
      const now = performance.now()
      if (now - lastUpdate >= intervalMs) {
        lastUpdate = now
        onUpdate(aggregator.result(), { ...events }, false)
      }
      await sleep(pollMs, signal)
    }
    drain()
    aggregator.end()
    onUpdate(aggregator.result(), { ...events }, true)
  } finally {
    closeSync(fd)
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms)
    function done(): void {
      clearTimeout(timer)
      signal.removeEventListener('abort', done)
      resolve()
    }
    signal.addEventListener('abort', done, { once: true })
  })
}
