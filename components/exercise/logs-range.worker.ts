/// <reference lib="webworker" />
/**
 * The range worker of homework 2 (the `logs` kit, demos/exercises/logs-kit.ts): counts one byte
 * range of a log with the 8.7 stream engine and posts the partial result back, its arrays
 * transferred. A log in a SharedArrayBuffer is read where it is; otherwise the range arrives as its
 * own transferred copy.
 */
import { countRange, spin, type RangeJob, type RangeReply, type SpinJob } from '../../demos/exercises/logs-kit'
import { partialTransferables } from '../../demos/logs/partial'

const scope = self as unknown as DedicatedWorkerGlobalScope

scope.addEventListener('message', (event: MessageEvent<RangeJob | SpinJob>) => {
  const job = event.data
  try {
    if (job.type === 'spin') {
      scope.postMessage({ type: 'spun', value: spin(job.iterations) } satisfies RangeReply)
      return
    }
    const partial = countRange(job.log, job.start, job.end, job.baseOffset)
    scope.postMessage({ type: 'partial', partial } satisfies RangeReply, partialTransferables(partial))
  } catch (error) {
    scope.postMessage({ type: 'error', message: error instanceof Error ? error.message : String(error) } satisfies RangeReply)
  }
})
