import { describe, expect, it } from 'vitest'
import { allocate, collect, createHeap, decref, append } from '../../../demos/cpython/heap'
import { runProgram } from '../../../demos/cpython/interpreter'
import { ParseError, parseProgram } from '../../../demos/cpython/parse'

describe('heap model', () => {
  it('frees a chain at once when the last reference goes', () => {
    const heap = createHeap()
    const inner = allocate(heap, 'list', [])
    inner.refcount += 1
    const outer = allocate(heap, 'list', [{ key: '0', value: { ref: inner.id } }])
    outer.refcount += 1
    decref(heap, { ref: inner.id })
    expect(heap.objects.get(inner.id)?.refcount).toBe(1)
    decref(heap, { ref: outer.id })
    expect(heap.objects.size).toBe(0)
    expect(heap.gc.counts[0]).toBe(0)
  })

  it('runs automatic collections by the thresholds and promotes survivors', () => {
    const heap = createHeap([3, 2, 2])
    const kept = []
    for (let i = 0; i < 4; i++) {
      const o = allocate(heap, 'list', [])
      o.refcount += 1
      kept.push(o)
    }
    // the 4th allocation found count[0] = 3 + 1 > 3 and collected generation 0 first
    expect(heap.gc.collections).toEqual([1, 0, 0])
    expect(kept.slice(0, 3).map((o) => o.generation)).toEqual([1, 1, 1])
    expect(kept[3]?.generation).toBe(0)
    expect(heap.gc.counts).toEqual([1, 1, 0])
  })

  it('collects an unreachable cycle and keeps a reachable one', () => {
    const heap = createHeap()
    const a = allocate(heap, 'list', [])
    a.refcount += 1
    append(heap, a.id, { ref: a.id })
    expect(collect(heap, 2)).toBe(0)
    expect(a.generation).toBe(2)
    decref(heap, { ref: a.id })
    expect(heap.objects.has(a.id)).toBe(true)
    expect(collect(heap, 2)).toBe(1)
    expect(heap.objects.size).toBe(0)
  })
})

describe('stepper programs', () => {
  it('rejects what it cannot run, naming the line', () => {
    expect(() => parseProgram(['x = []', 'for i in x:'])).toThrow(ParseError)
    expect(() => parseProgram(['x = []', 'for i in x:'])).toThrow(/line 2/)
    expect(() => runProgram(['del ghost'])).toThrow(/NameError/)
  })

  it('reports what changed on each line', () => {
    const steps = runProgram(['a = []', 'b = a', 'del a', 'del b'])
    expect(steps.map((s) => s.changes.map((c) => `${c.label}:${c.from}->${c.to}`).join())).toEqual([
      '',
      'a:null->1',
      'a:1->2',
      'a:2->1',
      'a:1->null',
    ])
  })
})
