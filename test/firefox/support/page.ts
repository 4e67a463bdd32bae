import type { Browser, BrowserContext, Page, GoToOptions } from 'puppeteer-core'
import { expect } from 'vitest'

/**
 * Helpers for the Firefox tests (puppeteer-core over WebDriver BiDi): record what goes wrong on a
 * page, open pages in fresh browser contexts, and drive demos through the testing contract
 * (data-demo, data-action, data-state, data-output).
 */

/** What went wrong while a page loaded: console errors, uncaught errors, failed or foreign requests. */
export interface PageProblems {
  consoleErrors: string[]
  pageErrors: string[]
  failedRequests: string[]
  foreignRequests: string[]
  /** Every request the page made, to tell an empty record from a page that was never watched. */
  requests: string[]
  /** HTTP status of each top-level document the page received, in order. */
  documents: { url: string; status: number }[]
}

/** Starts recording problems on a page; only 127.0.0.1 counts as the site's own host. */
export function watchPage(page: Page, host = '127.0.0.1'): PageProblems {
  const problems: PageProblems = { consoleErrors: [], pageErrors: [], failedRequests: [], foreignRequests: [], requests: [], documents: [] }
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.consoleErrors.push(msg.text())
  })
  page.on('pageerror', (error) => problems.pageErrors.push(String(error)))
  page.on('request', (req) => {
    problems.requests.push(req.url())
    const url = new URL(req.url())
    const local = ['data:', 'blob:', 'about:'].includes(url.protocol)
    if (!local && url.hostname !== host) problems.foreignRequests.push(req.url())
  })
  page.on('requestfailed', (req) => problems.failedRequests.push(`${req.url()} (${req.failure()?.errorText ?? 'failed'})`))
  page.on('response', (res) => {
    if (res.request().isNavigationRequest() && res.frame() === page.mainFrame()) problems.documents.push({ url: res.url(), status: res.status() })
    if (res.status() >= 400) problems.failedRequests.push(`${res.url()} (HTTP ${res.status()})`)
  })
  return problems
}

export interface OpenedPage {
  readonly context: BrowserContext
  readonly page: Page
  readonly problems: PageProblems
  /** HTTP status of the navigation's response (0 when there was none). */
  readonly status: number
  close(): Promise<void>
}

/**
 * Navigates and returns the HTTP status of the document (0 when none arrived). puppeteer's Firefox
 * (BiDi) side now and then resolves goto with null although the document arrived (seen about once
 * in 60 loads): then the status comes from the page's own record of the navigation response.
 */
export async function navigate(page: Page, problems: PageProblems, url: string, options: GoToOptions = {}): Promise<number> {
  const response = await page.goto(url, { waitUntil: 'networkidle0', timeout: 60_000, ...options })
  if (response) return response.status()
  const recorded = problems.documents.filter((d) => d.url === url).at(-1)
  console.warn(`page.goto(${url}) gave no response; recorded document status: ${recorded?.status ?? 'none'}`)
  return recorded?.status ?? 0
}

/** Opens a URL in a fresh browser context (own storage, own service worker) and waits for the network to settle. */
export async function openPage(browser: Browser, url: string, timeout = 60_000): Promise<OpenedPage> {
  const context = await browser.createBrowserContext()
  const page = await context.newPage()
  await page.setViewport({ width: 1280, height: 900 })
  const problems = watchPage(page)
  const status = await navigate(page, problems, url, { timeout })
  return { context, page, problems, status, close: () => context.close() }
}

export const demoSelector = (id: string): string => `[data-demo="${id}"]`

/** The value of an attribute of the first element matching selector (null when absent or no element). */
export function attribute(page: Page, selector: string, name: string): Promise<string | null> {
  return page.evaluate((sel, attr) => document.querySelector(sel)?.getAttribute(attr) ?? null, selector, name)
}

export function textOf(page: Page, selector: string): Promise<string | null> {
  return page.evaluate((sel) => document.querySelector(sel)?.textContent ?? null, selector)
}

export function count(page: Page, selector: string): Promise<number> {
  return page.evaluate((sel) => document.querySelectorAll(sel).length, selector)
}

/** Waits until the demo's data-state is one of `states` and returns it. */
export async function waitForState(page: Page, id: string, states: string | string[], timeout = 30_000): Promise<string> {
  const wanted = Array.isArray(states) ? states : [states]
  const handle = await page.waitForFunction(
    (sel, list) => {
      const state = document.querySelector<HTMLElement>(sel)?.dataset.state
      return state !== undefined && list.includes(state) ? state : false
    },
    { timeout, polling: 100 },
    demoSelector(id),
    wanted,
  )
  return String(await handle.jsonValue())
}

/** Clicks the demo's Run button once it is hydrated and enabled. */
export async function run(page: Page, id: string, timeout = 30_000): Promise<void> {
  const button = await page.waitForSelector(`${demoSelector(id)} [data-action="run"]:not([disabled])`, { timeout })
  if (!button) throw new Error(`no Run button on demo ${id}`)
  await button.click()
  await button.dispose()
}

/** Text of the demo's output area ('' before there is one). */
export async function outputText(page: Page, id: string): Promise<string> {
  return (await textOf(page, `${demoSelector(id)} [data-output]`)) ?? ''
}

/** Polls an expression in the page that may throw while the page reloads itself, until it is true. */
export async function settle(page: Page, fn: () => boolean | Promise<boolean>, timeout = 60_000): Promise<void> {
  await expect
    .poll(
      async () => {
        try {
          return await page.evaluate(fn)
        } catch {
          return false
        }
      },
      { timeout, interval: 250 },
    )
    .toBe(true)
}
