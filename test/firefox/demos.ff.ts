import type { Browser } from 'puppeteer-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { launchFirefox } from '../../scripts/firefox'
import { attribute, count, demoSelector, openPage, outputText, run, textOf, waitForState, type OpenedPage } from './support/page'

/**
 * The demo runner in Firefox (how-demos-work.html): a TypeScript demo runs to done and shows its
 * output; a runaway loop is ended by Stop and by its watchdog; the memory meter says that Firefox
 * exposes no memory figure and shows the recorded reference run instead.
 */
const siteUrl = inject('siteUrl')
let browser: Browser
let opened: OpenedPage

beforeAll(async () => {
  browser = await launchFirefox()
  opened = await openPage(browser, siteUrl + 'how-demos-work.html')
})
afterAll(async () => {
  await opened?.close()
  await browser?.close()
})

describe('a TypeScript demo in Firefox', () => {
  it('hello runs in its worker to done and shows its console lines, table and returned value', async () => {
    const { page } = opened
    expect(await attribute(page, demoSelector('hello'), 'data-state')).toBe('idle')
    await run(page, 'hello')
    expect(await waitForState(page, 'hello', ['done', 'error', 'timeout', 'stopped'])).toBe('done')
    const text = await outputText(page, 'hello')
    expect(text).toContain('Hello from a worker. Is there a DOM here? false')
    expect(text).toContain('200 ms later, still the same run')
    expect(await count(page, `${demoSelector('hello')} [data-console-table] tbody tr`)).toBe(2)
    expect(await textOf(page, `${demoSelector('hello')} [data-returned]`)).toContain('1')
    expect(await count(page, `${demoSelector('hello')} [data-error]`)).toBe(0)
    expect(opened.problems.pageErrors).toEqual([])
    expect(opened.problems.consoleErrors).toEqual([])
  })
})

describe('a runaway loop in Firefox', () => {
  it('is stopped by Stop within two seconds, and by its 3-second watchdog when left alone', async () => {
    const { page } = opened
    const sel = demoSelector('runaway')
    await run(page, 'runaway')
    await waitForState(page, 'runaway', 'running')
    await page.waitForSelector(`${sel} [data-action="stop"]`)
    // Let the loop spin a little, then time Stop from the click to data-state="stopped".
    await new Promise((resolve) => setTimeout(resolve, 500))
    const ms = await page.evaluate(
      (s) =>
        new Promise<number>((resolve, reject) => {
          const root = document.querySelector<HTMLElement>(s)
          const stop = root?.querySelector<HTMLButtonElement>('[data-action="stop"]')
          if (!root || !stop) return reject(new Error('no Stop button'))
          const clicked = performance.now()
          const observer = new MutationObserver(() => {
            if (root.dataset.state !== 'running') {
              observer.disconnect()
              resolve(performance.now() - clicked)
            }
          })
          observer.observe(root, { attributes: true, attributeFilter: ['data-state'] })
          stop.click()
        }),
      sel,
    )
    expect(await attribute(page, sel, 'data-state')).toBe('stopped')
    expect(ms).toBeLessThanOrEqual(2000)
    console.log(`Firefox: runaway stopped ${ms.toFixed(0)} ms after Stop`)

    // Left alone, the watchdog ends it after the demo's time-limit of 3 s.
    const t0 = Date.now()
    await run(page, 'runaway')
    expect(await waitForState(page, 'runaway', ['timeout', 'stopped', 'done', 'error'], 15_000)).toBe('timeout')
    const elapsed = Date.now() - t0
    expect(elapsed).toBeGreaterThanOrEqual(2900)
    expect(elapsed).toBeLessThanOrEqual(8000)
  })
})

describe('the memory meter in Firefox', () => {
  it('says Firefox exposes no memory figure, shows the reference run, and the demo still runs', async () => {
    const { page } = opened
    const sel = demoSelector('keep-50mb')
    const meter = `${sel} [data-memory]`
    // Firefox has neither performance.memory nor measureUserAgentSpecificMemory.
    expect(await page.evaluate(() => 'memory' in performance || 'measureUserAgentSpecificMemory' in performance)).toBe(false)
    expect(await page.evaluate(() => window.crossOriginIsolated)).toBe(true)
    expect(await attribute(page, meter, 'data-memory-mode')).toBe('none')
    expect(await attribute(page, meter, 'data-memory-bytes')).toBeNull()
    expect(await textOf(page, meter)).toContain('This browser exposes no memory figure')
    // The recorded reference run stands in, with its browser and date.
    expect(await textOf(page, `${sel} [data-reference-run]`)).toMatch(/Chrom\w+ \d+.*\d{4}-\d{2}-\d{2}/)

    await run(page, 'keep-50mb')
    expect(await waitForState(page, 'keep-50mb', ['done', 'error', 'timeout', 'stopped'], 60_000)).toBe('done')
    expect(await count(page, `${sel} [data-memory-marks] tbody tr`)).toBe(2)
    expect(await count(page, `${sel} [data-memory-marks] tbody tr[data-bytes]`)).toBe(0)
    expect(await attribute(page, meter, 'data-memory-mode')).toBe('none')
    expect(await attribute(page, meter, 'data-memory-bytes')).toBeNull()
    expect(await outputText(page, 'keep-50mb')).toContain('kept 50 blocks; reading: null')
  })

  it('says the same in Chinese', async () => {
    const zh = await openPage(browser, siteUrl + 'zh/how-demos-work.html')
    try {
      const meter = `${demoSelector('keep-50mb')} [data-memory]`
      expect(await attribute(zh.page, meter, 'data-memory-mode')).toBe('none')
      expect(await attribute(zh.page, meter, 'data-memory-bytes')).toBeNull()
      expect(await textOf(zh.page, meter)).toContain('此浏览器不提供内存数据')
      expect(await count(zh.page, `${demoSelector('keep-50mb')} [data-reference-run]`)).toBe(1)
    } finally {
      await zh.close()
    }
  })
})
