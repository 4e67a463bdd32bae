import { readdirSync } from 'node:fs'
import { join, relative, sep } from 'node:path'
import { distDir } from '../../../scripts/site-paths'

export interface SitePage {
  readonly locale: 'en' | 'zh'
  /** Path below the site's base, e.g. `zh/8-1-memory-model.html`, or `zh/` for a home page. */
  readonly path: string
}

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = join(dir, entry.name)
    if (entry.isDirectory()) return htmlFiles(full)
    return entry.name.endsWith('.html') ? [full] : []
  })
}

/** Every page of the built site (404.html aside), in both languages, as links a reader would follow. */
export function builtPages(): SitePage[] {
  return htmlFiles(distDir)
    .map((file) => relative(distDir, file).split(sep).join('/'))
    .filter((path) => path !== '404.html')
    .map((path) => path.replace(/(^|\/)index\.html$/, '$1'))
    .sort()
    .map((path) => ({ locale: path.startsWith('zh/') ? 'zh' : 'en', path }))
}
