import { readFileSync } from 'node:fs'
import { strFromU8, unzipSync } from 'fflate'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { launchChromium } from '../../scripts/chromium'
import { demo, run, waitForState } from './support/demo'
import { REQUIRED_SPEEDUP } from '../../demos/exercises/hw-2-workers'

/**
 * The homework page (issue #7 acceptance 1 and 2): each homework's starter fails a check with a hint
 * and its reference solution passes; the exported PNGs and results.json land in the zip, and the
 * JSON's figures are the ones the page showed.
 */
const siteUrl = inject('siteUrl')
let browser: Browser

beforeAll(async () => {
  browser = await launchChromium()
})
afterAll(async () => {
  await browser?.close()
})

async function attempt(page: Page, id: string): Promise<Record<string, string>> {
  const block = demo(page, id)
  await run(block)
  await waitForState(block, ['done', 'error', 'timeout'], 120_000)
  const out: Record<string, string> = {}
  for (const item of await block.locator('[data-check]').all()) {
    out[(await item.getAttribute('data-check')) ?? ''] = (await item.getAttribute('data-result')) ?? ''
  }
  return out
}

async function figuresShown(page: Page, id: string): Promise<Record<string, number>> {
  const out: Record<string, number> = {}
  for (const f of await demo(page, id).locator('[data-figure]').all()) {
    out[(await f.getAttribute('data-figure')) ?? ''] = Number(await f.getAttribute('data-value'))
  }
  return out
}

/** Width and height of a PNG (IHDR). */
function pngSize(png: Uint8Array): [number, number] {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength)
  return [view.getUint32(16), view.getUint32(20)]
}

describe('homework page', () => {
  it('checks every homework, exports PNGs and bundles them with results.json in a zip', { timeout: 300_000 }, async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true })
    const page = await context.newPage()
    page.on('pageerror', (error) => {
      throw error
    })
    try {
      await page.goto(siteUrl + '8-9-homework.html', { waitUntil: 'networkidle' })
      expect(await page.evaluate(() => crossOriginIsolated)).toBe(true)
      const shown: Record<string, Record<string, number>> = {}
      for (const id of ['hw-1-curves', 'hw-2-workers', 'hw-3-profile']) {
        const block = demo(page, id)
        await block.scrollIntoViewIfNeeded()
        await expect.poll(() => block.getAttribute('data-editor'), { timeout: 30_000 }).toBe('ready')
        const starter = await attempt(page, id)
        expect(Object.values(starter), `${id} starter ${JSON.stringify(starter)}`).toContain('fail')
        expect(await block.locator('[data-hint]').count()).toBeGreaterThan(0)
        await block.locator('[data-action="solution"]').click()
        await block.locator('[data-action="use-solution"]').click()
        const solved = await attempt(page, id)
        if (id === 'hw-2-workers') {
          // Printed so that runs can be compared; the check itself decides (no retries, no tolerance).
          const detail = await block.locator('[data-check="speedup"] [data-detail]').textContent()
          console.log(`hw-2-workers speedup: ${detail ?? '(none)'}`)
          // Never a failure for the reference solution. "Could not measure" only where the machine
          // cannot give the bar right now: one core, or the kit's own split below REQUIRED_SPEEDUP
          // while the solution itself stays below it too (a solution that reaches it passes).
          const figures = await figuresShown(page, id)
          const cores = await page.evaluate(() => navigator.hardwareConcurrency)
          console.log(`hw-2-workers figures: ${JSON.stringify(figures)}`)
          const reached = (figures.speedup ?? 0) >= REQUIRED_SPEEDUP || (figures.referenceSpeedup ?? 0) >= REQUIRED_SPEEDUP
          if (cores >= 2 && reached) expect(solved.speedup).toBe('pass')
          else expect(solved.speedup).toBe('unmeasured')
        }
        expect(Object.values(solved), `${id} solution ${JSON.stringify(solved)}`).not.toContain('fail')
        expect(await block.getAttribute('data-status')).toBe('passed')
        shown[id] = await figuresShown(page, id)
      }

      // hw 1: the exercise's chart export. hw 3: the flame graph viewer's own export of the call tree.
      const [curves] = await Promise.all([page.waitForEvent('download'), demo(page, 'hw-1-curves').locator('[data-action="export"]').click()])
      expect(curves.suggestedFilename()).toBe('hw-1-curves.png')
      const flame = demo(page, 'hw-3-profile').locator('[data-flame]')
      const viewer = flame.locator('[data-demo="flamegraph"]')
      await expect.poll(() => viewer.getAttribute('data-state'), { timeout: 20_000 }).toBe('done')
      expect(await viewer.getAttribute('data-file')).toBe('hw-3-profile.cpuprofile')
      expect(Number(await viewer.getAttribute('data-frames'))).toBeGreaterThanOrEqual(6)
      await viewer.locator('[data-search]').fill('parseIps')
      await expect.poll(async () => Number(await viewer.getAttribute('data-matches'))).toBe(1)
      const [flamePng] = await Promise.all([page.waitForEvent('download'), viewer.locator('[data-action="export"]').click()])
      expect(flamePng.suggestedFilename()).toBe('hw-3-profile-flamegraph.png')
      await flame.locator('[data-png-saved]').waitFor()
      await expect.poll(() => page.locator('[data-homework-download]').getAttribute('data-pngs')).toBe('2')

      const [zipDownload] = await Promise.all([page.waitForEvent('download'), page.locator('[data-homework-download] [data-action="download"]').click()])
      const path = await zipDownload.path()
      const files = unzipSync(new Uint8Array(readFileSync(path)))
      const results = JSON.parse(strFromU8(files['results.json'] as Uint8Array)) as {
        browser: { userAgent: string }
        generatedAt: string
        exercises: { id: string; status: string; figures?: Record<string, number>; checks?: Record<string, unknown>[] }[]
        pngs: string[]
      }
      expect(results.browser.userAgent).toMatch(/Chrom/)
      expect(Date.parse(results.generatedAt)).toBeGreaterThan(0)
      for (const id of Object.keys(shown)) {
        const entry = results.exercises.find((e) => e.id === id)
        expect(entry?.status).toBe(await demo(page, id).getAttribute('data-status'))
        expect(entry?.figures).toEqual(shown[id])
        // call trees are drawn, not stored
        expect(JSON.stringify(entry?.checks ?? [])).not.toContain('"trace"')
      }
      expect(results.pngs).toEqual(['hw-1-curves.png', 'hw-3-profile.png'])
      for (const name of results.pngs) {
        const png = files[`png/${name}`]
        expect(png?.length).toBeGreaterThan(1000)
        expect([...(png ?? []).slice(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47])
      }
      // The zip's hw 3 PNG is the viewer's export: the downloaded image's size, the viewer canvas plus
      // the export's margins, and the watermark below the flame graph.
      const zipped = files['png/hw-3-profile.png'] as Uint8Array
      const downloaded = new Uint8Array(readFileSync(await flamePng.path()))
      expect(pngSize(zipped)).toEqual(pngSize(downloaded))
      const canvasWidth = await viewer.locator('[data-flame-canvas]').evaluate((c: HTMLCanvasElement) => c.width)
      expect(pngSize(zipped)[0]).toBe(canvasWidth + 32)
      const inked = await page.evaluate(async (dataUrl) => {
        const img = new Image()
        img.src = dataUrl
        await img.decode()
        const c = document.createElement('canvas')
        c.width = img.width
        c.height = img.height
        const ctx = c.getContext('2d')
        if (!ctx) return -1
        ctx.drawImage(img, 0, 0)
        // below the flame graph, right-aligned: only the watermark is drawn there
        const d = ctx.getImageData(img.width - 140, img.height - 23, 124, 7).data
        const bg = ctx.getImageData(2, img.height - 2, 1, 1).data
        let n = 0
        for (let i = 0; i < d.length; i += 4) if (Math.abs((d[i] ?? 0) - (bg[0] ?? 0)) > 30) n++
        return n
      }, `data:image/png;base64,${Buffer.from(zipped).toString('base64')}`)
      expect(inked).toBeGreaterThan(20)

      await page.reload({ waitUntil: 'networkidle' })
      await expect.poll(() => page.locator('[data-exercise-progress] [data-progress-section="8.9"]').getAttribute('data-done')).toBe('3')
    } finally {
      await context.close()
    }
  })
})
