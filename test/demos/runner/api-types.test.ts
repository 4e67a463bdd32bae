import { fileURLToPath } from 'node:url'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'
import { DEMO_API_DTS, IGNORED_DIAGNOSTIC_CODES } from '../../../demos/runner/api-types'

const RUNNER_DIR = fileURLToPath(new URL('../../../demos/runner/', import.meta.url))
const API_FILE = `${RUNNER_DIR}__demo-api__.d.ts`

/** What the editor uses (components/demo/monaco.ts): every demo a module, ESNext, web worker globals. */
const EDITOR_OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ESNext,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  moduleDetection: ts.ModuleDetectionKind.Force,
  lib: ['lib.esnext.d.ts', 'lib.webworker.d.ts'],
  strict: true,
  noEmit: true,
  skipLibCheck: true,
  types: [],
}

const libCache = new Map<string, ts.SourceFile | undefined>()

/** Type-check virtual files (name → text, in demos/runner/) against DEMO_API_DTS; diagnostics per file. */
function check(files: Record<string, string>, options: ts.CompilerOptions = EDITOR_OPTIONS): Map<string, readonly ts.Diagnostic[]> {
  const virtual = new Map(Object.entries(files).map(([name, text]) => [`${RUNNER_DIR}${name}`, text]))
  virtual.set(API_FILE, DEMO_API_DTS)
  const host = ts.createCompilerHost(options)
  const { getSourceFile, fileExists, readFile } = host
  host.getSourceFile = (fileName, language, ...rest) => {
    const text = virtual.get(fileName)
    if (text !== undefined) return ts.createSourceFile(fileName, text, language)
    if (!libCache.has(fileName)) libCache.set(fileName, getSourceFile.call(host, fileName, language, ...rest))
    return libCache.get(fileName)
  }
  host.fileExists = (fileName) => virtual.has(fileName) || fileExists.call(host, fileName)
  host.readFile = (fileName) => virtual.get(fileName) ?? readFile.call(host, fileName)
  const program = ts.createProgram([...virtual.keys()], options, host)
  const result = new Map<string, readonly ts.Diagnostic[]>()
  for (const name of [...Object.keys(files), '__demo-api__.d.ts']) {
    const source = program.getSourceFile(`${RUNNER_DIR}${name}`)
    result.set(name, [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)])
  }
  return result
}

const describeDiagnostic = (d: ts.Diagnostic): string => {
  const line = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start).line + 1 : 0
  return `${String(line)}: TS${String(d.code)} ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`
}
const shown = (diagnostics: readonly ts.Diagnostic[] | undefined): string[] =>
  (diagnostics ?? []).filter((d) => !IGNORED_DIAGNOSTIC_CODES.includes(d.code)).map(describeDiagnostic)

const GOOD_DEMO = `
mark('start')
const before: number | null = await mark('before')
const data: number[] = Array.from({ length: 1000 }, (_, i) => i)
keep(data)
chart('size', data.length)
chart('xy', 1, 2)
await sleep(10)
const result: BenchResult = await bench({ sum: () => data.reduce((a, b) => a + b, 0) }, { time: 100, warmupIterations: 2 })
const fastest: BenchTaskResult | undefined = result.tasks[0]
console.log(before, fastest?.median ?? fastest?.mean, result.timerResolutionMs, result.warnings.join())
release()
setTimeout(() => console.table([{ a: 1 }]), 5)
return fastest?.opsPerSec
`

describe('DEMO_API_DTS', () => {
  const results = check({
    'good.ts': GOOD_DEMO,
    'bad.ts': [
      'mark(42)',
      "chart('only a name')",
      "bench({ notAFunction: 1 })",
      "sleep('10')",
      'keep()',
      "const r: string = await bench({ a: () => 1 })",
    ].join('\n'),
    // The declarations and the protocol describe the same bench result.
    'drift.ts': [
      "import type { BenchResult as ProtocolResult, BenchTaskResult as ProtocolTask } from './protocol'",
      'declare const fromDts: BenchResult',
      'declare const fromProtocol: ProtocolResult',
      'export const a: ProtocolResult = fromDts',
      'export const b: BenchResult = fromProtocol',
      'declare const task: ProtocolTask',
      'export const c: Required<BenchTaskResult> = task as Required<ProtocolTask>',
      "export const d: keyof BenchTaskResult extends keyof ProtocolTask ? true : false = true",
      "export const e: keyof ProtocolTask extends keyof BenchTaskResult ? true : false = true",
    ].join('\n'),
  })

  it('is a valid declaration file that clashes with nothing in the editor libs', () => {
    expect(shown(results.get('__demo-api__.d.ts'))).toEqual([])
  })

  it('accepts a demo that uses the whole API, top-level await and return', () => {
    expect(shown(results.get('good.ts'))).toEqual([])
    // The top-level return is reported by the compiler, and hidden only through the ignore list.
    expect(results.get('good.ts')?.map((d) => d.code)).toEqual([1108])
  })

  it('flags wrong calls, line by line', () => {
    const lines = shown(results.get('bad.ts')).map((text) => Number(text.split(':')[0]))
    expect(lines).toEqual([1, 2, 3, 4, 5, 6])
    expect(shown(results.get('bad.ts'))[0]).toMatch(/TS2345 Argument of type 'number' is not assignable to parameter of type 'string'/)
  })

  it('describes the same bench result as the protocol', () => {
    expect(shown(results.get('drift.ts'))).toEqual([])
  })
})

describe('IGNORED_DIAGNOSTIC_CODES', () => {
  it('covers what top-level await and return cost when demos are not compiled as modules', () => {
    const script = check(
      { 'script.ts': 'const n: number = await Promise.resolve(1)\nfor await (const x of [n]) console.log(x)\nreturn n' },
      { ...EDITOR_OPTIONS, moduleDetection: ts.ModuleDetectionKind.Auto },
    )
    const codes = script.get('script.ts')?.map((d) => d.code) ?? []
    expect(codes.length).toBeGreaterThanOrEqual(3)
    expect(codes.filter((code) => !IGNORED_DIAGNOSTIC_CODES.includes(code))).toEqual([])
  })
})
