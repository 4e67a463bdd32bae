import type { Plugin } from 'vite'
import { isolationHeaders } from '../scripts/isolation-headers'

/**
 * Sends the cross-origin isolation headers with every response of the development server, pages
 * included (Vite's `server.headers` only reaches the files Vite itself serves, not VitePress's HTML).
 */
export function isolationPlugin(): Plugin {
  return {
    name: 'lesson8:isolation-headers',
    configureServer(server) {
      server.middlewares.use((_req, res, next) => {
        for (const [name, value] of Object.entries(isolationHeaders)) res.setHeader(name, value)
        next()
      })
    },
  }
}
