import { mkdirSync, writeFileSync } from 'node:fs'
import { gzipSync } from 'node:zlib'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { sections } from '../../demos/course/plan'
import { launchChromium } from '../../scripts/chromium'
import { builtPages } from './support/pages'
import { watchPage } from './support/watch-page'

const siteUrl = inject('siteUrl')
const pages = builtPages()
const JS_BUDGET_BYTES = 100 * 1024
const weights: Record<string, number> = {}
let browser: Browser

beforeAll(async () => {
  browser = await launchChromium()
})

afterAll(async () => {
  await browser?.close()
  mkdirSync('test-results', { recursive: true })
  writeFileSync('test-results/js-weight.json', JSON.stringify(weights, null, 2))
})

describe('the built site', () => {
  it('has the home page and every section page in both languages', () => {
    const paths = pages.map((p) => p.path)
    for (const prefix of ['', 'zh/']) {
      expect(paths).toContain(prefix)
      for (const s of sections) expect(paths).toContain(`${prefix}${s.slug}.html`)
    }
  })

  it.each(pages)('$path loads with no console error, failed request or foreign request', async ({ path }) => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } })
    try {
      const page = await context.newPage()
      const problems = watchPage(page)
      const response = await page.goto(siteUrl + path, { waitUntil: 'networkidle' })
      expect(response?.status()).toBe(200)
      await expect.poll(() => page.locator('h1').first().textContent()).toBeTruthy()

      expect(problems.consoleErrors).toEqual([])
      expect(problems.pageErrors).toEqual([])
      expect(problems.failedRequests).toEqual([])
      expect(problems.foreignRequests).toEqual([])

      // A page without a demo stays light: all JavaScript it fetched, gzipped, at most 100 KB.
      const hasDemo = (await page.locator('[data-demo]').count()) > 0
      const gzipped = problems.scripts.reduce((sum, s) => sum + gzipSync(s.bytes, { level: 9 }).length, 0)
      expect(problems.scripts.length).toBeGreaterThan(0)
      weights[path] = gzipped
      if (!hasDemo) expect(gzipped).toBeLessThanOrEqual(JS_BUDGET_BYTES)
    } finally {
      await context.close()
    }
  })
})
