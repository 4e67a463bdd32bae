import data from './reference-runs.json'

/**
 * Memory figures of the demos as recorded in headless Chromium by `npm run record:reference`, shown
 * when the reader's browser exposes no memory figure. Each run names the browser and the date.
 */
export interface ReferenceRun {
  marks: { label: string; bytes: number }[]
}

export interface ReferenceRuns {
  browser: string
  recordedAt: string
  mode: string
  runs: Record<string, ReferenceRun>
}

export const referenceRuns: ReferenceRuns = data

export function referenceRun(demoId: string): ReferenceRun | undefined {
  return referenceRuns.runs[demoId]
}
