import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { launchChromium } from '../../scripts/chromium'
import { demo, waitForState } from './support/demo'

const siteUrl = inject('siteUrl')
let browser: Browser

beforeAll(async () => {
  // No flags: the lab reads performance.memory on the page's thread, as in a student's Chromium.
  browser = await launchChromium()
})
afterAll(async () => {
  await browser?.close()
})

async function open(path: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
  page.on('pageerror', (error) => {
    throw error
  })
  await page.goto(siteUrl + path, { waitUntil: 'networkidle' })
  return page
}

async function setRows(page: Page, rows: number): Promise<void> {
  await page.locator('[data-rows-input]').evaluate((input, value) => {
    (input as HTMLInputElement).value = String(value)
    input.dispatchEvent(new Event('input'))
  }, rows)
}

describe('the 8.5 memory shrink lab', () => {
  it('at its default size (1 M rows) finishes within 30 s; a million objects hold many times what a generator or columns do', async () => {
    const page = await open('8-5-shrink-a-list.html')
    try {
      const lab = demo(page, 'shrink-lab')
      await lab.locator('[data-action="run"]:not([disabled])').waitFor()
      expect(await lab.getAttribute('data-memory-mode')).toBe('performance-memory')
      expect(await lab.locator('[data-rows]').textContent()).toBe('1,000,000')
      await lab.locator('[data-action="run"]').click()
      expect(await waitForState(lab, ['done', 'error'], 30_000)).toBe('done')
      const measured = await lab.locator('[data-shrink-table] tr[data-variant]').evaluateAll((rows) =>
        Object.fromEntries(rows.map((row) => [(row as HTMLElement).dataset.variant, Number((row as HTMLElement).dataset.bytes)])))
      console.log('8.5 lab, 1 M rows, live heap:', JSON.stringify(measured))
      // The live heap counts the garbage a generator leaves behind (a few MB of young objects), so
      // generator and columns, both small, may come in either order; the lesson's point is that an
      // array of a million objects or instances holds many times what either of them does.
      for (const big of ['objects', 'classes']) {
        for (const small of ['generator', 'columns']) expect(measured[big] ?? 0).toBeGreaterThan(2 * (measured[small] ?? 0))
      }
      expect(Math.max(measured.objects ?? 0, measured.classes ?? 0)).toBeGreaterThan(4 * Math.max(measured.generator ?? 0, measured.columns ?? 0))
      expect(await lab.locator('[data-memory-note]').textContent()).toContain('garbage')
    } finally {
      await page.close()
    }
  })

  it('Stop ends a run within 1 s', async () => {
    const page = await open('8-5-shrink-a-list.html')
    try {
      const lab = demo(page, 'shrink-lab')
      await lab.locator('[data-action="run"]:not([disabled])').waitFor()
      await lab.locator('[data-action="run"]').click()
      await lab.locator('[data-shrink-table] tr[data-variant]').first().waitFor({ timeout: 30_000 })
      const started = Date.now()
      await lab.locator('[data-action="stop"]').click()
      expect(await waitForState(lab, ['stopped', 'done', 'error'], 5_000)).toBe('stopped')
      expect(Date.now() - started).toBeLessThan(1000)
    } finally {
      await page.close()
    }
  })

  it('refuses sizes beyond the heap limit the browser reports, in Chinese too', async () => {
    const page = await open('zh/8-5-shrink-a-list.html')
    try {
      const lab = demo(page, 'shrink-lab')
      await lab.locator('[data-action="run"]:not([disabled])').waitFor()
      const limit = await page.evaluate(() => (performance as unknown as { memory?: { jsHeapSizeLimit: number } }).memory?.jsHeapSizeLimit ?? 0)
      if (limit > 0 && limit * 0.8 < 10_000_000 * 400) {
        await setRows(page, 10_000_000)
        expect(await lab.locator('[data-refused]').textContent()).toContain('已拒绝')
        expect(await lab.locator('[data-action="run"]').isDisabled()).toBe(true)
      }
      expect(await lab.locator('[data-reference-run] tr[data-variant]').count()).toBe(6)
    } finally {
      await page.close()
    }
  })
})
