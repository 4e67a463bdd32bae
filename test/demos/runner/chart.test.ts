import { describe, expect, it } from 'vitest'
import { createChart, type Point } from '../../../demos/runner/chart'
import type { HostTimers } from '../../../demos/runner/timers'

function setup(options: { maxPointsPerSeries?: number } = {}) {
  let now = 0
  const scheduled: { callback: () => void; at: number }[] = []
  const host: HostTimers = {
    setTimeout: (callback, ms = 0) => { scheduled.push({ callback, at: now + ms }); return scheduled.length - 1 },
    clearTimeout: (handle) => { scheduled[handle as number] = { callback: () => undefined, at: Infinity } },
    setInterval: () => { throw new Error('unused') },
    clearInterval: () => undefined,
    queueMicrotask: () => undefined,
  }
  const posts: { name: string; points: Point[]; at: number }[] = []
  const limits: string[] = []
  const chart = createChart({
    now: () => now,
    post: (name, points) => { posts.push({ name, points, at: now }) },
    onLimit: (name) => { limits.push(name) },
    host,
    ...options,
  })
  /** Advance the clock, running host timers that come due. */
  const advance = (ms: number): void => {
    const target = now + ms
    for (;;) {
      const due = scheduled.filter((t) => t.at <= target).sort((a, b) => a.at - b.at)[0]
      if (!due) break
      now = due.at
      due.at = Infinity
      due.callback()
    }
    now = target
  }
  return { chart, posts, advance, limits, scheduled }
}

describe('createChart', () => {
  it('collects points and posts them once per 50 ms, per series', () => {
    const { chart, posts, advance } = setup()
    for (let i = 0; i < 10; i++) chart.chart('a', i, i * 2)
    chart.chart('b', 7)
    expect(posts).toEqual([])
    advance(49)
    expect(posts).toEqual([])
    advance(1)
    expect(posts).toEqual([
      { name: 'a', points: Array.from({ length: 10 }, (_, i) => [i, i * 2]), at: 50 },
      { name: 'b', points: [[0, 7]], at: 50 },
    ])
  })

  it('defaults x to the time of the call', () => {
    const { chart, posts, advance } = setup()
    advance(12)
    chart.chart('t', 1)
    chart.flush()
    expect(posts[0]?.points).toEqual([[12, 1]])
  })

  it('flushes at once when the interval has passed, so a busy loop still streams', () => {
    const { chart, posts, advance, scheduled } = setup()
    advance(60) // no timer can run while the demo loops; the clock still moves
    scheduled.length = 0
    chart.chart('loop', 1)
    expect(posts.map((p) => p.points)).toEqual([[[60, 1]]])
  })

  it('flush posts what is pending and nothing when nothing is', () => {
    const { chart, posts } = setup()
    chart.flush()
    chart.chart('a', 1, 1)
    chart.flush()
    chart.flush()
    expect(posts).toHaveLength(1)
  })

  it('keeps at most the configured number of points per series and says so once', () => {
    const { chart, posts, limits } = setup({ maxPointsPerSeries: 3 })
    for (let i = 0; i < 6; i++) chart.chart('capped', i, i)
    chart.chart('other', 1, 1)
    chart.flush()
    expect(posts.find((p) => p.name === 'capped')?.points).toHaveLength(3)
    expect(limits).toEqual(['capped'])
  })

  it('rejects points that are not finite numbers', () => {
    const { chart } = setup()
    expect(() => { chart.chart('a', Number.NaN) }).toThrow(/y must be a finite number/)
    expect(() => { chart.chart('a', Infinity, 1) }).toThrow(/x must be a finite number/)
    expect(() => { chart.chart(1 as unknown as string, 1) }).toThrow(/name/)
  })
})
