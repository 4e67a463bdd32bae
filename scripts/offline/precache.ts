import { createHash } from 'node:crypto'

/**
 * The precache list of the service worker: every file of the built site, as paths relative to the
 * service worker's scope (the site base), and a version that changes whenever any file changes.
 */
export interface BuiltFile {
  /** Path relative to the dist folder, with forward slashes, e.g. `assets/ts.worker-x.js`. */
  readonly path: string
  readonly content: Uint8Array
}

/** Files that are not part of the site a reader needs: the worker itself and the zip. */
export function isPrecached(path: string): boolean {
  return path !== 'sw.js' && !path.endsWith('.zip') && !path.endsWith('.map')
}

export interface Precache {
  readonly paths: string[]
  readonly version: string
  readonly bytes: number
}

export function precacheOf(files: readonly BuiltFile[]): Precache {
  const chosen = files.filter((f) => isPrecached(f.path)).sort((a, b) => a.path.localeCompare(b.path))
  const hash = createHash('sha256')
  for (const f of chosen) hash.update(f.path).update('\0').update(createHash('sha256').update(f.content).digest())
  return {
    paths: chosen.map((f) => f.path),
    version: hash.digest('hex').slice(0, 16),
    bytes: chosen.reduce((sum, f) => sum + f.content.byteLength, 0),
  }
}

/** Fills the service worker template with the precache list and version. */
export function renderServiceWorker(template: string, precache: Precache): string {
  const header = `self.__PRECACHE__ = ${JSON.stringify(precache.paths)};\nself.__VERSION__ = ${JSON.stringify(precache.version)};\n`
  return header + template
}

/** The web app manifest that makes the site installable. */
export function webManifest(base: string): string {
  return JSON.stringify(
    {
      name: 'Lesson 8 Lab',
      short_name: 'Lesson 8',
      description: 'Memory models and performance tuning, with demos that run in your browser. Works offline after the first visit.',
      start_url: base,
      scope: base,
      display: 'standalone',
      background_color: '#ffffff',
      theme_color: '#3451b2',
      icons: [{ src: `${base}favicon.svg`, sizes: 'any', type: 'image/svg+xml', purpose: 'any' }],
    },
    null,
    2,
  )
}
