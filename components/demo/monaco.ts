/**
 * The one Monaco setup of the site: loaded on first use (never at import time, never during SSR),
 * memoised, with its workers bundled locally by Vite. Only the TypeScript language and the editor
 * features the demos need are included, to keep the download small.
 */
import type * as MonacoApi from 'monaco-editor/editor/editor.api'
import { DEMO_API_DTS, IGNORED_DIAGNOSTIC_CODES } from '../../demos/runner/api-types'

export type Monaco = typeof MonacoApi

let loading: Promise<Monaco> | undefined

async function load(): Promise<Monaco> {
  const [monaco, tsFeatures, { default: EditorWorker }, { default: TsWorker }] = await Promise.all([
    import('monaco-editor/editor/editor.api'),
    import('monaco-editor/languages/features/typescript/register'),
    import('monaco-editor/editor/editor.worker?worker'),
    import('monaco-editor/languages/features/typescript/ts.worker?worker'),
    import('monaco-editor/languages/definitions/typescript/register'),
    import('monaco-editor/editor/contrib/hover/browser/hoverContribution'),
    import('monaco-editor/editor/contrib/suggest/browser/suggestController'),
    import('monaco-editor/editor/contrib/parameterHints/browser/parameterHints'),
    import('monaco-editor/editor/contrib/bracketMatching/browser/bracketMatching'),
    import('monaco-editor/editor/contrib/comment/browser/comment'),
    import('monaco-editor/editor/contrib/find/browser/findController'),
    import('monaco-editor/editor/contrib/wordHighlighter/browser/wordHighlighter'),
    import('monaco-editor/editor/contrib/gotoError/browser/gotoError'),
    // The TypeScript mode (tsMode, loaded with the first TS model) pulls in every editor contribution
    // and their services through this module. Loaded before the first editor exists, so that an editor
    // created later (a second demo or exercise opened after the first) does not meet contributions
    // whose services were registered after the editor services started ("depends on UNKNOWN service
    // ICodeLensCache / treeViewsDndService").
    import('monaco-editor/internal/common/workers'),
  ])

  const env: { getWorker(id: string, label: string): Worker } = {
    getWorker(_id, label) {
      return label === 'typescript' || label === 'javascript' ? new TsWorker() : new EditorWorker()
    },
  }
  ;(globalThis as { MonacoEnvironment?: typeof env }).MonacoEnvironment = env

  const ts = tsFeatures.typescriptDefaults
  ts.setCompilerOptions({
    target: 99, // ESNext
    module: 99, // ESNext
    moduleDetection: 3, // force: every demo is its own module, so two demos never clash
    strict: true,
    noEmit: true,
    allowNonTsExtensions: true,
    // Demos run in a worker: the ES library plus the worker globals (file names, as the compiler API expects).
    lib: ['lib.esnext.d.ts', 'lib.webworker.d.ts'],
  })
  ts.setDiagnosticsOptions({
    noSemanticValidation: false,
    noSyntaxValidation: false,
    // e.g. 1108: a top-level `return` is how a demo hands back its result (the runner wraps the code in a function)
    diagnosticCodesToIgnore: [...IGNORED_DIAGNOSTIC_CODES],
  })
  ts.addExtraLib(DEMO_API_DTS, 'file:///lesson8/demo-api.d.ts')
  ts.setEagerModelSync(true)
  tsDefaults = ts
  return monaco
}

/** Loads Monaco once; later calls get the same promise. Call only from the browser (onMounted). */
export function loadMonaco(): Promise<Monaco> {
  loading ??= load().catch((error: unknown) => {
    loading = undefined
    throw error
  })
  return loading
}

const extraLibs = new Set<string>()
let tsDefaults: { addExtraLib(content: string, filePath?: string): unknown } | undefined

/** Adds declarations (once per name) for names some runs get, e.g. a kit's `logs`. Call after loadMonaco. */
export function addExtraLib(name: string, dts: string): void {
  if (extraLibs.has(name) || !tsDefaults) return
  extraLibs.add(name)
  tsDefaults.addExtraLib(dts, `file:///lesson8/${name}.d.ts`)
}
