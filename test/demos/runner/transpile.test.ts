import { describe, expect, it } from 'vitest'
import { isTranspileError, mapStackPosition, transpileDemo, type TranspiledDemo } from '../../../demos/runner/transpile'

type Body = () => Promise<unknown>
const AsyncFunction = Object.getPrototypeOf(async function () {}).constructor as new (body: string) => Body

function compile(source: string): TranspiledDemo {
  const result = transpileDemo(source, 'demo.ts')
  if (isTranspileError(result)) throw new Error(`unexpected compile error: ${result.error.message}`)
  return result
}

const TYPED = `enum Color { Red, Green = 5, Blue }
interface Shape {
  kind: 'square' | 'circle'
  size: number
}
type Pair<T> = [T, T]
function first<T>(pair: Pair<T>): T { return pair[0] }
abstract class Base { abstract area(): number }
class Square extends Base {
  constructor(private readonly side: number) { super() }
  area(): number { return this.side ** 2 }
}
const shape: Shape = { kind: 'square', size: 3 } satisfies Shape
const value = first<number>([shape.size, 0]) as number
const maybe: number | undefined = value
declare const nothing: string
return [Color.Green, Color[6], new Square(maybe!).area(), await Promise.resolve(value)]`

describe('transpileDemo', () => {
  it('strips interfaces, type aliases, generics, assertions and parameter properties; enums become objects', async () => {
    const { code } = compile(TYPED)
    expect(code).not.toMatch(/interface|type Pair|<T>|: number|satisfies|declare|abstract| as number/)
    expect(await new AsyncFunction(code)()).toEqual([5, 'Blue', 9, 3])
  })

  it('keeps every line where it was, after the wrapper prefix', () => {
    // Comments inside removed declarations (the interface) go with them; every other one stays put.
    const sourceLines = TYPED.split('\n')
    const source = sourceLines.map((line, i) => `${line} // L${String(i + 1)}`).join('\n')
    const { code, prefixLines } = compile(source)
    const body = code.split('\n').slice(prefixLines, prefixLines + sourceLines.length)
    const found = body.flatMap((line, i) => [...line.matchAll(/\/\/ L(\d+)/g)].map((m) => [Number(m[1]), i + 1]))
    const interfaceLines = [2, 3, 4, 5]
    expect(found.map(([marker]) => marker)).toEqual(sourceLines.map((_, i) => i + 1).filter((n) => !interfaceLines.includes(n)))
    for (const [marker, line] of found) expect(line).toBe(marker)
    expect(code.split('\n')).toHaveLength(prefixLines + sourceLines.length + 2) // + `}` and the sourceURL
  })

  it('runs as an async function body: top-level await and return, strict mode', async () => {
    const { code } = compile('const x: number = await Promise.resolve(20)\nreturn x + 1')
    expect(await new AsyncFunction(code)()).toBe(21)
    const sloppy = compile('undeclared = 1')
    await expect(new AsyncFunction(sloppy.code)()).rejects.toThrow(ReferenceError)
  })

  it('lets the demo redeclare a name the runner passes in', async () => {
    const { code } = compile('const sleep = (ms: number): number => ms * 2\nreturn sleep(2)')
    const withParameter = new (AsyncFunction as unknown as new (p: string, body: string) => (p: unknown) => Promise<unknown>)('sleep', code)
    expect(await withParameter(() => 0)).toBe(4)
  })

  it('ends with a sourceURL comment named after the file', () => {
    const result = compile('1')
    expect(result.sourceURL).toBe('demo.js')
    expect(result.code.split('\n').at(-1)).toBe('//# sourceURL=demo.js')
  })

  it('reports a syntax error at its line and column in the TypeScript source', () => {
    const result = transpileDemo('const a = 1;\nconst b: = 2\n', 'demo.ts')
    expect(result).toEqual({ error: { message: 'Unexpected token', line: 2, column: 10 } })
  })

  it('maps a runtime position back to the TypeScript column despite removed types', async () => {
    const source = 'const label: string = "x"; const limit: number = 3; const e = new Error(label)\nreturn e.stack'
    const demo = compile(source)
    const stack = await new AsyncFunction(demo.code)()
    const headerLines = 2 // `async function anonymous(\n) {` before the body, in V8 as in the spec
    const position = mapStackPosition(String(stack), 'demo.ts', headerLines + demo.prefixLines, demo.columns)
    expect(position).toEqual({ line: 1, column: source.indexOf('new Error') + 1 })
    const unmapped = mapStackPosition(String(stack), 'demo.ts', headerLines + demo.prefixLines)
    expect(unmapped?.column).toBeLessThan(source.indexOf('new Error') + 1)
  })
})
