import { existsSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { startStaticServer } from './static-server'
import { siteBase, distDir } from './site-paths'

/** `npm run serve`: serves the built site on 127.0.0.1 with cross-origin isolation headers. */
const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '4173' },
    host: { type: 'string', default: '127.0.0.1' },
    'no-isolation': { type: 'boolean', default: false },
  },
})

if (!existsSync(distDir)) {
  console.error(`No built site at ${distDir}. Run "npm run build" first.`)
  process.exit(1)
}

const running = await startStaticServer({
  root: distDir,
  base: siteBase(),
  host: values.host,
  port: Number(values.port),
  isolate: !values['no-isolation'],
})
console.log(`Lesson 8 Lab is served at ${running.url} (Ctrl+C to stop)`)
