import { existsSync } from 'node:fs'
import type { TestProject } from 'vitest/node'
import { findFirefox } from '../../../scripts/firefox'
import { distDir, siteBase } from '../../../scripts/site-paths'
import { startStaticServer } from '../../../scripts/static-server'

declare module 'vitest' {
  export interface ProvidedContext {
    siteUrl: string
  }
}

/**
 * Serves the built site on 127.0.0.1 (with cross-origin isolation headers) for the Firefox tests,
 * after checking that Firefox exists. Needs no Chromium.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  findFirefox()
  if (!existsSync(distDir)) {
    throw new Error(`No built site at ${distDir}: run "npm run build" before the Firefox tests (npm test does).`)
  }
  const running = await startStaticServer({ root: distDir, base: siteBase() })
  project.provide('siteUrl', running.url)
  return () => running.close()
}
