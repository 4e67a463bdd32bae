/**
 * What a browser can tell us about memory, decided from the APIs it exposes. Pure: the caller passes
 * the globals in, so the logic is tested in Node.
 */
export type MemoryMode = 'uasm' | 'performance-memory' | 'none'

export interface PerformanceMemoryLike {
  usedJSHeapSize: number
  totalJSHeapSize: number
  jsHeapSizeLimit: number
}

export interface UasmResult {
  bytes: number
  breakdown?: { bytes: number; types?: string[]; attribution?: { scope?: string; url?: string }[] }[]
}

export interface MemoryApis {
  crossOriginIsolated?: boolean
  performance?: {
    memory?: PerformanceMemoryLike
    measureUserAgentSpecificMemory?: () => Promise<UasmResult>
  }
}

/**
 * The best mode for work that runs in **workers** (the 8.7 log lab): only
 * measureUserAgentSpecificMemory sees a worker's heap, and it needs cross-origin isolation;
 * performance.memory (Chromium) sees the page's heap only. In a stock Chromium the after-GC reading
 * arrives at the browser's next scheduled collection: 0.6–19 s later, a median of 10 s, in
 * `npm run bench:meter` (see UASM_WAIT_MS).
 */
export function detectMemoryMode(apis: MemoryApis): MemoryMode {
  const perf = apis.performance
  if (apis.crossOriginIsolated === true && typeof perf?.measureUserAgentSpecificMemory === 'function') return 'uasm'
  return detectPageMemoryMode(apis)
}

/**
 * The mode for **memory demos and exercises**: they run on the page's thread (guarded, see
 * loop-guard.ts) and read performance.memory, which answers at once. Measured in stock Chromium 156
 * (no flags): measureUserAgentSpecificMemory took a median of 10 s per reading on a quiet page, and
 * neither garbage made until it answered nor 64 MB allocated and dropped made it answer sooner, so it cannot serve a demo with
 * several marks. Firefox and Safari expose neither API.
 */
export function detectPageMemoryMode(apis: MemoryApis): Exclude<MemoryMode, 'uasm'> {
  const mem = apis.performance?.memory
  if (mem && typeof mem.usedJSHeapSize === 'number' && mem.usedJSHeapSize > 0) return 'performance-memory'
  return 'none'
}

/** How long the meter waits for one measureUserAgentSpecificMemory answer before it gives the reading up. */
export const UASM_WAIT_MS = 30_000
/** Chromium caches performance.memory for about 50 ms: a reading waits this long to be fresh. */
export const PERFORMANCE_MEMORY_CACHE_MS = 60

export type ReadingQuality = 'live' | 'bucketed' | 'frozen' | 'unknown'

/**
 * Judges `performance.memory` readings taken while the page allocated at least `allocatedBytes`
 * between the first and the last reading. Chromium on Android (and older desktop builds without
 * precise memory info) rounds the figures into buckets and caches them for minutes: such figures
 * must not be shown as measurements.
 *
 * - frozen: the reading never changed although several megabytes were allocated;
 * - bucketed: every reading is a multiple of 100,000 bytes (precise readings almost never are);
 * - live: readings move and are not rounded.
 */
export function judgeReadings(readings: readonly number[], allocatedBytes: number): ReadingQuality {
  if (readings.length < 2) return 'unknown'
  const allRounded = readings.every((r) => r % 100_000 === 0)
  const unchanged = readings.every((r) => r === readings[0])
  if (unchanged && allocatedBytes >= 4 * 1024 * 1024) return 'frozen'
  if (allRounded && readings.length >= 3) return 'bucketed'
  if (unchanged) return 'unknown'
  return 'live'
}

/** Formats a byte count for people: 1.5 MB, 820 KB, 12 B (decimal units, as the lesson's tables use). */
export function formatBytes(bytes: number): string {
  const sign = bytes < 0 ? '−' : ''
  const abs = Math.abs(bytes)
  if (abs >= 1e9) return `${sign}${(abs / 1e9).toFixed(2)} GB`
  if (abs >= 1e6) return `${sign}${(abs / 1e6).toFixed(1)} MB`
  if (abs >= 1e3) return `${sign}${(abs / 1e3).toFixed(0)} KB`
  return `${sign}${abs} B`
}
