/**
 * `npm run bench:memory`: the 8.5 table in Node. Each variant runs in its own Node process started
 * with `--expose-gc` (a fresh heap each); `gc()` runs before the baseline and before the reading in
 * the middle of the work. Memory = heapUsed + arrayBuffers (typed-array data lives outside the JS
 * heap) at the middle, minus the baseline. Options: `--rows N` (default 10,000,000), `--record`
 * (write demos/shrink/reference-run.json, the reference run the page shows without a memory figure).
 */
import { execFileSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { formatTable, type VariantMeasurement } from '../demos/shrink/table'
import { expectedResult, runVariant, VARIANTS, type VariantId } from '../demos/shrink/variants'

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '10000000' },
    record: { type: 'boolean', default: false },
    child: { type: 'string' },
  },
})
const rows = Number(values.rows)
if (!Number.isSafeInteger(rows) || rows < 0) throw new Error(`--rows must be a whole number, not ${values.rows}`)

const heap = (): number => {
  const m = process.memoryUsage()
  return m.heapUsed + m.arrayBuffers
}

async function child(variant: VariantId): Promise<void> {
  const gc = (globalThis as { gc?: () => void }).gc
  if (!gc) throw new Error('run with --expose-gc')
  gc()
  const base = heap()
  let bytes = 0
  let probeMs = 0
  const started = performance.now()
  const result = await runVariant(variant, rows, () => {
    const t = performance.now()
    gc()
    bytes = heap() - base
    probeMs += performance.now() - t
  })
  const ms = performance.now() - started - probeMs
  const expected = expectedResult(rows)
  if (result.total !== expected.total || result.top.join() !== expected.top.join()) throw new Error(`${variant} got a wrong result`)
  const measurement: VariantMeasurement = { variant, rows, bytes, ms }
  process.stdout.write(JSON.stringify(measurement))
}

if (values.child !== undefined) {
  await child(values.child as VariantId)
} else {
  const self = fileURLToPath(import.meta.url)
  const measurements: VariantMeasurement[] = []
  for (const variant of VARIANTS) {
    const out = execFileSync(process.execPath, [
      '--expose-gc', '--max-old-space-size=16384', '--import', 'tsx', self, '--child', variant, '--rows', String(rows),
    ], { encoding: 'utf8', maxBuffer: 1 << 20 })
    measurements.push(JSON.parse(out) as VariantMeasurement)
  }
  const table = formatTable(measurements)
  const heading = `${rows.toLocaleString('en-US')} rows, Node ${process.version} (V8 ${process.versions.v8}), ${process.platform} ${process.arch}`
  console.log(`${heading}\n\n${table}`)
  if (values.record) {
    const file = fileURLToPath(new URL('../demos/shrink/reference-run.json', import.meta.url))
    writeFileSync(file, `${JSON.stringify({ recordedAt: new Date().toISOString().slice(0, 10), heading, command: 'npm run bench:memory -- --record', measurements }, null, 2)}\n`)
    console.log(`\nrecorded in ${file}`)
  }
}
