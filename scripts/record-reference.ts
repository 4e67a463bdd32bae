import { writeFileSync } from 'node:fs'
import { launchChromium } from './chromium'
import { distDir, siteBase } from './site-paths'
import { startStaticServer } from './static-server'

/**
 * `npm run record:reference`: runs every memory demo of the built site in headless Chromium as
 * students start it (no flags: the demos run on the page's thread and read performance.memory) and
 * stores the figure at each mark() in demos/memory/reference-runs.json, with the browser version
 * and the date. Browsers that
 * expose no memory figure show these numbers, labelled as a recorded reference run.
 */
const pages = ['how-demos-work.html', '8-2-tracemalloc.html']
const out = new URL('../demos/memory/reference-runs.json', import.meta.url)

const server = await startStaticServer({ root: distDir, base: siteBase() })
const browser = await launchChromium()
const runs: Record<string, { marks: { label: string; bytes: number }[] }> = {}
try {
  for (const path of pages) {
    // A fresh page for each: another page's garbage in the same heap would blur the figures.
    const page = await browser.newPage()
    await page.goto(server.url + path, { waitUntil: 'networkidle' })
    const ids = await page.locator('[data-demo][data-memory-demo="true"]').evaluateAll((els) => els.map((el) => el.getAttribute('data-demo') ?? ''))
    for (const id of ids) {
      const block = page.locator(`[data-demo="${id}"]`)
      await block.locator('[data-action="run"]:not([disabled])').click()
      await page.waitForFunction((el) => ['done', 'error', 'timeout', 'stopped'].includes((el as HTMLElement).dataset.state ?? ''), await block.elementHandle(), { timeout: 120_000 })
      await page.waitForFunction((el) => [...(el as HTMLElement).querySelectorAll('[data-memory-marks] tbody tr')].every((tr) => tr.hasAttribute('data-bytes')), await block.elementHandle(), { timeout: 60_000 })
      const marks = await block.locator('[data-memory-marks] tbody tr').evaluateAll((rows) =>
        rows.map((tr) => ({ label: tr.getAttribute('data-mark') ?? '', bytes: Number(tr.getAttribute('data-bytes')) })),
      )
      runs[id] = { marks }
      console.log(id, marks)
    }
  }
  const data = {
    browser: `Chromium ${browser.version()} (headless)`,
    recordedAt: new Date().toISOString().slice(0, 10),
    mode: 'performance.memory on the page thread (live JS heap, garbage included), no flags',
    runs,
  }
  writeFileSync(out, `${JSON.stringify(data, null, 2)}\n`)
  console.log(`wrote ${out.pathname}`)
} finally {
  await browser.close()
  await server.close()
}
