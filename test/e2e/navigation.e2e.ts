import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { launchChromium } from '../../scripts/chromium'

const siteUrl = inject('siteUrl')
let browser: Browser

beforeAll(async () => {
  browser = await launchChromium()
})
afterAll(async () => {
  await browser?.close()
})

async function open(path: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } })
  const page = await context.newPage()
  await page.goto(siteUrl + path, { waitUntil: 'networkidle' })
  return page
}

describe('local search', () => {
  it.each([
    { path: '8-2-tracemalloc.html', expected: '/8-2-tracemalloc.html' },
    { path: 'zh/8-2-tracemalloc.html', expected: '/zh/8-2-tracemalloc.html' },
  ])('finds "tracemalloc" on the 8.2 page from $path', async ({ path, expected }) => {
    const page = await open(path)
    try {
      await page.locator('.VPNavBarSearch .DocSearch-Button').click()
      const input = page.locator('#localsearch-input')
      await input.waitFor()
      await input.fill('tracemalloc')
      const hrefs = page.locator('.VPLocalSearchBox a.result')
      await expect.poll(async () => hrefs.count(), { timeout: 10_000 }).toBeGreaterThan(0)
      const all = await hrefs.evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''))
      expect(all.some((href) => href.includes(expected))).toBe(true)
      // Results stay in the reader's language.
      const zh = path.startsWith('zh/')
      expect(all.every((href) => href.includes('/zh/') === zh)).toBe(true)
    } finally {
      await page.context().close()
    }
  })
})

describe('language switch', () => {
  it.each([
    { from: '8-1-memory-model.html', label: '简体中文', to: '/zh/8-1-memory-model.html', lang: 'zh-CN', section: '8.1' },
    { from: 'zh/8-7-log-aggregator.html', label: 'English', to: '/8-7-log-aggregator.html', lang: 'en-US', section: '8.7' },
  ])('moves from $from to the same section in $label', async ({ from, label, to, lang, section }) => {
    const page = await open(from)
    try {
      await page.locator('.VPNavBarTranslations button').hover()
      await page.locator('.VPNavBarTranslations a', { hasText: label }).click()
      await page.waitForURL((url) => url.pathname.endsWith(to))
      await expect.poll(() => page.locator('html').getAttribute('lang')).toBe(lang)
      expect(await page.locator('[data-section-header]').getAttribute('data-section')).toBe(section)
    } finally {
      await page.context().close()
    }
  })
})

describe('appearance', () => {
  it('switches to dark mode and back', async () => {
    const page = await open('')
    try {
      const html = page.locator('html')
      const before = (await html.getAttribute('class')) ?? ''
      await page.locator('.VPNavBarAppearance .VPSwitchAppearance').click()
      await expect.poll(async () => ((await html.getAttribute('class')) ?? '').includes('dark')).toBe(!before.includes('dark'))
      await page.locator('.VPNavBarAppearance .VPSwitchAppearance').click()
      await expect.poll(async () => ((await html.getAttribute('class')) ?? '').includes('dark')).toBe(before.includes('dark'))
    } finally {
      await page.context().close()
    }
  })
})

describe('course map', () => {
  it.each(['', 'zh/'])('home page %s links every section with its planned minutes', async (prefix) => {
    const page = await open(prefix)
    try {
      const rows = page.locator('[data-course-map] tbody tr')
      expect(await rows.count()).toBe(10)
      const minutes = await rows.locator('td:nth-child(3)').allTextContents()
      expect(minutes.slice(0, 9).map((m) => Number.parseInt(m, 10))).toEqual([2, 15, 20, 15, 20, 30, 10, 40, 5])
      await rows.nth(7).locator('a').click()
      await page.waitForURL((url) => url.pathname.endsWith(`/${prefix}8-7-log-aggregator.html`))
      expect(await page.locator('[data-section-header]').getAttribute('data-section')).toBe('8.7')
    } finally {
      await page.context().close()
    }
  })
})
