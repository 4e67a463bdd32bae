import { describe, expect, it } from 'vitest'
import fixture from '../../../demos/cpython/cpython-fixture.json'
import { objectByLabel, runProgram } from '../../../demos/cpython/interpreter'
import { programs } from '../../../demos/cpython/programs'

interface Recorded {
  line: number
  collected?: number
  objects: Record<string, { refs: number | null; generation: number | null }>
}

const recorded = fixture.programs as Record<string, Recorded[]>

describe('the stepper model matches CPython ' + fixture.python.version, () => {
  it('recorded every page program with a real CPython', () => {
    expect(fixture.python.implementation).toBe('CPython')
    expect(fixture.python.version).toMatch(/^3\.\d+\.\d+$/)
    expect(Object.keys(recorded).sort()).toEqual(programs.map((p) => p.id).sort())
    expect(programs.length).toBeGreaterThanOrEqual(6)
  })

  it.each(programs.map((p) => [p.id, p] as const))('%s: same counts, generations and gc.collect() results', (id, program) => {
    const steps = runProgram(program.source, fixture.python.thresholds as [number, number, number]).filter((s) => s.recorded)
    const real = recorded[id] ?? []
    expect(steps.map((s) => s.line)).toEqual(real.map((r) => r.line))
    steps.forEach((step, i) => {
      const want = real[i]
      if (!want) throw new Error('missing step')
      expect(step.collected, `${id} line ${want.line + 1}: gc.collect()`).toBe(want.collected)
      for (const [label, expected] of Object.entries(want.objects)) {
        const obj = objectByLabel(step, label)
        const where = `${id} line ${want.line + 1}: ${label}`
        expect(obj?.refcount ?? null, `${where} refcount`).toBe(expected.refs)
        expect(obj ? obj.generation : null, `${where} generation`).toBe(expected.generation)
      }
    })
  })

  it('covers the cycle before and after del', () => {
    const fixed = recorded.fixed ?? []
    expect(fixed.map((s) => s.objects.lst?.refs ?? null)).toEqual([null, 1, 2, 1, null])
    expect(fixed.at(-1)?.collected).toBe(1)
    expect(recorded.original?.at(-1)?.collected).toBe(0)
  })
})
