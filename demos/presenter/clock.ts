import { sections, type Section } from '../course/plan'

/**
 * The lesson clock of presenter mode: time spent on each section, counted only while the timer runs.
 * Pure data and functions (no timers, no DOM): callers pass `now` in milliseconds.
 */
export interface LessonClock {
  /** Slug of the section the clock is counting for. */
  readonly slug: string | null
  /** When the current run started (ms), or null while paused. */
  readonly since: number | null
  /** Time already banked per section slug, in ms (not counting the current run). */
  readonly spent: Readonly<Record<string, number>>
}

export const newClock = (slug: string | null = null): LessonClock => ({ slug, since: null, spent: {} })

function bank(clock: LessonClock, now: number): Record<string, number> {
  const spent = { ...clock.spent }
  if (clock.since !== null && clock.slug !== null) {
    spent[clock.slug] = (spent[clock.slug] ?? 0) + Math.max(0, now - clock.since)
  }
  return spent
}

export function isRunning(clock: LessonClock): boolean {
  return clock.since !== null
}

export function start(clock: LessonClock, now: number): LessonClock {
  return clock.since !== null ? clock : { ...clock, since: now }
}

export function pause(clock: LessonClock, now: number): LessonClock {
  return clock.since === null ? clock : { ...clock, spent: bank(clock, now), since: null }
}

export function toggle(clock: LessonClock, now: number): LessonClock {
  return isRunning(clock) ? pause(clock, now) : start(clock, now)
}

/** Moves the clock to another section; a running clock keeps running there. */
export function switchSection(clock: LessonClock, slug: string | null, now: number): LessonClock {
  if (slug === clock.slug) return clock
  return { slug, spent: bank(clock, now), since: clock.since === null ? null : now }
}

/** Resets all counted time (keeps the section, pauses). */
export function reset(clock: LessonClock): LessonClock {
  return newClock(clock.slug)
}

/** Milliseconds spent on one section so far. */
export function spentOn(clock: LessonClock, slug: string, now: number): number {
  const banked = clock.spent[slug] ?? 0
  return clock.slug === slug && clock.since !== null ? banked + Math.max(0, now - clock.since) : banked
}

export type TimerLevel = 'ok' | 'amber' | 'red'

/** Share of the planned time after which the timer turns amber. */
export const AMBER_AT = 0.8

/** ok until 80 % of the plan, amber until the plan is used up, red when over. No plan: always ok. */
export function timerLevel(spentMs: number, plannedMinutes: number | null): TimerLevel {
  if (plannedMinutes === null || plannedMinutes <= 0) return 'ok'
  const planned = plannedMinutes * 60_000
  if (spentMs > planned) return 'red'
  if (spentMs >= planned * AMBER_AT) return 'amber'
  return 'ok'
}

export type Scope = 'all' | 1 | 2

export interface Totals {
  readonly plannedMinutes: number
  readonly spentMs: number
  readonly level: TimerLevel
}

/** Plan vs actual for the whole lesson or one part (homework has no plan and is not counted). */
export function totals(clock: LessonClock, scope: Scope, now: number, list: readonly Section[] = sections): Totals {
  const chosen = list.filter((s) => s.minutes !== null && (scope === 'all' || s.part === scope))
  const plannedMinutes = chosen.reduce((sum, s) => sum + (s.minutes ?? 0), 0)
  const spentMs = chosen.reduce((sum, s) => sum + spentOn(clock, s.slug, now), 0)
  return { plannedMinutes, spentMs, level: timerLevel(spentMs, plannedMinutes) }
}

/** `m:ss` (or `h:mm:ss` from one hour), for the timer display. */
export function formatDuration(ms: number): string {
  const total = Math.floor(Math.max(0, ms) / 1000)
  const h = Math.floor(total / 3600)
  const m = Math.floor((total % 3600) / 60)
  const s = total % 60
  const ss = String(s).padStart(2, '0')
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`
}
