import { existsSync } from 'node:fs'
import puppeteer, { type Browser, type LaunchOptions } from 'puppeteer-core'

/**
 * Firefox for the Firefox end-to-end tests (test/firefox/), driven by puppeteer-core over WebDriver
 * BiDi. Like scripts/chromium.ts it only uses a browser that is already installed: it never downloads.
 */

/** Places Firefox is usually installed, after the FIREFOX_PATH environment variable. */
const candidates = [
  '/usr/bin/firefox-esr',
  '/usr/bin/firefox',
  '/usr/lib/firefox-esr/firefox-esr',
  '/usr/lib/firefox/firefox',
  '/usr/local/bin/firefox',
  '/opt/firefox/firefox',
  '/snap/bin/firefox',
  '/Applications/Firefox.app/Contents/MacOS/firefox',
]

export const MISSING_FIREFOX_MESSAGE = [
  'No Firefox found for the Firefox end-to-end tests.',
  'Install one, for example on Debian: sudo apt-get install -y firefox-esr',
  'or point FIREFOX_PATH at a Firefox executable: FIREFOX_PATH=/path/to/firefox npm test',
  '(The tests never download a browser; `npx puppeteer browsers install` is not needed.)',
].join('\n')

/** Finds a Firefox executable or throws with instructions. Never skips silently. */
export function findFirefox(env: NodeJS.ProcessEnv = process.env, exists: (path: string) => boolean = existsSync): string {
  const fromEnv = env.FIREFOX_PATH
  if (fromEnv) {
    if (exists(fromEnv)) return fromEnv
    throw new Error(`FIREFOX_PATH is set to ${fromEnv}, but no file is there.\n${MISSING_FIREFOX_MESSAGE}`)
  }
  const found = candidates.find((path) => exists(path))
  if (!found) throw new Error(MISSING_FIREFOX_MESSAGE)
  return found
}

/**
 * Preferences that keep Firefox quiet on a machine with no network but loopback, on top of the ones
 * puppeteer writes into its fresh profile (no updates, no safe browsing, no telemetry upload).
 */
export const firefoxPrefs: Record<string, string | number | boolean> = {
  'app.shield.optoutstudies.enabled': false,
  'browser.discovery.enabled': false,
  'browser.region.network.url': '',
  'browser.region.update.enabled': false,
  'browser.safebrowsing.provider.google4.updateURL': '',
  'browser.safebrowsing.provider.mozilla.updateURL': '',
  'captivedetect.canonicalURL': '',
  'datareporting.policy.dataSubmissionEnabled': false,
  'dom.push.connection.enabled': false,
  'extensions.blocklist.enabled': false,
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
  'network.dns.disablePrefetch': true,
  'network.prefetch-next': false,
  'toolkit.telemetry.enabled': false,
  'toolkit.telemetry.server': '',
}

/** A headless Firefox with a fresh temporary profile (puppeteer creates and removes it). */
export async function launchFirefox(options: LaunchOptions = {}): Promise<Browser> {
  return puppeteer.launch({
    browser: 'firefox',
    executablePath: findFirefox(),
    headless: true,
    defaultViewport: { width: 1280, height: 900 },
    ...options,
    extraPrefsFirefox: { ...firefoxPrefs, ...(options.extraPrefsFirefox ?? {}) },
  })
}
