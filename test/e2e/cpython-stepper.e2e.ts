import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import fixture from '../../demos/cpython/cpython-fixture.json'
import { launchChromium } from '../../scripts/chromium'
import { demo, outputText, run, waitForState } from './support/demo'

/** 8.1: the CPython stepper shows the recorded counts; the V8 cycle demo runs to its report. */
const siteUrl = inject('siteUrl')
let browser: Browser

beforeAll(async () => {
  browser = await launchChromium()
})
afterAll(async () => {
  await browser?.close()
})

interface Recorded {
  line: number
  collected?: number
  objects: Record<string, { refs: number | null; generation: number | null }>
}

async function openStepper(page: Page, path: string, program: string) {
  await page.goto(siteUrl + path, { waitUntil: 'networkidle' })
  const stepper = demo(page, 'cpython-stepper')
  await stepper.waitFor()
  await stepper.locator(`[data-program-choice="${program}"]`).click()
  await expect.poll(() => stepper.getAttribute('data-program')).toBe(program)
  return stepper
}

describe('8.1 CPython stepper', () => {
  it.each([
    ['8-1-memory-model.html', 'fixed'],
    ['zh/8-1-memory-model.html', 'original'],
  ])('%s: %s shows the recorded count of lst at every step', async (path, program) => {
    const page = await browser.newPage()
    try {
      const stepper = await openStepper(page, path, program)
      const recorded = (fixture.programs as Record<string, Recorded[]>)[program] ?? []
      expect(recorded.length).toBeGreaterThan(3)
      const lst = stepper.locator('[data-object="lst"]')
      for (const [i, want] of recorded.entries()) {
        await stepper.locator('[data-action="forward"]').click()
        await expect.poll(() => stepper.getAttribute('data-step')).toBe(String(i + 1))
        expect(await stepper.getAttribute('data-line')).toBe(String(want.line))
        const refs = want.objects.lst?.refs ?? null
        if (refs === null) expect(await lst.count(), `step ${i + 1}`).toBe(0)
        else expect(await lst.getAttribute('data-refcount'), `step ${i + 1}`).toBe(String(refs))
        if (want.collected !== undefined) {
          expect(await outputText(stepper)).toContain(`gc.collect() ${path.startsWith('zh') ? '返回' : 'returned'} ${want.collected}`)
        }
      }
      expect(await stepper.getAttribute('data-state')).toBe('done')
      if (program === 'fixed') {
        // after del + gc.collect() the list is gone from the picture, and no arrow points at it
        expect(await lst.count()).toBe(0)
        expect(await stepper.locator('[data-arrow-to="lst"]').count()).toBe(0)
        await stepper.locator('[data-action="back"]').click()
        expect(await lst.getAttribute('data-refcount')).toBe('1')
        expect(await stepper.locator('[data-arrow-to="lst"]').count()).toBe(1) // only its own slot
      } else {
        expect(await lst.getAttribute('data-generation')).toBe('2') // survived a full collection
      }
    } finally {
      await page.close()
    }
  })

  it('the V8 cycle demo runs and reports honestly', async () => {
    const page = await browser.newPage()
    try {
      await page.goto(siteUrl + '8-1-memory-model.html', { waitUntil: 'networkidle' })
      const block = demo(page, 'v8-cycle')
      await run(block)
      expect(await waitForState(block, ['done', 'error', 'timeout'], 45_000)).toBe('done')
      const out = await outputText(block)
      expect(out).toContain('pair built, deref(): left')
      expect(out).toMatch(/rounds of garbage: \d+/)
      // GC timing is the engine's choice: either both finalizers ran and deref() is empty, or none yet
      if (/finalizers that ran: none yet/.test(out)) expect(out).toContain('deref() now:')
      else expect(out).toContain('deref() now: undefined (collected)')
    } finally {
      await page.close()
    }
  })
})
