import { appendFileSync, renameSync, truncateSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { LogPartial } from '../../../demos/logs/partial'
import { followFile, type FollowEvents } from '../../../scripts/logs/follow'
import { tempDir } from './support'

const line = (ip: string): string => `${ip} - - [20/Jul/2025:00:00:00 +0800] "GET / HTTP/1.1" 200 1 "-" "-"\n`
const wait = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

describe('followFile', () => {
  it('keeps reading as the file grows, through rotation and truncation', async () => {
    const dir = tempDir('follow')
    const file = join(dir, 'access.log')
    writeFileSync(file, line('10.0.0.1') + line('10.0.0.2'))
    const updates: { pv: number; events: FollowEvents; final: boolean }[] = []
    let last: LogPartial | null = null
    const controller = new AbortController()
    const running = followFile(file, {}, (partial, events, final) => {
      updates.push({ pv: partial.pv, events, final })
      last = partial
    }, controller.signal, 20, 10)
    await wait(100)
    appendFileSync(file, `${line('10.0.0.3').slice(0, 20)}`) // half a line: not counted yet
    await wait(100)
    appendFileSync(file, line('10.0.0.3').slice(20))
    await wait(100)
    renameSync(file, `${file}.1`) // logrotate: move away, then a new file
    appendFileSync(`${file}.1`, line('10.0.0.4')) // written to the old file before the writer reopens
    writeFileSync(file, line('10.0.0.5'))
    await wait(150)
    truncateSync(file, 0) // copytruncate
    await wait(100)
    appendFileSync(file, line('10.0.0.6'))
    await wait(150)
    controller.abort()
    await running
    const final = updates[updates.length - 1]
    expect(final?.final).toBe(true)
    expect(final?.pv).toBe(6)
    expect(final?.events).toEqual({ rotations: 1, truncations: 1 })
    expect(updates.length).toBeGreaterThan(3)
    expect((last as LogPartial | null)?.malformed).toBe(0)
  })
})
