import { spawn, spawnSync } from 'node:child_process'
import { appendFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { gzipSync } from 'node:zlib'
import { beforeAll, describe, expect, it } from 'vitest'
import { ensureBundle } from '../../../scripts/logs/bundle'
import { writeGeneratedLog } from '../../../scripts/logs/write-log'
import { tempDir } from './support'

/**
 * The command line end to end. A few runs go through `tsx scripts/aggregate.ts` (the npm script);
 * the rest call the bundled engine it starts (`node engine.mjs aggregate …`), which is the same
 * code without tsx's start-up time.
 */
const root = resolve(import.meta.dirname, '../../..')
const tsx = join(root, 'node_modules', '.bin', 'tsx')
let engine = ''

interface Run {
  status: number | null
  stdout: string
  stderr: string
}

function viaNpmScript(args: string[], input?: Buffer): Run {
  const r = spawnSync(tsx, ['scripts/aggregate.ts', ...args], { cwd: root, encoding: 'utf8', input, timeout: 30_000 })
  return { status: r.status, stdout: r.stdout, stderr: r.stderr }
}

function viaEngine(args: string[], input?: Buffer): Run {
  const r = spawnSync(process.execPath, [engine, 'aggregate', ...args], { cwd: root, encoding: 'utf8', input, timeout: 30_000 })
  return { status: r.status, stdout: r.stdout, stderr: r.stderr }
}

const LINE = '10.0.0.1 - - [20/Jul/2025:00:00:00 +0800] "GET / HTTP/1.1" 200 5 "-" "curl/8.4.0"'

describe('npm run aggregate', () => {
  const dir = tempDir('cli')
  const file = join(dir, 'access.log')
  const truth = writeGeneratedLog({ size: 400_000, ips: 2000, ipv6: 0.05, malformed: 0.01, seed: 21 }, file)
  beforeAll(async () => {
    engine = await ensureBundle()
  })

  it('prints one JSON object with PV and UV equal to the truth (npm script)', () => {
    const r = viaNpmScript([file, '--json', '--top', '3', '--workers', '2'])
    expect(r.status).toBe(0)
    const doc = JSON.parse(r.stdout) as Record<string, unknown>
    expect(doc).toMatchObject({ pv: truth.pv, uv: truth.uv, malformed: truth.malformed, lines: truth.lines, bytes: truth.bytes, approximate: false, engine: 'stream', workers: 2 })
    expect((doc['top'] as unknown[]).length).toBe(3)
    expect(r.stderr).toBe('') // no progress bar when stderr is not a terminal
  }, 30_000)

  it('gives the same counts with the JavaScript loop only (--engine js), on threads, from a .gz and stdin', () => {
    const gz = join(dir, 'js.log.gz')
    writeFileSync(gz, gzipSync(readFileSync(file)))
    const stream = JSON.parse(viaEngine([file, '--json', '--workers', '2']).stdout) as Record<string, unknown>
    for (const run of [viaEngine([file, '--engine', 'js', '--json', '--workers', '2']), viaEngine([gz, '--engine', 'js', '--json']), viaEngine(['-', '--engine', 'js', '--json'], readFileSync(file))]) {
      expect(run.status).toBe(0)
      const doc = JSON.parse(run.stdout) as Record<string, unknown>
      expect(doc).toMatchObject({ pv: truth.pv, uv: truth.uv, engine: 'js' })
      expect(doc['top']).toEqual(stream['top'])
    }
    expect(viaEngine([file, '--engine', 'js']).stdout).toContain('stream (JavaScript loop), ')
  }, 30_000)

  it('gives the same PV and UV with the naive engine (readline + regex + Map), from a file, a .gz and stdin', () => {
    const gz = join(dir, 'naive.log.gz')
    writeFileSync(gz, gzipSync(readFileSync(file)))
    for (const run of [viaEngine([file, '--engine', 'naive', '--json']), viaEngine([gz, '--engine', 'naive', '--json']), viaEngine(['-', '--engine', 'naive', '--json'], readFileSync(file))]) {
      expect(run.status).toBe(0)
      expect(JSON.parse(run.stdout)).toMatchObject({ pv: truth.pv, uv: truth.uv, engine: 'naive' })
    }
  }, 30_000)

  it('reads .gz files and stdin (plain or gzip) to the same counts, and prints a readable summary', () => {
    const gz = join(dir, 'access.log.gz')
    writeFileSync(gz, gzipSync(readFileSync(file)))
    for (const run of [viaEngine([gz, '--json']), viaEngine(['-', '--json'], readFileSync(file)), viaEngine(['-', '--json'], readFileSync(gz))]) {
      expect(run.status).toBe(0)
      expect(JSON.parse(run.stdout)).toMatchObject({ pv: truth.pv, uv: truth.uv, workers: 1 })
    }
    const text = viaEngine([file, '--top', '2'])
    expect(text.stdout).toMatch(/PV {10}[\d,]+/)
    expect(text.stdout).toContain(`UV          ${truth.uv.toLocaleString('en-US')} exact`)
  }, 30_000)

  it('exits 1 with a clear message for a missing file, a directory and a truncated .gz', () => {
    const missing = viaNpmScript([join(dir, 'nope.log')])
    expect(missing.status).toBe(1)
    expect(missing.stderr).toMatch(/cannot read '.*nope\.log': no such file/)
    expect(missing.stdout).toBe('')
    mkdirSync(join(dir, 'folder'))
    const folder = viaEngine([join(dir, 'folder')])
    expect(folder.status).toBe(1)
    expect(folder.stderr).toMatch(/is a directory/)
    const cut = join(dir, 'cut.log.gz')
    writeFileSync(cut, gzipSync(readFileSync(file)).subarray(0, 20_000))
    const truncated = viaEngine([cut, '--json'])
    expect(truncated.status).toBe(1)
    expect(truncated.stderr).toMatch(/truncated or corrupt gzip data \(unexpected end of file\)/)
    expect(truncated.stdout).toBe('')
    const usage = viaEngine([file, '--top', 'many'])
    expect(usage.status).toBe(2)
    expect(usage.stderr).toMatch(/--top must be a whole number/)
  }, 30_000)

  it('counts bad input instead of failing: empty file, CRLF, random bytes, a 10 MB line', () => {
    const empty = join(dir, 'empty.log')
    writeFileSync(empty, '')
    expect(JSON.parse(viaEngine([empty, '--json']).stdout)).toMatchObject({ pv: 0, uv: 0, lines: 0, malformed: 0 })
    const messy = join(dir, 'messy.log')
    const random = Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 7919 + 13) % 256))
    writeFileSync(messy, Buffer.concat([Buffer.from(`${LINE}\r\n${LINE}\r\n`), Buffer.alloc(10 * 1024 * 1024, 0x61), Buffer.from('\n'), random, Buffer.from(`\n${LINE}`)]))
    const r = viaEngine([messy, '--json', '--workers', '3'])
    expect(r.status).toBe(0)
    const doc = JSON.parse(r.stdout) as { pv: number; uv: number; malformed: number; lines: number; empty: number; malformedExamples: { reason: string }[] }
    expect(doc.pv).toBe(3)
    expect(doc.uv).toBe(1)
    expect(doc.pv + doc.malformed + doc.empty).toBe(doc.lines)
    expect(doc.malformedExamples[0]?.reason).toBe('line too long')
  }, 30_000)

  it('follows a growing file and stops on Ctrl+C with a final summary (npm script)', async () => {
    const followed = join(dir, 'follow.log')
    writeFileSync(followed, `${LINE}\n`)
    const child = spawn(tsx, ['scripts/aggregate.ts', followed, '--follow', '--json'], { cwd: root, detached: true })
    let stdout = ''
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString()
    })
    // only complete lines: a chunk of output can end in the middle of one
    const docs = (): { pv: number; follow: { final: boolean } }[] => stdout.split('\n').slice(0, -1).filter(Boolean).map((l) => JSON.parse(l) as { pv: number; follow: { final: boolean } })
    const until = async (check: () => boolean): Promise<void> => {
      for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 50))
    }
    await until(() => docs().length > 0)
    appendFileSync(followed, `${LINE}\n${LINE}\n`)
    await until(() => docs().some((d) => d.pv === 3))
    const exit = new Promise<number | null>((r) => child.on('exit', r))
    process.kill(-(child.pid as number), 'SIGINT') // what Ctrl+C does: the whole process group
    expect(await exit).toBe(0)
    const last = docs()[docs().length - 1]
    expect(last).toMatchObject({ pv: 3, follow: { final: true } })
  }, 30_000)
})
