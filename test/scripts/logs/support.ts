import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll } from 'vitest'

const created: string[] = []

// Registered once per test file (each file imports this module afresh).
afterAll(() => {
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true })
})

/** A temporary directory, removed after the test file (call it in a describe block or a test). */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), `logs-${prefix}-`))
  created.push(dir)
  return dir
}
