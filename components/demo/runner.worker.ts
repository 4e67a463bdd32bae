/// <reference lib="webworker" />
/**
 * The dedicated worker that runs one demo. A fresh worker is used for every run, so a run never sees
 * another's globals, and Stop is `worker.terminate()`. Messages to the page are batched (at most
 * every 50 ms or 500 messages) so that a demo that logs in a tight loop cannot flood the page.
 */
import { reportMarkResult, reportUncaughtError, reportUnhandledRejection, runDemo } from '../../demos/runner/runtime'
import { NO_RUN_ID, type PageMessage, type RunKit, type WorkerMessage } from '../../demos/runner/protocol'

const scope = self as unknown as DedicatedWorkerGlobalScope
let queue: WorkerMessage[] = []
let lastFlush = 0
let flushTimer: ReturnType<typeof setTimeout> | undefined

function flush(): void {
  if (flushTimer !== undefined) clearTimeout(flushTimer)
  flushTimer = undefined
  lastFlush = performance.now()
  if (queue.length === 0) return
  const batch = queue
  queue = []
  scope.postMessage(batch)
}

function post(message: WorkerMessage): void {
  queue.push(message)
  if (message.type === 'done' || message.type === 'error' || message.type === 'mark' || queue.length >= 500 || performance.now() - lastFlush > 50) {
    flush()
  } else {
    flushTimer ??= setTimeout(flush, 50)
  }
}

scope.addEventListener('unhandledrejection', (event) => {
  event.preventDefault()
  reportUnhandledRejection(event.reason)
})

scope.addEventListener('error', (event) => {
  if (reportUncaughtError(event.error ?? event.message)) event.preventDefault()
})

/**
 * The names a kit adds to a run (see RUN_KITS). Loaded on demand, so demos that name no kit never
 * download its code. Each kit also gives the hidden checks of exercises a second, internal name.
 */
async function kitScope(kits: readonly RunKit[] | undefined): Promise<Record<string, unknown>> {
  const names: Record<string, unknown> = {}
  if (kits?.includes('logs')) {
    const { browserLogsKit } = await import('../exercise/logs-kit.browser')
    const { kit, internals } = browserLogsKit()
    names['logs'] = kit
    names['__lesson8_logs'] = internals
  }
  return names
}

scope.addEventListener('message', (event: MessageEvent<PageMessage>) => {
  const message = event.data
  if (message.type === 'run') {
    void kitScope(message.kits).then(
      (names) =>
        runDemo(message.source, {
          id: message.id,
          fileName: message.fileName,
          timeLimitMs: message.timeLimitMs,
          post,
          markResults: true,
          profile: message.profile === true,
          scope: names,
        }),
      (error: unknown) => {
        post({ type: 'error', id: message.id, kind: 'uncaught', name: 'Error', message: `could not load the kit: ${String(error)}` })
      },
    )
  } else if (message.type === 'mark-result') {
    reportMarkResult(message)
  }
})

post({ type: 'ready', id: NO_RUN_ID })
