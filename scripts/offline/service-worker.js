// Lesson 8 Lab service worker. Template: scripts/offline/build-offline.ts fills in PRECACHE and
// VERSION after `vitepress build` and writes the result to <dist>/sw.js. Plain JavaScript, no imports.
//
// 1. Precache: installs every file of the built site (Monaco and its 7 MB TypeScript worker
//    included) so that after the first visit every page and demo works offline.
// 2. Cross-origin isolation on any static host: every response it hands to the page carries
//    COOP/COEP/CORP, so `crossOriginIsolated` is true even when the server sets no headers
//    (the technique of coi-serviceworker).
// 3. Updates: a new build means a new sw.js; the new worker waits until the page asks it to take over
//    (the page shows a reload offer), so an open page is never switched to a half-new site.

const PRECACHE = self.__PRECACHE__
const VERSION = self.__VERSION__
const CACHE = `lesson8-${VERSION}`
const ISOLATION = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'same-origin',
}
const scopeUrl = new URL(self.registration.scope)
const precached = new Set(PRECACHE.map((path) => new URL(path, scopeUrl).href))

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(CACHE).then((cache) =>
      cache.addAll([...precached].map((url) => new Request(url, { cache: 'reload' }))),
    ),
  )
})

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('lesson8-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  )
})

self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'SKIP_WAITING') self.skipWaiting()
  if (event.data && event.data.type === 'VERSION' && event.ports[0]) event.ports[0].postMessage(VERSION)
})

function isolate(response) {
  // Opaque and error responses cannot be rewritten; the site loads nothing from other origins.
  if (!response || response.status === 0 || response.type === 'opaque') return response
  const headers = new Headers(response.headers)
  for (const [name, value] of Object.entries(ISOLATION)) headers.set(name, value)
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers })
}

/** The precached URL a request stands for: `/x/` → `/x/index.html`, `/x/page` → `/x/page.html`. */
function precachedUrl(request) {
  const url = new URL(request.url)
  url.search = ''
  url.hash = ''
  const candidates = [url.href]
  if (url.pathname.endsWith('/')) candidates.push(url.href + 'index.html')
  else if (!/\.[a-z0-9]+$/i.test(url.pathname)) candidates.push(url.href + '.html', url.href + '/index.html')
  return candidates.find((c) => precached.has(c)) ?? null
}

async function respond(request) {
  const key = precachedUrl(request)
  if (key) {
    const cached = await caches.match(key, { cacheName: CACHE })
    if (cached) return isolate(cached)
  }
  try {
    return isolate(await fetch(request))
  } catch (error) {
    if (request.mode === 'navigate') {
      const notFound = await caches.match(new URL('404.html', scopeUrl).href, { cacheName: CACHE })
      if (notFound) return isolate(notFound)
    }
    throw error
  }
}

self.addEventListener('fetch', (event) => {
  const { request } = event
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return
  // `only-if-cached` requests from devtools must not be answered from another mode.
  if (request.cache === 'only-if-cached' && request.mode !== 'same-origin') return
  event.respondWith(respond(request))
})
