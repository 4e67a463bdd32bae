import { describe, expect, it } from 'vitest'
import { isolationPlugin } from '../../.vitepress/isolation-plugin'

describe('isolationPlugin', () => {
  it('adds COOP, COEP and CORP to every development response, pages included', () => {
    type Middleware = (req: unknown, res: { setHeader(name: string, value: string): void }, next: () => void) => void
    let middleware: Middleware | undefined
    const server = { middlewares: { use: (fn: Middleware) => { middleware = fn } } }
    const hook = isolationPlugin().configureServer as unknown as (s: typeof server) => void
    hook(server)
    const headers = new Map<string, string>()
    let passed = false
    middleware?.({ url: '/8-1-memory-model.html' }, { setHeader: (n, v) => headers.set(n, v) }, () => { passed = true })
    expect(passed).toBe(true)
    expect(headers.get('Cross-Origin-Opener-Policy')).toBe('same-origin')
    expect(headers.get('Cross-Origin-Embedder-Policy')).toBe('require-corp')
    expect(headers.get('Cross-Origin-Resource-Policy')).toBe('same-origin')
  })
})
