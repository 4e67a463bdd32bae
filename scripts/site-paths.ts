import { fileURLToPath } from 'node:url'

/** Where `vitepress build` writes the site. */
export const distDir = fileURLToPath(new URL('../.vitepress/dist/', import.meta.url))

/** The base path the site is built for, from the BASE environment variable (default `/`). */
export function siteBase(raw: string | undefined = process.env.BASE): string {
  if (!raw || raw === '/') return '/'
  return `/${raw.replace(/^\/+|\/+$/g, '')}/`
}
