import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { sections } from '../../demos/course/plan'

/** Checks on the markdown sources that the build alone would not catch. */
const docs = join(import.meta.dirname, '../../docs')

function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = join(dir, e.name)
    if (e.isDirectory()) return e.name === 'public' ? [] : markdownFiles(full)
    return e.name.endsWith('.md') ? [full] : []
  })
}

const pages = sections.map((s) => ({
  section: s,
  en: join(docs, `${s.slug}.md`),
  zh: join(docs, 'zh', `${s.slug}.md`),
}))

function frontmatterTitle(source: string): string | undefined {
  return /^---\n[\s\S]*?^title:\s*(.+)$[\s\S]*?^---/m.exec(source)?.[1]?.trim()
}


function count(source: string, pattern: RegExp): number {
  return source.match(pattern)?.length ?? 0
}

describe('section pages', () => {
  it.each(pages)('$section.id exists in English and Chinese with a numbered title', ({ section, en, zh }) => {
    for (const file of [en, zh]) {
      expect(existsSync(file), file).toBe(true)
      const source = readFileSync(file, 'utf8')
      expect(frontmatterTitle(source)).toMatch(new RegExp(`^${section.id.replace('.', '\\.')} `))
      expect(source).toMatch(new RegExp(`^# ${section.id.replace('.', '\\.')} `, 'm'))
    }
    expect(readFileSync(zh, 'utf8')).toMatch(/[\u4e00-\u9fff]{20}/)
  })

  it.each(pages)('$section.id has the same errata, demo boxes and demos in both languages', ({ en, zh }) => {
    const a = readFileSync(en, 'utf8')
    const b = readFileSync(zh, 'utf8')
    expect(count(b, /^::: warning 勘误/gm)).toBe(count(a, /^::: warning Errata/gm))
    // Each section page has its demos, or a visible box saying which issue brings them.
    const demos = (source: string): number =>
      count(source, /<DemoPending /g) + count(source, /^```ts demo=/gm) + count(source, /<(?!DemoPending\b)[A-Z][A-Za-z]+[\s/>]/g)
    expect(count(b, /<DemoPending /g)).toBe(count(a, /<DemoPending /g))
    expect(demos(b)).toBe(demos(a))
    expect(demos(a)).toBeGreaterThan(0)
  })

  it.each(pages)('$section.id teaches with Python and TypeScript listings', ({ section, en, zh }) => {
    for (const file of [en, zh]) {
      const source = readFileSync(file, 'utf8')
      if (section.id === '8.0' || section.id === '8.8') continue
      expect(count(source, /^```python/gm), file).toBeGreaterThan(0)
      expect(count(source, /^```(ts|js|typescript)/gm), file).toBeGreaterThan(0)
    }
  })
})

describe('every markdown page', () => {
  const files = markdownFiles(docs)

  it('is found', () => {
    expect(files.length).toBeGreaterThanOrEqual(2 * (sections.length + 1))
  })

  it.each(files)('%s loads nothing from another host', (file) => {
    const source = readFileSync(file, 'utf8')
    // images, scripts, iframes, stylesheets and fonts from any http(s) address
    expect(source).not.toMatch(/!\[[^\]]*\]\(\s*(https?:)?\/\//)
    expect(source).not.toMatch(/<(img|script|iframe|link|source|video|audio)\b[^>]*\b(src|href)=["'](https?:)?\/\//i)
    expect(source).not.toMatch(/@import\s+url\(\s*["']?(https?:)?\/\//)
  })

  it.each(files)('%s has at most one <script setup> block (Vue allows only one)', (file) => {
    expect(count(readFileSync(file, 'utf8'), /^<script setup>/gm)).toBeLessThanOrEqual(1)
  })

  it.each(files)('%s has an English or Chinese twin', (file) => {
    const rel = file.slice(docs.length + 1)
    const twin = rel.startsWith('zh/') ? rel.slice(3) : `zh/${rel}`
    expect(existsSync(join(docs, twin)), twin).toBe(true)
  })
})
