import { parseArgs } from 'node:util'
import { NewlineScanner } from '../../demos/logs/scan'
import { summarize } from '../../demos/logs/summary'
import { parseSize } from '../../demos/logs/units'
import { peakRss } from './peak-rss'
import { aggregateFile, openPlainFile } from './pool'
import { naiveFile } from './naive-file'
import { readRangeAhead } from './read-range'
import { closeSync } from 'node:fs'

/**
 * One benchmark measurement, run in its own process by bench-logs.ts so that the peak RSS is this
 * engine's alone: `node engine.mjs bench-engine --engine scan|naive|stream --file F [--workers N]
 * [--limit SIZE] [--max-memory SIZE] [--wasm false]`. Prints one JSON line: wall and CPU seconds of the engine
 * (start-up excluded), the counts, and the process's peak RSS.
 */
export async function runBenchEngine(argv: readonly string[]): Promise<number> {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      engine: { type: 'string', default: 'stream' },
      file: { type: 'string' },
      workers: { type: 'string', default: '1' },
      limit: { type: 'string' },
      'max-memory': { type: 'string' },
      // false: the stream engine's JavaScript loop instead of its WebAssembly scanner
      wasm: { type: 'string', default: 'true' },
    },
  })
  const file = values.file
  if (file === undefined) throw new Error('--file is required')
  const { fd, size: fileSize } = openPlainFile(file)
  closeSync(fd)
  const size = Math.min(fileSize, values.limit === undefined ? Infinity : parseSize(values.limit))
  const workers = Number(values.workers)
  const started = performance.now()
  const cpuStart = process.cpuUsage()
  let result: Record<string, unknown>
  if (values.engine === 'scan') {
    const scanner = new NewlineScanner()
    await readRangeAhead(file, 0, size, scanner)
    scanner.end()
    result = { lines: scanner.lines }
  } else if (values.engine === 'naive') {
    const naive = await naiveFile(file, size)
    result = { pv: naive.pv, uv: naive.counts.size, lines: naive.lines }
  } else {
    const run = await aggregateFile(file, {
      workers,
      limit: size,
      wasm: values.wasm !== 'false',
      ...(values['max-memory'] === undefined ? {} : { maxMemory: parseSize(values['max-memory']) }),
    })
    const summary = summarize(run.partial, { top: 3 })
    result = { pv: summary.pv, uv: summary.uv, approximate: summary.approximate, uvRelativeStandardError: summary.errorBounds.uvRelativeStandardError, malformed: summary.malformed, lines: summary.lines, threads: run.threads }
  }
  const seconds = (performance.now() - started) / 1000
  const cpu = process.cpuUsage(cpuStart)
  const cpuSeconds = (cpu.user + cpu.system) / 1e6
  process.stdout.write(`${JSON.stringify({ engine: values.engine, workers, bytes: size, seconds, cpuSeconds, ...result, peakRss: peakRss() })}\n`)
  return 0
}
