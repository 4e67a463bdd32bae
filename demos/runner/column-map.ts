/**
 * Column mapping from compiled JavaScript back to the TypeScript source. Sucrase keeps every line
 * where it was, but stripping types moves tokens left (`let a: number = f()` → `let a = f()`), so
 * columns in V8 stack frames need the per-token source map sucrase emits. This decodes the map's
 * `mappings` string (base64 VLQ, source map v3) into per-line segments.
 */

/** One mapped token: [generated column, source line, source column], all 0-based. */
export type Segment = readonly [number, number, number]

/** Segments of each generated line (index = 0-based generated line), sorted by generated column. */
export type LineMappings = readonly (readonly Segment[])[]

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'

function decodeVlq(text: string): number[] {
  const values: number[] = []
  let value = 0
  let shift = 0
  for (const char of text) {
    const digit = BASE64.indexOf(char)
    if (digit < 0) throw new Error(`invalid base64 VLQ digit "${char}"`)
    value += (digit & 31) * 2 ** shift
    if (digit & 32) {
      shift += 5
    } else {
      values.push(value % 2 === 1 ? -(value - 1) / 2 : value / 2)
      value = 0
      shift = 0
    }
  }
  return values
}

/** Decode a source map v3 `mappings` string (single source) into per-line segments. */
export function decodeMappings(mappings: string): LineMappings {
  let sourceLine = 0
  let sourceColumn = 0
  return mappings.split(';').map((line) => {
    let generatedColumn = 0
    const segments: Segment[] = []
    for (const field of line.split(',')) {
      if (field === '') continue
      const [dCol = 0, , dLine, dSourceCol] = decodeVlq(field)
      generatedColumn += dCol
      if (dLine === undefined || dSourceCol === undefined) continue // unmapped segment
      sourceLine += dLine
      sourceColumn += dSourceCol
      segments.push([generatedColumn, sourceLine, sourceColumn])
    }
    return segments.sort((a, b) => a[0] - b[0])
  })
}

/**
 * Map a 1-based generated position to the 1-based source position: the nearest token that starts
 * at or before the column, plus the distance into it. Unmapped positions come back unchanged.
 */
export function mapPosition(lines: LineMappings, line: number, column: number): { line: number; column: number } {
  const segments = lines[line - 1]
  const col = column - 1
  let best: Segment | undefined
  for (const segment of segments ?? []) {
    if (segment[0] > col) break
    best = segment
  }
  if (best === undefined) return { line, column }
  return { line: best[1] + 1, column: best[2] + (col - best[0]) + 1 }
}
