import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { hit, layoutFlame, pathTo, search } from '../../../demos/flamegraph/layout'
import { ProfileError, formatValue, parseProfile, type FlameNode } from '../../../demos/flamegraph/parse'

const profiles = join(import.meta.dirname, '../../../docs/public/profiles')
const cpu = readFileSync(join(profiles, 'log-aggregator.cpuprofile'), 'utf8')
const heap = readFileSync(join(profiles, 'log-aggregator.heapprofile'), 'utf8')

function find(root: FlameNode, name: string): FlameNode | undefined {
  if (root.name === name) return root
  for (const c of root.children) {
    const f = find(c, name)
    if (f) return f
  }
  return undefined
}

describe('profile parsing', () => {
  it('reads the shipped .cpuprofile into a tree of µs where totals add up', () => {
    const p = parseProfile(cpu)
    expect(p.kind).toBe('cpu')
    expect(p.root.name).toBe('(root)')
    const check = (n: FlameNode): void => {
      expect(n.total).toBeCloseTo(n.self + n.children.reduce((s, c) => s + c.total, 0), 6)
      n.children.forEach(check)
    }
    check(p.root)
    expect(find(p.root, 'aggregateNaive')?.total).toBeGreaterThan(0)
    expect(find(p.root, 'parseLine')?.where).toMatch(/^profile-workload\.mjs:\d+$/)
  })

  it('reads the shipped .heapprofile in bytes', () => {
    const p = parseProfile(heap)
    expect(p.kind).toBe('heap')
    expect(p.unit).toBe('bytes')
    expect(find(p.root, 'aggregateNaive')?.total).toBeGreaterThan(1024 * 1024)
  })

  it('uses hitCount when samples are missing', () => {
    const p = parseProfile(
      JSON.stringify({
        startTime: 0,
        endTime: 3000,
        nodes: [
          { id: 1, callFrame: { functionName: '(root)' }, hitCount: 0, children: [2] },
          { id: 2, callFrame: { functionName: 'work', url: 'file:///a/b.js', lineNumber: 4 }, hitCount: 3 },
        ],
      }),
    )
    expect(p.root.total).toBe(3000)
    expect(p.root.children[0]?.where).toBe('b.js:5')
  })

  it.each([
    ['{"nodes": 3', /not JSON/],
    ['[1,2]', /not a profile object/],
    ['{"hello": 1}', /Not a profile/],
    ['{"nodes": []}', /non-empty "nodes"/],
    ['{"nodes": [{"id": 1, "children": [9]}]}', /child 9/],
    ['{"head": {"callFrame": {}, "children": []}}', /selfSize/],
    ['{"nodes": [{"id": 1, "hitCount": 0}]}', /no samples/],
  ])('rejects %s with a clear message', (text, message) => {
    expect(() => parseProfile(text)).toThrow(ProfileError)
    expect(() => parseProfile(text)).toThrow(message)
  })

  it('formats values', () => {
    expect(formatValue(1500, 'us')).toBe('1.5 ms')
    expect(formatValue(3 * 1024 * 1024, 'bytes')).toBe('3.0 MiB')
  })
})

describe('flame layout', () => {
  const p = parseProfile(cpu)

  it('gives the root the full width and children widths by total', () => {
    const rects = layoutFlame(p.root, 1000, 20)
    expect(rects[0]).toMatchObject({ x: 0, width: 1000, depth: 0 })
    for (const r of rects) expect(r.x + r.width).toBeLessThanOrEqual(1000 + 1e-6)
    const hitRoot = hit(rects, 500, 5, 20)
    expect(hitRoot?.node.id).toBe(p.root.id)
  })

  it('zooms: the focused frame spans the full width under its ancestors', () => {
    const target = find(p.root, 'parseLine')
    if (!target) throw new Error('no parseLine frame')
    const rects = layoutFlame(p.root, 800, 20, target.id)
    const path = pathTo(p.root, target.id) ?? []
    const focus = rects.find((r) => r.node.id === target.id)
    expect(focus).toMatchObject({ x: 0, width: 800, depth: path.length - 1, ancestor: false })
    expect(rects.filter((r) => r.ancestor)).toHaveLength(path.length - 1)
  })

  it('searches case-insensitively and does not count nested matches twice', () => {
    const result = search(p.root, 'PARSELINE')
    expect(result.ids.size).toBeGreaterThan(0)
    expect(result.total).toBeLessThanOrEqual(p.root.total)
    expect(search(p.root, '  ').ids.size).toBe(0)
  })
})
