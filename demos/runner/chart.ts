/**
 * `chart(name, y)` / `chart(name, x, y)`: points are collected per series and posted at most every
 * `intervalMs` (50 ms), and whatever is left when the run ends (`flush()`). A point added once the
 * interval has passed flushes at once, so a demo busy in a synchronous loop still streams; otherwise
 * a host timer (not counted as pending work) flushes later. Each series keeps at most
 * `maxPointsPerSeries` points; later ones are dropped and `onLimit` is told once.
 */
import { hostTimers, type HostTimers } from './timers'

export type Point = [number, number]

export interface ChartOptions {
  /** Receives one series' new points. */
  readonly post: (name: string, points: Point[]) => void
  /** Milliseconds since the run started: the default x. */
  readonly now: () => number
  readonly intervalMs?: number
  readonly maxPointsPerSeries?: number
  readonly onLimit?: (name: string, limit: number) => void
  readonly host?: HostTimers
}

export interface Chart {
  /** The demo's `chart` function. */
  chart(name: string, xOrY: number, y?: number): void
  /** Post every pending point now. */
  flush(): void
  /** Cancel the scheduled flush (pending points stay until flush()). */
  stop(): void
}

export const CHART_FLUSH_MS = 50
export const MAX_POINTS_PER_SERIES = 100_000

function requireFinite(what: string, value: unknown): asserts value is number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new TypeError(`chart(): ${what} must be a finite number, got ${String(value)}`)
  }
}

export function createChart(options: ChartOptions): Chart {
  const intervalMs = options.intervalMs ?? CHART_FLUSH_MS
  const limit = options.maxPointsPerSeries ?? MAX_POINTS_PER_SERIES
  const host = options.host ?? hostTimers
  const pending = new Map<string, Point[]>()
  const counts = new Map<string, number>()
  let lastFlush = options.now()
  let timer: unknown

  const flush = (): void => {
    if (timer !== undefined) host.clearTimeout(timer)
    timer = undefined
    lastFlush = options.now()
    const batches = [...pending]
    pending.clear()
    for (const [name, points] of batches) options.post(name, points)
  }

  return {
    chart(name, xOrY, y) {
      if (typeof name !== 'string') throw new TypeError('chart(): the series name must be a string')
      const t = options.now()
      const point: Point = y === undefined ? [t, xOrY] : [xOrY, y]
      requireFinite('x', point[0])
      requireFinite('y', point[1])
      const count = counts.get(name) ?? 0
      if (count >= limit) {
        if (count === limit) options.onLimit?.(name, limit)
        counts.set(name, limit + 1)
        return
      }
      counts.set(name, count + 1)
      const points = pending.get(name)
      if (points) points.push(point)
      else pending.set(name, [point])
      if (t - lastFlush >= intervalMs) flush()
      else timer ??= host.setTimeout(flush, lastFlush + intervalMs - t)
    },
    flush,
    stop() {
      if (timer !== undefined) host.clearTimeout(timer)
      timer = undefined
    },
  }
}
