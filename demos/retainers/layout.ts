import dagre from '@dagrejs/dagre'
import type { ChainGraph, Edge, GraphNode } from './find-chains'

/** Lays a chain graph out top to bottom (roots on top) with dagre; sizes are estimated from text. */

export interface PlacedNode {
  readonly node: GraphNode
  readonly x: number
  readonly y: number
  readonly width: number
  readonly height: number
}

export interface PlacedEdge {
  readonly edge: Edge
  readonly points: readonly { x: number; y: number }[]
  readonly labelX: number
  readonly labelY: number
}

export interface PlacedGraph {
  readonly width: number
  readonly height: number
  readonly nodes: readonly PlacedNode[]
  readonly edges: readonly PlacedEdge[]
}

const CHAR = 7.4
const NODE_H = 34

export function layoutChains(graph: ChainGraph): PlacedGraph {
  const g = new dagre.graphlib.Graph({ multigraph: true })
  g.setGraph({ rankdir: 'TB', nodesep: 40, ranksep: 56, marginx: 16, marginy: 16 })
  g.setDefaultEdgeLabel(() => ({}))
  for (const n of graph.nodes) g.setNode(String(n.id), { width: Math.max(90, n.label.length * CHAR + 28), height: NODE_H })
  graph.edges.forEach((e, i) => {
    g.setEdge(String(e.from), String(e.to), { width: e.label.length * 6.6 + 10, height: 16, labelpos: 'c' }, `e${i}`)
  })
  dagre.layout(g)
  const nodes = graph.nodes.map((node) => {
    const p = g.node(String(node.id))
    return { node, x: p.x - p.width / 2, y: p.y - p.height / 2, width: p.width, height: p.height }
  })
  const edges = graph.edges.map((edge, i) => {
    const p = g.edge({ v: String(edge.from), w: String(edge.to), name: `e${i}` }) as { points?: { x: number; y: number }[]; x?: number; y?: number }
    const points = p.points ?? []
    const mid = points[Math.floor(points.length / 2)] ?? { x: 0, y: 0 }
    return { edge, points, labelX: p.x ?? mid.x, labelY: p.y ?? mid.y }
  })
  const info = g.graph()
  return { width: Math.ceil(info.width ?? 300), height: Math.ceil(info.height ?? 100), nodes, edges }
}
