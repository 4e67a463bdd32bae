import { describe, expect, it } from 'vitest'
import {
  NO_RUN_ID, WORKER_MESSAGE_TYPES, isFinalMessage, isRunRequest, isWorkerMessage, runRequest, type WorkerMessage,
} from '../../../demos/runner/protocol'

describe('protocol', () => {
  it('builds run requests the worker accepts', () => {
    const request = runRequest(3, 'console.log(1)', 'demo.ts', 5000)
    expect(request).toEqual({ type: 'run', id: 3, source: 'console.log(1)', fileName: 'demo.ts', timeLimitMs: 5000 })
    expect(isRunRequest(request)).toBe(true)
    expect(structuredClone(request)).toEqual(request)
  })

  it('rejects run requests with a missing or wrong field', () => {
    const good = runRequest(1, 'x', 'demo.ts', 1000)
    expect(isRunRequest({ ...good, id: NO_RUN_ID })).toBe(false)
    expect(isRunRequest({ ...good, id: 1.5 })).toBe(false)
    expect(isRunRequest({ ...good, source: undefined })).toBe(false)
    expect(isRunRequest({ ...good, timeLimitMs: 0 })).toBe(false)
    expect(isRunRequest({ ...good, type: 'mark-result' })).toBe(false)
    expect(isRunRequest(null)).toBe(false)
  })

  it('recognises every worker message type and nothing else', () => {
    for (const type of WORKER_MESSAGE_TYPES) expect(isWorkerMessage({ type, id: 1 })).toBe(true)
    expect(isWorkerMessage({ type: 'run', id: 1 })).toBe(false)
    expect(isWorkerMessage({ type: 'done' })).toBe(false)
    expect(isWorkerMessage('done')).toBe(false)
  })

  it('knows which messages end a run', () => {
    const done: WorkerMessage = { type: 'done', id: 1, durationMs: 2 }
    const error: WorkerMessage = { type: 'error', id: 1, kind: 'uncaught', name: 'Error', message: 'x' }
    const log: WorkerMessage = { type: 'console', id: 1, level: 'log', text: 'x' }
    expect([done, error, log].map(isFinalMessage)).toEqual([true, true, false])
  })
})
