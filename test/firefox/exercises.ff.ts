import type { Browser, Page } from 'puppeteer-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { launchFirefox } from '../../scripts/firefox'
import { attribute, count, demoSelector, openPage, run, textOf, waitForState } from './support/page'

/**
 * Exercises in Firefox: the starter fails with a hint, the solution passes, progress survives a
 * reload; the memory check of 8.5 says "could not measure" (Firefox has no memory API), not "fail".
 */
const siteUrl = inject('siteUrl')
let browser: Browser

beforeAll(async () => {
  browser = await launchFirefox()
})
afterAll(async () => {
  await browser?.close()
})

async function results(page: Page, id: string): Promise<Record<string, string>> {
  return page.evaluate(
    (sel) => Object.fromEntries([...document.querySelectorAll(`${sel} [data-check]`)].map((li) => [li.getAttribute('data-check') ?? '', li.getAttribute('data-result') ?? ''])),
    demoSelector(id),
  )
}

async function check(page: Page, id: string): Promise<Record<string, string>> {
  await run(page, id)
  await waitForState(page, id, ['done', 'error', 'timeout'], 90_000)
  return results(page, id)
}

async function useSolution(page: Page, id: string): Promise<void> {
  await page.click(`${demoSelector(id)} [data-action="solution"]`)
  const use = await page.waitForSelector(`${demoSelector(id)} [data-action="use-solution"]`)
  await use!.click()
}

describe('exercise ex-8-6-defaults (Chinese page)', () => {
  it('starter fails with a hint, the solution passes in the Monaco editor, progress survives a reload', async () => {
    const id = 'ex-8-6-defaults'
    const block = demoSelector(id)
    const opened = await openPage(browser, siteUrl + 'zh/8-6-mutable-defaults.html')
    const { page } = opened
    try {
      expect(await attribute(page, block, 'data-status')).toBe('untried')
      // Scrolled into view, the exercise swaps its highlighted starter for Monaco.
      await page.$eval(block, (el) => el.scrollIntoView({ block: 'center' }))
      await page.waitForSelector(`${block}[data-editor="ready"]`, { timeout: 60_000 })
      expect(await count(page, `${block} .monaco-editor`)).toBe(1)

      const starter = await check(page, id)
      expect(Object.values(starter), JSON.stringify(starter)).toContain('fail')
      const failed = Object.values(starter).filter((r) => r === 'fail').length
      expect(await count(page, `${block} [data-hint]`)).toBe(failed)
      expect(await textOf(page, `${block} [data-hint]`)).toMatch(/提示：/)
      expect(await attribute(page, block, 'data-status')).toBe('failed')

      await useSolution(page, id)
      const solved = await check(page, id)
      expect(solved).toEqual({ 'independent-calls': 'pass', 'caller-array': 'pass', 'separate-carts': 'pass' })
      expect(await count(page, `${block} [data-hint]`)).toBe(0)
      expect(await attribute(page, block, 'data-status')).toBe('passed')

      await page.reload({ waitUntil: 'networkidle0' })
      await expect.poll(() => attribute(page, block, 'data-status')).toBe('passed')
      await expect.poll(() => attribute(page, '[data-exercise-progress] [data-progress-section="8.6"]', 'data-done')).toBe('1')
      expect(opened.problems.pageErrors).toEqual([])
      expect(opened.problems.consoleErrors).toEqual([])
    } finally {
      await opened.close()
    }
  })
})

describe('exercise ex-8-5-generator (memory check)', () => {
  it('reports the heap check as "could not measure" in Firefox, for the starter and for the solution', async () => {
    const id = 'ex-8-5-generator'
    const block = demoSelector(id)
    const opened = await openPage(browser, siteUrl + '8-5-shrink-a-list.html')
    const { page } = opened
    try {
      const starter = await check(page, id)
      expect(starter).toEqual({ total: 'pass', generator: 'fail', heap: 'unmeasured' })
      const heap = `${block} [data-check="heap"]`
      expect(await textOf(page, heap)).toContain('could not measure')
      expect(await textOf(page, `${heap} [data-detail]`)).toContain('this browser gives no memory figure here')
      expect(await count(page, `${heap} [data-hint]`)).toBe(0)
      expect(await count(page, `${block} [data-hint]`)).toBe(1)
      expect(await attribute(page, block, 'data-status')).toBe('failed')

      await useSolution(page, id)
      const solved = await check(page, id)
      expect(solved).toEqual({ total: 'pass', generator: 'pass', heap: 'unmeasured' })
      // "could not measure" neither fails the attempt nor counts as a pass by itself.
      expect(await attribute(page, block, 'data-status')).toBe('passed')
      expect(await count(page, `${block} [data-hint]`)).toBe(0)
      expect(opened.problems.pageErrors).toEqual([])
      expect(opened.problems.consoleErrors).toEqual([])
    } finally {
      await opened.close()
    }
  })
})
