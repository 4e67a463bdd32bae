import { describe, expect, it } from 'vitest'
import { closure, findChains } from '../../../demos/retainers/find-chains'
import { fixes, runScenario } from '../../../demos/retainers/scenario'

describe('reference chains', () => {
  it('labels properties, array indices, Map entries and closure variables', () => {
    const big = [1, 2, 3]
    const holder = { big }
    const fn = closure(() => holder, { holder })
    const roots = { app: { list: [null, fn], table: new Map([['k', holder]]) } }
    const graph = findChains(roots, big)
    const chains = graph.chains.map((c) => c.map((e) => e.label).join(' → '))
    expect(chains).toContain('table → Map entry "k" → big')
    expect(chains).toContain('list → [1] → closure: holder → big')
    expect(graph.nodes.find((n) => n.root)?.label).toBe('app')
    expect(graph.nodes.filter((n) => n.target)).toHaveLength(1)
  })

  it('does not follow WeakMap, WeakSet or WeakRef', () => {
    const big = {}
    const key = {}
    const wm = new WeakMap([[key, big]])
    expect(findChains({ a: { wm, key, ref: new WeakRef(big), ws: new WeakSet([big]) } }, big).chains).toHaveLength(0)
  })

  it('survives cycles and gives shorter chains first', () => {
    const target = {}
    const a: Record<string, unknown> = { target }
    const b: Record<string, unknown> = { a }
    a.b = b
    const graph = findChains({ r: { a, b } }, target)
    expect(graph.chains[0]?.map((e) => e.label)).toEqual(['a', 'target'])
    expect(graph.chains.length).toBeGreaterThan(1)
  })
})

describe('the leak scenario', () => {
  it('the leak: module → cache → Map entry → handlers → [0] → closure: report → rows', () => {
    const s = runScenario('none', 10)
    const graph = findChains(s.roots, s.target)
    expect(graph.chains).toHaveLength(1)
    expect(graph.chains[0]?.map((e) => e.label)).toEqual(['cache', 'Map entry "req-42"', 'handlers', '[0]', 'closure: report', 'rows'])
    expect(graph.nodes.map((n) => n.label)).toEqual(['module', 'Map', 'Session', 'Array(1)', 'function onDone', 'Report', 'Array(10)'])
  })

  it.each(fixes.filter((f) => f !== 'none'))('fix %s leaves no chain', (fix) => {
    const s = runScenario(fix, 10)
    expect(findChains(s.roots, s.target).chains).toHaveLength(0)
  })
})

describe('graph layout', () => {
  it('places every node and edge of the leak chain, roots above the target', async () => {
    const { layoutChains } = await import('../../../demos/retainers/layout')
    const s = runScenario('none', 10)
    const placed = layoutChains(findChains(s.roots, s.target))
    expect(placed.nodes).toHaveLength(7)
    expect(placed.edges).toHaveLength(6)
    const root = placed.nodes.find((n) => n.node.root)
    const target = placed.nodes.find((n) => n.node.target)
    expect(root && target && root.y < target.y).toBe(true)
    for (const e of placed.edges) expect(e.points.length).toBeGreaterThanOrEqual(2)
    expect(placed.width).toBeGreaterThan(0)
  })
})
