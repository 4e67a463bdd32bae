/** True when a key press belongs to text entry (inputs, the Monaco editor, contenteditable). */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false
  if (target.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"], .monaco-editor')) return true
  return false
}
