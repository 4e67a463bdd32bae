import container from 'markdown-it-container'
import type { MarkdownRenderer } from 'vitepress'

/**
 * `::: instructor` … `:::` holds notes for the person teaching the section. They are in the HTML but
 * hidden unless the window is the presenter window of presenter mode (class `presenter-notes` on
 * <html>, see components/presenter/), so the projector and ordinary readers never see them.
 */
export function instructorNotesPlugin(md: MarkdownRenderer): void {
  md.use(container, 'instructor', {
    render(tokens: { nesting: number }[], idx: number, _options: unknown, env: { relativePath?: string }) {
      if (tokens[idx]?.nesting !== 1) return '</div>\n'
      const zh = env.relativePath?.startsWith('zh/') ?? false
      return `<div class="instructor-notes" data-instructor-notes><p class="instructor-notes__title">${zh ? '讲师备注' : 'Instructor notes'}</p>\n`
    },
  })
}
