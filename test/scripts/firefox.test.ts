import { describe, expect, it } from 'vitest'
import { MISSING_FIREFOX_MESSAGE, findFirefox } from '../../scripts/firefox'

describe('findFirefox', () => {
  it('uses FIREFOX_PATH when it points at a file', () => {
    expect(findFirefox({ FIREFOX_PATH: process.execPath })).toBe(process.execPath)
  })

  it('fails with install instructions when FIREFOX_PATH points nowhere', () => {
    expect(() => findFirefox({ FIREFOX_PATH: '/nowhere/firefox' })).toThrow(/apt-get install -y firefox-esr/)
  })

  it('prefers firefox-esr to firefox among the usual places', () => {
    const installed = new Set(['/usr/bin/firefox', '/usr/bin/firefox-esr'])
    expect(findFirefox({}, (path) => installed.has(path))).toBe('/usr/bin/firefox-esr')
    expect(findFirefox({}, (path) => path === '/usr/bin/firefox')).toBe('/usr/bin/firefox')
  })

  it('fails with install instructions when no Firefox is installed, rather than skipping', () => {
    expect(() => findFirefox({}, () => false)).toThrow(MISSING_FIREFOX_MESSAGE)
    expect(MISSING_FIREFOX_MESSAGE).toMatch(/FIREFOX_PATH/)
    expect(MISSING_FIREFOX_MESSAGE).toMatch(/never download/)
  })
})
