/**
 * Finds the chains of strong references from named roots to a target object, the counterpart of
 * `objgraph.find_backref_chain` / `show_backrefs` and of DevTools' Retainers pane.
 *
 * It walks real JavaScript values: own properties, array indices, Map and Set entries. WeakMap,
 * WeakSet and WeakRef hold nothing strongly, so they are not followed. JavaScript cannot look
 * inside a closure, so a function's captured variables are visible only when the code declared
 * them with `closure(fn, { name: value })` (a heap snapshot sees them directly; this finder cannot).
 */

export type EdgeKind = 'property' | 'index' | 'map-entry' | 'set-entry' | 'closure'

export interface Edge {
  readonly from: number
  readonly to: number
  readonly kind: EdgeKind
  /** `cache`, `[0]`, `Map entry "req-42"`, `closure: report`. */
  readonly label: string
}

export interface GraphNode {
  readonly id: number
  /** `Map`, `Array(3)`, `Session`, `function onDone`, or the root's name. */
  readonly label: string
  readonly root: boolean
  readonly target: boolean
}

export interface ChainGraph {
  readonly nodes: readonly GraphNode[]
  readonly edges: readonly Edge[]
  /** Each chain as the list of its edges, root first. */
  readonly chains: readonly (readonly Edge[])[]
}

const declared = new WeakMap<object, Record<string, unknown>>()

/** Declares what a closure captures, so the finder can follow it; returns the function. */
export function closure<F extends (...args: never[]) => unknown>(fn: F, captured: Record<string, unknown>): F {
  declared.set(fn, captured)
  return fn
}

function isRef(v: unknown): v is object {
  return (typeof v === 'object' && v !== null) || typeof v === 'function'
}

function describeKey(k: unknown): string {
  return typeof k === 'string' ? JSON.stringify(k) : isRef(k) ? `{${nameOf(k)}}` : String(k)
}

/** A readable name; classes and functions may set `Symbol.toStringTag` / `name` to survive minifying. */
export function nameOf(v: object): string {
  if (typeof v === 'function') return `function ${v.name || '(anonymous)'}`
  if (Array.isArray(v)) return `Array(${v.length})`
  const tag = (v as { [Symbol.toStringTag]?: unknown })[Symbol.toStringTag]
  if (typeof tag === 'string' && tag !== '') return tag
  const ctor = (Object.getPrototypeOf(v) as { constructor?: { name?: string } } | null)?.constructor?.name
  return ctor || 'Object'
}

/** The strong references held by one value, in a stable order. */
export function referencesOf(v: object): { to: object; kind: EdgeKind; label: string }[] {
  const out: { to: object; kind: EdgeKind; label: string }[] = []
  if (v instanceof WeakMap || v instanceof WeakSet || v instanceof WeakRef) return out
  if (v instanceof Map) {
    for (const [k, val] of v) {
      if (isRef(k)) out.push({ to: k, kind: 'map-entry', label: `Map key ${describeKey(k)}` })
      if (isRef(val)) out.push({ to: val, kind: 'map-entry', label: `Map entry ${describeKey(k)}` })
    }
  } else if (v instanceof Set) {
    for (const val of v) if (isRef(val)) out.push({ to: val, kind: 'set-entry', label: 'Set entry' })
  } else if (Array.isArray(v)) {
    v.forEach((item: unknown, i) => {
      if (isRef(item)) out.push({ to: item, kind: 'index', label: `[${i}]` })
    })
  }
  if (typeof v === 'function') {
    for (const [name, val] of Object.entries(declared.get(v) ?? {})) {
      if (isRef(val)) out.push({ to: val, kind: 'closure', label: `closure: ${name}` })
    }
  }
  if (!Array.isArray(v)) {
    for (const key of Object.keys(v)) {
      const val = (v as Record<string, unknown>)[key]
      if (isRef(val)) out.push({ to: val, kind: 'property', label: key })
    }
  }
  return out
}

/**
 * Every simple chain from a root to the target, up to `maxDepth` edges and `maxChains` chains,
 * shortest first. An empty result means no strong path: the collector may reclaim the target.
 */
export function findChains(
  roots: Record<string, unknown>,
  target: object,
  { maxDepth = 10, maxChains = 6 }: { maxDepth?: number; maxChains?: number } = {},
): ChainGraph {
  const ids = new Map<object, number>()
  const labels = new Map<number, string>()
  const idOf = (o: object, label?: string): number => {
    let id = ids.get(o)
    if (id === undefined) {
      id = ids.size
      ids.set(o, id)
      labels.set(id, label ?? nameOf(o))
    }
    return id
  }
  const rootIds = new Set<number>()
  const found: Edge[][] = []
  // breadth-first over (object, path) so that shorter chains come first
  const queue: { obj: object; path: Edge[]; seen: Set<object> }[] = []
  for (const [name, value] of Object.entries(roots)) {
    if (!isRef(value)) continue
    const id = idOf(value, name)
    rootIds.add(id)
    queue.push({ obj: value, path: [], seen: new Set([value]) })
  }
  let steps = 0
  while (queue.length > 0 && found.length < maxChains && steps++ < 100_000) {
    const { obj, path, seen } = queue.shift() as (typeof queue)[number]
    if (obj === target) {
      if (path.length > 0) found.push(path)
      continue
    }
    if (path.length >= maxDepth) continue
    const from = idOf(obj)
    for (const ref of referencesOf(obj)) {
      if (seen.has(ref.to)) continue
      const edge: Edge = { from, to: idOf(ref.to), kind: ref.kind, label: ref.label }
      queue.push({ obj: ref.to, path: [...path, edge], seen: new Set([...seen, ref.to]) })
    }
  }
  const targetId = ids.get(target)
  const used = new Set<number>()
  const edgeKeys = new Map<string, Edge>()
  for (const chain of found) {
    for (const e of chain) {
      used.add(e.from).add(e.to)
      edgeKeys.set(`${e.from}>${e.to}>${e.label}`, e)
    }
  }
  const nodes = [...used].sort((a, b) => a - b).map((id) => ({
    id,
    label: labels.get(id) ?? '?',
    root: rootIds.has(id),
    target: id === targetId,
  }))
  return { nodes, edges: [...edgeKeys.values()], chains: found }
}
