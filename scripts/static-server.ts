import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, join, normalize, resolve, sep } from 'node:path'
import { isolationHeaders } from './isolation-headers'

/**
 * A small static file server for the built site: bound to 127.0.0.1 by default, serving one folder
 * under a base path, with cross-origin isolation headers unless told otherwise. Used by the
 * end-to-end tests and by `npm run serve`.
 */
export interface StaticServerOptions {
  /** Folder to serve (the built site). */
  root: string
  /** Base path the site was built for, e.g. `/` or `/lesson/`. */
  base?: string
  host?: string
  /** 0 picks a free port. */
  port?: number
  /** Send COOP/COEP/CORP headers (default true). */
  isolate?: boolean
}

export interface RunningServer {
  readonly url: string
  readonly server: Server
  close(): Promise<void>
}

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.wasm': 'application/wasm',
  '.zip': 'application/zip',
  '.cpuprofile': 'application/json; charset=utf-8',
  '.heapprofile': 'application/json; charset=utf-8',
  '.ttf': 'font/ttf',
}

/** Maps a request path to a file below root, or null when it would leave root or is outside base. */
export function resolveRequestPath(root: string, base: string, urlPath: string): string | null {
  let path: string
  try {
    path = decodeURIComponent(urlPath.split(/[?#]/)[0] ?? '/')
  } catch {
    return null
  }
  if (!path.startsWith(base)) return null
  const rel = path.slice(base.length)
  const absRoot = resolve(root)
  const target = normalize(join(absRoot, rel))
  if (target !== absRoot && !target.startsWith(absRoot + sep)) return null
  return target
}

async function findFile(target: string): Promise<string | null> {
  const candidates = [target, join(target, 'index.html'), `${target}.html`]
  for (const candidate of candidates) {
    try {
      const s = await stat(candidate)
      if (s.isFile()) return candidate
    } catch {
      // try the next candidate
    }
  }
  return null
}

export async function startStaticServer(options: StaticServerOptions): Promise<RunningServer> {
  const base = options.base ?? '/'
  const host = options.host ?? '127.0.0.1'
  const isolate = options.isolate ?? true
  const root = resolve(options.root)

  const server = createServer(async (req, res) => {
    const headers: Record<string, string> = { 'Cache-Control': 'no-cache', ...(isolate ? isolationHeaders : {}) }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, headers).end()
      return
    }
    const target = resolveRequestPath(root, base, req.url ?? '/')
    const file = target === null ? null : await findFile(target)
    const notFound = file === null ? await findFile(join(root, '404.html')) : null
    const served = file ?? notFound
    if (served === null) {
      res.writeHead(404, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found')
      return
    }
    const type = contentTypes[extname(served)] ?? 'application/octet-stream'
    res.writeHead(file ? 200 : 404, { ...headers, 'Content-Type': type })
    if (req.method === 'HEAD') {
      res.end()
      return
    }
    createReadStream(served).pipe(res)
  })

  await new Promise<void>((ok, fail) => {
    server.once('error', fail)
    server.listen(options.port ?? 0, host, () => ok())
  })
  const { port } = server.address() as AddressInfo
  return {
    url: `http://${host}:${port}${base}`,
    server,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections()
        server.close(() => ok())
      }),
  }
}
