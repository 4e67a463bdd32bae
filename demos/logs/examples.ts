/** Malformed lines kept as examples: where they start, why they were rejected, and their bytes as safe text. */
export interface MalformedExample {
  /** Byte offset of the line in the input. */
  readonly offset: number
  readonly reason: MalformedReason
  /** The first bytes of the line: printable ASCII as is, everything else as `\xNN`; `…` when cut. */
  readonly text: string
}

export type MalformedReason = 'bad address' | 'bad time' | 'format mismatch' | 'line too long'

/** Printable, JSON-safe text of `buf[start, end)`, cut after `max` bytes. */
export function escapeBytes(buf: Uint8Array, start: number, end: number, max = 160): string {
  let text = ''
  const stop = Math.min(end, start + max)
  for (let i = start; i < stop; i++) {
    const b = buf[i] as number
    if (b === 92) text += '\\\\'
    else if (b >= 32 && b < 127) text += String.fromCharCode(b)
    else text += `\\x${b.toString(16).padStart(2, '0')}`
  }
  return end > stop ? `${text}…` : text
}
