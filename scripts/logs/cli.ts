import { closeSync, readSync, statSync } from 'node:fs'
import { LogAggregator, type AggregatorOptions } from '../../demos/logs/aggregator'
import { NaiveAggregator, type NaiveResult } from '../../demos/logs/naive'
import type { LogPartial } from '../../demos/logs/partial'
import { formatReport } from '../../demos/logs/report'
import { summarize, type LogSummary } from '../../demos/logs/summary'
import { formatBytes, formatCount } from '../../demos/logs/units'
import { USAGE, UsageError, parseCliArgs, type CliOptions } from './cli-options'
import { followFile } from './follow'
import { aggregateFile, openPlainFile, tableBudget } from './pool'
import { ProgressLine } from './progress'
import { naiveFile } from './naive-file'
import { aggregateGzipFile, aggregateReadable, isGzipHead } from './stream-input'

/**
 * `npm run aggregate -- <file|-> [options]`: the command line, run in the bundled engine process.
 * Returns the exit code: 0 done, 1 the input could not be read (missing file, directory,
 * truncated or corrupt gzip), 2 bad usage. Malformed lines are never an error: they are counted.
 */

export interface CliIo {
  readonly stdout: NodeJS.WriteStream
  readonly stderr: NodeJS.WriteStream
  readonly stdin: NodeJS.ReadStream
}

const defaultIo = (): CliIo => ({ stdout: process.stdout, stderr: process.stderr, stdin: process.stdin })

class InputError extends Error {}

function describeOpenError(input: string, error: unknown): InputError {
  const code = (error as NodeJS.ErrnoException).code
  const what = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : code === 'EACCES' ? 'permission denied'
    : (error as Error).message
  return new InputError(`cannot read '${input}': ${what}`)
}

/** Decides how to read the input: stdin, gzip (by name or magic bytes), or a plain file. */
function inputKind(input: string): 'stdin' | 'gzip' | 'plain' {
  if (input === '-') return 'stdin'
  const head = Buffer.alloc(2)
  let got = 0
  try {
    const { fd } = openPlainFile(input)
    try {
      got = readSync(fd, head, 0, 2, 0)
    } finally {
      closeSync(fd)
    }
  } catch (error) {
    throw describeOpenError(input, error)
  }
  return input.endsWith('.gz') || isGzipHead(head.subarray(0, got)) ? 'gzip' : 'plain'
}

interface RunResult {
  readonly partial: LogPartial
  readonly workers: number
  readonly compressed: boolean
}

/** The stream engine's options from the command line, with the tables' budget `maxMemory`. */
function aggregatorOptionsOf(options: CliOptions, maxMemory: number): AggregatorOptions & { format: string } {
  return {
    format: options.format,
    clientFrom: options.clientFrom,
    maxMemory,
    maxLineBytes: options.maxLineBytes,
    wasm: options.engine !== 'js',
  }
}

async function runStream(options: CliOptions, io: CliIo, kind: 'stdin' | 'gzip' | 'plain'): Promise<RunResult> {
  const aggregatorOptions = aggregatorOptionsOf(options, options.maxMemory)
  if (kind === 'plain') {
    const total = statSync(options.input).size
    const progress = new ProgressLine(io.stderr, total)
    const result = await aggregateFile(options.input, { ...aggregatorOptions, workers: options.workers, onProgress: (b, l) => progress.update(b, l) })
    progress.done()
    return { partial: result.partial, workers: result.threads, compressed: false }
  }
  // one thread: the budget less the engine's runtime and read buffers is the tables' share
  const aggregator = new LogAggregator({ ...aggregatorOptions, maxMemory: tableBudget(options.maxMemory, 1) })
  const budgeted = (partial: LogPartial): LogPartial => ({ ...partial, maxMemory: options.maxMemory })
  if (kind === 'gzip') {
    const progress = new ProgressLine(io.stderr, statSync(options.input).size)
    try {
      await aggregateGzipFile(options.input, aggregator, (compressed) => progress.update(compressed, aggregator.lines))
    } catch (error) {
      progress.done()
      const message = (error as Error).message
      throw new InputError(`'${options.input}': truncated or corrupt gzip data (${message})`)
    }
    progress.done()
    aggregator.end()
    return { partial: budgeted(aggregator.result()), workers: 1, compressed: true }
  }
  const progress = new ProgressLine(io.stderr, null)
  let gzip = false
  try {
    gzip = (await aggregateReadable(io.stdin, aggregator, (read) => progress.update(read, aggregator.lines))).gzip
  } catch (error) {
    progress.done()
    throw new InputError(`stdin: truncated or corrupt gzip data (${(error as Error).message})`)
  }
  progress.done()
  aggregator.end()
  return { partial: budgeted(aggregator.result()), workers: 1, compressed: gzip }
}

/** The JSON document: pv and uv first, then everything else. */
export function jsonReport(summary: LogSummary, run: { seconds: number; engine: string; workers: number; input: string; compressed: boolean; format: string }): Record<string, unknown> {
  return {
    pv: summary.pv,
    uv: summary.uv,
    approximate: summary.approximate,
    errorBounds: summary.errorBounds,
    uvIpv4: summary.uvIpv4,
    uvIpv6: summary.uvIpv6,
    uvEstimate: summary.uvEstimate,
    top: summary.top,
    lines: summary.lines,
    empty: summary.empty,
    malformed: summary.malformed,
    malformedExamples: summary.malformedExamples,
    perMinute: summary.perMinute,
    perMinuteOutOfRange: summary.perMinuteOutOfRange,
    bytes: summary.bytes,
    seconds: Number(run.seconds.toFixed(3)),
    mbPerSecond: run.seconds > 0 ? Math.round(summary.bytes / run.seconds / 1e6) : null,
    engine: run.engine,
    workers: run.workers,
    input: run.input,
    compressed: run.compressed,
    format: run.format,
    maxMemory: summary.maxMemory,
  }
}

function naiveJson(result: NaiveResult, seconds: number, input: string): Record<string, unknown> {
  return {
    pv: result.pv,
    uv: result.uv,
    approximate: false,
    top: result.top,
    lines: result.lines,
    malformed: result.malformed,
    bytes: result.bytes,
    seconds: Number(seconds.toFixed(3)),
    mbPerSecond: seconds > 0 ? Math.round(result.bytes / seconds / 1e6) : null,
    engine: 'naive',
    workers: 1,
    input,
    note: 'the naive port: readline, a regex per line, a Map of address strings (same PV and UV, far slower, memory grows with every client)',
  }
}

async function runNaive(options: CliOptions, io: CliIo, kind: 'stdin' | 'gzip' | 'plain'): Promise<NaiveResult> {
  if (kind === 'plain') {
    const progress = new ProgressLine(io.stderr, statSync(options.input).size)
    const counter = await naiveFile(options.input, Infinity, (bytes, lines) => progress.update(bytes, lines))
    progress.done()
    return counter.result(options.top)
  }
  const naive = new NaiveAggregator()
  if (kind === 'gzip') {
    try {
      await aggregateGzipFile(options.input, naive)
    } catch (error) {
      throw new InputError(`'${options.input}': truncated or corrupt gzip data (${(error as Error).message})`)
    }
  } else {
    await aggregateReadable(io.stdin, naive)
  }
  naive.end()
  return naive.result(options.top)
}

async function runFollow(options: CliOptions, io: CliIo): Promise<void> {
  const controller = new AbortController()
  const stop = (): void => controller.abort()
  // Ctrl+C can arrive more than once (the terminal signals the whole process group, and the npm
  // script's wrapper passes it on): the handlers stay until the process ends, so a late one
  // cannot kill it after the final summary.
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
  // Started by the npm script in a process group of its own: stop if that parent goes away.
  const parent = process.ppid
  const orphaned = setInterval(() => {
    if (process.ppid !== parent) stop()
  }, 1000)
  orphaned.unref()
  const started = performance.now()
  const clear = io.stdout.isTTY === true && !options.json
  const aggregatorOptions = aggregatorOptionsOf(options, tableBudget(options.maxMemory, 1))
  await followFile(options.input, aggregatorOptions, (partial, events, final) => {
    const summary = summarize({ ...partial, maxMemory: options.maxMemory }, { top: options.top })
    const seconds = (performance.now() - started) / 1000
    if (options.json) {
      const doc = { ...jsonReport(summary, { seconds, engine: options.engine, workers: 1, input: options.input, compressed: false, format: options.format }), follow: { ...events, final } }
      io.stdout.write(`${JSON.stringify(doc)}\n`)
      return
    }
    const title = `following ${options.input}${final ? ' (stopped)' : ''}: ${formatCount(events.rotations)} rotations, ${formatCount(events.truncations)} truncations${final ? '' : '; Ctrl+C to stop'}`
    io.stdout.write(`${clear ? '\x1b[H\x1b[2J' : ''}${formatReport(summary, { title, seconds })}\n${clear ? '' : '\n'}`)
  }, controller.signal)
}

export async function runAggregateCli(argv: readonly string[], io: CliIo = defaultIo()): Promise<number> {
  let options: CliOptions
  try {
    options = parseCliArgs(argv)
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`aggregate: ${error.message}\n\n${USAGE}\n`)
      return 2
    }
    throw error
  }
  if (options.help) {
    io.stdout.write(`${USAGE}\n`)
    return 0
  }
  try {
    const kind = inputKind(options.input)
    if (options.follow) {
      if (kind !== 'plain') throw new InputError(kind === 'stdin' ? '--follow needs a file, not stdin' : `cannot follow a gzip file ('${options.input}')`)
      await runFollow(options, io)
      return 0
    }
    const started = performance.now()
    if (options.engine === 'naive') {
      const result = await runNaive(options, io, kind)
      const seconds = (performance.now() - started) / 1000
      if (options.json) io.stdout.write(`${JSON.stringify(naiveJson(result, seconds, options.input))}\n`)
      else {
        io.stdout.write(`naive engine (readline + regex + Map): lines ${formatCount(result.lines)}, PV ${formatCount(result.pv)}, UV ${formatCount(result.uv)}, malformed ${formatCount(result.malformed)}\n`)
        io.stdout.write(`read ${formatBytes(result.bytes)} in ${seconds.toFixed(2)} s\n`)
      }
      return 0
    }
    const run = await runStream(options, io, kind)
    const seconds = (performance.now() - started) / 1000
    const summary = summarize(run.partial, { top: options.top })
    const loop = options.engine === 'js' ? 'stream (JavaScript loop)' : 'stream'
    const engine = run.workers > 1 ? `${loop}, ${String(run.workers)} threads` : `${loop}, 1 thread`
    if (options.json) {
      const doc = jsonReport(summary, { seconds, engine: options.engine, workers: run.workers, input: options.input, compressed: run.compressed, format: options.format })
      io.stdout.write(`${JSON.stringify(doc)}\n`)
    } else {
      const title = `${options.input === '-' ? 'stdin' : options.input}${run.compressed ? ' (gzip)' : ''}`
      io.stdout.write(`${formatReport(summary, { title, seconds, engine })}\n`)
    }
    return 0
  } catch (error) {
    if (error instanceof InputError) {
      io.stderr.write(`aggregate: ${error.message}\n`)
      return 1
    }
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT' || code === 'EISDIR' || code === 'EACCES') {
      io.stderr.write(`aggregate: ${describeOpenError(options.input, error).message}\n`)
      return 1
    }
    throw error
  }
}
