/**
 * The timer functions a demo sees. They call the host's real timers but keep count of what is
 * pending, so the runtime knows when a run is over: a timeout until it fires or is cleared, an
 * interval until it is cleared, a microtask until it runs. Errors thrown by a callback go to
 * `onError` instead of the host. `stop()` clears everything and mutes callbacks still queued.
 */

type Callback = (...args: unknown[]) => unknown

/** The host's own timers, captured when this module loads (before any demo can replace them). */
export interface HostTimers {
  setTimeout(callback: () => void, ms?: number): unknown
  clearTimeout(handle: unknown): void
  setInterval(callback: () => void, ms?: number): unknown
  clearInterval(handle: unknown): void
  queueMicrotask(callback: () => void): void
}

type HostHandle = Parameters<typeof globalThis.clearTimeout>[0]

const g = globalThis
export const hostTimers: HostTimers = {
  setTimeout: g.setTimeout.bind(g) as HostTimers['setTimeout'],
  clearTimeout: (handle) => { g.clearTimeout(handle as HostHandle) },
  setInterval: g.setInterval.bind(g) as HostTimers['setInterval'],
  clearInterval: (handle) => { g.clearInterval(handle as HostHandle) },
  queueMicrotask: g.queueMicrotask.bind(g),
}

/** What the demo calls; handles are the host's own, so they can be compared and cleared. */
export interface DemoTimers {
  setTimeout(callback: Callback, ms?: number, ...args: unknown[]): unknown
  setInterval(callback: Callback, ms?: number, ...args: unknown[]): unknown
  clearTimeout(handle: unknown): void
  clearInterval(handle: unknown): void
  queueMicrotask(callback: () => void): void
}

export interface TimerTracker {
  readonly timers: DemoTimers
  /** Timeouts and intervals not yet fired or cleared, plus microtasks not yet run. */
  pending(): number
  /** Clear every timer and ignore callbacks that are already queued. */
  stop(): void
}

export interface TrackerHooks {
  /** A callback threw. */
  onError(error: unknown): void
  /** A callback ran or a timer was cleared: the pending count may have reached zero. */
  onChange(): void
}

function requireFunction(name: string, callback: unknown): asserts callback is Callback {
  if (typeof callback !== 'function') throw new TypeError(`${name}: the callback must be a function`)
}

export function createTimerTracker(hooks: TrackerHooks, host: HostTimers = hostTimers): TimerTracker {
  const active = new Map<unknown, 'timeout' | 'interval'>()
  let microtasks = 0
  let stopped = false

  const invoke = (callback: Callback, args: readonly unknown[]): void => {
    if (stopped) return
    try {
      callback(...args)
    } catch (error) {
      hooks.onError(error)
    }
    if (!stopped) hooks.onChange()
  }

  const clear = (handle: unknown): void => {
    const kind = active.get(handle)
    if (kind === undefined) return
    active.delete(handle)
    if (kind === 'timeout') host.clearTimeout(handle)
    else host.clearInterval(handle)
    if (!stopped) hooks.onChange()
  }

  const timers: DemoTimers = {
    setTimeout(callback, ms, ...args) {
      requireFunction('setTimeout', callback)
      const handle = host.setTimeout(() => {
        active.delete(handle)
        invoke(callback, args)
      }, ms)
      active.set(handle, 'timeout')
      return handle
    },
    setInterval(callback, ms, ...args) {
      requireFunction('setInterval', callback)
      const handle = host.setInterval(() => { invoke(callback, args) }, ms)
      active.set(handle, 'interval')
      return handle
    },
    clearTimeout: clear,
    clearInterval: clear,
    queueMicrotask(callback) {
      requireFunction('queueMicrotask', callback)
      microtasks++
      host.queueMicrotask(() => {
        microtasks--
        invoke(callback, [])
      })
    },
  }

  return {
    timers,
    pending: () => active.size + microtasks,
    stop() {
      stopped = true
      for (const [handle, kind] of active) {
        if (kind === 'timeout') host.clearTimeout(handle)
        else host.clearInterval(handle)
      }
      active.clear()
    },
  }
}
