import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { launchChromium } from '../../scripts/chromium'
import { demo, outputText } from './support/demo'

/** 8.3: the reference graph of the leak shows root → … → target with the right labels; fixes remove it. */
const siteUrl = inject('siteUrl')
let browser: Browser

beforeAll(async () => {
  browser = await launchChromium()
})
afterAll(async () => {
  await browser?.close()
})

describe('8.3 reference chains', () => {
  it.each(['8-3-objgraph.html', 'zh/8-3-objgraph.html'])('%s: the leak chain and its fixes', async (path) => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
    try {
      await page.goto(siteUrl + path, { waitUntil: 'networkidle' })
      const lab = demo(page, 'retainers')
      await lab.waitFor()
      expect(await lab.getAttribute('data-chains')).toBe('1')
      const labels = await lab.locator('[data-edge-label]').evaluateAll((els) => els.map((e) => e.getAttribute('data-edge-label')))
      expect(labels).toEqual(['cache', 'Map entry "req-42"', 'handlers', '[0]', 'closure: report', 'rows'])
      const kinds = await lab.locator('[data-edge-kind]').evaluateAll((els) => els.map((e) => e.getAttribute('data-edge-kind')))
      expect(new Set(kinds)).toEqual(new Set(['property', 'map-entry', 'index', 'closure']))
      expect(await lab.locator('[data-root]').getAttribute('data-node')).toBe('module')
      expect(await lab.locator('[data-target]').getAttribute('data-node')).toBe('Array(100000)')
      const nodes = await lab.locator('[data-node]').evaluateAll((els) => els.map((e) => e.getAttribute('data-node')))
      expect(nodes).toEqual(['module', 'Map', 'Session', 'Array(1)', 'function onDone', 'Report', 'Array(100000)'])
      expect(await lab.locator('[data-chain]').textContent()).toContain('module → cache → Map entry "req-42" → handlers → [0] → closure: report → rows')
      // the edge labels are drawn as text in the SVG
      expect(await lab.locator('svg text', { hasText: 'closure: report' }).count()).toBe(1)

      const download = page.waitForEvent('download')
      await lab.locator('[data-action="export"]').click()
      expect((await download).suggestedFilename()).toBe('reference-chains-none.png')

      for (const fix of ['weakmap', 'delete-entry', 'remove-listener']) {
        await lab.locator(`[data-fix-choice="${fix}"]`).check()
        await expect.poll(() => lab.getAttribute('data-fix')).toBe(fix)
        expect(await lab.getAttribute('data-chains')).toBe('0')
        expect(await lab.locator('[data-edge-label]').count()).toBe(0)
        expect(await outputText(lab)).toMatch(/No chain|没有引用链/)
      }
      await lab.locator('[data-fix-choice="none"]').check()
      await expect.poll(() => lab.locator('[data-edge-label]').count()).toBe(6)
    } finally {
      await page.close()
    }
  })
})
