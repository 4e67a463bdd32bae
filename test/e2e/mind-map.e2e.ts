import { describe, expect, inject, it } from 'vitest'
import { sections } from '../../demos/course/plan'

/**
 * The 8.8 mind map is in the built HTML (no JavaScript involved: the page is fetched, not run), as
 * an SVG whose nodes link to every section, in both languages.
 */
const siteUrl = inject('siteUrl')

describe.each([
  { locale: 'en', path: '8-8-summary.html', prefix: '', word: 'Reference counts' },
  { locale: 'zh', path: 'zh/8-8-summary.html', prefix: 'zh/', word: '引用计数' },
])('mind map ($locale)', ({ path, prefix, word }) => {
  it('is server-rendered SVG that links to every section', async () => {
    const response = await fetch(siteUrl + path)
    expect(response.status).toBe(200)
    const html = await response.text()
    const start = html.indexOf('data-mind-map')
    expect(start).toBeGreaterThan(0)
    const map = html.slice(start, html.indexOf('</figure>', start))
    expect(map).toContain('<svg')
    expect(map).toContain(word)
    const hrefs = [...map.matchAll(/href="([^"]+)"/g)].map((m) => m[1] ?? '')
    for (const section of sections) {
      expect(hrefs.some((h) => h.endsWith(`/${prefix}${section.slug}.html`)), section.slug).toBe(true)
    }
    expect(map.match(/data-node="/g)?.length).toBe(11)
  })
})
