import type { Page } from 'playwright-core'

/** What went wrong while a page loaded: console errors, uncaught errors, failed or foreign requests. */
export interface PageProblems {
  consoleErrors: string[]
  pageErrors: string[]
  failedRequests: string[]
  foreignRequests: string[]
  /** Every JavaScript response, with its uncompressed body size. */
  scripts: { url: string; bytes: Buffer }[]
}

/** Starts recording problems on a page; only 127.0.0.1 counts as the site's own host. */
export function watchPage(page: Page, host = '127.0.0.1'): PageProblems {
  const problems: PageProblems = { consoleErrors: [], pageErrors: [], failedRequests: [], foreignRequests: [], scripts: [] }
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.consoleErrors.push(msg.text())
  })
  page.on('pageerror', (err) => problems.pageErrors.push(String(err)))
  page.on('request', (req) => {
    const url = new URL(req.url())
    if (url.protocol !== 'data:' && url.protocol !== 'blob:' && url.hostname !== host) problems.foreignRequests.push(req.url())
  })
  page.on('requestfailed', (req) => problems.failedRequests.push(`${req.url()} (${req.failure()?.errorText ?? 'failed'})`))
  page.on('response', async (res) => {
    if (res.status() >= 400) problems.failedRequests.push(`${res.url()} (HTTP ${res.status()})`)
    const type = res.headers()['content-type'] ?? ''
    if (type.includes('javascript')) {
      try {
        problems.scripts.push({ url: res.url(), bytes: await res.body() })
      } catch {
        // a body that was never read (navigation away) is not counted
      }
    }
  })
  return problems
}
