import { closure } from './find-chains'

/**
 * The 8.3 leak scenario: a module-level cache keeps every finished request's session, and each
 * session's "done" listener is a closure over a big report. Three fixes, each cutting one link.
 */

export type Fix = 'none' | 'weakmap' | 'delete-entry' | 'remove-listener'
export const fixes: readonly Fix[] = ['none', 'weakmap', 'delete-entry', 'remove-listener']

// The tags keep the class names readable in the graph after the site's build minifies the code.
export class Report {
  readonly [Symbol.toStringTag] = 'Report'
  constructor(readonly rows: number[]) {}
}

export class Session {
  readonly [Symbol.toStringTag] = 'Session'
  readonly handlers: (() => number)[] = []
  constructor(readonly id: string) {}
}

export class Request {
  readonly [Symbol.toStringTag] = 'Request'
  constructor(readonly id: string) {}
}

export interface Scenario {
  /** What stays reachable from the module: the roots the finder starts from. */
  readonly roots: Record<string, unknown>
  /** The big array we ask about. */
  readonly target: object
  readonly rowCount: number
}

export function runScenario(fix: Fix, rowCount = 100_000): Scenario {
  // the "module": its top-level bindings are the roots
  const module = {
    cache: fix === 'weakmap' ? new WeakMap<Request, Session>() : new Map<string, Session>(),
  }
  const request = new Request('req-42')
  const session = new Session(request.id)
  const report = new Report(Array.from({ length: rowCount }, (_, i) => i))
  const onDone = closure(function onDone(): number {
    return report.rows.length
  }, { report })
  Object.defineProperty(onDone, 'name', { value: 'onDone' }) // survives minifying
  session.handlers.push(onDone)
  if (module.cache instanceof WeakMap) module.cache.set(request, session)
  else module.cache.set(request.id, session)

  // the request finishes
  onDone()
  if (fix === 'delete-entry' && module.cache instanceof Map) module.cache.delete(request.id)
  if (fix === 'remove-listener') session.handlers.splice(session.handlers.indexOf(onDone), 1)
  // after the request, only the module stays reachable (request, session, report go out of scope)
  return { roots: { module }, target: report.rows, rowCount }
}
