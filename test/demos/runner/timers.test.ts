import { describe, expect, it, vi } from 'vitest'
import { createTimerTracker, type HostTimers } from '../../../demos/runner/timers'

/** A host whose timers run only when the test says so. */
function fakeHost() {
  let next = 1
  const queued = new Map<number, { callback: () => void; repeat: boolean }>()
  const microtasks: (() => void)[] = []
  const host: HostTimers = {
    setTimeout: (callback) => { queued.set(next, { callback, repeat: false }); return next++ },
    setInterval: (callback) => { queued.set(next, { callback, repeat: true }); return next++ },
    clearTimeout: (handle) => { queued.delete(handle as number) },
    clearInterval: (handle) => { queued.delete(handle as number) },
    queueMicrotask: (callback) => { microtasks.push(callback) },
  }
  const fire = (handle: unknown): void => {
    const timer = queued.get(handle as number)
    if (!timer) return
    if (!timer.repeat) queued.delete(handle as number)
    timer.callback()
  }
  const drainMicrotasks = (): void => { for (const task of microtasks.splice(0)) task() }
  return { host, fire, drainMicrotasks, queued }
}

function setup() {
  const fake = fakeHost()
  const hooks = { onError: vi.fn(), onChange: vi.fn() }
  const tracker = createTimerTracker(hooks, fake.host)
  return { ...fake, hooks, tracker, timers: tracker.timers }
}

describe('createTimerTracker', () => {
  it('counts a timeout as pending until it fires, passing its arguments', () => {
    const { timers, tracker, fire, hooks } = setup()
    const seen: unknown[] = []
    const handle = timers.setTimeout((...args) => { seen.push(...args) }, 10, 'a', 2)
    expect(tracker.pending()).toBe(1)
    fire(handle)
    expect(seen).toEqual(['a', 2])
    expect(tracker.pending()).toBe(0)
    expect(hooks.onChange).toHaveBeenCalledTimes(1)
  })

  it('counts an interval until it is cleared, however often it fires', () => {
    const { timers, tracker, fire, queued } = setup()
    let ticks = 0
    const handle = timers.setInterval(() => { ticks++ }, 5)
    fire(handle)
    fire(handle)
    expect([ticks, tracker.pending()]).toEqual([2, 1])
    timers.clearInterval(handle)
    expect([tracker.pending(), queued.size]).toEqual([0, 0])
  })

  it('counts a microtask until it has run', () => {
    const { timers, tracker, drainMicrotasks } = setup()
    const ran = vi.fn()
    timers.queueMicrotask(ran)
    expect(tracker.pending()).toBe(1)
    drainMicrotasks()
    expect(ran).toHaveBeenCalledOnce()
    expect(tracker.pending()).toBe(0)
  })

  it('hands errors thrown by callbacks to onError instead of the host', () => {
    const { timers, fire, hooks, drainMicrotasks } = setup()
    const boom = new Error('boom')
    fire(timers.setTimeout(() => { throw boom }))
    timers.queueMicrotask(() => { throw 'micro' })
    drainMicrotasks()
    expect(hooks.onError.mock.calls).toEqual([[boom], ['micro']])
  })

  it('ignores clearing a handle it does not know', () => {
    const { timers, hooks } = setup()
    timers.clearTimeout(12345)
    timers.clearTimeout(undefined)
    expect(hooks.onChange).not.toHaveBeenCalled()
  })

  it('refuses a callback that is not a function (no string eval)', () => {
    const { timers } = setup()
    expect(() => timers.setTimeout('alert(1)' as never, 1)).toThrow(TypeError)
  })

  it('stop clears every timer and mutes callbacks already queued', () => {
    const { timers, tracker, queued, drainMicrotasks } = setup()
    const ran = vi.fn()
    timers.setTimeout(ran, 1)
    timers.setInterval(ran, 1)
    timers.queueMicrotask(ran)
    tracker.stop()
    drainMicrotasks()
    expect(queued.size).toBe(0)
    expect(ran).not.toHaveBeenCalled()
  })
})
