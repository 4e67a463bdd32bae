/**
 * The profiler's transform (the counterpart of cProfile's hooks and of kernprof's `@profile`).
 *
 * instrumentFunctions() rewrites compiled demo JavaScript so that every function (declarations,
 * expressions, arrows, class methods, accessors, constructors, async functions, generators) reports
 * to a hooks object `H` (the name is an option):
 *
 *     function f(x) { BODY }  →  function f(x) { const $f = H.e(ID); try { BODY } finally { H.x($f) } }
 *     (x) => EXPR            →  (x) => { const $f = H.e(ID); try { return (EXPR) } finally { H.x($f) } }
 *     await X                →  H.r($f, await H.s($f, X))       (inside an instrumented function)
 *     yield X                →  H.r($f, yield H.y($f, X))
 *
 * so each synchronous stretch of a function is one timed segment: an async function or generator
 * leaves the stack at `await` / `yield` and comes back when resumed (see recorder.ts). Top-level
 * `await` (the demo body itself is no function) is left alone. `for await` loops are not split:
 * their waiting counts as the function's own time (a documented limit).
 *
 * With a `// @profile` comment on the line of a function or the line above it, that function's
 * statements also get `H.l($f, LINE);` before them (and a non-block loop body becomes a block with
 * one), which counts hits and time per line like `kernprof -l -v`.
 *
 * Everything is inserted on the same lines (the line numbers of stack traces stay right); the
 * insertions are returned so the runner can shift its column map. Code that does not parse comes back
 * as undefined.
 */
import { parse, type AnyNode, type Comment, type Function as FunctionNode, type Statement } from 'acorn'
import { ancestor } from 'acorn-walk'
import MagicString from 'magic-string'
import { bodyStart, toInsertions, type Insertion } from '../runner/loop-guard'

export interface ProfiledFunction {
  readonly id: number
  /** Name as written, `Class.method`, or `<anonymous>`. */
  readonly name: string
  /** 1-based line in the demo source (after lineOffset). */
  readonly line: number
  /** 1-based line of its end in the demo source. */
  readonly endLine: number
  /** True for the `// @profile` function(s): their lines are timed too. */
  readonly lineProfiled: boolean
}

export interface InstrumentedCode {
  readonly code: string
  readonly insertions: readonly Insertion[]
  readonly functions: readonly ProfiledFunction[]
}

export interface InstrumentOptions {
  /** Identifier of the hooks object in scope when the code runs. */
  readonly hooks: string
  /** Lines before the demo's first line in `js` (reported lines are demo lines). */
  readonly lineOffset?: number
}

/** Name of the per-call frame constant (a demo must not use it). */
export const FRAME_NAME = '__lesson8_pf'
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/
/** A comment that is just `@profile` (text may follow after a space): `// @profile`. */
const PROFILE_MARK = /^\s*@profile(\s|$)/

type Node = AnyNode

function keyName(key: Node, computed: boolean): string {
  if (!computed && key.type === 'Identifier') return key.name
  if (key.type === 'PrivateIdentifier') return `#${key.name}`
  if (key.type === 'Literal') return String(key.value)
  return '[computed]'
}

/** The name a reader would call the function by, from the node and its parent. */
function functionName(node: FunctionNode, ancestors: readonly Node[]): string {
  if ('id' in node && node.id) return node.id.name
  const parent = ancestors[ancestors.length - 2]
  if (!parent) return '<anonymous>'
  if (parent.type === 'VariableDeclarator' && parent.id.type === 'Identifier') return parent.id.name
  if (parent.type === 'AssignmentExpression' && parent.right === node) {
    if (parent.left.type === 'Identifier') return parent.left.name
    if (parent.left.type === 'MemberExpression') return keyName(parent.left.property, parent.left.computed)
  }
  if (parent.type === 'Property' && parent.value === node) return keyName(parent.key, parent.computed)
  if (parent.type === 'MethodDefinition' || parent.type === 'PropertyDefinition') {
    const method = keyName(parent.key, parent.computed)
    const owner = ancestors[ancestors.length - 4] // MethodDefinition ← ClassBody ← Class
    const className = owner && (owner.type === 'ClassDeclaration' || owner.type === 'ClassExpression') && owner.id ? owner.id.name : undefined
    return className ? `${className}.${method}` : method
  }
  return '<anonymous>'
}

function nearestFunction(ancestors: readonly Node[]): FunctionNode | undefined {
  for (let i = ancestors.length - 2; i >= 0; i--) {
    const node = ancestors[i]
    if (node && (node.type === 'FunctionDeclaration' || node.type === 'FunctionExpression' || node.type === 'ArrowFunctionExpression')) return node
  }
  return undefined
}

export function instrumentFunctions(js: string, options: InstrumentOptions): InstrumentedCode | undefined {
  const H = options.hooks
  if (!IDENTIFIER.test(H)) throw new TypeError(`instrumentFunctions: "${H}" is not an identifier`)
  const lineOffset = options.lineOffset ?? 0
  const comments: Comment[] = []
  let program
  try {
    program = parse(js, {
      ecmaVersion: 'latest',
      sourceType: 'script',
      allowReturnOutsideFunction: true,
      allowAwaitOutsideFunction: true,
      locations: true,
      onComment: comments,
    })
  } catch {
    return undefined
  }
  const lineAt = (offset: number): number => {
    let line = 1
    for (let i = 0; i < offset; i++) if (js.charCodeAt(i) === 10) line++
    return line
  }
  const markedLines = new Set(comments.filter((c) => PROFILE_MARK.test(c.value)).map((c) => c.loc?.end.line ?? lineAt(c.end)))

  const text = new MagicString(js)
  const inserted = new Map<number, number>()
  const open = (offset: number, content: string): void => {
    text.prependRight(offset, content)
    inserted.set(offset, (inserted.get(offset) ?? 0) + content.length)
  }
  const close = (offset: number, content: string): void => {
    text.appendLeft(offset, content)
    inserted.set(offset, (inserted.get(offset) ?? 0) + content.length)
  }

  const functions: ProfiledFunction[] = []
  const idOf = new Map<FunctionNode, number>()
  const lineProfiled = new Set<FunctionNode>()
  const F = FRAME_NAME

  // Pass 1 (pre-order is not needed): number the functions and find the @profile ones.
  ancestor(program, {
    Function(node, _state, ancestors) {
      const fn = node as FunctionNode
      const line = fn.loc?.start.line ?? lineAt(fn.start)
      // The statement holding the function may start earlier (`const f = () => …` on one line).
      const marked = markedLines.has(line) || markedLines.has(line - 1)
      const id = functions.length
      idOf.set(fn, id)
      if (marked && fn.body.type === 'BlockStatement') lineProfiled.add(fn)
      const endLine = (fn.loc?.end.line ?? lineAt(fn.end)) - lineOffset
      functions.push({ id, name: functionName(fn, ancestors), line: line - lineOffset, endLine, lineProfiled: marked && fn.body.type === 'BlockStatement' })
    },
  })

  const lineMark = (statement: Node): string => `${H}.l(${F},${(statement.loc?.start.line ?? lineAt(statement.start)) - lineOffset});`
  const markStatements = (statements: readonly Node[]): void => {
    for (const statement of statements) {
      // Directives stay first (the frame constant is declared after them).
      if (statement.type === 'ExpressionStatement' && statement.directive !== undefined) continue
      open(statement.start, lineMark(statement))
    }
  }

  // Pass 2 (post-order, like loop-guard.ts): inner insertions first so outer ones nest around them.
  ancestor(program, {
    BlockStatement(node, _state, ancestors) {
      const owner = nearestFunction(ancestors)
      if (owner && lineProfiled.has(owner)) markStatements(node.body)
    },
    SwitchCase(node, _state, ancestors) {
      const owner = nearestFunction(ancestors)
      if (owner && lineProfiled.has(owner)) markStatements(node.consequent)
    },
    ...Object.fromEntries(['ForStatement', 'ForInStatement', 'ForOfStatement', 'WhileStatement', 'DoWhileStatement'].map((type) => [type,
      (node: Node & { body: Statement }, _state: unknown, ancestors: Node[]): void => {
        const owner = nearestFunction(ancestors)
        if (!owner || !lineProfiled.has(owner) || node.body.type === 'BlockStatement') return
        open(node.body.start, `{${lineMark(node.body)}`)
        close(node.body.end, '}')
      }])),
    AwaitExpression(node, _state, ancestors) {
      const owner = nearestFunction(ancestors)
      if (!owner || !idOf.has(owner)) return
      open(node.start, `${H}.r(${F},`)
      open(node.argument.start, `${H}.s(${F},`)
      close(node.argument.end, ')')
      close(node.end, ')')
    },
    YieldExpression(node, _state, ancestors) {
      const owner = nearestFunction(ancestors)
      if (!owner || !idOf.has(owner)) return
      open(node.start, `${H}.r(${F},`)
      if (node.argument) {
        open(node.argument.start, `${H}.y(${F},`)
        close(node.argument.end, ')')
        close(node.end, ')')
      } else {
        close(node.end, ` ${H}.y(${F},undefined))`)
      }
    },
    Function(node) {
      const fn = node as FunctionNode
      const id = idOf.get(fn) ?? 0
      const enter = `const ${F}=${H}.e(${id});try{`
      const exit = `}finally{${H}.x(${F})}`
      const { body } = fn
      if (body.type !== 'BlockStatement') {
        open(body.start, `{${enter}return (`)
        close(body.end, `)${exit}}`)
        return
      }
      const at = bodyStart(body.start, body.body)
      open(at.pos, at.prefix + enter)
      close(body.end - 1, exit)
    },
  })
  return { code: text.toString(), insertions: toInsertions(js, inserted), functions }
}
