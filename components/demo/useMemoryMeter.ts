import { ref, type Ref } from 'vue'
import { detectMemoryMode, judgeReadings, type MemoryApis, type MemoryMode, type ReadingQuality } from '../../demos/memory/mode'

/**
 * The page's one memory meter. It decides once what the browser offers (see demos/memory/mode.ts)
 * and measures in that mode:
 *  - uasm: performance.measureUserAgentSpecificMemory(), retained bytes of the page and its workers,
 *    measured after a garbage collection; asynchronous (can take seconds), so it has a pending state;
 *  - performance-memory: the page's JS heap right now, garbage included; approximate; Chromium only;
 *    the page's main thread only (a worker's heap is invisible to it);
 *  - none: no figure at all.
 */
export interface MemoryMeter {
  mode: Ref<MemoryMode>
  /** Latest figure in bytes, or null when there is none (mode none, bucketed readings, not measured yet). */
  bytes: Ref<number | null>
  pending: Ref<boolean>
  quality: Ref<ReadingQuality>
  /** Measures now (uasm: waits for the measurement). Resolves to null when no figure can be had. */
  measure(): Promise<number | null>
  /** Reads `performance.memory` synchronously (null in other modes). */
  readNow(): number | null
  /** Reports a figure every `intervalMs` (performance-memory) or after each measurement (uasm) until stopped. */
  sample(onSample: (bytes: number) => void, intervalMs?: number): () => void
  /** The JS heap limit the browser reports (performance.memory only), for refusing oversized demos. */
  heapLimit(): number | null
}

let meter: MemoryMeter | undefined

function apis(): MemoryApis {
  return globalThis as unknown as MemoryApis
}

function createMeter(): MemoryMeter {
  const mode = ref<MemoryMode>(detectMemoryMode(apis()))
  const bytes = ref<number | null>(null)
  const pending = ref(false)
  const quality = ref<ReadingQuality>('unknown')
  const readings: number[] = []
  let inFlight: Promise<number | null> | undefined

  let probed = false

  function rawReading(): number | undefined {
    return apis().performance?.memory?.usedJSHeapSize
  }

  /**
   * Checks once that performance.memory really moves: allocates about 8 MB of small objects, waits
   * past Chromium's cache interval and compares. Bucketed or frozen figures are then never shown.
   */
  function probe(): void {
    probed = true
    const before = rawReading()
    const ballast = Array.from({ length: 300_000 }, (_, i) => ({ i }))
    const started = performance.now()
    while (performance.now() - started < 60) {
      // Chromium caches the reading for about 50 ms
    }
    const after = rawReading()
    if (ballast.length === 0) return // (keeps the ballast alive until after the second reading)
    if (before !== undefined && after !== undefined) {
      quality.value = judgeReadings([before, after], 8 * 1024 * 1024)
      if (quality.value === 'unknown' || quality.value === 'live') readings.push(before, after)
    }
  }

  function readNow(): number | null {
    if (mode.value !== 'performance-memory') return null
    if (!probed) probe()
    const used = rawReading()
    if (used === undefined) return null
    if (quality.value !== 'frozen') {
      readings.push(used)
      if (readings.length > 50) readings.shift()
      const judged = judgeReadings(readings, 0)
      quality.value = judged === 'bucketed' ? 'bucketed' : 'live'
    }
    if (quality.value === 'bucketed' || quality.value === 'frozen') {
      bytes.value = null
      return null
    }
    bytes.value = used
    return used
  }

  async function measureUasm(): Promise<number | null> {
    const fn = apis().performance?.measureUserAgentSpecificMemory
    if (!fn) return null
    pending.value = true
    try {
      const result = await fn.call(apis().performance)
      bytes.value = result.bytes
      quality.value = 'live'
      return result.bytes
    } catch {
      // A measurement can fail when the page is not isolated after all (e.g. navigation); fall back.
      mode.value = detectMemoryMode({ ...apis(), crossOriginIsolated: false })
      return readNow()
    } finally {
      pending.value = false
    }
  }

  function measure(): Promise<number | null> {
    if (mode.value === 'uasm') {
      inFlight ??= measureUasm().finally(() => {
        inFlight = undefined
      })
      return inFlight
    }
    // Chromium caches performance.memory for about 50 ms: wait past that so the reading is fresh.
    return new Promise((resolve) => setTimeout(() => resolve(readNow()), 60))
  }

  function sample(onSample: (value: number) => void, intervalMs = 100): () => void {
    let stopped = false
    if (mode.value === 'performance-memory') {
      const timer = setInterval(() => {
        const value = readNow()
        if (value !== null) onSample(value)
      }, intervalMs)
      return () => clearInterval(timer)
    }
    if (mode.value === 'uasm') {
      void (async () => {
        while (!stopped) {
          const value = await measure()
          if (stopped) break
          if (value !== null) onSample(value)
          await new Promise((r) => setTimeout(r, intervalMs))
        }
      })()
    }
    return () => {
      stopped = true
    }
  }

  function heapLimit(): number | null {
    return apis().performance?.memory?.jsHeapSizeLimit ?? null
  }

  return { mode, bytes, pending, quality, measure, readNow, sample, heapLimit }
}

/** The page's memory meter; call from setup/onMounted in the browser only. */
export function useMemoryMeter(): MemoryMeter {
  meter ??= createMeter()
  return meter
}
