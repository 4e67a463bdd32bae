import {
  allocate,
  append,
  cloneHeap,
  collect,
  createHeap,
  decref,
  incref,
  isRef,
  setItem,
  type Heap,
  type HeapObject,
  type Value,
} from './heap'
import { parseProgram, type Expr, type Stmt } from './parse'

/** Runs a stepper program statement by statement and keeps a snapshot after each one. */

export interface FrameView {
  /** `<module>` or the function's name. */
  readonly name: string
  readonly vars: readonly { readonly name: string; readonly value: Value }[]
}

export interface Change {
  readonly label: string
  readonly from: number | null
  readonly to: number | null
}

export interface Step {
  /** 0-based source line just executed; -1 for the state before the first line. */
  readonly line: number
  readonly frames: readonly FrameView[]
  readonly heap: Heap
  /** Return value of a `gc.collect()` on this line. */
  readonly collected?: number
  /** Counts that changed on this line (null = did not exist / freed). */
  readonly changes: readonly Change[]
  /**
   * False for the start state and for `return` lines: the CPython recorder cannot read counts
   * there (after `return` the frame is gone), so the fixture has no entry for them.
   */
  readonly recorded: boolean
}

interface Frame {
  readonly name: string
  readonly vars: Map<string, Value>
}

interface FunctionDef {
  readonly params: readonly string[]
  readonly body: readonly Stmt[]
}

export class StepperError extends Error {}

export function runProgram(source: readonly string[], thresholds?: [number, number, number]): Step[] {
  const program = parseProgram(source)
  const heap = createHeap(thresholds)
  const globals: Frame = { name: '<module>', vars: new Map() }
  const stack: Frame[] = [globals]
  const functions = new Map<string, FunctionDef>()
  const steps: Step[] = []
  let pendingCollected: number | undefined

  const top = (): Frame => stack[stack.length - 1] ?? globals

  function snapshot(line: number, recorded: boolean): void {
    const previous = steps[steps.length - 1]?.heap
    steps.push({
      line,
      frames: stack.map((f) => ({ name: f.name, vars: [...f.vars].map(([name, value]) => ({ name, value })) })),
      heap: cloneHeap(heap),
      ...(pendingCollected === undefined ? {} : { collected: pendingCollected }),
      changes: previous ? diff(previous, heap) : [],
      recorded,
    })
    pendingCollected = undefined
  }

  function lookup(name: string, line: number): Value {
    const v = top().vars.get(name) ?? globals.vars.get(name)
    if (!v) throw new StepperError(`line ${line + 1}: NameError: name '${name}' is not defined`)
    return v
  }

  /** Evaluates to a new (owned) reference. */
  function evaluate(expr: Expr, line: number): Value {
    switch (expr.type) {
      case 'atom':
        return { atom: expr.text }
      case 'name': {
        const v = lookup(expr.name, line)
        incref(heap, v)
        return v
      }
      case 'list':
      case 'dict': {
        const parts =
          expr.type === 'list'
            ? expr.items.map((item, i) => ({ key: String(i), value: evaluate(item, line) }))
            : expr.entries.map((e) => ({ key: e.key, value: evaluate(e.value, line) }))
        const obj = allocate(heap, expr.type, parts)
        obj.refcount += 1
        for (const p of parts) decref(heap, p.value) // the container now holds its own references
        return { ref: obj.id }
      }
      case 'collect':
        pendingCollected = collect(heap, 2)
        return { atom: String(pendingCollected) }
      case 'call':
        return call(expr.callee, expr.args, line)
    }
  }

  function call(name: string, args: readonly Expr[], line: number): Value {
    const fn = functions.get(name)
    if (!fn) throw new StepperError(`line ${line + 1}: unknown function ${name}()`)
    if (fn.params.length !== args.length) throw new StepperError(`line ${line + 1}: ${name}() takes ${fn.params.length} arguments`)
    const values = args.map((a) => evaluate(a, line))
    const frame: Frame = { name, vars: new Map() }
    fn.params.forEach((p, i) => frame.vars.set(p, values[i] ?? { atom: 'None' })) // the frame steals the references
    stack.push(frame)
    for (const stmt of fn.body) {
      const returned = execute(stmt)
      if (returned) return returned // `return` already popped the frame
    }
    popFrame() // fell off the end of the body: an implicit `return None`
    return { atom: 'None' }
  }

  function popFrame(): void {
    const frame = stack.pop()
    if (!frame) return
    for (const v of frame.vars.values()) decref(heap, v)
  }

  function bind(name: string, v: Value): void {
    if (isRef(v)) {
      const obj = heap.objects.get(v.ref)
      if (obj && obj.label.includes('#')) obj.label = name
    }
    const vars = top().vars
    const old = vars.get(name)
    vars.set(name, v)
    if (old) decref(heap, old)
  }

  function target(name: string, kind: 'list' | 'dict', line: number): number {
    const v = lookup(name, line)
    const obj = isRef(v) ? heap.objects.get(v.ref) : undefined
    if (!obj || obj.kind !== kind) throw new StepperError(`line ${line + 1}: ${name} is not a ${kind}`)
    return obj.id
  }

  /** Executes one statement and snapshots; returns the value of a `return`. */
  function execute(stmt: Stmt): Value | null {
    switch (stmt.type) {
      case 'noop':
        break
      case 'def':
        functions.set(stmt.name, { params: stmt.params, body: stmt.body })
        top().vars.set(stmt.name, { atom: `function ${stmt.name}` })
        break
      case 'assign':
        bind(stmt.target, evaluate(stmt.value, stmt.line))
        break
      case 'append': {
        const id = target(stmt.target, 'list', stmt.line)
        const v = evaluate(stmt.value, stmt.line)
        append(heap, id, v)
        decref(heap, v)
        break
      }
      case 'setitem': {
        const id = target(stmt.target, 'dict', stmt.line)
        const v = evaluate(stmt.value, stmt.line)
        setItem(heap, id, stmt.key, v)
        decref(heap, v)
        break
      }
      case 'del':
        for (const name of stmt.names) {
          const vars = top().vars
          const old = vars.get(name)
          if (!old) throw new StepperError(`line ${stmt.line + 1}: NameError: name '${name}' is not defined`)
          vars.delete(name)
          decref(heap, old)
        }
        break
      case 'expr':
        decref(heap, evaluate(stmt.value, stmt.line))
        break
      case 'return': {
        const v = stmt.value ? evaluate(stmt.value, stmt.line) : { atom: 'None' }
        popFrame()
        snapshot(stmt.line, false)
        return v
      }
    }
    snapshot(stmt.line, true)
    return null
  }

  snapshot(-1, false)
  for (const stmt of program) execute(stmt)
  return steps
}

function diff(before: Heap, after: Heap): Change[] {
  const changes: Change[] = []
  for (const [id, o] of after.objects) {
    const old = before.objects.get(id)
    if (!old || old.refcount !== o.refcount) changes.push({ label: o.label, from: old?.refcount ?? null, to: o.refcount })
  }
  for (const [id, o] of before.objects) {
    if (!after.objects.has(id)) changes.push({ label: o.label, from: o.refcount, to: null })
  }
  return changes
}

/** The object first bound to `label` in a step, if it is still alive. */
export function objectByLabel(step: Step, label: string): HeapObject | undefined {
  for (const o of step.heap.objects.values()) if (o.label === label) return o
  return undefined
}
