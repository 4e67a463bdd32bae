import { mkdirSync } from 'node:fs'
import { launchChromium } from './chromium'
import { distDir, siteBase } from './site-paths'
import { startStaticServer } from './static-server'

/**
 * `npm run screenshots`: photographs the built site (run `npm run build` first) in both languages,
 * light and dark, into screenshots/. The README shows one of them.
 */
const shots = [
  { name: 'home', path: '' },
  { name: 'section-8-1', path: '8-1-memory-model.html' },
]
const out = 'screenshots'
mkdirSync(out, { recursive: true })

const server = await startStaticServer({ root: distDir, base: siteBase() })
const browser = await launchChromium()
try {
  for (const scheme of ['light', 'dark'] as const) {
    const context = await browser.newContext({ viewport: { width: 1440, height: 960 }, colorScheme: scheme })
    const page = await context.newPage()
    for (const locale of ['en', 'zh'] as const) {
      for (const shot of shots) {
        const url = `${server.url}${locale === 'zh' ? 'zh/' : ''}${shot.path}`
        await page.goto(url, { waitUntil: 'networkidle' })
        const file = `${out}/${shot.name}-${locale}-${scheme}.png`
        await page.screenshot({ path: file })
        console.log(file)
      }
    }
    await context.close()
  }
} finally {
  await browser.close()
  await server.close()
}
