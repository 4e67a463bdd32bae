import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { launchChromium } from '../../scripts/chromium'
import reference from '../../demos/shrink/reference-run.json'
import { demo, waitForState } from './support/demo'

const siteUrl = inject('siteUrl')
let browser: Browser

beforeAll(async () => {
  // Precise, eager memory figures: measureUserAgentSpecificMemory answers at once, performance.memory is not bucketed.
  browser = await launchChromium({ args: ['--enable-blink-features=ForceEagerMeasureMemory', '--enable-precise-memory-info'] })
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
  it('orders the variants like the Node reference run: the array of objects highest', async () => {
    const page = await open('8-5-shrink-a-list.html')
    try {
      const lab = demo(page, 'shrink-lab')
      await lab.locator('[data-action="run"]:not([disabled])').waitFor()
      expect(await lab.getAttribute('data-memory-mode')).not.toBe('none')
      await setRows(page, 500_000)
      expect(await lab.locator('[data-rows]').textContent()).toBe('500,000')
      await lab.locator('[data-action="run"]').click()
      expect(await waitForState(lab, ['done', 'error'], 120_000)).toBe('done')
      const measured = await lab.locator('[data-shrink-table] tr[data-variant]').evaluateAll((rows) =>
        Object.fromEntries(rows.map((row) => [(row as HTMLElement).dataset.variant, Number((row as HTMLElement).dataset.bytes)])))
      const rank = (figures: Record<string, number>): string[] =>
        ['objects', 'generator', 'classes', 'columns'].sort((a, b) => (figures[b] ?? 0) - (figures[a] ?? 0))
      const node = Object.fromEntries(reference.measurements.map((m) => [m.variant, m.bytes]))
      // Objects and class instances are the same size in V8 (800 MiB each in Node): either may lead.
      const group = (order: string[]): string[] => order.map((v) => (v === 'classes' ? 'objects' : v)).filter((v, i, all) => all.indexOf(v) === i)
      expect(group(rank(measured))).toEqual(group(rank(node)))
      expect(measured.objects).toBeGreaterThan(5 * (measured.columns ?? 0))
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
