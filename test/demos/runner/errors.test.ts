import { describe, expect, it } from 'vitest'
import { describeCompileError, describeError } from '../../../demos/runner/errors'

const where = { fileName: 'demo.ts', lineOffset: 3 }

describe('describeError', () => {
  it('gives an error its TypeScript position and a stack of demo frames only', () => {
    const error = new TypeError('bad')
    error.stack = 'TypeError: bad\n    at f (demo.js:6:2)\n    at runtime (file:///x/runtime.ts:1:1)'
    expect(describeError(4, error, 'uncaught', where)).toEqual({
      type: 'error', id: 4, kind: 'uncaught', name: 'TypeError', message: 'bad', line: 3, column: 2,
      stack: 'TypeError: bad\n    at f (demo.ts:3:2)',
    })
  })

  it('leaves the position out when no frame belongs to the demo', () => {
    const error = new Error('elsewhere')
    expect(describeError(1, error, 'unhandled-rejection', where)).not.toHaveProperty('line')
  })

  it('reports thrown values that are not errors by value', () => {
    expect(describeError(1, { code: 7 }, 'uncaught', where)).toEqual({
      type: 'error', id: 1, kind: 'uncaught', name: 'Uncaught', message: '{ code: 7 }',
    })
    expect(describeError(1, { message: 'error-like', name: 'Custom' }, 'uncaught', where)).toEqual({
      type: 'error', id: 1, kind: 'uncaught', name: 'Custom', message: 'error-like',
    })
  })
})

describe('describeCompileError', () => {
  it('explains that demos cannot use modules', () => {
    expect(describeCompileError(2, new SyntaxError('Cannot use import statement outside a module'))).toEqual({
      type: 'error', id: 2, kind: 'compile', name: 'SyntaxError',
      message: 'Cannot use import statement outside a module (demos cannot import or export modules)',
    })
    expect(describeCompileError(2, new SyntaxError("Identifier 'a' has already been declared")).message)
      .toBe("Identifier 'a' has already been declared")
  })
})
