import { fileURLToPath } from 'node:url'
import { isMainThread } from 'node:worker_threads'

/**
 * Entry point of the bundled engine (see bundle.ts): `node engine.mjs <command> [args]`, or a
 * worker thread started from the same file.
 */
const self = fileURLToPath(import.meta.url)

if (!isMainThread) {
  const { runRangeWorker } = await import('./range-worker')
  await runRangeWorker()
} else {
  const [command, ...args] = process.argv.slice(2)
  const { setWorkerScript } = await import('./pool')
  setWorkerScript(self)
  if (command === 'aggregate') {
    const { runAggregateCli } = await import('./cli')
    process.exitCode = await runAggregateCli(args)
  } else if (command === 'bench-engine') {
    const { runBenchEngine } = await import('./bench-engine')
    process.exitCode = await runBenchEngine(args)
  } else {
    console.error(`engine: unknown command "${command ?? ''}"`)
    process.exitCode = 2
  }
}
