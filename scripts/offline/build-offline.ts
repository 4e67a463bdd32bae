import { readdir, readFile, writeFile, mkdir } from 'node:fs/promises'
import { join, relative, sep } from 'node:path'
import { zipSync } from 'fflate'
import { precacheOf, renderServiceWorker, webManifest, type BuiltFile } from './precache'

/**
 * Runs after `vitepress build`: writes the web app manifest and the service worker (with its
 * precache list) into the built site, then a zip of the whole site.
 */
async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true })
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name))
}

async function readSite(dist: string): Promise<BuiltFile[]> {
  const files = await listFiles(dist)
  return Promise.all(
    files.map(async (file) => ({ path: relative(dist, file).split(sep).join('/'), content: await readFile(file) })),
  )
}

export interface OfflineBuild {
  readonly version: string
  readonly files: number
  readonly precacheBytes: number
}

/** Writes manifest.webmanifest and sw.js into `dist` for a site built with `base`. */
export async function writeOffline(dist: string, base: string): Promise<OfflineBuild> {
  await writeFile(join(dist, 'manifest.webmanifest'), webManifest(base))
  const precache = precacheOf(await readSite(dist))
  const template = await readFile(new URL('./service-worker.js', import.meta.url), 'utf8')
  await writeFile(join(dist, 'sw.js'), renderServiceWorker(template, precache))
  return { version: precache.version, files: precache.paths.length, precacheBytes: precache.bytes }
}

/** Zips the site (with its service worker) into `zipFile`; returns the zip's size in bytes. */
export async function writeZip(dist: string, zipFile: string, folder = 'lesson-8-lab'): Promise<number> {
  const files = await readSite(dist)
  const tree: Record<string, Uint8Array> = {}
  for (const f of files) if (!f.path.endsWith('.zip')) tree[`${folder}/${f.path}`] = f.content
  const zip = zipSync(tree, { level: 9 })
  await mkdir(join(zipFile, '..'), { recursive: true })
  await writeFile(zipFile, zip)
  return zip.byteLength
}
