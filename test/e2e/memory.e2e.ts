import { mkdirSync, writeFileSync } from 'node:fs'
import type { Browser, BrowserContext } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { launchChromium } from '../../scripts/chromium'
import { distDir, siteBase } from '../../scripts/site-paths'
import { startStaticServer, type RunningServer } from '../../scripts/static-server'
import { demo, run, waitForState } from './support/demo'

/**
 * The memory meter in its three modes: uasm on a cross-origin isolated page, performance.memory on a
 * plain one, none when a browser exposes neither. A demo that keeps about 50 MB alive must raise the
 * figure by 40–70 MB in the first two modes.
 */
const isolatedUrl = inject('siteUrl')
const PAGE = 'how-demos-work.html'
let browser: Browser
let plain: RunningServer
const growth: Record<string, number> = {}

beforeAll(async () => {
  browser = await launchChromium({ args: ['--enable-blink-features=ForceEagerMeasureMemory'] })
  plain = await startStaticServer({ root: distDir, base: siteBase(), isolate: false })
})
afterAll(async () => {
  await browser?.close()
  await plain?.close()
  mkdirSync('test-results', { recursive: true })
  writeFileSync('test-results/memory-growth.json', JSON.stringify(growth, null, 2))
})

async function growthOfKeep50mb(context: BrowserContext, url: string, mode: string): Promise<{ growth: number; thread: string | null }> {
  const page = await context.newPage()
  await page.goto(url + PAGE, { waitUntil: 'networkidle' })
  const block = demo(page, 'keep-50mb')
  expect(await block.locator('[data-memory]').getAttribute('data-memory-mode')).toBe(mode)
  await run(block)
  expect(await waitForState(block, ['done', 'error', 'timeout'], 60_000)).toBe('done')
  const marks = block.locator('[data-memory-marks] tbody tr')
  await expect.poll(() => marks.count()).toBe(2)
  await expect.poll(async () => (await marks.nth(1).getAttribute('data-bytes')) !== null, { timeout: 30_000 }).toBe(true)
  const before = Number(await marks.nth(0).getAttribute('data-bytes'))
  const after = Number(await marks.nth(1).getAttribute('data-bytes'))
  expect(Number(await block.locator('[data-memory]').getAttribute('data-memory-bytes'))).toBeGreaterThan(0)
  const where = block.locator('[data-memory-thread]')
  const thread = (await where.count()) > 0 ? await where.getAttribute('data-memory-thread') : null
  growth[mode] = after - before
  return { growth: after - before, thread }
}

describe('memory meter', () => {
  it('uses measureUserAgentSpecificMemory on a cross-origin isolated page and sees the worker', async () => {
    const context = await browser.newContext()
    try {
      const { growth } = await growthOfKeep50mb(context, isolatedUrl, 'uasm')
      expect(growth).toBeGreaterThanOrEqual(40e6)
      expect(growth).toBeLessThanOrEqual(70e6)
    } finally {
      await context.close()
    }
  })

  it('uses performance.memory without isolation and runs the memory demo where it can see it', async () => {
    // No service worker either: it would isolate the page after the first load (see offline.e2e.ts).
    const context = await browser.newContext({ serviceWorkers: 'block' })
    try {
      const { growth, thread } = await growthOfKeep50mb(context, plain.url, 'performance-memory')
      expect(thread).toBe('page')
      expect(growth).toBeGreaterThanOrEqual(40e6)
      expect(growth).toBeLessThanOrEqual(70e6)
    } finally {
      await context.close()
    }
  })

  it('says so when the browser exposes no memory figure', async () => {
    const context = await browser.newContext()
    await context.addInitScript(() => {
      Object.defineProperty(Performance.prototype, 'memory', { get: () => undefined, configurable: true })
      Reflect.deleteProperty(Performance.prototype, 'measureUserAgentSpecificMemory')
    })
    try {
      const page = await context.newPage()
      await page.goto(isolatedUrl + PAGE, { waitUntil: 'networkidle' })
      const block = demo(page, 'keep-50mb')
      const meter = block.locator('[data-memory]')
      expect(await meter.getAttribute('data-memory-mode')).toBe('none')
      expect(await meter.getAttribute('data-memory-bytes')).toBeNull()
      expect(await meter.textContent()).toContain('exposes no memory figure')
      // The recorded reference run stands in, with its browser and date.
      expect(await block.locator('[data-reference-run]').textContent()).toMatch(/Chrom\w+ \d+.*\d{4}-\d{2}-\d{2}/)
      await run(block)
      expect(await waitForState(block, ['done', 'error', 'timeout'], 30_000)).toBe('done')
      expect(await block.locator('[data-memory-marks] tbody tr').count()).toBe(2)
      expect(await meter.getAttribute('data-memory-bytes')).toBeNull()
    } finally {
      await context.close()
    }
  })
})
