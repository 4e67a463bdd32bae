import { createLogsKit, type LogsKit, type LogsKitInternals } from '../../demos/exercises/logs-kit'
import RangeWorker from './logs-range.worker?worker'

/** The `logs` kit with real range workers (loaded by the demo worker only for exercises that ask for it). */
export function browserLogsKit(): { kit: LogsKit; internals: LogsKitInternals } {
  return createLogsKit({ startWorker: typeof Worker === 'function' ? () => new RangeWorker() : undefined })
}
