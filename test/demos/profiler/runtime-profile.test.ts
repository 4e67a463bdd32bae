import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { ErrorMessage, ProfileMessage, WorkerMessage } from '../../../demos/runner/protocol'
import { runDemo } from '../../../demos/runner/runtime'

async function run(source: string, profile: boolean): Promise<WorkerMessage[]> {
  const messages: WorkerMessage[] = []
  await runDemo(source, { id: 3, fileName: 'demo.ts', timeLimitMs: 10_000, post: (m) => messages.push(m), profile })
  return messages
}

/** The 8.4 page's demo, read from the page so the test follows edits. */
function pageDemo(): string {
  const page = readFileSync('docs/8-4-benchmarking.md', 'utf8')
  const match = /```ts demo=profile-slow[^\n]*\n([\s\S]*?)```/.exec(page)
  if (!match?.[1]) throw new Error('profile-slow demo not found')
  return match[1]
}

describe('runDemo with profile', () => {
  it('posts a profile of the 8.4 demo before done: slow once, its push line hottest', async () => {
    const source = pageDemo()
    // A real clock on a shared machine: a GC pause can land anywhere, so allow three tries for the ranking.
    let messages: WorkerMessage[] = []
    for (let attempt = 0; attempt < 3; attempt++) {
      messages = await run(source, true)
      const profile = messages.find((m): m is ProfileMessage => m.type === 'profile')
      const ranked = [...(profile?.result.lineProfiles[0]?.lines ?? [])].sort((a, b) => b.time - a.time)
      if (ranked[0]?.text?.includes('squares.push')) break
    }
    expect(messages.map((m) => m.type).slice(-2)).toEqual(['profile', 'done'])
    const { result } = messages.find((m): m is ProfileMessage => m.type === 'profile') as ProfileMessage
    const slow = result.functions.find((fn) => fn.name === 'slow')
    expect(slow?.ncalls).toBe(1)
    expect(slow?.line).toBe(source.split('\n').findIndex((l) => l.startsWith('function slow')) + 1)
    expect(result.functions.filter((fn) => fn.name === '<anonymous>').map((fn) => fn.ncalls)).toEqual([100_000, 100_000])
    const [lines] = result.lineProfiles
    const hottest = [...(lines?.lines ?? [])].sort((a, b) => b.time - a.time)[0]
    expect(hottest?.text).toContain('squares.push')
    expect(hottest?.hits).toBe(100_000)
    expect(lines?.lines[0]?.text).toContain('function slow')
  })

  it('keeps error positions exact in profiled code', async () => {
    const source = 'function f(n: number): number {\n  if (n > 2) throw new Error("deep")\n  return f(n + 1)\n}\nf(0)\n'
    const messages = await run(source, true)
    const error = messages.at(-1) as ErrorMessage
    expect(error).toMatchObject({ type: 'error', line: 2, column: source.split('\n')[1]!.indexOf('new Error') + 1 })
  })

  it('posts no profile without the option', async () => {
    const messages = await run('function f() { return 1 }\nf()', false)
    expect(messages.map((m) => m.type)).toEqual(['done'])
  })
})
