import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, ElementHandle, Page } from 'puppeteer-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { LogGenerator, type GenerateOptions, type LogTruth } from '../../demos/logs/generate'
import { launchFirefox } from '../../scripts/firefox'
import { attribute, openPage, textOf, type OpenedPage } from './support/page'

/** The 8.7 log lab in Firefox: PV and UV of a generated log and of an uploaded file equal the generator's truth. */
const siteUrl = inject('siteUrl')
const LAB = '[data-demo="log-lab"]'
let browser: Browser
let opened: OpenedPage
let page: Page

/** The truth of a generated log, computed here in Node, independently of the page. */
function truthOf(options: GenerateOptions): { log: Buffer; truth: LogTruth } {
  const gen = new LogGenerator(options)
  const parts: Buffer[] = []
  for (let chunk = gen.next(); chunk !== null; chunk = gen.next()) parts.push(Buffer.from(chunk))
  return { log: Buffer.concat(parts), truth: gen.truth() }
}

async function aggregate(engine: 'naive' | 'stream' | 'parallel'): Promise<{ pv: number; uv: number; truthMatches: string | null; loop: string | null }> {
  await page.click(`${LAB} input[data-engine="${engine}"]`)
  await page.click(`${LAB} [data-action="run"]`)
  await page.waitForFunction((sel) => ['done', 'error', 'stopped'].includes(document.querySelector<HTMLElement>(sel)?.dataset.state ?? ''), { timeout: 120_000, polling: 100 }, LAB)
  expect(await attribute(page, LAB, 'data-state'), (await textOf(page, `${LAB} [data-reason]`)) ?? '').toBe('done')
  const result = `${LAB} [data-result]`
  expect(await attribute(page, result, 'data-engine')).toBe(engine)
  return {
    pv: Number(await attribute(page, result, 'data-pv')),
    uv: Number(await attribute(page, result, 'data-uv')),
    truthMatches: await attribute(page, `${LAB} [data-truth]`, 'data-truth-matches'),
    loop: await attribute(page, result, 'data-loop'),
  }
}

beforeAll(async () => {
  browser = await launchFirefox()
  opened = await openPage(browser, siteUrl + '8-7-log-aggregator.html')
  page = opened.page
  await page.waitForSelector(`${LAB} [data-action="run"]:not([disabled])`)
})
afterAll(async () => {
  await opened?.close()
  await browser?.close()
})

describe('the 8.7 lab in Firefox', () => {
  it('gives the generator’s PV and UV for a generated 10 MB log with every engine', async () => {
    // The lab's defaults: seed 8, 200,000 clients, 2 % IPv6, 0.1 % garbage.
    const { truth } = truthOf({ size: 10e6, seed: 8, ips: 200_000, ipv6: 0.02, malformed: 0.001 })
    await page.click(`${LAB} [data-source="generated"]`)
    await page.select(`${LAB} [data-option="size"]`, String(10e6))
    const stream = await aggregate('stream')
    expect({ pv: stream.pv, uv: stream.uv }).toEqual({ pv: truth.pv, uv: truth.uv })
    expect(stream.truthMatches).toBe('true')
    expect(stream.loop).toBe('wasm') // Firefox runs the WebAssembly SIMD loop too
    const parallel = await aggregate('parallel')
    expect({ pv: parallel.pv, uv: parallel.uv }).toEqual({ pv: truth.pv, uv: truth.uv })
    expect(parallel.truthMatches).toBe('true')
    const naive = await aggregate('naive')
    expect({ pv: naive.pv, uv: naive.uv }).toEqual({ pv: truth.pv, uv: truth.uv })
    expect(naive.truthMatches).toBe('true')
    expect(truth.pv).toBeGreaterThan(20_000)
    // The lab's memory readout says that Firefox gives no figure.
    expect(await attribute(page, `${LAB} [data-memory]`, 'data-memory-mode')).toBe('none')
    expect(opened.problems.pageErrors).toEqual([])
    expect(opened.problems.consoleErrors).toEqual([])
  })

  it('gives the truth for a log file the reader picks', async () => {
    const { log, truth } = truthOf({ size: 3e6, seed: 5, ips: 5_000, ipv6: 0.05, malformed: 0.002, crlf: true })
    const dir = mkdtempSync(join(tmpdir(), 'ff-log-lab-'))
    try {
      const file = join(dir, 'access.log')
      writeFileSync(file, log)
      await page.click(`${LAB} [data-source="file"]`)
      const input = (await page.waitForSelector(`${LAB} input[data-option="file"]`)) as ElementHandle<HTMLInputElement>
      await input.uploadFile(file)
      const stream = await aggregate('stream')
      expect({ pv: stream.pv, uv: stream.uv }).toEqual({ pv: truth.pv, uv: truth.uv })
      expect(Number(await attribute(page, `${LAB} [data-malformed]`, 'data-count'))).toBe(truth.malformed)
      const parallel = await aggregate('parallel')
      expect({ pv: parallel.pv, uv: parallel.uv }).toEqual({ pv: truth.pv, uv: truth.uv })
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
