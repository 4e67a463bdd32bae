import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { resolveRequestPath, startStaticServer, type RunningServer } from '../../scripts/static-server'
import { siteBase } from '../../scripts/site-paths'

describe('siteBase', () => {
  it('normalises the BASE variable', () => {
    expect(siteBase(undefined)).toBe('/')
    expect(siteBase('/')).toBe('/')
    expect(siteBase('lesson')).toBe('/lesson/')
    expect(siteBase('/lesson/')).toBe('/lesson/')
    expect(siteBase('//a/b//')).toBe('/a/b/')
  })
})

describe('resolveRequestPath', () => {
  it('stays inside the root', () => {
    expect(resolveRequestPath('/srv/site', '/', '/a/b.html')).toBe('/srv/site/a/b.html')
    expect(resolveRequestPath('/srv/site', '/', '/../etc/passwd')).toBeNull()
    expect(resolveRequestPath('/srv/site', '/', '/%2e%2e/%2e%2e/etc/passwd')).toBeNull()
    expect(resolveRequestPath('/srv/site', '/', '/%E0%A4%A')).toBeNull()
  })

  it('serves only below the base', () => {
    expect(resolveRequestPath('/srv/site', '/lesson/', '/lesson/x.js?v=1')).toBe('/srv/site/x.js')
    expect(resolveRequestPath('/srv/site', '/lesson/', '/other/x.js')).toBeNull()
  })
})

describe('startStaticServer', () => {
  let root: string
  let running: RunningServer

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'static-server-'))
    mkdirSync(join(root, 'zh'))
    writeFileSync(join(root, 'index.html'), '<h1>home</h1>')
    writeFileSync(join(root, 'zh', 'index.html'), '<h1>zh</h1>')
    writeFileSync(join(root, 'page.html'), '<h1>page</h1>')
    writeFileSync(join(root, 'app.js'), 'console.log(1)')
    writeFileSync(join(root, '404.html'), '<h1>missing</h1>')
    running = await startStaticServer({ root, base: '/lesson/' })
  })
  afterAll(() => running.close())

  it('binds to 127.0.0.1 under the base', () => {
    expect(running.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/lesson\/$/)
  })

  it('serves index pages, clean URLs and scripts with isolation headers', async () => {
    const home = await fetch(running.url)
    expect(home.status).toBe(200)
    expect(await home.text()).toBe('<h1>home</h1>')
    expect(home.headers.get('cross-origin-opener-policy')).toBe('same-origin')
    expect(home.headers.get('cross-origin-embedder-policy')).toBe('require-corp')
    expect(await (await fetch(`${running.url}zh/`)).text()).toBe('<h1>zh</h1>')
    expect(await (await fetch(`${running.url}page`)).text()).toBe('<h1>page</h1>')
    const js = await fetch(`${running.url}app.js`)
    expect(js.headers.get('content-type')).toMatch(/javascript/)
  })

  it('answers 404 with the site page for missing files and paths outside the base', async () => {
    const missing = await fetch(`${running.url}nope.html`)
    expect(missing.status).toBe(404)
    expect(await missing.text()).toBe('<h1>missing</h1>')
    const outside = await fetch(running.url.replace('/lesson/', '/elsewhere/'))
    expect(outside.status).toBe(404)
  })

  it('can leave out the isolation headers', async () => {
    const plain = await startStaticServer({ root, isolate: false })
    try {
      const res = await fetch(plain.url)
      expect(res.headers.get('cross-origin-embedder-policy')).toBeNull()
    } finally {
      await plain.close()
    }
  })
})
