import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { clampZoom, parseMessage, samePage, stepZoom } from '../../../demos/presenter/messages'
import { newClock } from '../../../demos/presenter/clock'
import { commandForKey, keyBindings } from '../../../demos/presenter/keys'
import { adjacentSection } from '../../../demos/presenter/navigation'

describe('parseMessage', () => {
  it('accepts every well-formed message', () => {
    const clock = { ...newClock('8-1-memory-model'), since: 5, spent: { '8-0-opening': 120_000 } }
    const good = [
      { type: 'hello', from: 'presenter' },
      { type: 'state', path: '/8-1-memory-model.html', clock, zoom: 1.2 },
      { type: 'navigate', path: '/zh/8-2-tracemalloc.html' },
      { type: 'scroll', path: '/8-1-memory-model.html', ratio: 0.5 },
      { type: 'run', path: '/how-demos-work.html', demo: 'hello-world' },
      { type: 'clock', clock },
      { type: 'zoom', zoom: 1.5 },
    ]
    for (const m of good) expect(parseMessage(m)).toEqual(m)
  })

  it('rejects malformed messages and unsafe demo ids', () => {
    expect(parseMessage(null)).toBeNull()
    expect(parseMessage({ type: 'run', path: '/', demo: '"] , *' })).toBeNull()
    expect(parseMessage({ type: 'clock', clock: { slug: 1, since: null, spent: {} } })).toBeNull()
    expect(parseMessage({ type: 'hello', from: 'someone' })).toBeNull()
    expect(parseMessage({ type: 'unknown' })).toBeNull()
  })

  it('clamps scroll ratio and zoom', () => {
    expect(parseMessage({ type: 'scroll', path: '/', ratio: 7 })).toEqual({ type: 'scroll', path: '/', ratio: 1 })
    expect(parseMessage({ type: 'zoom', zoom: 9 })).toEqual({ type: 'zoom', zoom: 2 })
  })

  it('never throws on arbitrary input', () => {
    fc.assert(fc.property(fc.anything(), (v) => {
      parseMessage(v)
    }))
  })
})

describe('zoom', () => {
  it('steps by 10 % between 100 % and 200 %', () => {
    expect(stepZoom(1, 1)).toBe(1.1)
    expect(stepZoom(1, -1)).toBe(1)
    expect(stepZoom(1.95, 1)).toBe(2)
    expect(clampZoom(0.3)).toBe(1)
  })
})

describe('samePage', () => {
  it('ignores .html, query and hash', () => {
    expect(samePage('/a/8-1-memory-model.html#x', '/a/8-1-memory-model?present')).toBe(true)
    expect(samePage('/zh/index.html', '/zh/')).toBe(true)
    expect(samePage('/8-1-memory-model.html', '/zh/8-1-memory-model.html')).toBe(false)
  })
})

describe('keys', () => {
  it('P and ? always work, the rest only in presenter mode', () => {
    expect(commandForKey({ key: 'p' }, false)).toBe('toggle')
    expect(commandForKey({ key: '?' }, false)).toBe('help')
    expect(commandForKey({ key: 'ArrowRight' }, false)).toBeNull()
    expect(commandForKey({ key: 'ArrowRight' }, true)).toBe('next')
    expect(commandForKey({ key: 't' }, true)).toBe('timer')
    expect(commandForKey({ key: 'p', ctrlKey: true }, true)).toBeNull()
  })

  it('binds every key once', () => {
    const all = keyBindings.flatMap((b) => b.keys)
    expect(new Set(all).size).toBe(all.length)
  })
})

describe('adjacentSection', () => {
  it('walks the course order', () => {
    expect(adjacentSection('/lesson/8-1-memory-model.html', 1)?.slug).toBe('8-2-tracemalloc')
    expect(adjacentSection('/zh/8-1-memory-model.html', -1)?.slug).toBe('8-0-opening')
    expect(adjacentSection('/8-0-opening.html', -1)).toBeUndefined()
    expect(adjacentSection('/', 1)?.slug).toBe('8-0-opening')
  })
})
