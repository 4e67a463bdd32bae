import { readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { truthPath, writeGeneratedLog } from '../../../scripts/logs/write-log'
import { tempDir } from './support'

describe('writeGeneratedLog', () => {
  it('writes the log and its truth beside it', () => {
    const dir = tempDir('gen')
    const file = join(dir, 'a.log')
    const truth = writeGeneratedLog({ size: 100_000, seed: 1 }, file)
    expect(statSync(file).size).toBe(truth.bytes)
    expect(JSON.parse(readFileSync(truthPath(file), 'utf8'))).toEqual(JSON.parse(JSON.stringify(truth)))
    expect(truth).toMatchObject({ seed: 1, ips: 200_000 })
  })
})
