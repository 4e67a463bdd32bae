import { describe, expect, it } from 'vitest'
import {
  LIVE_MINUTES,
  PART_MINUTES,
  nextSection,
  plannedMinutes,
  sectionForPath,
  sectionLink,
  sectionTitle,
  sections,
} from '../../../demos/course/plan'

describe('course plan', () => {
  it('keeps the original lesson timings, section by section', () => {
    expect(sections.map((s) => [s.id, s.minutes])).toEqual([
      ['8.0', 2], ['8.1', 15], ['8.2', 20], ['8.3', 15], ['8.4', 20],
      ['8.5', 30], ['8.6', 10], ['8.7', 40], ['8.8', 5], ['8.9', null],
    ])
  })

  it('fits each part into 1.5 h and the whole into 3 h', () => {
    expect(plannedMinutes()).toBe(157)
    expect(plannedMinutes(1) + plannedMinutes(2)).toBe(plannedMinutes())
    expect(plannedMinutes(1)).toBeLessThanOrEqual(PART_MINUTES)
    expect(plannedMinutes(2)).toBeLessThanOrEqual(PART_MINUTES)
    expect(plannedMinutes()).toBeLessThanOrEqual(LIVE_MINUTES)
  })

  it('has unique slugs and titles in both languages', () => {
    expect(new Set(sections.map((s) => s.slug)).size).toBe(sections.length)
    for (const s of sections) {
      expect(s.slug.startsWith(s.id.replace('.', '-'))).toBe(true)
      expect(s.title.en.length).toBeGreaterThan(0)
      expect(s.title.zh).toMatch(/[\u4e00-\u9fff]/)
    }
  })

  it('builds links and titles per locale', () => {
    const s = sections[1]!
    expect(sectionLink(s, 'en')).toBe('/8-1-memory-model')
    expect(sectionLink(s, 'zh')).toBe('/zh/8-1-memory-model')
    expect(sectionTitle(s, 'zh')).toBe('8.1 CPython 内存模型')
  })

  it('finds the section of a route under any base, locale, suffix or hash', () => {
    for (const path of [
      '/8-7-log-aggregator',
      '/8-7-log-aggregator.html',
      '/zh/8-7-log-aggregator.html#errata',
      '/lesson/zh/8-7-log-aggregator.html?x=1',
      '/lesson/8-7-log-aggregator/',
    ]) {
      expect(sectionForPath(path)?.id, path).toBe('8.7')
    }
    expect(sectionForPath('/')).toBeUndefined()
    expect(sectionForPath('/zh/')).toBeUndefined()
    expect(sectionForPath('/how-demos-work.html')).toBeUndefined()
  })

  it('walks to the next section and stops after the homework', () => {
    expect(nextSection(sections[0]!)?.id).toBe('8.1')
    expect(nextSection(sections[sections.length - 1]!)).toBeUndefined()
  })
})
