import { createWriteStream, existsSync, statSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { LogGenerator } from '../demos/logs/generate'
import { launchChromium } from './chromium'
import { distDir, siteBase } from './site-paths'
import { startStaticServer } from './static-server'

/**
 * `npm run bench:logs:browser`: gives a generated log file (1 GiB by default) to the 8.7 lab of the
 * built site in headless Chromium, runs each engine, and prints MB/s and the growth of the page's
 * memory (measureUserAgentSpecificMemory, page and workers) during the run, after the floor: how
 * fast workers can only read the File (Chromium reads a Blob through its browser process).
 */
const { values } = parseArgs({
  options: {
    size: { type: 'string', default: String(2 ** 30) },
    file: { type: 'string', default: '/tmp/lesson8-bench-1g.log' },
    // also stream-js, parallel-js: the stream engine with its JavaScript loop only
    engines: { type: 'string', default: 'parallel,stream,stream-js,naive' },
    // measuring memory makes every worker collect garbage: `--memory false` times the engines alone
    memory: { type: 'string', default: 'true' },
  },
})
const size = Number(values.size)
const file = values.file

if (!existsSync(file) || statSync(file).size < size * 0.99) {
  console.log(`generating ${(size / 2 ** 20).toFixed(0)} MiB log at ${file} …`)
  const out = createWriteStream(file)
  const gen = new LogGenerator({ size, seed: 1 })
  for (let chunk = gen.next(); chunk !== null; chunk = gen.next()) {
    if (!out.write(Buffer.from(chunk))) await new Promise<void>((resolve) => out.once('drain', () => resolve()))
  }
  await new Promise<void>((resolve) => out.end(() => resolve()))
}

const server = await startStaticServer({ root: distDir, base: siteBase() })
// Eager memory measurement answers at once, with a garbage collection in every worker, and the lab's
// memory meter asks ten times a second: with `--memory false` Chromium measures as it does for
// visitors (lazily, at its own collections), so the engines are timed without that cost.
const measuring = values.memory !== 'false'
const browser = await launchChromium({ args: measuring ? ['--enable-blink-features=ForceEagerMeasureMemory'] : [] })
try {
  const page = await browser.newPage()
  await page.goto(`${server.url}8-7-log-aggregator.html`, { waitUntil: 'networkidle' })
  const lab = page.locator('[data-demo="log-lab"]')
  await lab.locator('[data-source="file"]').check()
  await lab.locator('[data-option="file"]').setInputFiles(file)
  console.log(`Chromium ${browser.version()}, ${(statSync(file).size / 2 ** 20).toFixed(0)} MiB file, ${page.url()}`)
  // The floor: workers that only read the File (no parsing), one and two at a time, the way the
  // engines read it: each its byte range, as the Blob's stream delivers it.
  const floor = await page.evaluate(async () => {
    const input = document.querySelector('[data-option="file"]') as HTMLInputElement
    const chosen = input.files?.[0]
    if (!chosen) throw new Error('no file in the lab')
    const code = 'onmessage = async (e) => { const { file, from, to } = e.data; let n = 0; const reader = file.slice(from, to).stream().getReader(); for (;;) { const { done, value } = await reader.read(); if (done) break; n += value.byteLength } postMessage(n) }'
    const url = URL.createObjectURL(new Blob([code], { type: 'text/javascript' }))
    const rates: number[] = []
    for (const workers of [1, 2]) {
      const started = performance.now()
      const part = Math.ceil(chosen.size / workers)
      await Promise.all(Array.from({ length: workers }, (_, i) => new Promise((resolve) => {
        const worker = new Worker(url)
        worker.onmessage = (e) => {
          resolve(e.data)
          worker.terminate()
        }
        worker.postMessage({ file: chosen, from: i * part, to: Math.min(chosen.size, (i + 1) * part) })
      })))
      rates.push(chosen.size / (performance.now() - started) / 1e3)
    }
    URL.revokeObjectURL(url)
    return rates
  })
  console.log(`read only (floor)  1 worker: ${(floor[0] ?? 0).toFixed(0)} MB/s, 2 workers: ${(floor[1] ?? 0).toFixed(0)} MB/s`)
  for (const engine of values.engines.split(',')) {
    const measure = (): Promise<number> =>
      measuring ? page.evaluate(async () => {
        const perf = performance as unknown as { measureUserAgentSpecificMemory(): Promise<{ bytes: number }> }
        return (await perf.measureUserAgentSpecificMemory()).bytes
      }) : Promise.resolve(0)
    const before = await measure()
    // `stream-js` and `parallel-js`: the same engines with the WebAssembly scanner switched off
    const js = engine.endsWith('-js')
    await lab.locator(`input[data-engine="${engine.replace(/-js$/, '')}"]`).check()
    const wasmBox = lab.locator('[data-option="wasm"]')
    if (await wasmBox.isEnabled()) await wasmBox.setChecked(!js)
    await lab.locator('[data-action="run"]').click()
    let peak = before
    for (;;) {
      const state = await lab.getAttribute('data-state')
      if (state !== 'running') break
      // Each measurement collects garbage in every worker: measure once a second, not more.
      peak = Math.max(peak, await measure())
      await page.waitForTimeout(1000)
    }
    const result = lab.locator('[data-result]')
    const text = (await lab.locator('.result .note').first().textContent()) ?? (await lab.getAttribute('data-state'))
    console.log(
      `${engine.padEnd(11)} ${text}  memory growth during the run: ${measuring ? `${((peak - before) / 1e6).toFixed(1)} MB` : 'not measured'}  PV ${await result.getAttribute('data-pv')}  UV ${await result.getAttribute('data-uv')}`,
    )
  }
} finally {
  await browser.close()
  await server.close()
}
