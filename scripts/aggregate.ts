import { spawn } from 'node:child_process'
import { ensureBundle } from './logs/bundle'

/**
 * `npm run aggregate -- <file|-> [--format combined|'<log_format>'] [--top N] [--workers N]
 * [--max-memory 64MB] [--follow] [--json]` (see scripts/logs/cli.ts; `--help` lists everything).
 *
 * This file runs under tsx, whose loader alone holds about 30 MiB of resident memory. The
 * aggregation itself runs in a plain `node` child process from the bundled engine (bundle.ts),
 * with stdin, stdout and stderr passed straight through, and this process only waits for it.
 */
const bundle = await ensureBundle()
const child = spawn(process.execPath, [bundle, 'aggregate', ...process.argv.slice(2)], { stdio: 'inherit' })
// Ctrl+C reaches the child from the terminal itself; a SIGINT sent to this process alone is passed on.
process.on('SIGINT', () => child.kill('SIGINT'))
process.on('SIGTERM', () => child.kill('SIGTERM'))
child.on('exit', (code, signal) => {
  process.exit(code ?? (signal === 'SIGINT' ? 130 : 1))
})
