import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { decodeShareHash, encodeShareHash } from '../../../demos/runner/share'

describe('share links', () => {
  it('round-trips any code, CJK and emoji included', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, unit: 'binary' }), (code) => {
        expect(decodeShareHash(encodeShareHash('big-list', code))).toEqual({ demoId: 'big-list', code })
      }),
    )
    const code = "const s = '内存与性能'.repeat(1000) // 🚀\nconsole.log(s.length)"
    expect(decodeShareHash(encodeShareHash('cjk', code))).toEqual({ demoId: 'cjk', code })
  })

  it('stays URL-safe', () => {
    expect(encodeShareHash('a', 'x + y / z = "q" & <tag>?#')).toMatch(/^#share=a:[A-Za-z0-9+\-$]+$/)
  })

  it('ignores other hashes and reports damaged links', () => {
    expect(decodeShareHash('#errata')).toBeNull()
    expect(decodeShareHash('')).toBeNull()
    expect(decodeShareHash('#share=nocolon')).toBeNull()
    expect(decodeShareHash('#share=demo:%%%not-lz')).toEqual({ demoId: 'demo', error: 'damaged' })
    expect(decodeShareHash('#share=demo:')).toEqual({ demoId: 'demo', error: 'damaged' })
  })
})
