import type { MarkdownRenderer } from 'vitepress'
import { findExercise } from '../demos/exercises'

/**
 * `<Exercise exercise-id="…" />` on a line of its own gets the exercise's starter code as its slot,
 * highlighted at build time like any fenced block: the page shows it (also without JavaScript, and
 * in print) until the exercise is scrolled to, and only then mounts the Monaco editor.
 */
const TAG = /^<Exercise\s+exercise-id="([a-z0-9-]+)"\s*\/>\s*$/

type Rule = NonNullable<MarkdownRenderer['renderer']['rules']['html_block']>

export function exerciseBlocksPlugin(md: MarkdownRenderer): void {
  // VitePress turns a component tag on its own line into a top-level html_inline token; plain
  // markdown-it makes it an html_block. Both are handled.
  md.renderer.rules.html_block = withStarter(md, md.renderer.rules.html_block)
  md.renderer.rules.html_inline = withStarter(md, md.renderer.rules.html_inline)
}

function withStarter(md: MarkdownRenderer, html: Rule | undefined): Rule {
  return (tokens, idx, options, env: { relativePath?: string }, self) => {
    const token = tokens[idx]
    const match = token ? TAG.exec(token.content) : null
    if (!token || !match) return html ? html(tokens, idx, options, env, self) : (token?.content ?? '')
    const id = match[1] as string
    const exercise = findExercise(id)
    if (!exercise) throw new Error(`${env.relativePath ?? 'page'}: unknown exercise "${id}"`)
    const fence = md.renderer.rules.fence
    if (!fence) throw new Error('exerciseBlocksPlugin needs the fence renderer')
    const State = md.core.State
    const code = new new State('', md, {}).Token('fence', 'code', 0)
    code.info = 'ts'
    code.markup = '```'
    code.content = exercise.starter
    return `<Exercise exercise-id="${id}">\n${fence([code], 0, options, env, self)}\n</Exercise>\n`
  }
}
