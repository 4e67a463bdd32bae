/**
 * A hand-made trace (nested spans with their wall-clock ms, as homework 3's `span()` records them)
 * turned into a Chrome `.cpuprofile`, so the flame graph viewer draws it like any other profile.
 * A frame's self time is its time minus its children's; each frame becomes one node, and its self
 * time one sample (in µs), in depth-first order.
 */
export interface TraceFrame {
  readonly name: string
  /** Wall-clock time of the frame, children included, in ms. */
  readonly ms: number
  readonly children?: readonly TraceFrame[]
}

export interface CpuProfileJson {
  nodes: { id: number; callFrame: { functionName: string; scriptId: string; url: string; lineNumber: number; columnNumber: number }; hitCount: number; children: number[] }[]
  startTime: number
  endTime: number
  samples: number[]
  timeDeltas: number[]
}

const MAX_FRAMES = 10_000
const MAX_DEPTH = 200

function isFrame(value: unknown): value is TraceFrame {
  if (typeof value !== 'object' || value === null) return false
  const f = value as Record<string, unknown>
  return typeof f.name === 'string' && typeof f.ms === 'number' && Number.isFinite(f.ms) && f.ms >= 0 && (f.children === undefined || Array.isArray(f.children))
}

/** Throws a TypeError naming what is wrong when `root` is not a trace. */
export function traceToCpuProfile(root: unknown, url = 'trace.ts'): CpuProfileJson {
  const nodes: CpuProfileJson['nodes'] = []
  const selfUs: number[] = []
  const visit = (frame: unknown, depth: number): number => {
    if (!isFrame(frame)) throw new TypeError('every frame needs a name (string), ms (a number ≥ 0) and children (an array)')
    if (depth > MAX_DEPTH) throw new TypeError(`the trace is deeper than ${String(MAX_DEPTH)} frames`)
    if (nodes.length >= MAX_FRAMES) throw new TypeError(`the trace has more than ${String(MAX_FRAMES)} frames`)
    const id = nodes.length + 1
    const node = { id, callFrame: { functionName: frame.name, scriptId: '0', url, lineNumber: -1, columnNumber: -1 }, hitCount: 1, children: [] as number[] }
    nodes.push(node)
    selfUs.push(0)
    const kids = frame.children ?? []
    let inChildren = 0
    for (const child of kids) {
      node.children.push(visit(child, depth + 1))
      inChildren += (child as TraceFrame).ms
    }
    selfUs[id - 1] = Math.max(0, Math.round((frame.ms - inChildren) * 1000))
    return id
  }
  visit(root, 0)
  const samples = [...nodes.map((n) => n.id), 1]
  const timeDeltas = [0, ...selfUs]
  const total = selfUs.reduce((a, b) => a + b, 0)
  return { nodes, startTime: 0, endTime: total, samples, timeDeltas }
}

/** Depth of a trace (the root alone is 1) and its number of frames. */
export function traceShape(root: TraceFrame): { depth: number; frames: number } {
  let frames = 0
  const depth = (f: TraceFrame): number => {
    frames++
    return 1 + Math.max(0, ...(f.children ?? []).map(depth))
  }
  return { depth: depth(root), frames }
}
