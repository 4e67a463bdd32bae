/**
 * Keyboard map of presenter mode, shared by the key handler and the help overlay (`?`).
 */
export type PresenterCommand =
  | 'toggle'
  | 'help'
  | 'next'
  | 'previous'
  | 'timer'
  | 'zoom-in'
  | 'zoom-out'
  | 'zoom-reset'
  | 'open-presenter'
  | 'close'

export interface KeyBinding {
  readonly keys: readonly string[]
  readonly command: PresenterCommand
  /** Only while presenter mode is on (P and ? always work). */
  readonly whenActive: boolean
}

export const keyBindings: readonly KeyBinding[] = [
  { keys: ['p', 'P'], command: 'toggle', whenActive: false },
  { keys: ['?'], command: 'help', whenActive: false },
  { keys: ['ArrowRight', 'PageDown', 'n'], command: 'next', whenActive: true },
  { keys: ['ArrowLeft', 'PageUp', 'b'], command: 'previous', whenActive: true },
  { keys: ['t', ' '], command: 'timer', whenActive: true },
  { keys: ['+', '='], command: 'zoom-in', whenActive: true },
  { keys: ['-', '_'], command: 'zoom-out', whenActive: true },
  { keys: ['0'], command: 'zoom-reset', whenActive: true },
  { keys: ['o'], command: 'open-presenter', whenActive: true },
  { keys: ['Escape'], command: 'close', whenActive: true },
]

export interface KeyInput {
  readonly key: string
  readonly ctrlKey?: boolean
  readonly metaKey?: boolean
  readonly altKey?: boolean
}

/** The command for a key press, or null (modified keys and keys outside presenter mode are ignored). */
export function commandForKey(input: KeyInput, active: boolean): PresenterCommand | null {
  if (input.ctrlKey || input.metaKey || input.altKey) return null
  const binding = keyBindings.find((b) => b.keys.includes(input.key))
  if (!binding) return null
  if (binding.whenActive && !active) return null
  return binding.command
}

/** Human labels for the help overlay. */
export function keyLabel(key: string): string {
  const names: Record<string, string> = { ArrowRight: '→', ArrowLeft: '←', ' ': 'Space', PageDown: 'PgDn', PageUp: 'PgUp', Escape: 'Esc' }
  return names[key] ?? key
}
