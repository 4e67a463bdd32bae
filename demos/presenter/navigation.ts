import { sectionForPath, sections, type Section } from '../course/plan'

/**
 * The section before or after the page at `path` (course order). From a page that is not a section
 * (the course map, "how the demos work") "next" is the first section and "previous" is nothing.
 */
export function adjacentSection(path: string, dir: 1 | -1): Section | undefined {
  const current = sectionForPath(path)
  if (!current) return dir === 1 ? sections[0] : undefined
  return sections[sections.indexOf(current) + dir]
}
