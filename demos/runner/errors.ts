/**
 * A thrown value → the `error` message. Errors keep their name and message, get the position of
 * their first frame in the demo (TypeScript line and column) and a stack of only the demo's
 * frames. Anything else that was thrown (`throw 'oops'`) has no stack: it is reported with name
 * `Uncaught` and the value formatted as the message.
 */
import type { LineMappings } from './column-map'
import { formatValue } from './format'
import type { ErrorKind, ErrorMessage } from './protocol'
import { mapStackPosition, rewriteStack } from './stack'

export interface DemoLocation {
  readonly fileName: string
  /** Lines before the demo's first line in the dynamic function's source. */
  readonly lineOffset: number
  readonly columns?: LineMappings
}

interface ErrorLike {
  readonly name?: unknown
  readonly message: string
  readonly stack?: unknown
}

function isErrorLike(value: unknown): value is ErrorLike {
  return value instanceof Error || (
    typeof value === 'object' && value !== null && typeof (value as { message?: unknown }).message === 'string'
  )
}

export function describeError(id: number, reason: unknown, kind: ErrorKind, where: DemoLocation): ErrorMessage {
  if (!isErrorLike(reason)) {
    return { type: 'error', id, kind, name: 'Uncaught', message: formatValue(reason) }
  }
  const name = typeof reason.name === 'string' && reason.name ? reason.name : 'Error'
  const stack = typeof reason.stack === 'string' ? reason.stack : undefined
  if (stack === undefined) return { type: 'error', id, kind, name, message: reason.message }
  const position = mapStackPosition(stack, where.fileName, where.lineOffset, where.columns)
  return {
    type: 'error',
    id,
    kind,
    name,
    message: reason.message,
    ...(position ?? {}),
    stack: rewriteStack(stack, where.fileName, where.lineOffset, where.columns),
  }
}

/** A SyntaxError the engine raised while building the function (sucrase parsed it, V8 did not). */
export function describeCompileError(id: number, error: unknown): ErrorMessage {
  const message = error instanceof Error ? error.message : String(error)
  const hint = /\b(import|export)\b/.test(message) ? ' (demos cannot import or export modules)' : ''
  const name = error instanceof Error ? error.name : 'SyntaxError'
  return { type: 'error', id, kind: 'compile', name, message: `${message}${hint}` }
}
