import { describe, expect, it } from 'vitest'
import { ProgressLine, renderProgress } from '../../../scripts/logs/progress'

describe('progress', () => {
  it('shows bytes, speed, lines and ETA', () => {
    const text = renderProgress({ bytes: 2 ** 30, total: 2 ** 31, lines: 5_000_000, seconds: 1 })
    expect(text).toBe('[##########..........]   50%  1.00 GiB / 2.00 GiB  1,074 MB/s  5,000,000 lines  ETA 1 s')
    expect(renderProgress({ bytes: 10, total: null, lines: 1, seconds: 0 })).toBe('10 B  0 MB/s  1 lines')
  })

  it('writes nothing when stderr is not a terminal', () => {
    const written: string[] = []
    const stream = { isTTY: false, columns: 80, write: (s: string) => written.push(s) } as unknown as NodeJS.WriteStream
    const line = new ProgressLine(stream, 100)
    line.update(50, 1)
    line.done()
    expect(written).toEqual([])
    const tty = { isTTY: true, columns: 80, write: (s: string) => written.push(s) } as unknown as NodeJS.WriteStream
    const shown = new ProgressLine(tty, 100)
    shown.update(50, 1)
    shown.done()
    expect(written[0]).toMatch(/^\r\[##########\.{10}\] {3}50%/)
    expect(written[1]).toBe('\r\x1b[K')
  })
})
