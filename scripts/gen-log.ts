import { parseArgs } from 'node:util'
import { parseSize } from '../demos/logs/units'
import { truthPath, writeGeneratedLog } from './logs/write-log'

/**
 * `npm run gen-log -- --size 1GB [--ips 200000] [--ipv6 0.02] [--malformed 0.001] [--seed N] [--crlf] [--out file]`
 * Writes a synthetic nginx `combined` log (deterministic for a seed) to a file, with
 * `<file>.truth.json` (pv, uv, malformed, lines, bytes, top clients, hits per minute), or to stdout
 * (the truth then goes to stderr as one JSON line).
 */
const usage = 'usage: npm run gen-log -- --size 1GB [--ips 200000] [--ipv6 0.02] [--malformed 0.001] [--seed 8] [--crlf] [--out file]'

function number(name: string, text: string | undefined, fallback: number, min: number, max: number): number {
  if (text === undefined) return fallback
  const value = Number(text.replace(/_/g, ''))
  if (!Number.isFinite(value) || value < min || value > max) throw new Error(`--${name} must be a number from ${String(min)} to ${String(max)}, not "${text}"`)
  return value
}

try {
  const { values } = parseArgs({
    options: {
      size: { type: 'string' },
      ips: { type: 'string' },
      ipv6: { type: 'string' },
      malformed: { type: 'string' },
      seed: { type: 'string' },
      crlf: { type: 'boolean', default: false },
      out: { type: 'string', short: 'o' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  })
  if (values.help) {
    console.log(usage)
    process.exit(0)
  }
  if (values.size === undefined) throw new Error('--size is required')
  const options = {
    size: parseSize(values.size),
    ips: number('ips', values.ips, 200_000, 1, 1 << 24),
    ipv6: number('ipv6', values.ipv6, 0.02, 0, 1),
    malformed: number('malformed', values.malformed, 0.001, 0, 0.8),
    seed: number('seed', values.seed, 8, 0, 2 ** 32 - 1),
    crlf: values.crlf,
  }
  const started = performance.now()
  const toStdout = values.out === undefined || values.out === '-'
  const progress = !toStdout && process.stderr.isTTY
    ? (bytes: number) => process.stderr.write(`\r${(bytes / 2 ** 20).toFixed(0)} / ${(options.size / 2 ** 20).toFixed(0)} MiB`)
    : undefined
  const truth = writeGeneratedLog(options, toStdout ? 1 : (values.out as string), progress)
  const seconds = (performance.now() - started) / 1000
  if (progress) process.stderr.write('\r\x1b[K')
  const headline = { bytes: truth.bytes, lines: truth.lines, pv: truth.pv, uv: truth.uv, malformed: truth.malformed, empty: truth.empty }
  if (toStdout) process.stderr.write(`${JSON.stringify(truth)}\n`)
  else console.error(`wrote ${values.out as string} and ${truthPath(values.out as string)} in ${seconds.toFixed(1)} s: ${JSON.stringify(headline)}`)
} catch (error) {
  const code = (error as NodeJS.ErrnoException).code
  if (code === 'EPIPE') process.exit(0)
  console.error(`gen-log: ${error instanceof Error ? error.message : String(error)}`)
  console.error(usage)
  process.exit(1)
}
