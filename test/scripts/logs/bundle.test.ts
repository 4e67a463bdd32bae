import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ensureBundle } from '../../../scripts/logs/bundle'
import { writeGeneratedLog } from '../../../scripts/logs/write-log'
import { tempDir } from './support'

describe('ensureBundle and the bundled engine', () => {
  it('builds once, and the bundle runs the benchmark measurements in plain node', async () => {
    const bundle = await ensureBundle()
    expect(existsSync(bundle)).toBe(true)
    expect(await ensureBundle()).toBe(bundle)
    const file = join(tempDir('bundle'), 'a.log')
    const truth = writeGeneratedLog({ size: 300_000, ips: 500, seed: 2 }, file)
    const run = (args: string[]): Record<string, number | string | boolean> => {
      const child = spawnSync(process.execPath, [bundle, 'bench-engine', '--file', file, ...args], { encoding: 'utf8' })
      expect(child.status, child.stderr).toBe(0)
      return JSON.parse(child.stdout) as Record<string, number | string | boolean>
    }
    expect(run(['--engine', 'scan'])).toMatchObject({ engine: 'scan', lines: truth.lines, bytes: truth.bytes })
    expect(run(['--engine', 'stream', '--workers', '2'])).toMatchObject({ engine: 'stream', pv: truth.pv, uv: truth.uv, threads: 2, approximate: false })
    const naive = run(['--engine', 'naive', '--limit', '100000'])
    expect(naive).toMatchObject({ engine: 'naive', bytes: 100_000 })
    expect(Number(naive['peakRss'])).toBeGreaterThan(10 * 2 ** 20)
    expect(spawnSync(process.execPath, [bundle, 'nonsense'], { encoding: 'utf8' }).status).toBe(2)
  }, 30_000)
})
