import { describe, expect, it } from 'vitest'
import { exercises } from '../../../demos/exercises'
import { attemptPassed, buildAttemptSource, collectReports, parseReport, REPORT_MARK } from '../../../demos/exercises/harness'
import type { Exercise } from '../../../demos/exercises/types'
import { runDemo } from '../../../demos/runner/runtime'
import { createLogsKit } from '../../../demos/exercises/logs-kit'

/** The names of the exercise's kits, as the demo worker gives them (Node: no workers, so no range workers). */
function kitScope(exercise: Exercise): Record<string, unknown> {
  if (!exercise.kits?.includes('logs')) return {}
  const { kit, internals } = createLogsKit()
  return { logs: kit, __lesson8_logs: internals }
}

/** Runs an attempt in Node (no memory figures here: heap checks report "unmeasured"). */
async function attempt(exercise: Exercise, code: string) {
  const lines: string[] = []
  let error: string | undefined
  await runDemo(buildAttemptSource(code, exercise), {
    id: 1,
    scope: kitScope(exercise),
    fileName: exercise.id,
    timeLimitMs: exercise.timeLimitMs,
    post: (m) => {
      if (m.type === 'console') lines.push(m.text)
      if (m.type === 'error') error = m.message
    },
  })
  return { reports: collectReports(exercise, lines, 'did not run'), error }
}

describe.each(exercises)('exercise $id', (exercise) => {
  it('has checks with hints in both languages', () => {
    expect(exercise.checks.length).toBeGreaterThan(0)
    for (const c of exercise.checks) expect(c.hint.en && c.hint.zh && c.title.en && c.title.zh).toBeTruthy()
  })

  // Node has no Web Workers: there the workers homework can only be checked end to end.
  it.skipIf(exercise.needsWorkers === true)('the starter fails at least one check', async () => {
    const { reports, error } = await attempt(exercise, exercise.starter)
    expect(error).toBeUndefined()
    expect(reports.some((r) => r.result === 'fail'), JSON.stringify(reports)).toBe(true)
    expect(attemptPassed(reports)).toBe(false)
  })

  it('the reference solution passes every check it can measure', async () => {
    const { reports, error } = await attempt(exercise, exercise.solution)
    expect(error).toBeUndefined()
    expect(reports.filter((r) => r.result === 'fail'), JSON.stringify(reports)).toEqual([])
    expect(attemptPassed(reports)).toBe(true)
  })
})

describe('harness', () => {
  it('reads only well-formed report lines', () => {
    expect(parseReport('hello')).toBeNull()
    expect(parseReport(REPORT_MARK + '{bad')).toBeNull()
    expect(parseReport(REPORT_MARK + '{"id":"a","result":"maybe"}')).toBeNull()
    expect(parseReport(REPORT_MARK + '{"id":"a","result":"pass","figures":{"x":1}}')).toEqual({ id: 'a', result: 'pass', figures: { x: 1 } })
  })

  it('fails every check when the code throws before the checks', async () => {
    const first = exercises[0] as Exercise
    const { reports, error } = await attempt(first, 'throw new Error("boom")')
    expect(error).toBe('boom')
    expect(reports.every((r) => r.result === 'fail' && r.detail === 'did not run')).toBe(true)
  })
})

describe('manifest', () => {
  it('lists every exercise with its section, in order', async () => {
    const { exerciseManifest } = await import('../../../demos/exercises/manifest')
    expect(exerciseManifest).toEqual(exercises.map((e) => ({ id: e.id, section: e.section })))
  })
})
