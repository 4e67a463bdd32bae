import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import type { Browser, Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { LogGenerator } from '../../demos/logs/generate'
import { launchChromium } from '../../scripts/chromium'

/** The 8.7 lab: every engine finds the generator's truth; workers agree with one thread; Cancel is quick; both loops count alike. */
const siteUrl = inject('siteUrl')
let browser: Browser
let page: Page
let lab: Locator

beforeAll(async () => {
  browser = await launchChromium()
  page = await browser.newPage({ viewport: { width: 1280, height: 1000 } })
  await page.goto(`${siteUrl}8-7-log-aggregator.html`, { waitUntil: 'networkidle' })
  lab = page.locator('[data-demo="log-lab"]')
  await lab.locator('[data-action="run"]:not([disabled])').waitFor()
})
afterAll(async () => {
  await browser?.close()
})

async function aggregate(engine: string): Promise<{ pv: number; uv: number; truth: string | null }> {
  await lab.locator(`input[data-engine="${engine}"]`).check()
  await lab.locator('[data-action="run"]').click()
  await page.waitForFunction(
    (el) => ['done', 'error', 'stopped'].includes((el as HTMLElement).dataset.state ?? ''),
    await lab.elementHandle(),
    { timeout: 120_000 },
  )
  expect(await lab.getAttribute('data-state')).toBe('done')
  const result = lab.locator('[data-result]')
  expect(await result.getAttribute('data-engine')).toBe(engine)
  const truth = lab.locator('[data-truth]')
  return {
    pv: Number(await result.getAttribute('data-pv')),
    uv: Number(await result.getAttribute('data-uv')),
    truth: (await truth.count()) > 0 ? await truth.getAttribute('data-truth-matches') : null,
  }
}

describe('the 8.7 lab on a 200 MB generated log', () => {
  it('gives the generator’s PV and UV with every engine', async () => {
    await lab.locator('[data-source="generated"]').check()
    await lab.locator('[data-option="size"]').selectOption(String(200e6))
    // the generator's defaults: IPv6 clients (some IPv4-mapped), garbage lines, empty lines
    const stream = await aggregate('stream')
    const parallel = await aggregate('parallel')
    const naive = await aggregate('naive')
    expect(stream.truth).toBe('true')
    expect(parallel.truth).toBe('true')
    expect(naive.truth).toBe('true')
    expect(naive).toEqual(stream)
    expect(parallel).toEqual(stream)
    expect(stream.pv).toBeGreaterThan(500_000)
  })

  it('labels the after-GC reading it waits for while a run goes on, and announces none after it', async () => {
    const meter = lab.locator('[data-memory]')
    await lab.locator('input[data-engine="naive"]').check()
    await lab.locator('[data-action="run"]').click()
    // On the isolated page the workers are measured after a GC, which Chromium delays: say so.
    await expect.poll(() => meter.getAttribute('data-memory-mode')).toBe('uasm')
    await expect.poll(() => lab.locator('[data-memory-pending]').textContent(), { timeout: 5_000 }).toContain('30 s')
    await page.waitForFunction((el) => (el as HTMLElement).dataset.state === 'done', await lab.elementHandle(), { timeout: 120_000 })
    expect(await lab.locator('[data-memory-pending]').count()).toBe(0)
  })

  it('cancels within 200 ms', async () => {
    await lab.locator('[data-option="size"]').selectOption(String(10e9))
    await lab.locator('input[data-engine="stream"]').check()
    await lab.locator('[data-action="run"]').click()
    await page.waitForFunction((el) => Number((el as HTMLElement).querySelector('[data-progress]')?.getAttribute('data-bytes')) > 5e6, await lab.elementHandle())
    const ms = await lab.evaluate(
      (root) =>
        new Promise<number>((resolve) => {
          const observer = new MutationObserver(() => {
            if ((root as HTMLElement).dataset.state === 'stopped') {
              observer.disconnect()
              resolve(performance.now() - clicked)
            }
          })
          observer.observe(root, { attributes: true, attributeFilter: ['data-state'] })
          const clicked = performance.now()
          ;(root.querySelector('[data-action="stop"]') as HTMLButtonElement).click()
        }),
    )
    expect(ms).toBeLessThanOrEqual(200)
    expect(await lab.locator('[data-reason]').textContent()).toMatch(/Cancelled/)
  })
})

describe('the 8.7 lab on a file', () => {
  let dir: string
  let truth: { pv: number; uv: number; malformed: number }

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'log-lab-'))
    const gen = new LogGenerator({ size: 8e6, seed: 3, ips: 20_000, ipv6: 0.05, malformed: 0.002, crlf: true })
    const parts: Buffer[] = []
    for (let chunk = gen.next(); chunk !== null; chunk = gen.next()) parts.push(Buffer.from(chunk))
    const log = Buffer.concat(parts)
    writeFileSync(join(dir, 'access.log'), log)
    writeFileSync(join(dir, 'access.log.gz'), gzipSync(log))
    writeFileSync(join(dir, 'truncated.log.gz'), gzipSync(log).subarray(0, 50_000))
    truth = gen.truth()
  })

  it('splits the file across workers and agrees with one worker and with the truth', async () => {
    await lab.locator('[data-source="file"]').check()
    await lab.locator('[data-option="file"]').setInputFiles(join(dir, 'access.log'))
    const stream = await aggregate('stream')
    const parallel = await aggregate('parallel')
    expect({ pv: stream.pv, uv: stream.uv }).toEqual({ pv: truth.pv, uv: truth.uv })
    expect(parallel).toEqual(stream)
    expect(Number(await lab.locator('[data-malformed]').getAttribute('data-count'))).toBe(truth.malformed)
  })

  it('reads .gz files and reports a truncated one clearly', async () => {
    await lab.locator('[data-option="file"]').setInputFiles(join(dir, 'access.log.gz'))
    const gz = await aggregate('stream')
    expect({ pv: gz.pv, uv: gz.uv }).toEqual({ pv: truth.pv, uv: truth.uv })
    await lab.locator('[data-option="file"]').setInputFiles(join(dir, 'truncated.log.gz'))
    await lab.locator('[data-action="run"]').click()
    await page.waitForFunction((el) => ['done', 'error'].includes((el as HTMLElement).dataset.state ?? ''), await lab.elementHandle(), { timeout: 30_000 })
    expect(await lab.getAttribute('data-state')).toBe('error')
    expect((await lab.locator('[data-reason]').textContent())?.length).toBeGreaterThan(0)
  })
})

describe('the 8.7 lab’s WebAssembly scanner', () => {
  it('counts the same with the WebAssembly loop and the plain JavaScript loop', async () => {
    await lab.locator('[data-source="generated"]').check()
    await lab.locator('[data-option="size"]').selectOption(String(10e6))
    const wasmOption = lab.locator('[data-option="wasm"]')
    const loop = (): Promise<string | null> => lab.locator('[data-result]').getAttribute('data-loop')
    expect(await wasmOption.isChecked()).toBe(true)
    const wasm = await aggregate('stream')
    expect(await loop()).toBe('wasm')
    await wasmOption.uncheck()
    const js = await aggregate('stream')
    expect(await loop()).toBe('js')
    expect(await lab.locator('[data-result] .note').first().textContent()).toMatch(/· JavaScript:/)
    expect(wasm.truth).toBe('true')
    expect(js).toEqual(wasm)
    await lab.locator('input[data-engine="naive"]').check()
    expect(await wasmOption.isDisabled()).toBe(true)
  })
})
