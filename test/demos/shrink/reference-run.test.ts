import { describe, expect, it } from 'vitest'
import reference from '../../../demos/shrink/reference-run.json'
import { formatTable, type VariantMeasurement } from '../../../demos/shrink/table'
import { VARIANTS } from '../../../demos/shrink/variants'

const runs = reference.measurements as VariantMeasurement[]
const bytes = (variant: string): number => runs.find((r) => r.variant === variant)?.bytes ?? Number.NaN

describe('the recorded bench:memory reference run', () => {
  it('has every variant at 10,000,000 rows', () => {
    expect(runs.map((r) => r.variant)).toEqual(VARIANTS)
    for (const run of runs) expect(run.rows).toBe(10_000_000)
  })

  it('shows the array of objects at least 5x the generator and the typed-array columns', () => {
    expect(bytes('objects')).toBeGreaterThanOrEqual(5 * bytes('generator'))
    expect(bytes('objects')).toBeGreaterThanOrEqual(5 * bytes('columns'))
  })

  it('formats as a table with the original figures labelled', () => {
    const table = formatTable(runs)
    expect(table.split('\n')).toHaveLength(2 + runs.length)
    expect(table).toContain("the original's figure (Python, its claim)")
    expect(table).toContain('list+dict: 1.1 GB')
  })
})
