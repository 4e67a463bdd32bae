import { strToU8, zipSync } from 'fflate'
import type { ExerciseRecord } from './progress'

/**
 * The homework bundle: results.json (every exercise's checks and figures, the browser, the date) and
 * the exported PNGs, zipped with fflate. Browser-only (called on click).
 */
export interface HomeworkResults {
  site: string
  generatedAt: string
  browser: { userAgent: string; language: string; hardwareConcurrency: number | null }
  exercises: ({ id: string; section: string } & (ExerciseRecord | { status: 'untried' }))[]
  pngs: string[]
}

export function dataUrlBytes(dataUrl: string): Uint8Array {
  const base64 = dataUrl.slice(dataUrl.indexOf(',') + 1)
  const binary = atob(base64)
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  return bytes
}

export function buildHomeworkZip(results: HomeworkResults, pngs: { name: string; dataUrl: string }[]): Uint8Array {
  const files: Record<string, Uint8Array> = { 'results.json': strToU8(JSON.stringify(results, null, 2)) }
  for (const png of pngs) files[`png/${png.name}`] = dataUrlBytes(png.dataUrl)
  return zipSync(files, { level: 6 })
}
