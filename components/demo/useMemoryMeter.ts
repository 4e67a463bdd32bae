import { ref, type Ref } from 'vue'
import {
  detectMemoryMode,
  detectPageMemoryMode,
  judgeReadings,
  PERFORMANCE_MEMORY_CACHE_MS,
  UASM_WAIT_MS,
  type MemoryApis,
  type MemoryMode,
  type ReadingQuality,
} from '../../demos/memory/mode'

/**
 * The page's one memory meter. It decides once what the browser offers (see demos/memory/mode.ts)
 * and offers two routes:
 *  - the page route (`mode`, `measure`, `readNow`): performance.memory, the JS heap of the page's own
 *    thread right now, garbage included; answers at once (Chromium caches it ~50 ms). Memory demos
 *    and exercises run on the page's thread so that this route sees them;
 *  - the worker route (`workerMode`, `measureAfterGc`): measureUserAgentSpecificMemory, bytes the
 *    page and its workers retain after a garbage collection; needs cross-origin isolation and, in a
 *    stock Chromium, arrives at the browser's next scheduled collection (median 10 s measured).
 * Neither keeps a "latest figure": a figure belongs to the run that took it (the caller keeps it).
 */
export interface MemoryMeter {
  /** What the page route gives: performance-memory (Chromium) or none. */
  mode: Ref<Exclude<MemoryMode, 'uasm'>>
  /** What the worker route gives: uasm when isolated, else what the page route gives. */
  workerMode: Ref<MemoryMode>
  /** True while an after-GC reading is awaited. */
  pending: Ref<boolean>
  quality: Ref<ReadingQuality>
  /** A fresh page-route reading (waits past the ~50 ms cache). Null when no figure can be had. */
  measure(): Promise<number | null>
  /** The page-route reading now (possibly up to 50 ms old), or null. */
  readNow(): number | null
  /** An after-GC reading of the page and its workers; null without isolation or after UASM_WAIT_MS. */
  measureAfterGc(): Promise<number | null>
  /**
   * Reports figures until stopped: every `intervalMs` from the page route, or (workers: true) each
   * after-GC reading as it arrives.
   */
  sample(onSample: (bytes: number) => void, options?: { workers?: boolean; intervalMs?: number }): () => void
  /** The JS heap limit the browser reports (performance.memory only), for refusing oversized demos. */
  heapLimit(): number | null
}

let meter: MemoryMeter | undefined

function apis(): MemoryApis {
  return globalThis as unknown as MemoryApis
}

const wait = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

function createMeter(): MemoryMeter {
  const mode = ref(detectPageMemoryMode(apis()))
  const workerMode = ref<MemoryMode>(detectMemoryMode(apis()))
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
    while (performance.now() - started < PERFORMANCE_MEMORY_CACHE_MS) {
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
    if (quality.value === 'bucketed' || quality.value === 'frozen') return null
    return used
  }

  async function measure(): Promise<number | null> {
    if (mode.value !== 'performance-memory') return null
    await wait(PERFORMANCE_MEMORY_CACHE_MS)
    return readNow()
  }

  async function uasm(): Promise<number | null> {
    const fn = apis().performance?.measureUserAgentSpecificMemory
    if (!fn) return null
    pending.value = true
    let timer: ReturnType<typeof setTimeout> | undefined
    try {
      const answer = fn.call(apis().performance).then((result) => result.bytes)
      const giveUp = new Promise<null>((resolve) => {
        timer = setTimeout(() => resolve(null), UASM_WAIT_MS)
      })
      return await Promise.race([answer, giveUp])
    } catch {
      // A measurement can fail when the page is not isolated after all (e.g. navigation): fall back.
      workerMode.value = mode.value
      return readNow()
    } finally {
      clearTimeout(timer)
      pending.value = false
    }
  }

  function measureAfterGc(): Promise<number | null> {
    if (workerMode.value !== 'uasm') return Promise.resolve(readNow())
    inFlight ??= uasm().finally(() => {
      inFlight = undefined
    })
    return inFlight
  }

  function sample(onSample: (value: number) => void, options: { workers?: boolean; intervalMs?: number } = {}): () => void {
    const intervalMs = options.intervalMs ?? 100
    if (options.workers === true && workerMode.value === 'uasm') {
      let stopped = false
      void (async () => {
        while (!stopped) {
          const value = await measureAfterGc()
          if (stopped) break
          if (value !== null) onSample(value)
          await wait(intervalMs)
        }
      })()
      return () => {
        stopped = true
      }
    }
    if (mode.value !== 'performance-memory') return () => undefined
    const timer = setInterval(() => {
      const value = readNow()
      if (value !== null) onSample(value)
    }, intervalMs)
    return () => clearInterval(timer)
  }

  function heapLimit(): number | null {
    return apis().performance?.memory?.jsHeapSizeLimit ?? null
  }

  return { mode, workerMode, pending, quality, measure, readNow, measureAfterGc, sample, heapLimit }
}

/** The page's memory meter; call from setup/onMounted in the browser only. */
export function useMemoryMeter(): MemoryMeter {
  meter ??= createMeter()
  return meter
}
