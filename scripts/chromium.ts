import { existsSync } from 'node:fs'
import { chromium, type Browser, type LaunchOptions } from 'playwright-core'

/** Places Chromium is usually installed, after the CHROME_PATH environment variable. */
const candidates = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
]

export const MISSING_CHROMIUM_MESSAGE = [
  'No Chromium found for the end-to-end tests.',
  'Install one, for example on Debian/Ubuntu: sudo apt-get install -y chromium',
  'or point CHROME_PATH at a Chromium or Chrome executable: CHROME_PATH=/path/to/chrome npm test',
  '(The tests never download a browser; `npx playwright install` is not needed.)',
].join('\n')

/** Finds a Chromium executable or throws with instructions. Never skips silently. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env.CHROME_PATH
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv
    throw new Error(`CHROME_PATH is set to ${fromEnv}, but no file is there.\n${MISSING_CHROMIUM_MESSAGE}`)
  }
  const found = candidates.find((path) => existsSync(path))
  if (!found) throw new Error(MISSING_CHROMIUM_MESSAGE)
  return found
}

/** Flags that keep headless Chromium quiet on a machine with no network but loopback. */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
]

export async function launchChromium(options: LaunchOptions = {}): Promise<Browser> {
  return chromium.launch({
    executablePath: findChromium(),
    headless: true,
    ...options,
    args: [...chromiumArgs, ...(options.args ?? [])],
  })
}
