import { spawnSync } from 'node:child_process'
import { readFileSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { tempDir } from './support'

const root = resolve(import.meta.dirname, '../../..')
const tsx = join(root, 'node_modules', '.bin', 'tsx')

describe('npm run gen-log and npm run bench:logs', () => {
  it('writes a log with its truth, and the benchmark checks the engines against it', () => {
    const file = join(tempDir('gen-bench'), 'small.log')
    const gen = spawnSync(tsx, ['scripts/gen-log.ts', '--size', '2MB', '--ips', '3000', '--seed', '5', '--out', file], { cwd: root, encoding: 'utf8' })
    expect(gen.status, gen.stderr).toBe(0)
    const truth = JSON.parse(readFileSync(`${file}.truth.json`, 'utf8')) as { bytes: number; pv: number; uv: number }
    expect(statSync(file).size).toBe(truth.bytes)
    expect(spawnSync(tsx, ['scripts/gen-log.ts', '--size', 'huge'], { cwd: root, encoding: 'utf8' }).status).toBe(1)
    const bench = spawnSync(tsx, ['scripts/bench-logs.ts', '--file', file, '--runs', '1', '--workers', '2'], { cwd: root, encoding: 'utf8' })
    expect(bench.status, bench.stderr).toBe(0)
    expect(bench.stdout).toMatch(/newline scan \(floor\)/)
    expect(bench.stdout).toMatch(/stream, 1 thread .*PV, UV = truth/)
    expect(bench.stdout).toMatch(/stream, 2 threads .*PV, UV = truth/)
    expect(bench.stdout).toMatch(/stream \(1 thread\) vs naive: [\d.]+× the throughput/)
  }, 30_000)
})
