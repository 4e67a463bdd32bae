import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

/**
 * `npm run record:profiles`: runs scripts/profile-workload.mjs under `node --cpu-prof` and
 * `node --heap-prof` and writes the two sample profiles of 8.2 to docs/public/profiles/.
 * Local paths in the frames are replaced by the file name, so the files do not reveal this machine.
 */
const root = resolve(import.meta.dirname, '..')
const workload = join(root, 'scripts', 'profile-workload.mjs')
const out = join(root, 'docs', 'public', 'profiles')

function record(flag: '--cpu-prof' | '--heap-prof', ext: string, target: string): void {
  const dir = mkdtempSync(join(tmpdir(), 'profile-'))
  try {
    const dirFlag = flag === '--cpu-prof' ? '--cpu-prof-dir' : '--heap-prof-dir'
    execFileSync(process.execPath, [flag, `${dirFlag}=${dir}`, workload], { stdio: 'inherit' })
    const file = readdirSync(dir).find((f) => f.endsWith(ext))
    if (!file) throw new Error(`node wrote no ${ext} file`)
    const text = readFileSync(join(dir, file), 'utf8').replaceAll(`file://${root}/scripts/`, '').replaceAll(`${root}/scripts/`, '')
    const data: unknown = JSON.parse(text)
    writeFileSync(join(out, target), JSON.stringify(data))
    console.log(`wrote docs/public/profiles/${target} (${(text.length / 1024).toFixed(0)} KiB) with Node ${process.version}`)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

record('--cpu-prof', '.cpuprofile', 'log-aggregator.cpuprofile')
record('--heap-prof', '.heapprofile', 'log-aggregator.heapprofile')
