import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs'
import { availableParallelism, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import type { LogTruth } from '../demos/logs/generate'
import { formatBytes, formatCount, parseSize } from '../demos/logs/units'
import { ENGINE_NODE_OPTIONS, ensureBundle } from './logs/bundle'
import { truthPath, writeGeneratedLog } from './logs/write-log'

/**
 * `npm run bench:logs -- [--size 1GiB] [--ips 200000] [--seed 8] [--file path] [--workers N]
 * [--runs 3] [--naive-limit 2GiB] [--max-memory 64MB]`
 *
 * Generates a log in the system temp directory (or reuses it, or takes --file), then measures,
 * each in its own `node` child process so that peak RSS belongs to one engine: a newline-only
 * scan (the floor), the naive engine (readline + regex + Map; on a prefix when the file is
 * larger than --naive-limit), the stream engine with its JavaScript loop only on one thread, and
 * with its WebAssembly scanner on one thread and on N threads. Prints MB/s
 * (10^6 bytes per second of engine time, best of --runs), peak RSS (VmHWM) and checks PV/UV
 * against the generator's truth.
 */
const { values } = parseArgs({
  options: {
    size: { type: 'string', default: '1GiB' },
    ips: { type: 'string', default: '200000' },
    seed: { type: 'string', default: '8' },
    file: { type: 'string' },
    workers: { type: 'string', default: String(availableParallelism()) },
    runs: { type: 'string', default: '3' },
    'naive-limit': { type: 'string', default: '2GiB' },
    'max-memory': { type: 'string' },
  },
})

interface Measurement {
  engine: string
  workers: number
  bytes: number
  seconds: number
  cpuSeconds: number
  peakRss: number
  pv?: number
  uv?: number
  lines?: number
  approximate?: boolean
  uvRelativeStandardError?: number
  threads?: number
}

function log(text: string): void {
  process.stderr.write(`${text}\n`)
}

function prepareLog(): { file: string; truth: LogTruth | null } {
  if (values.file !== undefined) {
    const truthFile = truthPath(values.file)
    return { file: values.file, truth: existsSync(truthFile) ? (JSON.parse(readFileSync(truthFile, 'utf8')) as LogTruth) : null }
  }
  const size = parseSize(values.size)
  const ips = Number(values.ips)
  const seed = Number(values.seed)
  const dir = join(tmpdir(), 'lesson8-logs')
  mkdirSync(dir, { recursive: true })
  const file = join(dir, `access-${String(size)}-ips${String(ips)}-seed${String(seed)}.log`)
  if (existsSync(file) && existsSync(truthPath(file))) {
    const truth = JSON.parse(readFileSync(truthPath(file), 'utf8')) as LogTruth
    if (truth.bytes === statSync(file).size) {
      log(`reusing ${file}`)
      return { file, truth }
    }
  }
  log(`generating ${formatBytes(size)} with ${formatCount(ips)} clients into ${file} …`)
  const started = performance.now()
  const truth = writeGeneratedLog({ size, ips, seed }, file)
  log(`  done in ${((performance.now() - started) / 1000).toFixed(1)} s`)
  return { file, truth }
}

function measure(bundle: string, args: string[]): Measurement {
  const child = spawnSync(process.execPath, [...ENGINE_NODE_OPTIONS, bundle, 'bench-engine', ...args], { encoding: 'utf8', maxBuffer: 1 << 20 })
  if (child.status !== 0) throw new Error(`bench-engine ${args.join(' ')} failed:\n${child.stderr}`)
  return JSON.parse(child.stdout.trim().split('\n').pop() ?? '') as Measurement
}

function best(bundle: string, args: string[], runs: number): Measurement {
  let chosen: Measurement | null = null
  let peak = 0
  for (let i = 0; i < runs; i++) {
    const m = measure(bundle, args)
    peak = Math.max(peak, m.peakRss)
    if (!chosen || m.seconds < chosen.seconds) chosen = m
  }
  return { ...(chosen as Measurement), peakRss: peak }
}

const bundle = await ensureBundle()
const { file, truth } = prepareLog()
const size = statSync(file).size
const workers = Math.max(1, Number(values.workers))
const runs = Math.max(1, Number(values.runs))
const naiveLimit = Math.min(size, parseSize(values['naive-limit']))
const memory = values['max-memory'] === undefined ? [] : ['--max-memory', values['max-memory']]

log(`load average before: ${loadavg().map((x) => x.toFixed(2)).join(' ')}`)
log('warming the page cache …')
measure(bundle, ['--engine', 'scan', '--file', file])
const rows: { label: string; m: Measurement }[] = []
log('newline scan …')
rows.push({ label: 'newline scan (floor)', m: best(bundle, ['--engine', 'scan', '--file', file], runs) })
log('naive …')
rows.push({ label: naiveLimit < size ? 'naive (prefix)' : 'naive', m: best(bundle, ['--engine', 'naive', '--file', file, '--limit', String(naiveLimit)], 1) })
log('stream, JavaScript loop, 1 thread …')
rows.push({ label: 'stream, JS loop, 1 thread', m: best(bundle, ['--engine', 'stream', '--wasm', 'false', '--workers', '1', '--file', file, ...memory], runs) })
log('stream, 1 thread …')
rows.push({ label: 'stream, 1 thread', m: best(bundle, ['--engine', 'stream', '--workers', '1', '--file', file, ...memory], runs) })
if (workers > 1) {
  log(`stream, ${String(workers)} threads …`)
  rows.push({ label: `stream, ${String(workers)} threads`, m: best(bundle, ['--engine', 'stream', '--workers', String(workers), '--file', file, ...memory], runs) })
}

const check = (m: Measurement): string => {
  if (m.pv === undefined) return ''
  if (!truth || m.bytes !== truth.bytes) return m.engine === 'naive' ? 'prefix: no truth' : 'no truth'
  const pvOk = m.pv === truth.pv
  if (m.approximate) {
    const error = (m.uv ?? 0) / truth.uv - 1
    const ok = Math.abs(error) <= 3 * (m.uvRelativeStandardError ?? 0)
    return `PV ${pvOk ? 'ok' : 'WRONG'}, UV ≈ ${(error * 100).toFixed(2)} % ${ok ? '(within 3σ)' : '(OUTSIDE 3σ)'}`
  }
  return pvOk && m.uv === truth.uv ? 'PV, UV = truth' : `differs from truth (PV ${formatCount(truth.pv)}, UV ${formatCount(truth.uv)})`
}

const header = ['engine', 'bytes', 'seconds', 'MB/s', 'CPU s', 'MB/CPU-s', 'peak RSS', 'PV', 'UV', 'check']
const table = rows.map(({ label, m }) => [
  label,
  formatBytes(m.bytes),
  m.seconds.toFixed(3),
  formatCount(m.bytes / m.seconds / 1e6),
  m.cpuSeconds.toFixed(3),
  formatCount(m.bytes / m.cpuSeconds / 1e6),
  `${(m.peakRss / 2 ** 20).toFixed(1)} MiB`,
  m.pv === undefined ? '-' : formatCount(m.pv),
  m.uv === undefined ? '-' : `${formatCount(m.uv)}${m.approximate ? ' ≈' : ''}`,
  check(m),
])
const widths = header.map((h, i) => Math.max(h.length, ...table.map((r) => (r[i] ?? '').length)))
const line = (cells: string[]): string => cells.map((c, i) => (i === 0 || i === cells.length - 1 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ').trimEnd()
console.log(`file: ${file} (${formatBytes(size)}${truth ? `, truth: PV ${formatCount(truth.pv)}, UV ${formatCount(truth.uv)}, malformed ${formatCount(truth.malformed)}` : ''})`)
console.log(`node ${process.version}, ${String(availableParallelism())} CPUs, best of ${String(runs)} run(s) (naive: 1), each engine in its own process;`)
console.log('MB/s = 10^6 bytes per second of engine wall time (start-up excluded); MB/CPU-s = per second of CPU time (all threads)')
console.log(line(header))
for (const row of table) console.log(line(row))
const naive = rows.find((r) => r.label.startsWith('naive'))?.m
if (naive) {
  const rate = (m: Measurement): number => m.bytes / m.seconds
  const prefix = naive.bytes < size ? ` (naive measured on the first ${formatBytes(naive.bytes)} only: on the whole file it would take about ${formatCount((size / naive.bytes) * naive.seconds)} s)` : ''
  for (const { label, m } of rows.filter((r) => r.label.startsWith('stream'))) {
    console.log(`${label.replace('stream, ', 'stream (')}) vs naive: ${(rate(m) / rate(naive)).toFixed(1)}× the throughput${prefix}`)
  }
}
console.log(`load average after: ${loadavg().map((x) => x.toFixed(2)).join(' ')}`)
