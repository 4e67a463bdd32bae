import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { writeOffline, writeZip } from './offline/build-offline'
import { distDir, siteBase } from './site-paths'

/** `npm run build` step 2: service worker + manifest into the built site, then dist-zip/lesson-8-lab.zip (lesson-8-lab-lesson.zip for BASE=/lesson/). */
const dist = process.env.OUT_DIR ?? distDir
const base = siteBase()
const offline = await writeOffline(dist, base)
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`
console.log(`service worker: ${offline.files} files precached (${mb(offline.precacheBytes)}), version ${offline.version}`)
const zipName = base === '/' ? 'lesson-8-lab.zip' : `lesson-8-lab${base.replace(/\/+$/, '').replace(/\//g, '-')}.zip`
const zipFile = process.env.ZIP_FILE ?? fileURLToPath(new URL(`../dist-zip/${zipName}`, import.meta.url))
const size = await writeZip(dist, zipFile)
console.log(`zip: ${join(zipFile)} (${mb(size)})`)
