/**
 * Parser for the small Python subset the stepper runs: assignment, `del`, list and dict displays,
 * `x.append(v)`, `d["k"] = v`, `def f(a):` with a body, `return v`, calls, `import`, `gc.collect()`.
 * Anything else is a ParseError naming the line, so a typo in a page program fails loudly.
 */

export type Expr =
  | { readonly type: 'name'; readonly name: string }
  | { readonly type: 'atom'; readonly text: string }
  | { readonly type: 'list'; readonly items: readonly Expr[] }
  | { readonly type: 'dict'; readonly entries: readonly { key: string; value: Expr }[] }
  | { readonly type: 'call'; readonly callee: string; readonly args: readonly Expr[] }
  | { readonly type: 'collect' }

export type Stmt =
  | { readonly type: 'noop'; readonly line: number }
  | { readonly type: 'assign'; readonly line: number; readonly target: string; readonly value: Expr }
  | { readonly type: 'setitem'; readonly line: number; readonly target: string; readonly key: string; readonly value: Expr }
  | { readonly type: 'append'; readonly line: number; readonly target: string; readonly value: Expr }
  | { readonly type: 'del'; readonly line: number; readonly names: readonly string[] }
  | { readonly type: 'expr'; readonly line: number; readonly value: Expr }
  | { readonly type: 'return'; readonly line: number; readonly value: Expr | null }
  | { readonly type: 'def'; readonly line: number; readonly name: string; readonly params: readonly string[]; readonly body: readonly Stmt[] }

export class ParseError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(`line ${line + 1}: ${message}`)
  }
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/

/** Splits `a, [b, c], {"k": d}` at top-level commas. */
function splitTopLevel(text: string): string[] {
  const parts: string[] = []
  let depth = 0
  let quote: string | null = null
  let start = 0
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (quote) {
      if (c === quote) quote = null
    } else if (c === '"' || c === "'") quote = c
    else if (c === '[' || c === '{' || c === '(') depth++
    else if (c === ']' || c === '}' || c === ')') depth--
    else if (c === ',' && depth === 0) {
      parts.push(text.slice(start, i))
      start = i + 1
    }
  }
  const last = text.slice(start)
  if (last.trim() !== '' || parts.length > 0) parts.push(last)
  return parts.map((p) => p.trim()).filter((p, i, all) => p !== '' || i < all.length - 1)
}

function parseKey(text: string, line: number): string {
  const m = /^(["'])(.*)\1$/.exec(text.trim())
  if (!m || m[2] === undefined) throw new ParseError(line, `expected a string key, got ${text}`)
  return m[2]
}

export function parseExpr(text: string, line: number): Expr {
  const t = text.trim()
  if (t === 'gc.collect()') return { type: 'collect' }
  if (NAME.test(t)) {
    return t === 'None' || t === 'True' || t === 'False' ? { type: 'atom', text: t } : { type: 'name', name: t }
  }
  if (/^-?\d+$/.test(t) || /^(["']).*\1$/.test(t)) return { type: 'atom', text: t }
  if (t.startsWith('[') && t.endsWith(']')) {
    return { type: 'list', items: splitTopLevel(t.slice(1, -1)).map((p) => parseExpr(p, line)) }
  }
  if (t.startsWith('{') && t.endsWith('}')) {
    const entries = splitTopLevel(t.slice(1, -1)).map((p) => {
      const colon = p.indexOf(':')
      if (colon < 0) throw new ParseError(line, `expected key: value, got ${p}`)
      return { key: parseKey(p.slice(0, colon), line), value: parseExpr(p.slice(colon + 1), line) }
    })
    return { type: 'dict', entries }
  }
  const call = /^([A-Za-z_][A-Za-z0-9_]*)\((.*)\)$/.exec(t)
  if (call?.[1] !== undefined && call[2] !== undefined) {
    return { type: 'call', callee: call[1], args: splitTopLevel(call[2]).map((p) => parseExpr(p, line)) }
  }
  throw new ParseError(line, `unsupported expression: ${t}`)
}

function parseSimple(text: string, line: number): Stmt {
  const t = text.trim()
  if (/^import [A-Za-z_.]+$/.test(t)) return { type: 'noop', line }
  const del = /^del (.+)$/.exec(t)
  if (del?.[1] !== undefined) {
    const names = del[1].split(',').map((n) => n.trim())
    if (!names.every((n) => NAME.test(n))) throw new ParseError(line, `del takes names: ${t}`)
    return { type: 'del', line, names }
  }
  const ret = /^return(?:\s+(.+))?$/.exec(t)
  if (ret) return { type: 'return', line, value: ret[1] === undefined ? null : parseExpr(ret[1], line) }
  const append = /^([A-Za-z_]\w*)\.append\((.+)\)$/.exec(t)
  if (append?.[1] !== undefined && append[2] !== undefined) {
    return { type: 'append', line, target: append[1], value: parseExpr(append[2], line) }
  }
  const setitem = /^([A-Za-z_]\w*)\[(.+?)\]\s*=\s*(.+)$/.exec(t)
  if (setitem?.[1] !== undefined && setitem[2] !== undefined && setitem[3] !== undefined) {
    return { type: 'setitem', line, target: setitem[1], key: parseKey(setitem[2], line), value: parseExpr(setitem[3], line) }
  }
  const assign = /^([A-Za-z_]\w*)\s*=\s*(.+)$/.exec(t)
  if (assign?.[1] !== undefined && assign[2] !== undefined) {
    return { type: 'assign', line, target: assign[1], value: parseExpr(assign[2], line) }
  }
  return { type: 'expr', line, value: parseExpr(t, line) }
}

/** Parses the lines of a program (4-space indentation for function bodies). */
export function parseProgram(source: readonly string[]): Stmt[] {
  let i = 0
  function block(indent: number): Stmt[] {
    const out: Stmt[] = []
    while (i < source.length) {
      const raw = source[i] ?? ''
      if (raw.trim() === '' || raw.trim().startsWith('#')) {
        i++
        continue
      }
      const own = raw.length - raw.trimStart().length
      if (own < indent) break
      if (own > indent) throw new ParseError(i, 'unexpected indentation')
      const line = i
      const def = /^def ([A-Za-z_]\w*)\((.*)\):$/.exec(raw.trim())
      i++
      if (def?.[1] !== undefined && def[2] !== undefined) {
        const params = def[2].split(',').map((p) => p.trim()).filter((p) => p !== '')
        const body = block(indent + 4)
        if (body.length === 0) throw new ParseError(line, 'empty function body')
        out.push({ type: 'def', line, name: def[1], params, body })
      } else {
        out.push(parseSimple(raw, line))
      }
    }
    return out
  }
  return block(0)
}
