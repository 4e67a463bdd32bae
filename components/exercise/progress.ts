import type { CheckReport } from '../../demos/exercises/types'

/**
 * Exercise progress in localStorage (it survives reloads; nothing leaves the browser). One record per
 * exercise; a window event tells the sidebar badge and the homework download to re-read.
 */
export interface ExerciseRecord {
  status: 'passed' | 'failed'
  checks: CheckReport[]
  /** Figures the checks measured (e.g. linesPerSecond), merged over checks. */
  figures: Record<string, number>
  attempts: number
  at: string
}

const PREFIX = 'lesson8:exercise:'
const PNG_PREFIX = 'lesson8:png:'
export const PROGRESS_EVENT = 'lesson8:progress'

export function readRecord(id: string): ExerciseRecord | null {
  try {
    const raw = localStorage.getItem(PREFIX + id)
    return raw ? (JSON.parse(raw) as ExerciseRecord) : null
  } catch {
    return null
  }
}

export function saveRecord(id: string, checks: CheckReport[], passed: boolean): ExerciseRecord {
  const before = readRecord(id)
  const figures: Record<string, number> = {}
  for (const c of checks) Object.assign(figures, c.figures)
  const record: ExerciseRecord = {
    // once passed, stays passed (a later experiment must not lose the homework)
    status: passed || before?.status === 'passed' ? 'passed' : 'failed',
    checks,
    figures,
    attempts: (before?.attempts ?? 0) + 1,
    at: new Date().toISOString(),
  }
  try {
    localStorage.setItem(PREFIX + id, JSON.stringify(record))
  } catch {
    // storage refused (private mode): progress lives until the page is left
  }
  dispatchEvent(new Event(PROGRESS_EVENT))
  return record
}

/** An exported PNG kept for the homework zip, as a data: URL. */
export function savePng(name: string, dataUrl: string): void {
  try {
    localStorage.setItem(PNG_PREFIX + name, dataUrl)
  } catch {
    // too big or refused: the PNG was still downloaded
  }
  dispatchEvent(new Event(PROGRESS_EVENT))
}

export function readPngs(): { name: string; dataUrl: string }[] {
  const out: { name: string; dataUrl: string }[] = []
  try {
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i)
      if (key?.startsWith(PNG_PREFIX)) out.push({ name: key.slice(PNG_PREFIX.length), dataUrl: localStorage.getItem(key) ?? '' })
    }
  } catch {
    // no storage: no PNGs
  }
  return out.sort((a, b) => a.name.localeCompare(b.name))
}
