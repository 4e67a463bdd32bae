import { describe, expect, it } from 'vitest'
import { parseProfile } from '../../../demos/flamegraph/parse'
import { traceShape, traceToCpuProfile } from '../../../demos/flamegraph/trace'

describe('trace → .cpuprofile', () => {
  const trace = {
    name: '(root)',
    ms: 10,
    children: [
      { name: 'makeLog', ms: 3, children: [] },
      { name: 'count', ms: 6, children: [{ name: 'parse', ms: 4, children: [] }] },
    ],
  }

  it('keeps the tree, with self time = time minus children', () => {
    const profile = parseProfile(JSON.stringify(traceToCpuProfile(trace, 'hw-3.ts')))
    expect(profile.kind).toBe('cpu')
    expect(profile.root.name).toBe('(root)')
    expect(profile.root.total).toBe(10_000)
    expect(profile.root.self).toBe(1000)
    const count = profile.root.children.find((c) => c.name === 'count')
    expect(count?.total).toBe(6000)
    expect(count?.self).toBe(2000)
    expect(count?.children[0]?.name).toBe('parse')
    expect(count?.children[0]?.total).toBe(4000)
    expect(traceShape(trace)).toEqual({ depth: 3, frames: 4 })
  })

  it('rejects what is not a trace', () => {
    expect(() => traceToCpuProfile({ name: 'x' })).toThrow(TypeError)
    expect(() => traceToCpuProfile({ name: 'x', ms: -1 })).toThrow(TypeError)
    expect(() => traceToCpuProfile({ name: 'x', ms: 1, children: [{ ms: 1 }] })).toThrow(TypeError)
  })
})
