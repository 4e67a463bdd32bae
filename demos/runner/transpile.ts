/**
 * TypeScript demo → the body of an async function. Sucrase strips the types and keeps every line
 * where it was (columns move where types are removed; `columns` maps them back).
 *
 * The body is `'use strict'; {` + the compiled demo + `}`: strict like an ES module, and a block
 * so the demo may declare its own `sleep`, `mark`… over the injected parameters of the same name.
 * Being an async function body, top-level `await` works, and a top-level `return x` ends the demo
 * with completion value `x` (reported in `done.returned`). `import`/`export` are not supported.
 */
import { transform } from 'sucrase'
import { decodeMappings, type LineMappings } from './column-map'
import { compiledFileName } from './stack'

export { compiledFileName, mapStackPosition, rewriteStack, type SourcePosition } from './stack'

export interface TranspiledDemo {
  /** The async function body, ending with `//# sourceURL=<sourceURL>`. */
  readonly code: string
  /** Name the code runs under in stack frames, e.g. `demo.js`. */
  readonly sourceURL: string
  /** Lines the wrapper puts in the body before the demo's first line. */
  readonly prefixLines: number
  /** Columns of the compiled demo (without the wrapper) mapped to the TypeScript source. */
  readonly columns: LineMappings
}

export interface TranspileError {
  readonly message: string
  /** 1-based line in the TypeScript source. */
  readonly line: number
  /** 1-based column in the TypeScript source. */
  readonly column: number
}

export type TranspileResult = TranspiledDemo | { readonly error: TranspileError }

const PREFIX = "'use strict'; {\n"
const PREFIX_LINES = 1

export function isTranspileError(result: TranspileResult): result is { readonly error: TranspileError } {
  return 'error' in result
}

function positionOf(source: string, index: number): { line: number; column: number } {
  const before = source.slice(0, Math.max(0, index)).split('\n')
  return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 }
}

/** Sucrase reports `Unexpected token (2:10)` with `loc` (1-based line and column) or at least `pos`. */
function toTranspileError(error: unknown, source: string): TranspileError {
  const message = error instanceof Error
    ? error.message.replace(/^Error transforming [^:]*: /, '').replace(/\s*\(\d+:\d+\)$/, '')
    : String(error)
  const details = (typeof error === 'object' && error !== null ? error : {}) as {
    loc?: { line?: unknown; column?: unknown }
    pos?: unknown
  }
  if (typeof details.loc?.line === 'number' && typeof details.loc.column === 'number') {
    return { message, line: details.loc.line, column: details.loc.column }
  }
  if (typeof details.pos === 'number') return { message, ...positionOf(source, details.pos) }
  return { message, line: 1, column: 1 }
}

export function transpileDemo(source: string, fileName: string): TranspileResult {
  const sourceURL = compiledFileName(fileName)
  try {
    const result = transform(source, {
      transforms: ['typescript'],
      // Workers run modern JS: leave `?.`, `??`, class fields… as written, which also keeps columns.
      disableESTransforms: true,
      filePath: fileName,
      sourceMapOptions: { compiledFilename: sourceURL },
    })
    return {
      code: `${PREFIX}${result.code}\n}\n//# sourceURL=${sourceURL}`,
      sourceURL,
      prefixLines: PREFIX_LINES,
      columns: decodeMappings(result.sourceMap?.mappings ?? ''),
    }
  } catch (error) {
    return { error: toTranspileError(error, source) }
  }
}
