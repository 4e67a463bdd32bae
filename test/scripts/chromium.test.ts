import { describe, expect, it } from 'vitest'
import { MISSING_CHROMIUM_MESSAGE, findChromium } from '../../scripts/chromium'

describe('findChromium', () => {
  it('uses CHROME_PATH when it points at a file', () => {
    expect(findChromium({ CHROME_PATH: process.execPath })).toBe(process.execPath)
  })

  it('fails with install instructions when CHROME_PATH points nowhere', () => {
    expect(() => findChromium({ CHROME_PATH: '/nowhere/chrome' })).toThrow(/apt-get install -y chromium/)
  })

  it('explains how to install a browser rather than skipping', () => {
    expect(MISSING_CHROMIUM_MESSAGE).toMatch(/CHROME_PATH/)
  })
})
