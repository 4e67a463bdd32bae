import { describe, expect, it } from 'vitest'
import { expectedResult, runVariant, VARIANTS } from '../../../demos/shrink/variants'

describe('the 8.5 shrink variants', () => {
  it.each(VARIANTS)('%s does the same work and probes once', async (id) => {
    let probes = 0
    const result = await runVariant(id, 1234, () => { probes++ })
    expect(result).toEqual(expectedResult(1234))
    expect(result.top[0]).toBe('user1233')
    expect(probes).toBe(1)
  })

  it('handles tiny inputs', async () => {
    for (const id of VARIANTS) {
      expect(await runVariant(id, 1, () => undefined)).toEqual({ total: 0, top: ['user0'] })
      expect(await runVariant(id, 0, () => undefined)).toEqual({ total: 0, top: [] })
    }
  })
})
