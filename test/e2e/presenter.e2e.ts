import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { launchChromium } from '../../scripts/chromium'
import { demo, waitForState } from './support/demo'

/**
 * Presenter mode: the audience window (projector) opens the presenter window; both stay on the same
 * section, the presenter runs a demo in the audience window, the timer shows the planned minutes,
 * instructor notes show only in the presenter window, and `?` lists the keys.
 */
const siteUrl = inject('siteUrl')
let browser: Browser
let context: BrowserContext

beforeAll(async () => {
  browser = await launchChromium()
  context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
})
afterAll(async () => {
  await context?.close()
  await browser?.close()
})

const sectionOf = (page: Page) => page.locator('[data-presenter-section]').getAttribute('data-section')

describe('presenter mode', () => {
  it('syncs section and runs a demo in the audience window', async () => {
    const audience = await context.newPage()
    await audience.goto(siteUrl + '8-1-memory-model.html?present', { waitUntil: 'networkidle' })
    const bar = audience.locator('[data-presenter]')
    await bar.waitFor()
    expect(await bar.getAttribute('data-role')).toBe('audience')
    expect(await sectionOf(audience)).toBe('8.1')
    expect(await audience.locator('[data-presenter-planned]').getAttribute('data-minutes')).toBe('15')
    expect(await audience.locator('[data-presenter-planned]').textContent()).toContain('15 min planned')
    expect(await audience.locator('[data-presenter-timer]').textContent()).toBe('0:00')
    // Notes are never on the projector.
    expect(await audience.locator('[data-instructor-notes]').first().isVisible()).toBe(false)

    // Start the timer with the keyboard.
    await audience.keyboard.press('t')
    await expect.poll(() => audience.locator('[data-presenter-timer]').getAttribute('data-running')).toBe('true')

    const [presenter] = await Promise.all([
      audience.waitForEvent('popup'),
      audience.locator('[data-presenter-action="open"]').click(),
    ])
    await presenter.waitForLoadState('networkidle')
    await presenter.locator('[data-presenter][data-role="presenter"]').waitFor()
    expect(await sectionOf(presenter)).toBe('8.1')
    expect(await presenter.locator('[data-instructor-notes]').first().isVisible()).toBe(true)
    // The clock is shared: the presenter window sees it running too.
    await expect.poll(() => presenter.locator('[data-presenter-timer]').getAttribute('data-running')).toBe('true')

    // Next section from the presenter window: the projector follows.
    await presenter.keyboard.press('ArrowRight')
    await expect.poll(() => sectionOf(presenter)).toBe('8.2')
    await expect.poll(() => sectionOf(audience)).toBe('8.2')
    expect(new URL(audience.url()).pathname).toMatch(/8-2-tracemalloc\.html$/)
    expect(await audience.locator('[data-presenter-planned]').getAttribute('data-minutes')).toBe('20')

    // Projector zoom from the presenter window.
    await presenter.keyboard.press('+')
    await expect.poll(() => audience.evaluate(() => document.documentElement.style.zoom)).toBe('1.1')
    expect(await presenter.evaluate(() => document.documentElement.style.zoom)).toBe('')

    // Go to a page with demos in the presenter window; run one on the projector.
    await presenter.locator('.VPSidebar a[href$="how-demos-work.html"]').first().click()
    await expect.poll(() => new URL(audience.url()).pathname).toMatch(/how-demos-work\.html$/)
    const runButton = presenter.locator('[data-presenter-run="hello"]')
    await runButton.waitFor()
    await demo(audience, 'hello').locator('[data-action="run"]:not([disabled])').waitFor()
    await runButton.click()
    expect(await waitForState(demo(audience, 'hello'), ['done', 'error'])).toBe('done')
    expect(await demo(presenter, 'hello').getAttribute('data-state')).toBe('idle')

    // Scroll position follows the presenter window.
    await presenter.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight))
    await expect.poll(() => audience.evaluate(() => window.scrollY)).toBeGreaterThan(500)
    await presenter.close()
    await audience.close()
  })

  it('P turns it on and off, ? shows the keys', async () => {
    const page = await context.newPage()
    await page.goto(siteUrl + 'zh/8-6-mutable-defaults.html', { waitUntil: 'networkidle' })
    expect(await page.locator('[data-presenter]').count()).toBe(0)
    await page.keyboard.press('p')
    await page.locator('[data-presenter]').waitFor()
    expect(await page.locator('[data-presenter-planned]').textContent()).toContain('计划 10 分钟')
    await page.keyboard.press('?')
    const help = page.locator('[data-presenter-help]')
    await help.waitFor()
    expect(await help.textContent()).toContain('下一节')
    await page.keyboard.press('Escape')
    await help.waitFor({ state: 'detached' })
    await page.keyboard.press('p')
    await page.locator('[data-presenter]').waitFor({ state: 'detached' })
    await page.close()
  })
})
