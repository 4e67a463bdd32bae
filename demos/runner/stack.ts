/**
 * Reading positions of the demo out of an error stack. The compiled demo carries
 * `//# sourceURL=<name>.js`, so its frames read `at f (demo.js:12:5)` / `at demo.js:12:5` in V8 and
 * `f@demo.js:12:5` in Firefox and Safari. A frame's line counts from the top of the dynamic
 * function's source, so `lineOffset` (lines before the first line of the demo) is subtracted; the
 * column goes through the sucrase source map when one is given.
 */
import { mapPosition, type LineMappings } from './column-map'

export interface SourcePosition {
  /** 1-based line in the TypeScript source. */
  readonly line: number
  /** 1-based column in the TypeScript source. */
  readonly column: number
}

/** The sourceURL a demo runs under: `demo.ts` → `demo.js`; characters a sourceURL cannot hold become `_`. */
export function compiledFileName(fileName: string): string {
  const safe = fileName.replace(/[^\w.-]/g, '_') || 'demo'
  return `${safe.replace(/\.(ts|mts|cts|tsx|js|mjs|cjs)$/, '')}.js`
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** Matches `<file>:L:C` as a whole location at the end of a frame line. */
function framePattern(fileName: string): RegExp {
  return new RegExp(`(^|[\\s(@])${escapeRegExp(compiledFileName(fileName))}:(\\d+):(\\d+)(\\)?)\\s*$`)
}

const ANY_FRAME = /^\s*at\s|@\S*:\d+:\d+\s*$|^\s*@/

function toSource(
  line: number,
  column: number,
  lineOffset: number,
  columns: LineMappings | undefined,
): SourcePosition | undefined {
  const demoLine = line - lineOffset
  if (demoLine < 1) return undefined // a frame in the wrapper, not in the reader's code
  return columns ? mapPosition(columns, demoLine, column) : { line: demoLine, column }
}

/**
 * Position in the TypeScript source of the first frame that belongs to the demo, or undefined when
 * no frame does (a non-Error was thrown, or the engine does not honour sourceURL).
 */
export function mapStackPosition(
  stack: string,
  fileName: string,
  lineOffset: number,
  columns?: LineMappings,
): SourcePosition | undefined {
  const pattern = framePattern(fileName)
  for (const frame of stack.split('\n')) {
    const match = pattern.exec(frame)
    if (!match) continue
    const position = toSource(Number(match[2]), Number(match[3]), lineOffset, columns)
    if (position) return position
  }
  return undefined
}

/**
 * The stack as a reader wants it: the message lines, then only the demo's frames, with
 * `demo.js:L:C` rewritten to `<fileName>:line:column` of the TypeScript source.
 */
export function rewriteStack(stack: string, fileName: string, lineOffset: number, columns?: LineMappings): string {
  const pattern = framePattern(fileName)
  const kept: string[] = []
  for (const frame of stack.split('\n')) {
    const match = pattern.exec(frame)
    if (match) {
      const position = toSource(Number(match[2]), Number(match[3]), lineOffset, columns)
      if (position) {
        const where = `${match[1] ?? ''}${fileName}:${String(position.line)}:${String(position.column)}${match[4] ?? ''}`
        kept.push(frame.slice(0, match.index) + where)
      }
    } else if (!ANY_FRAME.test(frame)) {
      kept.push(frame)
    }
  }
  return kept.join('\n')
}
