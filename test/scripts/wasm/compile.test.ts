import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { compileLinesWasm, renderLinesModule } from '../../../scripts/wasm/compile'

describe('demos/logs/lines-wasm.ts', () => {
  it('is what assembly/lines.ts compiles to (run `npm run build:wasm` after editing the source)', async () => {
    const committed = readFileSync(fileURLToPath(new URL('../../../demos/logs/lines-wasm.ts', import.meta.url)), 'utf8')
    const bytes = await compileLinesWasm()
    expect(bytes.length).toBeGreaterThan(500)
    expect(committed).toBe(renderLinesModule(bytes))
  }, 60_000)
})
