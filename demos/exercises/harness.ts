import type { CheckReport, CheckResult, Exercise } from './types'

/**
 * Builds the source that the worker runs for an attempt: the reader's code, then the hidden checks.
 * The checks are appended (not prepended) so that error positions in the reader's code stay exact,
 * and wrapped in one block so their names cannot clash with the reader's. Each check prints one
 * console line that starts with REPORT_MARK; the page takes those lines out of the visible output.
 */
export const REPORT_MARK = '\u2063lesson8-check:'

/** Helpers the checks can use, as `__ex.*`. Plain JavaScript (it is appended to the reader's TS). */
const HELPERS = String.raw`
const __ex = {
  isGenerator(value) {
    return Object.prototype.toString.call(value) === '[object Generator]'
  },
  /** ms taken by fn (awaited). */
  async time(fn) {
    const t0 = performance.now()
    await fn()
    return performance.now() - t0
  },
  /**
   * What each way of producing n items holds while the items are consumed, on the page's live heap
   * (Chromium's performance.memory counts garbage, and its errors go one way each). Young garbage,
   * what a generator leaves, rises and falls in a saw-tooth up to V8's young generation (up to about
   * 20 MB measured), so a way's level is the median of its readings, not its peak: kept items stay
   * up at every reading. A major collection during a curve frees older garbage and can only lower
   * it. So what the ways return stays alive (keep) until every round is done, and one round's data
   * is never the next round's garbage; the garbage of earlier runs is gone after the first major
   * collection; and every way is measured 'rounds' times, its highest level counting.
   * Returns { [way]: { level (MB), points: [[% done, MB]], items } }, or null without a figure.
   */
  async memoryLevels(ways, n, options) {
    const readings = (options && options.readings) || 8
    const rounds = (options && options.rounds) || 3
    const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return (s[(s.length - 1) >> 1] + s[s.length >> 1]) / 2 }
    const step = Math.max(1, Math.floor(n / readings))
    const best = {}
    for (let round = 0; round < rounds; round++) {
      for (const [name, source] of Object.entries(ways)) {
        const base = await mark(name + ' 0%')
        if (base === null) return null
        const points = [[0, 0]]
        let items = 0
        const iterable = source()
        keep(iterable)
        for (const _item of iterable) {
          if (++items % step === 0 && points.length <= readings) {
            const now = await mark(name + ' ' + Math.round(100 * items / n) + '%')
            if (now === null) return null
            points.push([Math.round(100 * items / n), Math.round(Math.max(0, now - base) / 1e4) / 100])
          }
        }
        const level = points.length > 1 ? median(points.slice(1).map((p) => p[1])) : 0
        if (!best[name] || level > best[name].level) best[name] = { level, points, items }
      }
    }
    release()
    return best
  },
  same(a, b) {
    return JSON.stringify(a) === JSON.stringify(b)
  },
}
`

export function buildAttemptSource(readerCode: string, exercise: Exercise): string {
  const checks = exercise.checks
    .map((c) => `  [${JSON.stringify(c.id)}, async () => {\n${c.code}\n  }],`)
    .join('\n')
  return `${readerCode}
;{
${HELPERS}
const __checks: [string, () => Promise<unknown>][] = [
${checks}
]
for (const [id, check] of __checks) {
  let report: Record<string, unknown>
  try {
    const v = (await check()) as unknown
    if (typeof v === 'boolean') report = { id, result: v ? 'pass' : 'fail' }
    else {
      const o = v as { pass: boolean | null; detail?: string; figures?: Record<string, number>; trace?: unknown }
      report = { id, result: o.pass === null ? 'unmeasured' : o.pass ? 'pass' : 'fail', detail: o.detail, figures: o.figures, trace: o.trace }
    }
  } catch (e) {
    report = { id, result: 'fail', detail: e instanceof Error ? e.name + ': ' + e.message : String(e) }
  }
  console.log(${JSON.stringify(REPORT_MARK)} + JSON.stringify(report))
}
}
`
}

const RESULTS: readonly CheckResult[] = ['pass', 'fail', 'unmeasured']

/** Reads a report line; null for any other console line. */
export function parseReport(line: string): CheckReport | null {
  if (!line.startsWith(REPORT_MARK)) return null
  try {
    const o = JSON.parse(line.slice(REPORT_MARK.length)) as Partial<CheckReport>
    if (typeof o.id !== 'string' || !RESULTS.includes(o.result as CheckResult)) return null
    return {
      id: o.id,
      result: o.result as CheckResult,
      ...(typeof o.detail === 'string' ? { detail: o.detail } : {}),
      ...(o.figures && typeof o.figures === 'object' ? { figures: o.figures } : {}),
      ...(o.trace && typeof o.trace === 'object' ? { trace: o.trace } : {}),
    }
  } catch {
    return null
  }
}

/**
 * The outcome of an attempt: one entry per check, in the exercise's order. A check that printed
 * nothing (the reader's code threw, returned early or timed out) has failed with `missing`.
 */
export function collectReports(exercise: Exercise, lines: readonly string[], missing: string): CheckReport[] {
  const got = new Map<string, CheckReport>()
  for (const line of lines) {
    const r = parseReport(line)
    if (r) got.set(r.id, r)
  }
  return exercise.checks.map((c) => got.get(c.id) ?? { id: c.id, result: 'fail', detail: missing })
}

/** Passed means every check passed or could not be measured, and at least one really passed. */
export function attemptPassed(reports: readonly CheckReport[]): boolean {
  return reports.every((r) => r.result !== 'fail') && reports.some((r) => r.result === 'pass')
}
