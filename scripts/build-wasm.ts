import { writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { compileLinesWasm, renderLinesModule } from './wasm/compile'

/**
 * `npm run build:wasm`: compiles assembly/lines.ts (AssemblyScript) and writes the bytes into
 * demos/logs/lines-wasm.ts, so that Node, Web Workers and the page load the module with no fetch
 * and no build step of their own. A unit test compiles again and fails if the file is stale.
 */
const target = fileURLToPath(new URL('../demos/logs/lines-wasm.ts', import.meta.url))
const bytes = await compileLinesWasm()
writeFileSync(target, renderLinesModule(bytes))
process.stdout.write(`wrote ${target} (${bytes.length} bytes of WebAssembly)\n`)
