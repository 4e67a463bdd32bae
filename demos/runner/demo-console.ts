/**
 * The `console` a demo sees. Each call becomes one message: text formatted like Node's console
 * (formatArgs), or table data for console.table. Besides the five levels it has the usual helpers
 * (dir, trace, assert, count, time/timeLog/timeEnd, group/groupEnd) so code copied from elsewhere
 * works. A runaway loop cannot flood the page: after `maxMessages` messages one warning is sent and
 * the rest is dropped; a text longer than `maxTextLength` is cut.
 */
import { formatArgs, formatValue } from './format'
import type { ConsoleLevel } from './protocol'
import { toTable, type TableData } from './table'

export interface ConsoleSink {
  text(level: ConsoleLevel, text: string): void
  table(data: TableData): void
}

export interface DemoConsoleOptions {
  /** Clock for console.time, in ms. */
  readonly now: () => number
  readonly maxMessages?: number
  readonly maxTextLength?: number
}

export type DemoConsole = Record<ConsoleLevel, (...args: unknown[]) => void> & {
  dir(value?: unknown): void
  trace(...args: unknown[]): void
  table(data?: unknown, properties?: readonly string[]): void
  assert(condition?: unknown, ...args: unknown[]): void
  count(label?: string): void
  countReset(label?: string): void
  time(label?: string): void
  timeLog(label?: string, ...args: unknown[]): void
  timeEnd(label?: string): void
  group(...label: unknown[]): void
  groupCollapsed(...label: unknown[]): void
  groupEnd(): void
}

export const MAX_CONSOLE_MESSAGES = 10_000
export const MAX_TEXT_LENGTH = 100_000

export function createDemoConsole(sink: ConsoleSink, options: DemoConsoleOptions): DemoConsole {
  const maxMessages = options.maxMessages ?? MAX_CONSOLE_MESSAGES
  const maxTextLength = options.maxTextLength ?? MAX_TEXT_LENGTH
  const counts = new Map<string, number>()
  const timers = new Map<string, number>()
  let sent = 0
  let indent = ''

  /** Count a message against the budget; false once it is spent. */
  const admit = (): boolean => {
    sent++
    if (sent < maxMessages) return true
    if (sent === maxMessages) {
      sink.text('warn', `… console output stopped after ${String(maxMessages)} messages`)
    }
    return false
  }

  const emit = (level: ConsoleLevel, text: string): void => {
    if (!admit()) return
    const cut = text.length > maxTextLength
      ? `${text.slice(0, maxTextLength)}… (${String(text.length - maxTextLength)} more characters)`
      : text
    sink.text(level, indent ? cut.replace(/^/gm, indent) : cut)
  }

  const write = (level: ConsoleLevel) => (...args: unknown[]): void => { emit(level, formatArgs(args)) }
  const elapsed = (label: string): string | undefined => {
    const start = timers.get(label)
    return start === undefined ? undefined : `${label}: ${(options.now() - start).toFixed(3)}ms`
  }
  const noTimer = (label: string, method: string): void => {
    emit('warn', `Warning: No such label '${label}' for console.${method}()`)
  }
  const group = (...label: unknown[]): void => {
    if (label.length > 0) emit('log', formatArgs(label))
    indent += '  '
  }

  return {
    log: write('log'),
    info: write('info'),
    warn: write('warn'),
    error: write('error'),
    debug: write('debug'),
    dir: (value) => { emit('log', formatValue(value)) },
    trace: (...args) => { emit('debug', `Trace${args.length > 0 ? `: ${formatArgs(args)}` : ''}`) },
    table(data, properties) {
      const table = toTable(data, properties)
      if (!table) emit('log', formatArgs([data]))
      else if (admit()) sink.table(table)
    },
    assert(condition, ...args) {
      if (condition) return
      emit('error', args.length > 0 ? `Assertion failed: ${formatArgs(args)}` : 'Assertion failed')
    },
    count(label = 'default') {
      const count = (counts.get(label) ?? 0) + 1
      counts.set(label, count)
      emit('log', `${label}: ${String(count)}`)
    },
    countReset(label = 'default') { counts.delete(label) },
    time(label = 'default') { timers.set(label, options.now()) },
    timeLog(label = 'default', ...args) {
      const text = elapsed(label)
      if (text === undefined) noTimer(label, 'timeLog')
      else emit('log', args.length > 0 ? `${text} ${formatArgs(args)}` : text)
    },
    timeEnd(label = 'default') {
      const text = elapsed(label)
      if (text === undefined) noTimer(label, 'timeEnd')
      else emit('log', text)
      timers.delete(label)
    },
    group,
    groupCollapsed: group,
    groupEnd() { indent = indent.slice(2) },
  }
}
