import { describe, expect, it } from 'vitest'
import {
  formatDuration,
  isRunning,
  newClock,
  pause,
  reset,
  spentOn,
  start,
  switchSection,
  timerLevel,
  toggle,
  totals,
} from '../../../demos/presenter/clock'
import { plannedMinutes } from '../../../demos/course/plan'

const MIN = 60_000

describe('lesson clock', () => {
  it('counts only while running', () => {
    let c = newClock('8-1-memory-model')
    expect(isRunning(c)).toBe(false)
    c = start(c, 1000)
    expect(spentOn(c, '8-1-memory-model', 4000)).toBe(3000)
    c = pause(c, 5000)
    expect(spentOn(c, '8-1-memory-model', 99_000)).toBe(4000)
    c = toggle(c, 10_000)
    expect(spentOn(c, '8-1-memory-model', 11_000)).toBe(5000)
  })

  it('banks time per section when switching, and keeps running', () => {
    let c = start(newClock('8-0-opening'), 0)
    c = switchSection(c, '8-1-memory-model', 2 * MIN)
    expect(isRunning(c)).toBe(true)
    expect(spentOn(c, '8-0-opening', 10 * MIN)).toBe(2 * MIN)
    expect(spentOn(c, '8-1-memory-model', 10 * MIN)).toBe(8 * MIN)
    c = switchSection(c, '8-0-opening', 10 * MIN)
    expect(spentOn(c, '8-0-opening', 11 * MIN)).toBe(3 * MIN)
  })

  it('switching while paused counts nothing', () => {
    let c = newClock('8-0-opening')
    c = switchSection(c, '8-1-memory-model', 5 * MIN)
    expect(spentOn(c, '8-0-opening', 9 * MIN)).toBe(0)
    expect(isRunning(c)).toBe(false)
  })

  it('reset clears time and pauses', () => {
    const c = reset(start(newClock('8-0-opening'), 0))
    expect(isRunning(c)).toBe(false)
    expect(spentOn(c, '8-0-opening', MIN)).toBe(0)
    expect(c.slug).toBe('8-0-opening')
  })
})

describe('timer level', () => {
  it('is ok, then amber at 80 %, then red when over', () => {
    expect(timerLevel(0, 15)).toBe('ok')
    expect(timerLevel(11.9 * MIN, 15)).toBe('ok')
    expect(timerLevel(12 * MIN, 15)).toBe('amber')
    expect(timerLevel(15 * MIN, 15)).toBe('amber')
    expect(timerLevel(15 * MIN + 1, 15)).toBe('red')
    expect(timerLevel(999 * MIN, null)).toBe('ok')
  })
})

describe('plan vs actual', () => {
  it('sums the plan of the whole lesson and of each part', () => {
    const c = newClock()
    expect(totals(c, 'all', 0).plannedMinutes).toBe(plannedMinutes())
    expect(totals(c, 1, 0).plannedMinutes + totals(c, 2, 0).plannedMinutes).toBe(plannedMinutes())
    expect(totals(c, 1, 0).plannedMinutes).toBe(2 + 15 + 20 + 15 + 20)
  })

  it('adds time spent on the sections of the scope only', () => {
    let c = start(newClock('8-1-memory-model'), 0)
    c = switchSection(c, '8-5-shrink-a-list', 10 * MIN)
    c = switchSection(c, '8-9-homework', 40 * MIN)
    const now = 50 * MIN
    expect(totals(c, 1, now).spentMs).toBe(10 * MIN)
    expect(totals(c, 2, now).spentMs).toBe(30 * MIN) // homework has no plan and is not counted
    expect(totals(c, 'all', now).spentMs).toBe(40 * MIN)
    expect(totals(c, 1, now).level).toBe('ok')
  })
})

describe('formatDuration', () => {
  it('prints m:ss and h:mm:ss', () => {
    expect(formatDuration(0)).toBe('0:00')
    expect(formatDuration(61_500)).toBe('1:01')
    expect(formatDuration(3_723_000)).toBe('1:02:03')
    expect(formatDuration(-5)).toBe('0:00')
  })
})
