import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { launchChromium } from '../../scripts/chromium'
import { demo, outputText } from './support/demo'

/** 8.2: the flame graph viewer (shipped profile, search, zoom, bad file, drop) and the snapshot demo. */
const siteUrl = inject('siteUrl')
const heapText = readFileSync(join(import.meta.dirname, '../../docs/public/profiles/log-aggregator.heapprofile'), 'utf8')
let browser: Browser

beforeAll(async () => {
  browser = await launchChromium()
})
afterAll(async () => {
  await browser?.close()
})

describe('8.2 flame graph viewer', () => {
  it.each(['8-2-tracemalloc.html', 'zh/8-2-tracemalloc.html'])('%s: renders, searches, zooms, survives a bad file', async (path) => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
    try {
      await page.goto(siteUrl + path, { waitUntil: 'networkidle' })
      const viewer = demo(page, 'flamegraph')
      await expect.poll(() => viewer.getAttribute('data-state'), { timeout: 20_000 }).toBe('done')
      expect(await viewer.getAttribute('data-file')).toBe('log-aggregator.cpuprofile')
      expect(Number(await viewer.getAttribute('data-frames'))).toBeGreaterThan(10)
      const canvas = viewer.locator('[data-flame-canvas]')
      const box = await canvas.boundingBox()
      expect(box?.height).toBeGreaterThan(100)

      await viewer.locator('[data-search]').fill('parseLine')
      await expect.poll(async () => Number(await viewer.getAttribute('data-matches'))).toBeGreaterThanOrEqual(1)
      expect(await viewer.locator('[data-match-text]').textContent()).toMatch(/\d/)
      // a highlighted frame is painted in the match colour somewhere on the canvas
      const purple = await canvas.evaluate((c: HTMLCanvasElement) => {
        const ctx = c.getContext('2d')
        if (!ctx) return 0
        const d = ctx.getImageData(0, 0, c.width, c.height).data
        let n = 0
        for (let i = 0; i < d.length; i += 4) if (d[i] === 0x8b && d[i + 1] === 0x5c && d[i + 2] === 0xf6) n++
        return n
      })
      expect(purple).toBeGreaterThan(0)

      // click a frame in the second row: the viewer zooms into it
      expect(await viewer.getAttribute('data-focus')).toBe('(root)')
      if (!box) throw new Error('no canvas box')
      for (const fx of [0.5, 0.3, 0.7, 0.9, 0.1]) {
        await canvas.click({ position: { x: box.width * fx, y: 30 } })
        if ((await viewer.getAttribute('data-focus')) !== '(root)') break
      }
      expect(await viewer.getAttribute('data-focus')).not.toBe('(root)')
      await canvas.hover({ position: { x: 20, y: 30 } })
      expect(await viewer.locator('[data-tooltip]').textContent()).toMatch(/(total|总计)/)
      await viewer.locator('[data-action="reset"]').click()
      expect(await viewer.getAttribute('data-focus')).toBe('(root)')
      const download = page.waitForEvent('download')
      await viewer.locator('[data-action="export"]').click()
      expect((await download).suggestedFilename()).toBe('log-aggregator-flamegraph.png')

      // a malformed file: a clear message, and the viewer keeps the previous profile and keeps working
      await viewer.locator('[data-file-input]').setInputFiles({ name: 'broken.cpuprofile', mimeType: 'application/json', buffer: Buffer.from('{"nodes": 3') })
      await expect.poll(() => viewer.locator('[data-error]').textContent()).toMatch(/broken\.cpuprofile.*(not JSON|不是 JSON|JSON)/)
      expect(await viewer.getAttribute('data-file')).toBe('log-aggregator.cpuprofile')
      await viewer.locator('[data-search]').fill('aggregateNaive')
      await expect.poll(async () => Number(await viewer.getAttribute('data-matches'))).toBeGreaterThanOrEqual(1)

      // drop a .heapprofile on the viewer
      await viewer.evaluate((el, text) => {
        const dt = new DataTransfer()
        dt.items.add(new File([text], 'dropped.heapprofile', { type: 'application/json' }))
        el.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }))
      }, heapText)
      await expect.poll(() => viewer.getAttribute('data-file')).toBe('dropped.heapprofile')
      expect(await viewer.locator('[data-error]').count()).toBe(0)
      expect(await outputText(viewer)).toMatch(/MiB/)
    } finally {
      await page.close()
    }
  })
})
