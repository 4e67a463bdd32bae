import type { LessonClock } from './clock'

/**
 * Messages between the audience window (the projector) and the presenter window, sent over one
 * `BroadcastChannel`. Every message is checked with `parseMessage` before it is used.
 */
export const CHANNEL_NAME = 'lesson-8-lab-presenter'

export type SyncMessage =
  /** A window joined; the other one answers with `state`. */
  | { readonly type: 'hello'; readonly from: Role }
  /** Full state, sent in answer to `hello`. */
  | { readonly type: 'state'; readonly path: string; readonly clock: LessonClock; readonly zoom: number }
  /** Go to a page (site path including base, e.g. `/lesson/8-1-memory-model.html`). */
  | { readonly type: 'navigate'; readonly path: string }
  /** Scroll position as a share of the scrollable height (0..1), so windows of any size agree. */
  | { readonly type: 'scroll'; readonly path: string; readonly ratio: number }
  /** Run a demo in the audience window (by its data-demo id). */
  | { readonly type: 'run'; readonly path: string; readonly demo: string }
  | { readonly type: 'clock'; readonly clock: LessonClock }
  | { readonly type: 'zoom'; readonly zoom: number }

export type Role = 'audience' | 'presenter'

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null
const isStr = (v: unknown): v is string => typeof v === 'string'
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v)

export function isClock(v: unknown): v is LessonClock {
  if (!isObj(v)) return false
  if (!(v.slug === null || isStr(v.slug))) return false
  if (!(v.since === null || isNum(v.since))) return false
  if (!isObj(v.spent)) return false
  return Object.values(v.spent).every(isNum)
}

/** Returns the message when it is well formed, otherwise null. */
export function parseMessage(data: unknown): SyncMessage | null {
  if (!isObj(data) || !isStr(data.type)) return null
  switch (data.type) {
    case 'hello':
      return data.from === 'audience' || data.from === 'presenter' ? { type: 'hello', from: data.from } : null
    case 'state':
      return isStr(data.path) && isClock(data.clock) && isNum(data.zoom)
        ? { type: 'state', path: data.path, clock: data.clock, zoom: clampZoom(data.zoom) }
        : null
    case 'navigate':
      return isStr(data.path) ? { type: 'navigate', path: data.path } : null
    case 'scroll':
      return isStr(data.path) && isNum(data.ratio)
        ? { type: 'scroll', path: data.path, ratio: Math.min(1, Math.max(0, data.ratio)) }
        : null
    case 'run':
      return isStr(data.path) && isStr(data.demo) && /^[\w-]+$/.test(data.demo)
        ? { type: 'run', path: data.path, demo: data.demo }
        : null
    case 'clock':
      return isClock(data.clock) ? { type: 'clock', clock: data.clock } : null
    case 'zoom':
      return isNum(data.zoom) ? { type: 'zoom', zoom: clampZoom(data.zoom) } : null
    default:
      return null
  }
}

/** Projector zoom steps: 100 % to 200 %. */
export const ZOOM_MIN = 1
export const ZOOM_MAX = 2
export const ZOOM_STEP = 0.1

export function clampZoom(z: number): number {
  return Math.round(Math.min(ZOOM_MAX, Math.max(ZOOM_MIN, z)) * 100) / 100
}

export function stepZoom(z: number, dir: 1 | -1): number {
  return clampZoom(z + dir * ZOOM_STEP)
}

/** Two paths name the same page when they differ only by `.html`, query or hash. */
export function samePage(a: string, b: string): boolean {
  const norm = (p: string) => (p.split(/[?#]/)[0] ?? '').replace(/\.html$/, '').replace(/\/index$/, '/')
  return norm(a) === norm(b)
}
