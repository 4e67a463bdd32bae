/**
 * Reads Chrome DevTools / Node profiles into one call tree:
 * - `.cpuprofile` (`node --cpu-prof`, DevTools Performance/Profiler): `nodes` with `callFrame`,
 *   `children` ids and `hitCount`, plus `samples` and `timeDeltas` (µs). Values are µs of CPU.
 * - `.heapprofile` (`node --heap-prof`, DevTools "Allocation sampling"): a nested `head` with
 *   `selfSize` in bytes. Values are bytes allocated and still live when the profile was taken.
 * Anything else raises ProfileError with a message meant for the reader.
 */

export interface FlameNode {
  /** Unique within the profile (depth-first order). */
  readonly id: number
  readonly name: string
  /** `file.js:12` or '' for native / program frames. */
  readonly where: string
  readonly self: number
  readonly total: number
  readonly children: readonly FlameNode[]
}

export interface Profile {
  readonly kind: 'cpu' | 'heap'
  readonly unit: 'us' | 'bytes'
  readonly root: FlameNode
  /** Number of frames (nodes) in the tree. */
  readonly size: number
}

/** A profile the viewer cannot read; `message` is English, `zh` the same in Chinese. */
export class ProfileError extends Error {
  constructor(
    message: string,
    readonly zh: string,
  ) {
    super(message)
  }
}

interface CallFrame {
  functionName?: unknown
  url?: unknown
  lineNumber?: unknown
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

function frameName(cf: unknown): { name: string; where: string } {
  const f: CallFrame = isObject(cf) ? cf : {}
  const name = typeof f.functionName === 'string' && f.functionName !== '' ? f.functionName : '(anonymous)'
  const url = typeof f.url === 'string' ? f.url : ''
  const file = url.split('/').pop() ?? ''
  const line = typeof f.lineNumber === 'number' && f.lineNumber >= 0 ? `:${f.lineNumber + 1}` : ''
  return { name, where: file ? `${file}${line}` : '' }
}

interface Raw {
  name: string
  where: string
  self: number
  children: Raw[]
}

function finish(kind: Profile['kind'], raw: Raw): Profile {
  let next = 0
  const build = (r: Raw, depth: number): FlameNode => {
    if (depth > 2000) throw new ProfileError('The call tree is deeper than 2,000 frames; is the file damaged?', '调用树深度超过 2,000 层，文件是否损坏？')
    const id = next++
    const children = r.children.map((c) => build(c, depth + 1)).filter((c) => c.total > 0)
    children.sort((a, b) => a.name.localeCompare(b.name))
    const total = r.self + children.reduce((s, c) => s + c.total, 0)
    return { id, name: r.name, where: r.where, self: r.self, total, children }
  }
  const root = build(raw, 0)
  if (root.total <= 0) throw new ProfileError('The profile holds no samples, so there is nothing to draw.', '剖析文件里没有任何样本，没有东西可画。')
  return { kind, unit: kind === 'cpu' ? 'us' : 'bytes', root, size: next }
}

function parseCpu(data: Record<string, unknown>): Profile {
  const nodes = data.nodes
  if (!Array.isArray(nodes) || nodes.length === 0) throw new ProfileError('A .cpuprofile needs a non-empty "nodes" array.', '.cpuprofile 需要一个非空的 "nodes" 数组。')
  const byId = new Map<number, Record<string, unknown>>()
  for (const n of nodes) {
    if (!isObject(n) || typeof n.id !== 'number') throw new ProfileError('Every entry of "nodes" needs a numeric "id".', '"nodes" 的每一项都需要数字 "id"。')
    byId.set(n.id, n)
  }
  // self time per node: from samples + timeDeltas when present, else hitCount × mean interval
  const self = new Map<number, number>()
  const samples = Array.isArray(data.samples) ? data.samples : []
  const deltas = Array.isArray(data.timeDeltas) ? data.timeDeltas : []
  if (samples.length > 0 && deltas.length === samples.length) {
    for (let i = 0; i < samples.length; i++) {
      const id = samples[i]
      const next = deltas[i + 1]
      const dt = typeof next === 'number' ? next : 0
      if (typeof id === 'number') self.set(id, (self.get(id) ?? 0) + Math.max(0, dt))
    }
  } else {
    const span = typeof data.endTime === 'number' && typeof data.startTime === 'number' ? data.endTime - data.startTime : 0
    const hits = [...byId.values()].reduce((s, n) => s + (typeof n.hitCount === 'number' ? n.hitCount : 0), 0)
    const each = hits > 0 && span > 0 ? span / hits : 1
    for (const [id, n] of byId) self.set(id, (typeof n.hitCount === 'number' ? n.hitCount : 0) * each)
  }
  const childIds = new Set<number>()
  for (const n of byId.values()) {
    if (n.children !== undefined && !Array.isArray(n.children)) throw new ProfileError('"children" of a node must be an array of ids.', '节点的 "children" 必须是 id 数组。')
    for (const c of (n.children as unknown[] | undefined) ?? []) {
      if (typeof c !== 'number' || !byId.has(c)) throw new ProfileError(`A node lists child ${String(c)}, which is not in "nodes".`, `某个节点列出的子节点 ${String(c)} 不在 "nodes" 里。`)
      childIds.add(c)
    }
  }
  const roots = [...byId.keys()].filter((id) => !childIds.has(id))
  if (roots.length !== 1) throw new ProfileError('A .cpuprofile must have exactly one root node.', '.cpuprofile 必须恰好有一个根节点。')
  const seen = new Set<number>()
  const toRaw = (id: number): Raw => {
    if (seen.has(id)) throw new ProfileError('The node tree contains a cycle; the file is damaged.', '节点树里有环，文件已损坏。')
    seen.add(id)
    const n = byId.get(id) as Record<string, unknown>
    const { name, where } = frameName(n.callFrame)
    const kids = ((n.children as number[] | undefined) ?? []).map(toRaw)
    return { name, where, self: self.get(id) ?? 0, children: kids }
  }
  return finish('cpu', toRaw(roots[0] as number))
}

function parseHeap(head: Record<string, unknown>): Profile {
  let count = 0
  const toRaw = (n: unknown): Raw => {
    if (!isObject(n)) throw new ProfileError('Every heap profile node must be an object.', '堆剖析的每个节点都必须是对象。')
    if (++count > 1_000_000) throw new ProfileError('The heap profile has more than a million nodes.', '堆剖析的节点超过一百万个。')
    const { name, where } = frameName(n.callFrame)
    const size = n.selfSize
    if (typeof size !== 'number' || size < 0) throw new ProfileError('Every heap profile node needs a "selfSize" in bytes.', '堆剖析的每个节点都需要以字节计的 "selfSize"。')
    if (n.children !== undefined && !Array.isArray(n.children)) throw new ProfileError('"children" of a node must be an array.', '节点的 "children" 必须是数组。')
    return { name, where, self: size, children: ((n.children as unknown[] | undefined) ?? []).map(toRaw) }
  }
  return finish('heap', toRaw(head))
}

export function parseProfile(text: string): Profile {
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch {
    throw new ProfileError('This file is not JSON, so it is neither a .cpuprofile nor a .heapprofile.', '这个文件不是 JSON，所以既不是 .cpuprofile 也不是 .heapprofile。')
  }
  if (!isObject(data)) throw new ProfileError('The file holds JSON, but not a profile object.', '文件是 JSON，但不是剖析对象。')
  if (isObject(data.head)) return parseHeap(data.head)
  if ('nodes' in data) return parseCpu(data)
  throw new ProfileError('Not a profile: a .cpuprofile has "nodes" and "samples", a .heapprofile has "head".', '不是剖析文件：.cpuprofile 含有 "nodes" 和 "samples"，.heapprofile 含有 "head"。')
}

/** 1.2 ms, 340 µs, 12.5 MiB, 800 B */
export function formatValue(value: number, unit: Profile['unit']): string {
  if (unit === 'us') {
    if (value >= 1e6) return `${(value / 1e6).toFixed(2)} s`
    if (value >= 1000) return `${(value / 1000).toFixed(1)} ms`
    return `${Math.round(value)} µs`
  }
  if (value >= 1024 * 1024) return `${(value / 1024 / 1024).toFixed(1)} MiB`
  if (value >= 1024) return `${(value / 1024).toFixed(1)} KiB`
  return `${Math.round(value)} B`
}
