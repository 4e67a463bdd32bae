import { describe, expect, it } from 'vitest'
import { detectMemoryMode, formatBytes, judgeReadings } from '../../../demos/memory/mode'

const memory = { usedJSHeapSize: 12_345_678, totalJSHeapSize: 20_000_000, jsHeapSizeLimit: 4_000_000_000 }
const uasm = () => Promise.resolve({ bytes: 1 })

describe('detectMemoryMode', () => {
  it('prefers measureUserAgentSpecificMemory when cross-origin isolated', () => {
    expect(detectMemoryMode({ crossOriginIsolated: true, performance: { memory, measureUserAgentSpecificMemory: uasm } })).toBe('uasm')
  })

  it('falls back to performance.memory when not isolated', () => {
    expect(detectMemoryMode({ crossOriginIsolated: false, performance: { memory, measureUserAgentSpecificMemory: uasm } })).toBe(
      'performance-memory',
    )
  })

  it('reports none when the browser exposes neither (Firefox, Safari)', () => {
    expect(detectMemoryMode({ crossOriginIsolated: true, performance: {} })).toBe('none')
    expect(detectMemoryMode({})).toBe('none')
    expect(detectMemoryMode({ performance: { memory: { ...memory, usedJSHeapSize: 0 } } })).toBe('none')
  })
})

describe('judgeReadings', () => {
  it('accepts readings that move', () => {
    expect(judgeReadings([12_345_678, 16_001_234, 20_999_321], 8e6)).toBe('live')
  })

  it('flags readings rounded into buckets', () => {
    expect(judgeReadings([10_000_000, 10_000_000, 20_000_000], 8e6)).toBe('bucketed')
  })

  it('flags readings frozen while memory was allocated', () => {
    expect(judgeReadings([12_345_678, 12_345_678, 12_345_678], 8e6)).toBe('frozen')
  })

  it('cannot judge from one reading or without allocation', () => {
    expect(judgeReadings([12_345_678], 8e6)).toBe('unknown')
    expect(judgeReadings([12_345_678, 12_345_678], 0)).toBe('unknown')
  })
})

describe('formatBytes', () => {
  it('uses decimal units', () => {
    expect(formatBytes(12)).toBe('12 B')
    expect(formatBytes(820_400)).toBe('820 KB')
    expect(formatBytes(52_400_000)).toBe('52.4 MB')
    expect(formatBytes(1_100_000_000)).toBe('1.10 GB')
    expect(formatBytes(-3_000_000)).toBe('−3.0 MB')
  })
})
