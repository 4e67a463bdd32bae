import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { chromium, type Browser, type Page } from 'playwright-core'
import { findChromium } from './chromium'
import { distDir, siteBase } from './site-paths'
import { startStaticServer } from './static-server'

/**
 * `npm run bench:meter`: how long each memory route makes a reader wait in Chromium as students
 * start it (no flags), on the built site served with and without cross-origin isolation. Prints the
 * median (and range) per route, then how long the memory demos and homework 1 take from Run to done.
 * The figures on "How the demos work" come from this script.
 */
const { values } = parseArgs({ options: { readings: { type: 'string', default: '5' } } })
const readings = Number(values.readings)

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b)
  const mid = Math.floor(s.length / 2)
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2
}
const summary = (xs: number[]): string =>
  `median ${median(xs).toFixed(0).padStart(6)} ms   range ${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)} ms   (${xs.length} readings)`

async function routeWaits(page: Page, label: string, fn: () => Promise<number>): Promise<void> {
  const waits: number[] = []
  for (let i = 0; i < readings; i++) waits.push(await page.evaluate(fn))
  console.log(`${label.padEnd(58)} ${summary(waits)}`)
}

async function demoRun(page: Page, id: string, action: string): Promise<number> {
  const block = page.locator(`[data-demo="${id}"]`)
  await block.scrollIntoViewIfNeeded()
  const button = block.locator(`[data-action="${action}"]`)
  await button.waitFor()
  await page.waitForFunction((el) => !(el as HTMLButtonElement).disabled, await button.elementHandle())
  const started = Date.now()
  await button.click()
  await page.waitForFunction((el) => ['done', 'error', 'timeout', 'stopped'].includes((el as HTMLElement).dataset.state ?? ''), await block.elementHandle(), { timeout: 180_000, polling: 50 })
  return Date.now() - started
}

const isolated = await startStaticServer({ root: distDir, base: siteBase() })
const plain = await startStaticServer({ root: distDir, base: siteBase(), isolate: false })
// Chromium started by hand with only --headless and --no-sandbox (needed as root), then driven over
// CDP: no test-only flag, and none of the defaults a test driver adds when it launches a browser.
const profile = mkdtempSync(join(tmpdir(), 'lesson8-meter-'))
const port = 9300 + Math.floor(Math.random() * 500)
const chrome = spawn(findChromium(), ['--headless', '--no-sandbox', `--remote-debugging-port=${port}`, `--user-data-dir=${profile}`, 'about:blank'], { stdio: 'ignore' })
let browser: Browser | undefined
for (let i = 0; i < 100 && !browser; i++) {
  try {
    browser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`)
  } catch {
    await new Promise((r) => setTimeout(r, 100))
  }
}
if (!browser) throw new Error('Chromium did not open its debugging port')
try {
  console.log(`Chromium ${browser.version()}, started with only --headless --no-sandbox; ${readings} readings per route\n`)
  const context = await browser.newContext({ serviceWorkers: 'block' })
  const page = await context.newPage()
  await page.goto(`${isolated.url}how-demos-work.html`, { waitUntil: 'networkidle' })
  if (!(await page.evaluate(() => crossOriginIsolated))) throw new Error('the isolated server did not isolate the page')

  await routeWaits(page, 'performance.memory, fresh reading (the page route)', async () => {
    const t = performance.now()
    await new Promise((r) => setTimeout(r, 60)) // past Chromium's 50 ms cache, as the meter waits
    void (performance as unknown as { memory: { usedJSHeapSize: number } }).memory.usedJSHeapSize
    return performance.now() - t
  })
  await routeWaits(page, 'measureUserAgentSpecificMemory, quiet page', async () => {
    const t = performance.now()
    await (performance as unknown as { measureUserAgentSpecificMemory(): Promise<unknown> }).measureUserAgentSpecificMemory()
    return performance.now() - t
  })
  await routeWaits(page, 'measureUserAgentSpecificMemory, 64 MB allocated and dropped', async () => {
    const t = performance.now()
    const answer = (performance as unknown as { measureUserAgentSpecificMemory(): Promise<unknown> }).measureUserAgentSpecificMemory()
    let blocks: number[][] | null = []
    for (let i = 0; i < 64; i++) blocks.push(new Array<number>(131_072).fill(i))
    blocks = null
    await answer
    return performance.now() - t
  })
  await routeWaits(page, 'measureUserAgentSpecificMemory, garbage made until it answers', async () => {
    const t = performance.now()
    let answered = false
    const answer = (performance as unknown as { measureUserAgentSpecificMemory(): Promise<unknown> }).measureUserAgentSpecificMemory().then(() => { answered = true })
    while (!answered && performance.now() - t < 40_000) {
      for (let i = 0; i < 8; i++) void new Array<number>(131_072).fill(i)
      await new Promise((r) => setTimeout(r, 0))
    }
    await answer
    return performance.now() - t
  })

  console.log('\nFrom Run to done (stock Chromium):')
  for (const [name, server] of [['isolated', isolated], ['not isolated', plain]] as const) {
    const p = await context.newPage()
    await p.goto(`${server.url}how-demos-work.html`, { waitUntil: 'networkidle' })
    console.log(`  ${name.padEnd(13)} keep-50mb        ${(await demoRun(p, 'keep-50mb', 'run')).toString().padStart(6)} ms`)
    await p.goto(`${server.url}8-2-tracemalloc.html`, { waitUntil: 'networkidle' })
    console.log(`  ${name.padEnd(13)} cjk-snapshots    ${(await demoRun(p, 'cjk-snapshots', 'run')).toString().padStart(6)} ms`)
    await p.goto(`${server.url}8-9-homework.html`, { waitUntil: 'networkidle' })
    const hw = p.locator('[data-demo="hw-1-curves"]')
    await hw.scrollIntoViewIfNeeded()
    await p.waitForFunction((el) => (el as HTMLElement).dataset.editor === 'ready', await hw.elementHandle(), { timeout: 60_000 })
    console.log(`  ${name.padEnd(13)} hw-1 starter     ${(await demoRun(p, 'hw-1-curves', 'run')).toString().padStart(6)} ms`)
    await hw.locator('[data-action="solution"]').click()
    await hw.locator('[data-action="use-solution"]').click()
    console.log(`  ${name.padEnd(13)} hw-1 solution    ${(await demoRun(p, 'hw-1-curves', 'run')).toString().padStart(6)} ms  ${await hw.locator('[data-check="curves"] [data-detail]').textContent()}`)
    await p.goto(`${server.url}8-5-shrink-a-list.html`, { waitUntil: 'networkidle' })
    console.log(`  ${name.padEnd(13)} 8.5 lab, 1 M rows ${(await demoRun(p, 'shrink-lab', 'run')).toString().padStart(5)} ms`)
    await p.close()
  }
} finally {
  await browser.close()
  chrome.kill()
  rmSync(profile, { recursive: true, force: true })
  await isolated.close()
  await plain.close()
}
