/**
 * nginx `log_format` strings compiled into a field extractor. A format is literal text with
 * variables (`$name` or `${name}`); a line is read left to right: each variable's value ends where
 * the literal text that follows it in the format begins (its first occurrence), so quoted fields
 * may contain spaces. The client address and the timestamp are parsed in place (they delimit
 * themselves); other variables are skipped by searching for the literal after them. Reading stops
 * after the last variable that is needed, so the rest of the line costs nothing.
 */

export const FIELD_SKIP = 0
export const FIELD_ADDRESS = 1
export const FIELD_XFF = 2
export const FIELD_TIME_LOCAL = 3
export const FIELD_TIME_ISO = 4
export const FIELD_MSEC = 5

/** Predefined formats: nginx's built-in `combined`, and `main` from nginx's sample nginx.conf. */
export const PRESET_FORMATS: Readonly<Record<string, string>> = {
  combined: '$remote_addr - $remote_user [$time_local] "$request" $status $body_bytes_sent "$http_referer" "$http_user_agent"',
  main: '$remote_addr - $remote_user [$time_local] "$request" $status $body_bytes_sent "$http_referer" "$http_user_agent" "$http_x_forwarded_for"',
}

/** Where the client address comes from: the TCP peer, or the first address of X-Forwarded-For. */
export type ClientSource = 'remote_addr' | 'x_forwarded_for'

export interface CompiledLogFormat {
  /** The format text (a preset's expansion for preset names). */
  readonly source: string
  /** Preset name, or `custom`. */
  readonly name: string
  /** Variable names in order of appearance. */
  readonly variables: readonly string[]
  /** Literal text before the first variable. */
  readonly prefix: Uint8Array
  /** Per step (one per variable up to the last one needed): what to do with the field. */
  readonly kinds: Int32Array
  /** Per step: the literal text after the variable. */
  readonly literals: readonly Uint8Array[]
  /** Per step: 1 when the field runs to the end of the line (last variable, nothing after it). */
  readonly toLineEnd: Uint8Array
  /** `$remote_addr` (or `$realip_remote_addr`) when present. */
  readonly addressVariable: string | null
  /** `$time_local`, `$time_iso8601` or `$msec` when present. */
  readonly timeVariable: string | null
  /** True when the client address is taken from `$http_x_forwarded_for`. */
  readonly usesXff: boolean
}

interface Token {
  readonly literal: string
  readonly variable: string | null
}

function tokenize(format: string): Token[] {
  const tokens: Token[] = []
  let literal = ''
  for (let i = 0; i < format.length; ) {
    const ch = format[i] as string
    if (ch === '$') {
      let name = ''
      let next = i + 1
      if (format[next] === '{') {
        const close = format.indexOf('}', next)
        if (close < 0) throw new Error(`log_format: "\${" without "}" at position ${String(i)}`)
        name = format.slice(next + 1, close)
        next = close + 1
      } else {
        while (next < format.length && /[A-Za-z0-9_]/.test(format[next] as string)) name += format[next++] as string
      }
      if (/^[A-Za-z0-9_]+$/.test(name)) {
        tokens.push({ literal, variable: name })
        literal = ''
        i = next
        continue
      }
    }
    literal += ch
    i++
  }
  tokens.push({ literal, variable: null })
  return tokens
}

const encoder = new TextEncoder()

/**
 * Compiles a format: a preset name (`combined`, `main`) or a `log_format` string. Throws with a
 * readable message when the format has no client address or two variables that cannot be told
 * apart (no literal text between them) before the fields that are needed.
 */
export function compileLogFormat(format = 'combined', clientFrom: ClientSource = 'remote_addr'): CompiledLogFormat {
  const preset = PRESET_FORMATS[format]
  const source = preset ?? format
  const tokens = tokenize(source)
  const variables = tokens.flatMap((t) => (t.variable === null ? [] : [t.variable]))
  const first = (names: string[]): string | null => names.find((n) => variables.includes(n)) ?? null
  const addressVariable = first(['remote_addr', 'realip_remote_addr'])
  const timeVariable = first(['time_local', 'time_iso8601', 'msec'])
  const hasXff = variables.includes('http_x_forwarded_for')
  if (clientFrom === 'x_forwarded_for' && !hasXff) throw new Error('log_format: the client address is to come from X-Forwarded-For, but the format has no $http_x_forwarded_for')
  if (addressVariable === null && !hasXff) throw new Error('log_format: no client address variable ($remote_addr, $realip_remote_addr or $http_x_forwarded_for)')
  const usesXff = hasXff && (clientFrom === 'x_forwarded_for' || addressVariable === null)

  const kindOf = (name: string, index: number): number => {
    if (variables.indexOf(name) !== index) return FIELD_SKIP // a repeated variable: the first one counts
    if (name === addressVariable) return FIELD_ADDRESS
    if (name === 'http_x_forwarded_for' && usesXff) return FIELD_XFF
    if (name === timeVariable) return name === 'time_local' ? FIELD_TIME_LOCAL : name === 'time_iso8601' ? FIELD_TIME_ISO : FIELD_MSEC
    return FIELD_SKIP
  }
  const allKinds = variables.map(kindOf)
  let last = -1
  allKinds.forEach((kind, i) => {
    if (kind !== FIELD_SKIP) last = i
  })
  const steps = last + 1
  const kinds = new Int32Array(steps)
  const literals: Uint8Array[] = []
  const toLineEnd = new Uint8Array(steps)
  for (let i = 0; i < steps; i++) {
    const kind = allKinds[i] as number
    const after = (tokens[i + 1] as Token).literal
    const isLast = i === variables.length - 1
    kinds[i] = kind
    literals.push(encoder.encode(after))
    toLineEnd[i] = isLast && after === '' ? 1 : 0
    if ((kind === FIELD_SKIP || kind === FIELD_XFF) && after === '' && !isLast) {
      throw new Error(`log_format: cannot tell where $${variables[i] ?? ''} ends: $${variables[i + 1] ?? ''} follows it with no text in between`)
    }
  }
  return {
    source,
    name: preset === undefined ? 'custom' : format,
    variables,
    prefix: encoder.encode((tokens[0] as Token).literal),
    kinds,
    literals,
    toLineEnd,
    addressVariable,
    timeVariable,
    usesXff,
  }
}

/** Index of the first occurrence of `literal` in `buf[from, end)`, or -1. */
export function findLiteral(buf: Uint8Array, from: number, end: number, literal: Uint8Array): number {
  const first = literal[0] as number
  const n = literal.length
  const last = end - n
  outer: for (let i = from; i <= last; i++) {
    if (buf[i] !== first) continue
    for (let j = 1; j < n; j++) if (buf[i + j] !== literal[j]) continue outer
    return i
  }
  return -1
}

/** Whether `literal` occurs at `at` (within `end`). */
export function literalAt(buf: Uint8Array, at: number, end: number, literal: Uint8Array): boolean {
  const n = literal.length
  if (at + n > end) return false
  for (let j = 0; j < n; j++) if (buf[at + j] !== literal[j]) return false
  return true
}
