import { existsSync } from 'node:fs'
import type { TestProject } from 'vitest/node'
import { startStaticServer } from '../../../scripts/static-server'
import { distDir, siteBase } from '../../../scripts/site-paths'
import { findChromium } from '../../../scripts/chromium'

declare module 'vitest' {
  export interface ProvidedContext {
    siteUrl: string
  }
}

/** Serves the built site on 127.0.0.1 for the end-to-end tests, after checking that Chromium exists. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  findChromium()
  if (!existsSync(distDir)) {
    throw new Error(`No built site at ${distDir}: run "npm run build" before the end-to-end tests (npm test does).`)
  }
  const running = await startStaticServer({ root: distDir, base: siteBase() })
  project.provide('siteUrl', running.url)
  return () => running.close()
}
