import { cp, mkdtemp, rm, appendFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium } from '../../scripts/chromium'
import { writeOffline } from '../../scripts/offline/build-offline'
import { distDir, siteBase } from '../../scripts/site-paths'
import { startStaticServer, type RunningServer } from '../../scripts/static-server'
import { demo, outputText, run, waitForState } from './support/demo'
import { builtPages } from './support/pages'

/**
 * The offline copy and the service worker's cross-origin isolation, on a copy of the built site served
 * by a static server that sets NO isolation headers (like most plain hosts):
 * 1. after the first visit the worker takes over, the page is isolated and memory demos read performance.memory;
 * 2. with the server stopped and the context offline, every page reloads, a demo runs and the editor
 *    shows a TypeScript diagnostic;
 * 3. a changed build deployed to the same place shows the reload offer, and accepting it switches over.
 */
const base = siteBase()
let browser: Browser
let context: BrowserContext
let copy: string
let server: RunningServer
let port = 0

async function serve(): Promise<void> {
  server = await startStaticServer({ root: copy, base, isolate: false, port })
  port = Number(new URL(server.url).port)
}

/** Polls a page expression that may throw while the page reloads itself. */
async function settle(page: Page, fn: () => boolean | Promise<boolean>, timeout = 60_000): Promise<void> {
  await expect
    .poll(async () => {
      try {
        return await page.evaluate(fn)
      } catch {
        return false
      }
    }, { timeout, interval: 250 })
    .toBe(true)
}

beforeAll(async () => {
  copy = await mkdtemp(join(tmpdir(), 'lesson8-offline-'))
  await cp(distDir, copy, { recursive: true })
  await serve()
  browser = await launchChromium()
  context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
})
afterAll(async () => {
  await context?.close()
  await browser?.close()
  await server?.close()
  if (copy) await rm(copy, { recursive: true, force: true })
})

describe('offline copy and isolation by the service worker', () => {
  it('isolates the page on a host without headers, then works with the network off', async () => {
    const page = await context.newPage()
    const first = await page.goto(server.url + 'how-demos-work.html')
    expect(first?.headers()['cross-origin-embedder-policy']).toBeUndefined()
    // The worker precaches the site, takes over and reloads the page once to add COOP/COEP.
    await settle(page, () => navigator.serviceWorker.controller !== null && window.crossOriginIsolated && document.readyState === 'complete', 90_000)
    await page.locator('[data-isolation-status][data-isolated="true"]').waitFor()
    expect(await demo(page, 'keep-50mb').locator('[data-memory]').getAttribute('data-memory-mode')).toBe('performance-memory')

    // Network off: the server is gone and the browser is offline.
    await server.close()
    await context.setOffline(true)
    const pages = builtPages()
    expect(pages.length).toBeGreaterThan(20)
    for (const p of pages) {
      const response = await page.goto(server.url + p.path)
      expect(response?.status(), p.path).toBe(200)
      await page.locator('.VPContent').waitFor()
      expect(await page.evaluate(() => window.crossOriginIsolated), p.path).toBe(true)
    }

    await page.goto(server.url + 'how-demos-work.html')
    const hello = demo(page, 'hello')
    await run(hello)
    expect(await waitForState(hello, ['done', 'error'])).toBe('done')
    expect(await outputText(hello)).not.toBe('')

    const typed = demo(page, 'type-error')
    await typed.locator('[data-action="edit"]').click()
    await typed.locator('[data-editor-state="ready"]').waitFor({ timeout: 30_000 })
    await typed.locator('.monaco-editor .squiggly-error').first().waitFor({ timeout: 60_000 })
    expect(await typed.locator('[data-diagnostics]').getAttribute('data-diagnostics')).toBe('1')
    await page.close()
    await context.setOffline(false)
  })

  it('offers a reload when a changed build is deployed', async () => {
    await serve()
    const page = await context.newPage()
    await page.goto(server.url + '8-1-memory-model.html')
    await settle(page, () => navigator.serviceWorker.controller !== null)
    expect(await page.locator('[data-update-offer]').count()).toBe(0)

    // Deploy a changed build to the same place.
    await appendFile(join(copy, '8-1-memory-model.html'), '\n<!-- changed build -->\n')
    const changed = await writeOffline(copy, base)
    await page.reload()
    const offer = page.locator('[data-update-offer]')
    await offer.waitFor({ timeout: 60_000 })
    // The page in front of the reader still works while the offer waits.
    expect(await page.locator('[data-section-header]').getAttribute('data-section')).toBe('8.1')
    await offer.locator('[data-action="reload-update"]').click()
    await settle(page, async () => (await caches.keys()).length === 1 && document.readyState === 'complete')
    expect(await page.evaluate(() => caches.keys())).toEqual([`lesson8-${changed.version}`])
    await page.locator('[data-update-offer]').waitFor({ state: 'detached' })
    await page.close()
  })
})
