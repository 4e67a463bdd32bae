import type { Browser } from 'puppeteer-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { sections } from '../../demos/course/plan'
import { launchFirefox } from '../../scripts/firefox'
import { builtPages } from '../e2e/support/pages'
import { openPage, textOf } from './support/page'

/** Every built page, both languages, in Firefox: no console error, uncaught error, failed or foreign request. */
const siteUrl = inject('siteUrl')
const pages = builtPages()
let browser: Browser

beforeAll(async () => {
  browser = await launchFirefox()
})
afterAll(async () => {
  await browser?.close()
})

describe('the built site in Firefox', () => {
  it('has the home page and every section page in both languages', () => {
    const paths = pages.map((p) => p.path)
    for (const prefix of ['', 'zh/']) {
      expect(paths).toContain(prefix)
      for (const s of sections) expect(paths).toContain(`${prefix}${s.slug}.html`)
    }
  })

  it.each(pages)('$path loads with no console error, page error, failed or foreign request', async ({ path }) => {
    const opened = await openPage(browser, siteUrl + path)
    try {
      expect(opened.status).toBe(200)
      await expect.poll(() => textOf(opened.page, 'h1')).toBeTruthy()
      // The page is the Vue app, hydrated: VitePress's content and this site's layout are there.
      expect(await opened.page.$('.VPContent')).not.toBeNull()
      expect(opened.problems.requests.length).toBeGreaterThan(1)
      expect(opened.problems.consoleErrors).toEqual([])
      expect(opened.problems.pageErrors).toEqual([])
      expect(opened.problems.failedRequests).toEqual([])
      expect(opened.problems.foreignRequests).toEqual([])
    } finally {
      await opened.close()
    }
  })
})
