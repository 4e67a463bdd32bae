import { isClock } from '../../demos/presenter/messages'
import { clampZoom } from '../../demos/presenter/messages'
import { newClock, type LessonClock } from '../../demos/presenter/clock'
import type { Role } from '../../demos/presenter/messages'

/**
 * What presenter mode keeps in the browser: the role of this window (per tab, sessionStorage) and the
 * lesson clock and projector zoom (localStorage, so a reload in the middle of a lesson loses nothing).
 * Storage can be refused (private mode): every call then falls back to defaults.
 */
const ROLE_KEY = 'lesson8.presenter.role'
const CLOCK_KEY = 'lesson8.presenter.clock'
const ZOOM_KEY = 'lesson8.presenter.zoom'

function read(store: () => Storage, key: string): string | null {
  try {
    return store().getItem(key)
  } catch {
    return null
  }
}

function write(store: () => Storage, key: string, value: string | null): void {
  try {
    if (value === null) store().removeItem(key)
    else store().setItem(key, value)
  } catch {
    // storage refused: presenter mode still works for this page view
  }
}

export function loadRole(): Role | null {
  const v = read(() => sessionStorage, ROLE_KEY)
  return v === 'audience' || v === 'presenter' ? v : null
}

export function saveRole(role: Role | null): void {
  write(() => sessionStorage, ROLE_KEY, role)
}

export function loadClock(): LessonClock {
  try {
    const parsed: unknown = JSON.parse(read(() => localStorage, CLOCK_KEY) ?? 'null')
    return isClock(parsed) ? parsed : newClock()
  } catch {
    return newClock()
  }
}

export function saveClock(clock: LessonClock): void {
  write(() => localStorage, CLOCK_KEY, JSON.stringify(clock))
}

export function loadZoom(): number {
  const v = Number(read(() => localStorage, ZOOM_KEY) ?? '1')
  return Number.isFinite(v) ? clampZoom(v) : 1
}

export function saveZoom(zoom: number): void {
  write(() => localStorage, ZOOM_KEY, String(zoom))
}
