import { describe, expect, it } from 'vitest'
import { decodeMappings } from '../../../demos/runner/column-map'
import { compiledFileName, mapStackPosition, rewriteStack } from '../../../demos/runner/stack'

const v8Stack = [
  'TypeError: boom',
  '    at inner (demo.js:5:25)',
  '    at Timeout.eval [as _onTimeout] (demo.js:6:18)',
  '    at listOnTimeout (node:internal/timers:581:17)',
].join('\n')

describe('compiledFileName', () => {
  it('names the compiled file after the TypeScript one', () => {
    expect(compiledFileName('demo.ts')).toBe('demo.js')
    expect(compiledFileName('demo')).toBe('demo.js')
    expect(compiledFileName('8-5 shrink.ts')).toBe('8-5_shrink.js')
  })
})

describe('mapStackPosition', () => {
  it('takes the first frame of the demo file and removes the line offset', () => {
    expect(mapStackPosition(v8Stack, 'demo.ts', 3)).toEqual({ line: 2, column: 25 })
  })

  it('reads V8 frames without a function name and Firefox/Safari frames', () => {
    expect(mapStackPosition('Error\n    at demo.js:12:5', 'demo.ts', 2)).toEqual({ line: 10, column: 5 })
    expect(mapStackPosition('inner@demo.js:7:3\n@demo.js:9:1', 'demo.ts', 2)).toEqual({ line: 5, column: 3 })
  })

  it('ignores other files, even ones whose name ends the same', () => {
    const stack = 'Error\n    at f (mydemo.js:4:4)\n    at g (http://x/demo.js.map:4:4)\n    at h (demo.js:8:2)'
    expect(mapStackPosition(stack, 'demo.ts', 2)).toEqual({ line: 6, column: 2 })
    expect(mapStackPosition('Error\n    at f (other.js:1:1)', 'demo.ts', 2)).toBeUndefined()
  })

  it('skips frames that fall in the wrapper above the demo', () => {
    expect(mapStackPosition('Error\n    at a (demo.js:2:1)\n    at b (demo.js:4:1)', 'demo.ts', 3)).toEqual({ line: 1, column: 1 })
  })

  it('maps columns through the source map when one is given', () => {
    // Demo line 2: generated column 4 (0-based) came from source column 12.
    const columns = decodeMappings(';AACA,IAAY')
    expect(mapStackPosition('Error\n    at demo.js:4:7', 'demo.ts', 2, columns)).toEqual({ line: 2, column: 15 })
  })
})

describe('rewriteStack', () => {
  it('keeps the message and the demo frames, rewritten to TypeScript positions', () => {
    expect(rewriteStack(v8Stack, 'demo.ts', 3)).toBe(
      'TypeError: boom\n    at inner (demo.ts:2:25)\n    at Timeout.eval [as _onTimeout] (demo.ts:3:18)',
    )
    expect(rewriteStack('f@demo.js:5:1\n@page.js:1:1', 'demo.ts', 2)).toBe('f@demo.ts:3:1')
  })
})
