import type { FlameNode } from './parse'

/**
 * Icicle layout of a flame graph: the root on top, callees below, widths proportional to `total`.
 * With a focus (zoom) the focused frame spans the full width and its ancestors are drawn as
 * full-width bars above it. Left-to-right order is alphabetical, never time.
 */

export interface FlameRect {
  readonly node: FlameNode
  readonly x: number
  readonly y: number
  readonly width: number
  readonly depth: number
  /** An ancestor of the focused frame (drawn dimmed). */
  readonly ancestor: boolean
}

export function pathTo(root: FlameNode, id: number): FlameNode[] | null {
  if (root.id === id) return [root]
  for (const c of root.children) {
    const p = pathTo(c, id)
    if (p) return [root, ...p]
  }
  return null
}

export function layoutFlame(root: FlameNode, width: number, rowHeight: number, focusId?: number, minWidth = 0.5): FlameRect[] {
  const path = (focusId === undefined ? null : pathTo(root, focusId)) ?? [root]
  const focus = path[path.length - 1] ?? root
  const rects: FlameRect[] = path.slice(0, -1).map((node, depth) => ({ node, x: 0, y: depth * rowHeight, width, depth, ancestor: true }))
  const place = (node: FlameNode, x: number, w: number, depth: number): void => {
    rects.push({ node, x, y: depth * rowHeight, width: w, depth, ancestor: false })
    let cx = x
    for (const c of node.children) {
      const cw = node.total > 0 ? (w * c.total) / node.total : 0
      if (cw >= minWidth) place(c, cx, cw, depth + 1)
      cx += cw
    }
  }
  place(focus, 0, width, path.length - 1)
  return rects
}

export function hit(rects: readonly FlameRect[], x: number, y: number, rowHeight: number): FlameRect | undefined {
  return rects.find((r) => x >= r.x && x < r.x + r.width && y >= r.y && y < r.y + rowHeight)
}

/** Frames whose name contains `query` (case-insensitive), and the share of the root they cover. */
export function search(root: FlameNode, query: string): { ids: Set<number>; total: number } {
  const ids = new Set<number>()
  let total = 0
  const q = query.trim().toLowerCase()
  if (q === '') return { ids, total }
  const walk = (n: FlameNode, counted: boolean): void => {
    const match = n.name.toLowerCase().includes(q)
    if (match) ids.add(n.id)
    if (match && !counted) total += n.total // do not count recursive matches twice
    for (const c of n.children) walk(c, counted || match)
  }
  walk(root, false)
  return { ids, total }
}

export function depthOf(rects: readonly FlameRect[]): number {
  return rects.reduce((m, r) => Math.max(m, r.depth + 1), 0)
}
