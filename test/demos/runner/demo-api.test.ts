import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { describe, expect, it, vi } from 'vitest'
import { createDemoApi, type DemoApiHost } from '../../../demos/runner/demo-api'
import type { WorkerMessage } from '../../../demos/runner/protocol'
import type { DemoTimers } from '../../../demos/runner/timers'

// Node only, no browser: gc() makes the exact outcome assertable (a kept value survives a full
// collection, a released one is gone); nothing a student waits for or sees depends on it.
setFlagsFromString('--expose-gc')
const collectGarbage = runInNewContext('gc') as () => void
const nextTask = (): Promise<void> => new Promise((resolve) => { setTimeout(resolve, 0) })

function setup(overrides: Partial<DemoApiHost> = {}) {
  const sent: WorkerMessage[] = []
  const timers: DemoTimers = {
    setTimeout: vi.fn((callback: () => void) => { setTimeout(callback, 0); return 1 }),
    setInterval: vi.fn(), clearTimeout: vi.fn(), clearInterval: vi.fn(), queueMicrotask: vi.fn(),
  }
  const tracked: Promise<unknown>[] = []
  const host: DemoApiHost = {
    id: 3,
    timeLimitMs: 10_000,
    markResults: false,
    send: (m) => { sent.push(m) },
    since: () => 12,
    timers,
    track: (work) => {
      tracked.push(work)
      return work
    },
    ...overrides,
  }
  const api = createDemoApi(host)
  const b = api.bindings as {
    mark(label: string): Promise<number | null>
    keep(value: unknown): void
    release(): void
    sleep(ms: number): Promise<void>
    bench(tasks: unknown, options?: object): Promise<unknown>
    chart(name: string, y: number): void
  }
  return { api, b, sent, timers, tracked }
}

describe('createDemoApi', () => {
  it('offers the demo API and the tracked timers under their names', () => {
    const { api, timers } = setup()
    expect(Object.keys(api.bindings).sort()).toEqual([
      'bench', 'chart', 'clearInterval', 'clearTimeout', 'console', 'keep', 'mark', 'queueMicrotask', 'release', 'setInterval', 'setTimeout', 'sleep',
    ])
    expect(api.bindings['setTimeout']).toBe(timers.setTimeout)
  })

  it('posts a mark with the run time and resolves it to null when figures are not passed back', async () => {
    const { b, sent } = setup()
    expect(await b.mark('here')).toBeNull()
    expect(sent).toEqual([{ type: 'mark', id: 3, label: 'here', t: 12 }])
  })

  it('resolves waiting marks in order per label when figures come back', async () => {
    const { api, b } = setup({ markResults: true })
    const first = b.mark('a')
    const second = b.mark('a')
    expect(api.markResult('b', 1)).toBe(false)
    expect(api.markResult('a', 10)).toBe(true)
    expect(api.markResult('a', null)).toBe(true)
    expect(await Promise.all([first, second])).toEqual([10, null])
    api.dispose()
    expect(await b.mark('after the run')).toBeNull()
  })

  it('sleeps on the tracked timers and hands benches to the run to wait for', async () => {
    const { b, timers, tracked, sent } = setup()
    await b.sleep(5)
    expect(timers.setTimeout).toHaveBeenCalledWith(expect.any(Function), 5)
    await b.bench({ one: () => 1 }, { time: 1, warmupTime: 0, iterations: 2 })
    expect(tracked).toHaveLength(1)
    expect(sent.map((m) => m.type)).toEqual(['bench'])
  })

  it('posts pending chart points on flush', () => {
    const { api, b, sent } = setup()
    b.chart('c', 4)
    expect(sent).toEqual([])
    api.flush()
    expect(sent).toEqual([{ type: 'series', id: 3, name: 'c', points: [[12, 4]] }])
  })

  it('keeps a value alive until release() lets the collector take it', async () => {
    const { b } = setup()
    let ref: WeakRef<object> | undefined
    ;(() => {
      const block = { payload: new Array<number>(10_000).fill(1) }
      ref = new WeakRef(block)
      b.keep(block)
    })()
    await nextTask()
    collectGarbage()
    expect(ref?.deref()).toBeDefined()
    b.release()
    await nextTask()
    collectGarbage()
    expect(ref?.deref()).toBeUndefined()
  })

  it('lets go of kept values when the run is disposed', async () => {
    const { api, b } = setup()
    let ref: WeakRef<object> | undefined
    ;(() => {
      const block = { payload: [1, 2, 3] }
      ref = new WeakRef(block)
      b.keep(block)
    })()
    api.dispose()
    await nextTask()
    collectGarbage()
    expect(ref?.deref()).toBeUndefined()
  })
})
