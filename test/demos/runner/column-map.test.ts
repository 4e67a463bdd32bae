import { describe, expect, it } from 'vitest'
import { decodeMappings, mapPosition } from '../../../demos/runner/column-map'

describe('decodeMappings', () => {
  it('decodes base64 VLQ segments, relative within and across lines', () => {
    // Line 0: gen 0 → src (0,0), gen 4 → src (0,10). Line 1: gen 2 → src (1,3), a negative delta ("P" = -7, "F" = -2).
    expect(decodeMappings('AAAA,IAAU;EACP')).toEqual([
      [[0, 0, 0], [4, 0, 10]],
      [[2, 1, 3]],
    ])
    expect(decodeMappings('AAAU;AAAF')).toEqual([[[0, 0, 10]], [[0, 0, 8]]])
  })

  it('decodes multi-digit values and skips unmapped segments', () => {
    // "gB" = 16; a one-field segment maps nothing.
    expect(decodeMappings('gBAAgB,C')).toEqual([[[16, 0, 16]]])
    expect(decodeMappings(';;')).toEqual([[], [], []])
  })

  it('rejects characters outside base64', () => {
    expect(() => decodeMappings('A!AA')).toThrow(/VLQ/)
  })
})

describe('mapPosition', () => {
  const lines = decodeMappings('AAAA,IAAU;EACP')

  it('maps a column inside a token by its distance from the token start (1-based in and out)', () => {
    expect(mapPosition(lines, 1, 5)).toEqual({ line: 1, column: 11 })
    expect(mapPosition(lines, 1, 7)).toEqual({ line: 1, column: 13 })
    expect(mapPosition(lines, 2, 3)).toEqual({ line: 2, column: 4 })
  })

  it('leaves positions without a segment before them alone', () => {
    expect(mapPosition(lines, 2, 1)).toEqual({ line: 2, column: 1 })
    expect(mapPosition(lines, 9, 4)).toEqual({ line: 9, column: 4 })
  })
})
