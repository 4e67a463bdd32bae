import type { MarkdownRenderer } from 'vitepress'

/**
 * Turns a fenced block whose info string carries `demo` into a runnable demo:
 *
 *     ```ts demo=big-list time-limit=5000 memory
 *     const xs = …
 *     ```
 *
 * The code is still highlighted at build time by VitePress (so it is in the HTML, readable without
 * JavaScript and printable); the highlighted block becomes the slot of `<DemoBlock>`, which adds
 * Run / Edit / Stop and the output. Attributes: `demo=<id>` (unique per page), `time-limit=<ms>`,
 * `memory` (the demo wants memory figures), `editor` (open the editor at once), `profile` (profile
 * every run: a pstats table, and per-line times of a function marked `// @profile`).
 */
export interface DemoFenceInfo {
  id: string
  lang: string
  timeLimitMs?: number
  memory: boolean
  editor: boolean
  profile: boolean
}

export function parseDemoInfo(info: string): DemoFenceInfo | null {
  const words = info.trim().split(/\s+/)
  const lang = words[0] ?? ''
  const attrs = new Map<string, string>()
  for (const word of words.slice(1)) {
    const eq = word.indexOf('=')
    if (eq < 0) attrs.set(word, '')
    else attrs.set(word.slice(0, eq), word.slice(eq + 1))
  }
  const id = attrs.get('demo')
  if (id === undefined) return null
  if (!/^[a-z0-9][a-z0-9-]*$/.test(id)) throw new Error(`demo id "${id}" must be lower-case letters, digits and dashes`)
  if (lang !== 'ts' && lang !== 'typescript') throw new Error(`demo "${id}" must be a ts block, not "${lang}"`)
  const limit = attrs.get('time-limit')
  const timeLimitMs = limit === undefined ? undefined : Number(limit)
  if (timeLimitMs !== undefined && !(Number.isInteger(timeLimitMs) && timeLimitMs > 0)) {
    throw new Error(`demo "${id}": time-limit must be a positive number of milliseconds`)
  }
  return { id, lang: 'ts', timeLimitMs, memory: attrs.has('memory'), editor: attrs.has('editor'), profile: attrs.has('profile') }
}

function escapeAttr(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

export function demoFencePlugin(md: MarkdownRenderer): void {
  const fence = md.renderer.rules.fence
  if (!fence) throw new Error('demoFencePlugin must run after the fence renderer exists')
  md.renderer.rules.fence = (tokens, idx, options, env: { relativePath?: string; demoIds?: Set<string> }, self) => {
    const token = tokens[idx]
    const demo = token ? parseDemoInfo(token.info) : null
    if (!token || !demo) return fence(tokens, idx, options, env, self)
    const seen = (env.demoIds ??= new Set<string>())
    if (seen.has(demo.id)) throw new Error(`${env.relativePath ?? 'page'}: demo id "${demo.id}" is used twice`)
    seen.add(demo.id)
    token.info = demo.lang
    const highlighted = fence(tokens, idx, options, env, self)
    const props = [
      `demo-id="${escapeAttr(demo.id)}"`,
      `source="${escapeAttr(encodeURIComponent(token.content))}"`,
      demo.timeLimitMs === undefined ? '' : `:time-limit-ms="${demo.timeLimitMs}"`,
      demo.memory ? ':memory="true"' : '',
      demo.editor ? ':start-in-editor="true"' : '',
      demo.profile ? ':profile="true"' : '',
    ].filter(Boolean)
    return `<DemoBlock ${props.join(' ')}>\n${highlighted}\n</DemoBlock>\n`
  }
}
