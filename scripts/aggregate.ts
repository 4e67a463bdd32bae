import { spawn } from 'node:child_process'
import { ENGINE_NODE_OPTIONS, ensureBundle } from './logs/bundle'

/**
 * `npm run aggregate -- <file|-> [--format combined|'<log_format>'] [--top N] [--workers N]
 * [--max-memory 64MB] [--follow] [--json]` (see scripts/logs/cli.ts; `--help` lists everything).
 *
 * This file runs under tsx, whose loader alone holds about 30 MiB of resident memory. The
 * aggregation itself runs in a plain `node` child process from the bundled engine (bundle.ts),
 * with stdin, stdout and stderr passed straight through, and this process only waits for it.
 *
 * Ctrl+C: the terminal signals the whole process group, and tsx passes the signal on as well, so
 * one key press can arrive several times. With `--follow` (stopped by Ctrl+C, which must end in a
 * final summary and exit code 0) the child gets its own process group and exactly one SIGINT,
 * from here; otherwise it gets Ctrl+C from the terminal like any program.
 */
const args = process.argv.slice(2)
const follow = args.includes('--follow')
const bundle = await ensureBundle()
const child = spawn(process.execPath, [...ENGINE_NODE_OPTIONS, bundle, 'aggregate', ...args], { stdio: 'inherit', detached: follow })
let forwarded = false
process.on('SIGINT', () => {
  if (forwarded) return
  forwarded = true
  child.kill('SIGINT')
})
process.on('SIGTERM', () => child.kill('SIGTERM'))
child.on('exit', (code, signal) => {
  process.exit(code ?? (signal === 'SIGINT' ? 130 : 1))
})
