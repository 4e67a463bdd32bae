import { availableParallelism } from 'node:os'
import { parseArgs } from 'node:util'
import { DEFAULT_MAX_LINE_BYTES, DEFAULT_MAX_MEMORY } from '../../demos/logs/aggregator'
import { compileLogFormat, type ClientSource } from '../../demos/logs/log-format'
import { parseSize } from '../../demos/logs/units'

export const USAGE = `usage: npm run aggregate -- <file|-> [options]

Counts PV and UV per client IP in an nginx access log (plain, .gz, or stdin).

  --format combined|main|'<log_format>'  log format (default combined)
  --xff                   take the client from $http_x_forwarded_for (first address)
  --top N                 clients listed by PV (default 10)
  --workers N             threads for a plain file (default ${String(availableParallelism())}: os.availableParallelism())
  --max-memory SIZE       memory the engine may add to a bare node process (default 64MB): runtime,
                          threads, read buffers, then exact tables; beyond it: HyperLogLog + heavy hitters
  --max-line SIZE         longest line accepted (default 64KB); longer lines count as malformed
  --follow                keep reading as the file grows (rotation, truncation), summary every second; Ctrl+C stops
  --json                  one JSON object on stdout (with --follow: one per refresh)
  --engine stream|js|naive  stream (default): the byte parser with its WebAssembly SIMD loop;
                          js: the same parser with its JavaScript loop only (same counts, slower);
                          naive: readline + regex + Map, for comparison (one thread, no follow)
  -h, --help`

export class UsageError extends Error {}

export interface CliOptions {
  readonly input: string
  readonly format: string
  readonly clientFrom: ClientSource
  readonly top: number
  readonly workers: number
  readonly maxMemory: number
  readonly maxLineBytes: number
  readonly follow: boolean
  readonly json: boolean
  readonly engine: 'stream' | 'js' | 'naive'
  readonly help: boolean
}

function integer(name: string, text: string | undefined, fallback: number, min: number, max: number): number {
  if (text === undefined) return fallback
  const value = Number(text)
  if (!Number.isInteger(value) || value < min || value > max) throw new UsageError(`--${name} must be a whole number from ${String(min)} to ${String(max)}, not "${text}"`)
  return value
}

function size(name: string, text: string | undefined, fallback: number, min: number): number {
  if (text === undefined) return fallback
  let value: number
  try {
    value = parseSize(text)
  } catch (error) {
    throw new UsageError(`--${name}: ${(error as Error).message}`)
  }
  if (value < min) throw new UsageError(`--${name} must be at least ${String(min)} bytes`)
  return value
}

/** Parses and checks the command line; throws UsageError with a readable message. */
export function parseCliArgs(argv: readonly string[]): CliOptions {
  let parsed
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        format: { type: 'string' },
        xff: { type: 'boolean', default: false },
        top: { type: 'string' },
        workers: { type: 'string' },
        'max-memory': { type: 'string' },
        'max-line': { type: 'string' },
        follow: { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
        engine: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    })
  } catch (error) {
    throw new UsageError((error as Error).message)
  }
  const { values, positionals } = parsed
  const help = values.help
  if (!help && positionals.length !== 1) throw new UsageError(positionals.length === 0 ? 'no input: give a file, or - for stdin' : `one input at a time, got ${String(positionals.length)}`)
  const format = values.format ?? 'combined'
  const clientFrom: ClientSource = values.xff ? 'x_forwarded_for' : 'remote_addr'
  try {
    compileLogFormat(format, clientFrom)
  } catch (error) {
    throw new UsageError((error as Error).message)
  }
  const engine = values.engine ?? 'stream'
  if (engine !== 'stream' && engine !== 'js' && engine !== 'naive') throw new UsageError(`--engine must be stream, js or naive, not "${engine}"`)
  const follow = values.follow
  if (follow && engine === 'naive') throw new UsageError('--follow works with the stream engine only')
  return {
    input: positionals[0] ?? '',
    format,
    clientFrom,
    top: integer('top', values.top, 10, 0, 100_000),
    workers: integer('workers', values.workers, availableParallelism(), 1, 256),
    maxMemory: size('max-memory', values['max-memory'], DEFAULT_MAX_MEMORY, 1024 * 1024),
    maxLineBytes: size('max-line', values['max-line'], DEFAULT_MAX_LINE_BYTES, 256),
    follow,
    json: values.json,
    engine,
    help,
  }
}
