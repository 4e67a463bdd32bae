import { describe, expect, it } from 'vitest'
import { peakRss } from '../../../scripts/logs/peak-rss'

describe('peakRss', () => {
  it('is at least the current resident set', () => {
    expect(peakRss()).toBeGreaterThanOrEqual(process.memoryUsage().rss * 0.9)
  })
})
