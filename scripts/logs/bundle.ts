import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

/**
 * The engine as one plain JavaScript file, so it can run in a bare `node` process and in
 * worker_threads without tsx. tsx's loader costs about 30 MiB of resident memory per process (its
 * module hooks thread and esbuild), a third of the 100 MB target, so the CLI and the benchmark run
 * the engine from this bundle. It is built with esbuild (already installed as tsx's dependency)
 * into node_modules/.cache/, named by a hash of the sources, and rebuilt only when they change.
 */

const here = dirname(fileURLToPath(import.meta.url))
const root = resolve(here, '..', '..')
const ENTRY = join(here, 'engine-main.ts')
const SOURCE_DIRS = [join(root, 'demos', 'logs'), here]

function sourceHash(): string {
  const hash = createHash('sha256')
  for (const dir of SOURCE_DIRS) {
    for (const name of readdirSync(dir).filter((n) => n.endsWith('.ts')).sort()) {
      hash.update(name)
      hash.update(readFileSync(join(dir, name)))
    }
  }
  return hash.digest('hex').slice(0, 16)
}

/**
 * Node options for a process running the engine: young-generation semi-spaces of 1 MiB instead of
 * up to 16 MiB. The engine makes almost no garbage (its data are typed arrays), so the larger
 * young generation only adds resident memory (a few MiB, measured) without saving any time.
 */
export const ENGINE_NODE_OPTIONS: readonly string[] = ['--max-semi-space-size=1']

/** Path of the bundled engine (`engine-main.ts` and everything it imports), building it if needed. */
export async function ensureBundle(): Promise<string> {
  const cacheDir = join(root, 'node_modules', '.cache', 'lesson-8-lab-logs')
  const out = join(cacheDir, `engine-${sourceHash()}.mjs`)
  if (existsSync(out)) return out
  const esbuild = await import('esbuild')
  const result = await esbuild.build({
    entryPoints: [ENTRY],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    write: false,
    external: ['esbuild'],
    logLevel: 'silent',
  })
  const code = result.outputFiles[0]?.contents
  if (!code) throw new Error('esbuild produced no output')
  mkdirSync(cacheDir, { recursive: true })
  const temporary = `${out}.${String(process.pid)}.tmp`
  writeFileSync(temporary, code)
  renameSync(temporary, out) // atomic: concurrent builds never see a half-written file
  removeStale(cacheDir, out)
  return out
}

/** Deletes bundles of older sources, once nothing is likely to still be starting workers from them. */
function removeStale(cacheDir: string, keep: string): void {
  const hourAgo = Date.now() - 60 * 60 * 1000
  for (const name of readdirSync(cacheDir)) {
    const path = join(cacheDir, name)
    if (path === keep || !/^engine-.*\.mjs$/.test(name)) continue
    try {
      if (statSync(path).mtimeMs < hourAgo) rmSync(path, { force: true })
    } catch {
      // another process removed it first
    }
  }
}
