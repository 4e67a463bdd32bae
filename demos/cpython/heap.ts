/**
 * A small model of CPython 3.11's object heap: reference counts, container slots, and the
 * generational cycle collector (three generations, thresholds, counters). Pure data, no DOM.
 *
 * Knowing simplifications (also stated on the 8.1 page):
 * - Only lists and dicts are objects here. None, ints and functions are drawn as plain values and
 *   have no count (since 3.12 None and small ints are immortal anyway: PEP 683).
 * - The counters count only the program's own lists and dicts; a real interpreter allocates many
 *   more containers (frames, tuples, the recorder's dicts), so real `gc.get_count()` differs.
 * - Collections follow 3.11's rules (700/10/10 and the 25 % rule for a full run). Python 3.14's
 *   incremental collector is not modelled.
 */

export type Kind = 'list' | 'dict'

/** A value held by a name or a slot: a heap object, or an atom drawn as text. */
export type Value = { readonly ref: number } | { readonly atom: string }

export interface Slot {
  /** `0`, `1` … for a list; `"key"` for a dict. */
  readonly key: string
  readonly value: Value
}

export interface HeapObject {
  readonly id: number
  readonly kind: Kind
  /** The first name the object was bound to (or `list#3` if it never had one). */
  label: string
  refcount: number
  slots: Slot[]
  /** Tracked by the collector? Lists always; dicts once they hold a container. */
  tracked: boolean
  /** 0, 1 or 2 while tracked; null when untracked. */
  generation: 0 | 1 | 2 | null
}

export interface GcState {
  thresholds: [number, number, number]
  counts: [number, number, number]
  /** Objects that survived the last full collection, and those promoted to gen 2 since (25 % rule). */
  longLivedTotal: number
  longLivedPending: number
  collections: [number, number, number]
}

export interface Heap {
  objects: Map<number, HeapObject>
  nextId: number
  gc: GcState
}

export function createHeap(thresholds: [number, number, number] = [700, 10, 10]): Heap {
  return {
    objects: new Map(),
    nextId: 1,
    gc: { thresholds, counts: [0, 0, 0], longLivedTotal: 0, longLivedPending: 0, collections: [0, 0, 0] },
  }
}

export function cloneHeap(heap: Heap): Heap {
  const objects = new Map<number, HeapObject>()
  for (const [id, o] of heap.objects) objects.set(id, { ...o, slots: [...o.slots] })
  return {
    objects,
    nextId: heap.nextId,
    gc: {
      ...heap.gc,
      thresholds: [...heap.gc.thresholds],
      counts: [...heap.gc.counts],
      collections: [...heap.gc.collections],
    },
  }
}

export function isRef(v: Value): v is { readonly ref: number } {
  return 'ref' in v
}

function get(heap: Heap, id: number): HeapObject {
  const o = heap.objects.get(id)
  if (!o) throw new Error(`object #${id} does not exist`)
  return o
}

/**
 * Allocates a container with the given slots. The new object's count is 0: the caller increfs it
 * when it binds it. The slots' references are taken here. Like `_PyObject_GC_Alloc`, allocation
 * bumps `count[0]` and may start an automatic collection first.
 */
export function allocate(heap: Heap, kind: Kind, slots: Slot[], label?: string): HeapObject {
  collectIfDue(heap)
  const id = heap.nextId++
  const obj: HeapObject = {
    id,
    kind,
    label: label ?? `${kind}#${id}`,
    refcount: 0,
    slots,
    tracked: false,
    generation: null,
  }
  heap.objects.set(id, obj)
  heap.gc.counts[0] += 1
  for (const s of slots) incref(heap, s.value)
  if (kind === 'list' || slots.some((s) => holdsContainer(heap, s.value))) track(obj)
  return obj
}

function holdsContainer(heap: Heap, v: Value): boolean {
  return isRef(v) && heap.objects.has(v.ref)
}

function track(obj: HeapObject): void {
  if (!obj.tracked) {
    obj.tracked = true
    obj.generation = 0
  }
}

export function incref(heap: Heap, v: Value): void {
  if (isRef(v)) get(heap, v.ref).refcount += 1
}

/** Drops one reference; at zero the object is freed at once and its slots are released in turn. */
export function decref(heap: Heap, v: Value): void {
  if (!isRef(v)) return
  const obj = get(heap, v.ref)
  obj.refcount -= 1
  if (obj.refcount === 0) free(heap, obj)
}

function free(heap: Heap, obj: HeapObject): void {
  heap.objects.delete(obj.id)
  if (heap.gc.counts[0] > 0) heap.gc.counts[0] -= 1
  const slots = obj.slots
  obj.slots = []
  for (const s of slots) decref(heap, s.value)
}

/** `lst.append(v)` */
export function append(heap: Heap, listId: number, v: Value): void {
  const list = get(heap, listId)
  incref(heap, v)
  list.slots.push({ key: String(list.slots.length), value: v })
}

/** `d[key] = v`: the new value is increfed before the old one is released. */
export function setItem(heap: Heap, dictId: number, key: string, v: Value): void {
  const dict = get(heap, dictId)
  incref(heap, v)
  const at = dict.slots.findIndex((s) => s.key === key)
  const old = at >= 0 ? dict.slots[at] : undefined
  if (at >= 0) dict.slots[at] = { key, value: v }
  else dict.slots.push({ key, value: v })
  if (holdsContainer(heap, v)) track(dict) // MAINTAIN_TRACKING in dictobject.c
  if (old) decref(heap, old.value)
}

/**
 * Collects generations 0..generation like `gc_collect_main` in 3.11: subtract internal references,
 * keep what is reachable from objects with outside references, free the rest, move survivors up.
 * Returns the number of unreachable objects (what `gc.collect()` returns).
 */
export function collect(heap: Heap, generation: 0 | 1 | 2): number {
  const { gc } = heap
  if (generation < 2) gc.counts[generation + 1] = (gc.counts[generation + 1] ?? 0) + 1
  for (let g = 0; g <= generation; g++) gc.counts[g] = 0
  gc.collections[generation] += 1

  const young = [...heap.objects.values()].filter((o) => o.tracked && o.generation !== null && o.generation <= generation)
  const inSet = new Set(young.map((o) => o.id))
  const gcRefs = new Map(young.map((o) => [o.id, o.refcount]))
  for (const o of young) {
    for (const s of o.slots) {
      if (isRef(s.value) && inSet.has(s.value.ref)) gcRefs.set(s.value.ref, (gcRefs.get(s.value.ref) ?? 0) - 1)
    }
  }
  const reachable = new Set<number>()
  const stack = young.filter((o) => (gcRefs.get(o.id) ?? 0) > 0).map((o) => o.id)
  while (stack.length > 0) {
    const id = stack.pop() as number
    if (reachable.has(id)) continue
    reachable.add(id)
    for (const s of get(heap, id).slots) {
      if (isRef(s.value) && inSet.has(s.value.ref) && !reachable.has(s.value.ref)) stack.push(s.value.ref)
    }
  }
  const unreachable = young.filter((o) => !reachable.has(o.id))
  // Break the cycles by clearing the garbage's slots (tp_clear); counts then fall to zero.
  for (const o of unreachable) {
    if (!heap.objects.has(o.id)) continue
    o.refcount += 1 // hold it while clearing, as the collector does
    const slots = o.slots
    o.slots = []
    for (const s of slots) decref(heap, s.value)
    decref(heap, { ref: o.id })
  }
  const next = Math.min(generation + 1, 2) as 1 | 2
  let promoted = 0
  for (const o of young) {
    if (!heap.objects.has(o.id)) continue
    if (o.kind === 'dict' && !o.slots.some((s) => holdsContainer(heap, s.value))) {
      o.tracked = false // dicts of atoms are untracked during a collection
      o.generation = null
      continue
    }
    if (o.generation !== 2 && next === 2) promoted += 1
    o.generation = next
  }
  if (generation === 2) {
    gc.longLivedTotal = [...heap.objects.values()].filter((o) => o.generation === 2).length
    gc.longLivedPending = 0
  } else {
    gc.longLivedPending += promoted
  }
  return unreachable.length
}

/** The automatic trigger of 3.11 (`gc_alloc` → `collect_generations`). */
function collectIfDue(heap: Heap): void {
  const { gc } = heap
  if (gc.counts[0] + 1 <= gc.thresholds[0] || gc.thresholds[0] === 0) return
  for (let g = 2; g >= 0; g--) {
    if ((gc.counts[g] ?? 0) > (gc.thresholds[g] ?? 0) || g === 0) {
      if (g === 2 && gc.longLivedPending < gc.longLivedTotal / 4) continue
      collect(heap, g as 0 | 1 | 2)
      return
    }
  }
}
