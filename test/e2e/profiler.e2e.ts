import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { launchChromium } from '../../scripts/chromium'
import { demo, run, waitForState } from './support/demo'

const siteUrl = inject('siteUrl')
let browser: Browser

beforeAll(async () => {
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

describe('the 8.4 profiler demo', () => {
  it('lists slow with ncalls 1, sorts, and shows the push line as the hottest line', async () => {
    const page = await open('8-4-benchmarking.html')
    try {
      const block = demo(page, 'profile-slow')
      await run(block)
      expect(await waitForState(block, ['done', 'error'], 60_000)).toBe('done')
      const table = block.locator('[data-profile-table]')
      expect(await table.locator('tr[data-function="slow"]').getAttribute('data-ncalls')).toBe('1')
      expect(await table.locator('tr[data-function="sum"]').getAttribute('data-ncalls')).toBe('1')
      // Sorted by cumtime (descending) at first; a click on ncalls puts the 100,000-call callbacks first.
      await table.locator('th[data-sort="ncalls"] button').click()
      expect(await table.locator('tbody tr').first().getAttribute('data-ncalls')).toBe('100000')

      const lines = await block.locator('[data-line-profile][data-function="slow"] tr[data-line]').evaluateAll((rows) =>
        rows.map((row) => ({
          time: Number((row as HTMLElement).dataset.timeMs),
          hits: Number((row as HTMLElement).dataset.hits),
          text: row.lastElementChild?.textContent ?? '',
        })))
      const hottest = [...lines].sort((a, b) => b.time - a.time)[0]
      expect(hottest?.text).toContain('squares.push')
      expect(hottest?.hits).toBe(100_000)
      expect(await block.locator('[data-profile-note]').textContent()).toMatch(/Timer resolution in force: [\d.]+ µs/)
    } finally {
      await page.close()
    }
  })

  it('is on the Chinese page too', async () => {
    const page = await open('zh/8-4-benchmarking.html')
    try {
      expect(await demo(page, 'profile-slow').count()).toBe(1)
    } finally {
      await page.close()
    }
  })
})
