import { appendFile, cp, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser } from 'puppeteer-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchFirefox } from '../../scripts/firefox'
import { writeOffline } from '../../scripts/offline/build-offline'
import { distDir, siteBase } from '../../scripts/site-paths'
import { startStaticServer, type RunningServer } from '../../scripts/static-server'
import { builtPages } from '../e2e/support/pages'
import { attribute, demoSelector, navigate, openPage, outputText, run, settle, waitForState, type OpenedPage } from './support/page'

/**
 * The offline copy in Firefox, on a copy of the built site served WITHOUT isolation headers (like
 * most plain hosts): after the first visit the service worker controls the page and isolates it;
 * then the server is stopped and the page is put offline, and every page still loads from the
 * worker's cache and a demo runs. A changed build deployed to the same place shows the reload offer.
 */
const base = siteBase()
let browser: Browser
let copy: string
let server: RunningServer
let opened: OpenedPage | undefined
let port = 0

/** (Re)starts the plain server on the same port, so the origin and its service worker stay the same. */
async function serve(): Promise<void> {
  server = await startStaticServer({ root: copy, base, isolate: false, port })
  port = Number(new URL(server.url).port)
}

beforeAll(async () => {
  copy = await mkdtemp(join(tmpdir(), 'lesson8-ff-offline-'))
  await cp(distDir, copy, { recursive: true })
  await serve()
  browser = await launchFirefox()
})
afterAll(async () => {
  await opened?.close()
  await browser?.close()
  await server?.close()
  if (copy) await rm(copy, { recursive: true, force: true })
})

describe('offline copy and isolation by the service worker in Firefox', () => {
  it('isolates the page on a host without headers, then works with the server gone and the page offline', async () => {
    opened = await openPage(browser, server.url + 'how-demos-work.html')
    const { page } = opened
    expect(opened.status).toBe(200)
    // The worker precaches the whole site, takes over and reloads the page once to add COOP/COEP.
    await settle(page, () => navigator.serviceWorker.controller !== null && window.crossOriginIsolated && document.readyState === 'complete', 120_000)
    await page.waitForSelector('[data-isolation-status][data-isolated="true"]', { timeout: 30_000 })
    expect(await attribute(page, `${demoSelector('keep-50mb')} [data-memory]`, 'data-memory-mode')).toBe('none')

    // Network off: the server is gone and the page is offline.
    await server.close()
    await page.setOfflineMode(true)
    expect(await page.evaluate(() => navigator.onLine)).toBe(false)
    // A file the worker has not cached cannot be fetched any more (Firefox also reports the
    // worker's rejected respondWith() as a page error: that one is expected and taken out).
    const before = opened.problems.pageErrors.length
    expect(await page.evaluate(() => fetch('no-such-file-' + Date.now()).then(() => 'answered', () => 'failed'))).toBe('failed')
    await expect.poll(() => opened!.problems.pageErrors.length).toBe(before + 1)
    expect(opened.problems.pageErrors.splice(before)).toEqual([expect.stringMatching(/no-such-file-\d+.*respondWith/)])
    const pages = builtPages()
    expect(pages.length).toBeGreaterThan(20)
    for (const p of pages) {
      // 'load', not network idle: after the offline spell puppeteer's idle wait never ends here.
      expect(await navigate(page, opened.problems, server.url + p.path, { waitUntil: 'load', timeout: 30_000 }), p.path).toBe(200)
      await page.waitForSelector('.VPContent', { timeout: 30_000 })
      expect(await page.evaluate(() => window.crossOriginIsolated), p.path).toBe(true)
      expect(await page.evaluate(() => navigator.serviceWorker.controller !== null), p.path).toBe(true)
    }

    await page.goto(server.url + 'how-demos-work.html', { waitUntil: 'load' })
    await run(page, 'hello')
    expect(await waitForState(page, 'hello', ['done', 'error', 'timeout'])).toBe('done')
    expect(await outputText(page, 'hello')).toContain('200 ms later, still the same run')

    // The editor (Monaco and its TypeScript worker) comes from the cache too and reports the type error.
    const typed = demoSelector('type-error')
    await page.click(`${typed} [data-action="edit"]`)
    await page.waitForSelector(`${typed} [data-editor-state="ready"]`, { timeout: 60_000 })
    await page.waitForSelector(`${typed} .monaco-editor .squiggly-error`, { timeout: 90_000 })
    expect(await attribute(page, `${typed} [data-diagnostics]`, 'data-diagnostics')).toBe('1')
    expect(opened.problems.pageErrors).toEqual([])
    expect(opened.problems.consoleErrors).toEqual([])
    expect(opened.problems.failedRequests.filter((r) => !r.includes('/no-such-file-'))).toEqual([])
    expect(opened.problems.foreignRequests).toEqual([])
    await page.setOfflineMode(false)
  })

  it('offers a reload when a changed build is deployed, and accepting it switches over', async () => {
    await serve()
    const { page } = opened!
    await page.goto(server.url + '8-1-memory-model.html', { waitUntil: 'load' })
    await settle(page, () => navigator.serviceWorker.controller !== null)
    expect(await page.$('[data-update-offer]')).toBeNull()

    await appendFile(join(copy, '8-1-memory-model.html'), '\n<!-- changed build -->\n')
    const changed = await writeOffline(copy, base)
    await page.reload({ waitUntil: 'load' })
    await page.waitForSelector('[data-update-offer]', { timeout: 60_000 })
    // The page in front of the reader still works while the offer waits.
    expect(await attribute(page, '[data-section-header]', 'data-section')).toBe('8.1')
    await page.click('[data-update-offer] [data-action="reload-update"]')
    await settle(page, async () => (await caches.keys()).length === 1 && document.readyState === 'complete')
    expect(await page.evaluate(() => caches.keys())).toEqual([`lesson8-${changed.version}`])
    await page.waitForSelector('[data-update-offer]', { hidden: true, timeout: 30_000 })
    expect(opened!.problems.pageErrors).toEqual([])
    expect(opened!.problems.consoleErrors).toEqual([])
    expect(opened!.problems.failedRequests.filter((r) => !r.includes('/no-such-file-'))).toEqual([])
  })
})
