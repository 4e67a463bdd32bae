import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { launchChromium } from '../../scripts/chromium'

const siteUrl = inject('siteUrl')
let browser: Browser
let page: Page

beforeAll(async () => {
  browser = await launchChromium()
  page = await browser.newPage()
})
afterAll(async () => {
  await browser?.close()
})

/**
 * The six errata the site promises, each identified by words that must appear in one Errata box of
 * its page. Every box must also name the CPython version it was checked against.
 */
const errata = [
  { page: '8-1-memory-model', what: 'pymalloc aligns to 16 bytes', words: ['16'] },
  { page: '8-1-memory-model', what: 'getrefcount is an implementation detail', words: ['getrefcount', '3.14'] },
  { page: '8-1-memory-model', what: 'del before gc.collect()', words: ['del ', 'gc.collect()'] },
  { page: '8-6-mutable-defaults', what: '`bag or []` drops an empty list', words: ['bag or []', 'is None'] },
  { page: '8-7-log-aggregator', what: 'getsizeof understates the Counter', words: ['getsizeof'] },
  { page: '8-5-shrink-a-list', what: 'the generator row keeps nothing', words: ['30 MB'] },
] as const

const locales = [
  { prefix: '', title: 'Errata' },
  { prefix: 'zh/', title: '勘误' },
] as const

async function errataBoxes(path: string, title: string): Promise<string[]> {
  await page.goto(siteUrl + path, { waitUntil: 'domcontentloaded' })
  return page.locator('.vp-doc .custom-block.warning').evaluateAll(
    (boxes, wanted) =>
      boxes
        .filter((box) => box.querySelector('.custom-block-title')?.textContent?.trim() === wanted)
        .map((box) => box.textContent ?? ''),
    title,
  )
}

describe.each(locales)('errata ($title)', ({ prefix, title }) => {
  it.each(errata)(`$page: $what`, async ({ page: slug, words }) => {
    const boxes = await errataBoxes(`${prefix}${slug}.html`, title)
    const matching = boxes.filter((text) => words.every((w) => text.includes(w)))
    expect(matching.length, `an ${title} box on ${prefix}${slug} containing ${words.join(' + ')}`).toBeGreaterThan(0)
    for (const text of matching) expect(text).toMatch(/CPython 3\.\d+\.\d+/)
  })
})
