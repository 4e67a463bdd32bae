import { describe, expect, it } from 'vitest'
import { createMarkdownRenderer } from 'vitepress'
import { exerciseBlocksPlugin } from '../../.vitepress/exercise-blocks'
import { findExercise } from '../../demos/exercises'

describe('exerciseBlocksPlugin', () => {
  it('gives <Exercise exercise-id> the highlighted starter as its slot; unknown ids fail the build', async () => {
    const md = await createMarkdownRenderer(process.cwd(), {}, '/')
    exerciseBlocksPlugin(md)
    const html = md.render('Before <b>inline</b>.\n\n<Exercise exercise-id="hw-2-workers" />\n\n## After\n', {})
    expect(html).toMatch(/<Exercise exercise-id="hw-2-workers">\n<div class="language-ts[^"]*">/)
    expect(html).toContain('</Exercise>')
    expect(html).toContain('class="shiki')
    expect(html).toContain('Before <b>inline</b>.')
    const firstLine = findExercise('hw-2-workers')?.starter.split('\n')[0] ?? ''
    expect(html.replace(/<[^>]+>/g, '')).toContain(firstLine.replace(/</g, '&lt;').replace(/>/g, '&gt;').slice(0, 40))
    expect(() => md.render('<Exercise exercise-id="no-such-exercise" />\n', {})).toThrow(/unknown exercise/)
  })
})
