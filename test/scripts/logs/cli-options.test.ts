import { describe, expect, it } from 'vitest'
import { UsageError, parseCliArgs } from '../../../scripts/logs/cli-options'

describe('parseCliArgs', () => {
  it('reads the documented options', () => {
    const o = parseCliArgs(['access.log', '--format', 'main', '--top', '3', '--workers', '2', '--max-memory', '8MB', '--json', '--xff'])
    expect(o).toMatchObject({ input: 'access.log', format: 'main', top: 3, workers: 2, maxMemory: 8 * 2 ** 20, json: true, follow: false, clientFrom: 'x_forwarded_for', engine: 'stream' })
    expect(parseCliArgs(['-']).input).toBe('-')
    expect(parseCliArgs(['--help']).help).toBe(true)
  })

  it('explains what is wrong', () => {
    const cases: [string[], RegExp][] = [
      [[], /no input/],
      [['a', 'b'], /one input/],
      [['a', '--top', 'x'], /--top/],
      [['a', '--workers', '0'], /--workers/],
      [['a', '--max-memory', '10'], /at least/],
      [['a', '--format', '$status'], /no client address/],
      [['a', '--engine', 'fast'], /--engine/],
      [['a', '--follow', '--engine', 'naive'], /--follow/],
      [['a', '--bogus'], /bogus/],
    ]
    for (const [argv, message] of cases) expect(() => parseCliArgs(argv), argv.join(' ')).toThrow(message)
    expect(() => parseCliArgs([])).toThrow(UsageError)
  })
})
