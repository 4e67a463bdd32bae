import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { launchChromium } from '../../scripts/chromium'
import { demo, outputText, replaceEditorText, run, waitForState } from './support/demo'

const siteUrl = inject('siteUrl')
const PAGE = 'how-demos-work.html'
const timings: Record<string, number> = {}
let browser: Browser

beforeAll(async () => {
  browser = await launchChromium()
})
afterAll(async () => {
  await browser?.close()
  mkdirSync('test-results', { recursive: true })
  writeFileSync('test-results/runner-timings.json', JSON.stringify(timings, null, 2))
})

/** Monaco renders spaces as no-break spaces. */
async function editorText(page: Page, id: string): Promise<string> {
  const text = (await demo(page, id).locator('.monaco-editor .view-lines').textContent()) ?? ''
  return text.replace(/\u00a0/g, ' ')
}

async function open(path = PAGE): Promise<Page> {
  // Timing tests: no service worker, whose first-visit precache (19 MB) competes for the two cores
  // while responsiveness and bench ratios are measured. offline.e2e.ts covers the worker.
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true, serviceWorkers: 'block' })
  const page = await context.newPage()
  page.on('pageerror', (error) => {
    throw error
  })
  await page.goto(siteUrl + path, { waitUntil: 'networkidle' })
  return page
}

describe('running a demo', () => {
  it('prints console output, a console.table and output after await before the state turns done', async () => {
    const page = await open()
    try {
      const block = demo(page, 'hello')
      const t0 = Date.now()
      await run(block)
      expect(await waitForState(block, ['done', 'error'])).toBe('done')
      timings.runToDoneMs = Date.now() - t0
      const text = await outputText(block)
      expect(text).toContain('Hello from a worker. Is there a DOM here? false')
      expect(text).toContain('200 ms later, still the same run')
      const table = block.locator('[data-console-table]')
      expect(await table.locator('tbody tr').count()).toBe(2)
      expect(await table.locator('thead th').allTextContents()).toEqual(['(index)', 'runtime', 'collector', 'refcounts'])
      expect(await block.locator('[data-returned]').textContent()).toContain('1')
      const timing = await block.locator('[data-timing]').textContent()
      timings.runToFirstOutputMs = Number(/(\d+) ms/.exec(timing ?? '')?.[1])
      expect(timings.runToFirstOutputMs).toBeGreaterThanOrEqual(0)
    } finally {
      await page.context().close()
    }
  })

  it('reports an uncaught error with the line and column of the TypeScript source', async () => {
    const page = await open()
    try {
      const block = demo(page, 'hello')
      await block.locator('[data-action="edit"]').click()
      await block.locator('[data-editor-state="ready"]').waitFor({ timeout: 30_000 })
      await replaceEditorText(block, 'const n: number = 1\nconsole.log("before")\nnull!.boom(n)\n')
      await run(block)
      expect(await waitForState(block, ['done', 'error'])).toBe('error')
      const error = block.locator('[data-error]')
      expect(await error.getAttribute('data-line')).toBe('3')
      expect(Number(await error.getAttribute('data-column'))).toBeGreaterThan(0)
      expect(await outputText(block)).toContain('before')
    } finally {
      await page.context().close()
    }
  })
})

describe('a runaway loop', () => {
  it('keeps the page responsive, stops within 100 ms of Stop, and times out by itself', async () => {
    const page = await open()
    try {
      const block = demo(page, 'runaway')
      await run(block)
      await waitForState(block, 'running')
      // A main-thread setTimeout chain must keep firing while the loop spins in the worker.
      const ticks = await page.evaluate(
        () =>
          new Promise<number>((resolve) => {
            let count = 0
            const start = performance.now()
            const tick = (): void => {
              count++
              if (performance.now() - start >= 1000) resolve(count)
              else setTimeout(tick, 50)
            }
            setTimeout(tick, 50)
          }),
      )
      expect(ticks).toBeGreaterThanOrEqual(10)
      timings.ticksPerSecondDuringLoop = ticks

      const stopMs = await page.evaluate(
        (el) =>
          new Promise<number>((resolve) => {
            const root = el as HTMLElement
            const observer = new MutationObserver(() => {
              if (root.dataset.state === 'stopped') {
                observer.disconnect()
                resolve(performance.now() - clicked)
              }
            })
            observer.observe(root, { attributes: true, attributeFilter: ['data-state'] })
            const clicked = performance.now()
            ;(root.querySelector('[data-action="stop"]') as HTMLButtonElement).click()
          }),
        await block.elementHandle(),
      )
      expect(stopMs).toBeLessThanOrEqual(100)
      timings.stopMs = stopMs

      const t0 = Date.now()
      await run(block)
      expect(await waitForState(block, ['timeout', 'done', 'error', 'stopped'], 15_000)).toBe('timeout')
      const elapsed = Date.now() - t0
      expect(elapsed).toBeGreaterThanOrEqual(2900)
      expect(elapsed).toBeLessThan(6000)
      expect(await outputText(block)).toMatch(/watchdog/)
    } finally {
      await page.context().close()
    }
  })
})

describe('the editor', () => {
  it('marks a type error, and the marker clears when it is fixed', async () => {
    const page = await open()
    try {
      const block = demo(page, 'type-error')
      const t0 = Date.now()
      await block.locator('[data-action="edit"]').click()
      await block.locator('[data-editor-state="ready"]').waitFor({ timeout: 30_000 })
      timings.editToEditorReadyMs = Date.now() - t0
      await block.locator('.monaco-editor .squiggly-error').first().waitFor({ timeout: 60_000 })
      timings.editToFirstDiagnosticsMs = Date.now() - t0
      await expect.poll(() => block.locator('[data-diagnostics]').getAttribute('data-diagnostics'), { timeout: 30_000 }).toBe('1')

      // Fix it: the constant becomes a number.
      await replaceEditorText(
        block,
        'const withHeader = (bytes: number): number => bytes + 16\nconst size: number = 52428800\nconsole.log(withHeader(size))\n',
      )
      await expect.poll(() => block.locator('[data-diagnostics]').getAttribute('data-diagnostics'), { timeout: 30_000 }).toBe('0')
      expect(await block.locator('.monaco-editor .squiggly-error').count()).toBe(0)

      // Ctrl/Cmd+Enter runs the edited code.
      await page.keyboard.press('ControlOrMeta+Enter')
      expect(await waitForState(block, ['done', 'error'])).toBe('done')
      expect(await outputText(block)).toContain('52428816')
    } finally {
      await page.context().close()
    }
  })

  it('keeps an edit across a reload, resets it, and shares code that does not run on opening', async () => {
    const page = await open()
    try {
      const block = demo(page, 'hello')
      await block.locator('[data-action="edit"]').click()
      await block.locator('[data-editor-state="ready"]').waitFor({ timeout: 30_000 })
      await block.locator('.monaco-editor .view-lines').click()
      await page.keyboard.press('ControlOrMeta+Home')
      await page.keyboard.insertText('// my note 42\n')
      await block.locator('[data-modified-mark]').waitFor()
      await page.waitForTimeout(400) // saving is debounced

      await page.reload({ waitUntil: 'networkidle' })
      const again = demo(page, 'hello')
      await again.locator('[data-modified-mark]').waitFor()
      await again.locator('[data-editor-state="ready"]').waitFor({ timeout: 30_000 })
      await expect.poll(() => editorText(page, 'hello')).toContain('my note 42')

      // Share: the URL carries the code; opening it shows the code and does not run it.
      await again.locator('[data-action="share"]').click()
      const url = await again.locator('[data-share-message] input').inputValue()
      expect(url).toMatch(/#share=hello:/)

      await again.locator('[data-action="reset"]').click()
      await expect.poll(() => again.locator('[data-modified-mark]').count()).toBe(0)
      await expect.poll(() => editorText(page, 'hello')).not.toContain('my note 42')
      expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes(':hello')).length)).toBe(0)

      const shared = await page.context().newPage()
      await shared.goto(url, { waitUntil: 'networkidle' })
      const sharedBlock = demo(shared, 'hello')
      await sharedBlock.locator('[data-editor-state="ready"]').waitFor({ timeout: 30_000 })
      await expect.poll(() => editorText(shared, 'hello')).toContain('my note 42')
      await shared.waitForTimeout(500)
      expect(await sharedBlock.getAttribute('data-state')).toBe('idle')
      expect(await sharedBlock.locator('[data-output]').count()).toBe(0)
    } finally {
      await page.context().close()
    }
  })
})

describe('bench', () => {
  it('reports a ratio between 5 and 20 for ten times the work', async () => {
    const page = await open()
    try {
      const block = demo(page, 'bench-ten-times')
      await run(block)
      expect(await waitForState(block, ['done', 'error'], 30_000)).toBe('done')
      const small = Number(await block.locator('[data-task="sum 1e6"]').getAttribute('data-median-ms'))
      const large = Number(await block.locator('[data-task="sum 1e7"]').getAttribute('data-median-ms'))
      const ratio = large / small
      timings.benchRatio = ratio
      expect(ratio).toBeGreaterThanOrEqual(5)
      expect(ratio).toBeLessThanOrEqual(20)
    } finally {
      await page.context().close()
    }
  })
})

describe('export PNG', () => {
  it('downloads a non-empty PNG of the live chart', async () => {
    const page = await open()
    try {
      const block = demo(page, 'keep-50mb')
      await run(block)
      await waitForState(block, ['done', 'error'], 40_000)
      const button = block.locator('[data-action="export"]')
      await button.waitFor({ timeout: 10_000 })
      const [download] = await Promise.all([page.waitForEvent('download'), button.click()])
      const path = 'test-results/export.png'
      mkdirSync('test-results', { recursive: true })
      await download.saveAs(path)
      const bytes = readFileSync(path)
      expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a')
      expect(bytes.length).toBeGreaterThan(2000)
    } finally {
      await page.context().close()
    }
  })
})
