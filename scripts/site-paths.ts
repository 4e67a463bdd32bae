import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

/** Where `vitepress build` writes the site: .vitepress/dist, or the OUT_DIR environment variable. */
export const distDir = process.env.OUT_DIR
  ? resolve(process.env.OUT_DIR) + '/'
  : fileURLToPath(new URL('../.vitepress/dist/', import.meta.url))

/** The base path the site is built for, from the BASE environment variable (default `/`). */
export function siteBase(raw: string | undefined = process.env.BASE): string {
  if (!raw || raw === '/') return '/'
  return `/${raw.replace(/^\/+|\/+$/g, '')}/`
}
