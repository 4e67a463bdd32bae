import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { isPrecached, precacheOf, renderServiceWorker, webManifest } from '../../../scripts/offline/precache'

const file = (path: string, text: string) => ({ path, content: new TextEncoder().encode(text) })

describe('precache', () => {
  it('lists every file of the site but the worker, maps and zips, in a stable order', () => {
    const p = precacheOf([file('index.html', 'a'), file('sw.js', 'x'), file('assets/ts.worker-1.js', 'w'), file('a.js.map', 'm'), file('site.zip', 'z')])
    expect(p.paths).toEqual(['assets/ts.worker-1.js', 'index.html'])
    expect(p.bytes).toBe(2)
    expect(isPrecached('404.html')).toBe(true)
  })

  it('has no size limit: a 7 MB worker is precached like any file', () => {
    const big = { path: 'assets/ts.worker-big.js', content: new Uint8Array(7 * 1024 * 1024) }
    expect(precacheOf([big]).paths).toEqual(['assets/ts.worker-big.js'])
  })

  it('changes its version when any file changes, and only then', () => {
    const v1 = precacheOf([file('index.html', 'a'), file('b.js', 'b')]).version
    expect(precacheOf([file('b.js', 'b'), file('index.html', 'a')]).version).toBe(v1)
    expect(precacheOf([file('index.html', 'a'), file('b.js', 'c')]).version).not.toBe(v1)
    expect(precacheOf([file('index.html', 'a'), file('b.js', 'b'), file('sw.js', 'new')]).version).toBe(v1)
  })

  it('fills the service worker template', () => {
    const template = readFileSync(new URL('../../../scripts/offline/service-worker.js', import.meta.url), 'utf8')
    const sw = renderServiceWorker(template, precacheOf([file('index.html', 'a')]))
    expect(sw.startsWith('self.__PRECACHE__ = ["index.html"];')).toBe(true)
    expect(sw).toContain('Cross-Origin-Embedder-Policy')
  })

  it('writes an installable manifest for the base path', () => {
    const m = JSON.parse(webManifest('/lesson/')) as { start_url: string; scope: string; display: string; icons: { src: string }[] }
    expect(m.start_url).toBe('/lesson/')
    expect(m.scope).toBe('/lesson/')
    expect(m.display).toBe('standalone')
    expect(m.icons[0]?.src).toBe('/lesson/favicon.svg')
  })
})
