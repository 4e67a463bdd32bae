import { isRef, type HeapObject, type Value } from './heap'
import type { Step } from './interpreter'

/** Positions of the stepper's SVG picture: frames (names) on the left, heap objects on the right. */

export const ROW = 24
const HEADER = 26
const OBJECT_HEADER = 46
const FRAME_X = 8
const FRAME_W = 190
const OBJECT_X = 290
const OBJECT_W = 210
const GAP = 18

export interface VarBox {
  readonly frame: string
  readonly name: string
  readonly text: string
  readonly x: number
  readonly y: number
  readonly width: number
}

export interface FrameBox {
  readonly name: string
  readonly x: number
  readonly y: number
  readonly width: number
  readonly height: number
  readonly vars: readonly VarBox[]
}

export interface SlotBox {
  readonly key: string
  readonly text: string
  readonly y: number
}

export interface ObjectBox {
  readonly object: HeapObject
  readonly x: number
  readonly y: number
  readonly width: number
  readonly height: number
  readonly slots: readonly SlotBox[]
}

export interface Arrow {
  readonly path: string
  /** Ends at this object (its label), for tests and highlighting. */
  readonly to: string
  readonly self: boolean
}

export interface HeapPicture {
  readonly width: number
  readonly height: number
  readonly frames: readonly FrameBox[]
  readonly objects: readonly ObjectBox[]
  readonly arrows: readonly Arrow[]
}

function text(value: Value, step: Step): string {
  if (!isRef(value)) return value.atom
  const o = step.heap.objects.get(value.ref)
  return o ? '' : '?'
}

export function layoutStep(step: Step): HeapPicture {
  const frames: FrameBox[] = []
  let y = 8
  for (const f of step.frames) {
    const vars = f.vars.map((v, i) => ({
      frame: f.name,
      name: v.name,
      text: text(v.value, step),
      x: FRAME_X,
      y: y + HEADER + i * ROW,
      width: FRAME_W,
    }))
    const height = HEADER + Math.max(1, vars.length) * ROW + 6
    frames.push({ name: f.name, x: FRAME_X, y, width: FRAME_W, height, vars })
    y += height + GAP
  }
  const leftHeight = y

  const objects: ObjectBox[] = []
  const top = new Map<number, number>()
  y = 8
  for (const o of [...step.heap.objects.values()].sort((a, b) => a.id - b.id)) {
    const slots = o.slots.map((s, i) => ({
      key: o.kind === 'dict' ? JSON.stringify(s.key) : `[${s.key}]`,
      text: text(s.value, step),
      y: y + OBJECT_HEADER + i * ROW,
    }))
    const height = OBJECT_HEADER + Math.max(1, slots.length) * ROW + 6
    objects.push({ object: o, x: OBJECT_X, y, width: OBJECT_W, height, slots })
    top.set(o.id, y)
    y += height + GAP
  }
  const rightHeight = y

  const arrows: Arrow[] = []
  const target = (v: Value): { y: number; label: string } | null => {
    if (!isRef(v)) return null
    const ty = top.get(v.ref)
    const o = step.heap.objects.get(v.ref)
    return ty === undefined || !o ? null : { y: ty + 14, label: o.label }
  }
  step.frames.forEach((f, fi) => {
    f.vars.forEach((v, vi) => {
      const t = target(v.value)
      const box = frames[fi]?.vars[vi]
      if (!t || !box) return
      const sx = box.x + box.width - 12
      const sy = box.y + ROW / 2
      const ex = OBJECT_X
      const mid = (sx + ex) / 2
      arrows.push({ path: `M${sx},${sy} C${mid},${sy} ${mid},${t.y} ${ex - 2},${t.y}`, to: t.label, self: false })
    })
  })
  for (const box of objects) {
    box.object.slots.forEach((s, i) => {
      const t = target(s.value)
      const slot = box.slots[i]
      if (!t || !slot) return
      const sx = box.x + box.width - 12
      const sy = slot.y + ROW / 2
      const ex = box.x + box.width
      const self = t.label === box.object.label && t.y === box.y + 14
      const bulge = ex + 36 + i * 10
      arrows.push({ path: `M${sx},${sy} C${bulge},${sy} ${bulge},${t.y} ${ex + 2},${t.y}`, to: t.label, self })
    })
  }
  return {
    width: OBJECT_X + OBJECT_W + 90,
    height: Math.max(leftHeight, rightHeight, 120),
    frames,
    objects,
    arrows,
  }
}
