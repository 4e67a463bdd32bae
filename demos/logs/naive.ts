import { canonicalAddress } from './address'
import type { TopClient } from './summary'

/**
 * The "before" picture: the original program's design, written the way most of us would first
 * write it, with its bugs fixed so that it gives the right answer. Every line becomes a string
 * (UTF-8; invalid bytes become U+FFFD instead of crashing), a regular expression picks the fields,
 * the client is normalised (so `2001:db8::1` and `2001:0db8:0:0:0:0:0:1` count once) and counted
 * in a `Map<string, number>`. It accepts exactly the lines the stream engine accepts, so both give
 * the same PV and UV; what it costs is a string per line, a regex match per line and about 100
 * bytes of heap per client. Lines of any length are held whole.
 *
 * `NaiveCounter` counts line strings (Node feeds it from `readline`, see scripts/logs/naive-file.ts);
 * `NaiveAggregator` splits byte chunks into lines the way `readline` does (`\n`, `\r\n` or a lone
 * `\r` end a line), for the browser and for tests.
 */

/**
 * `$remote_addr - $remote_user [$time_local] "` with the timestamp's parts captured. `$remote_user`
 * runs up to the first ` [` (as in the stream engine, which does not look further).
 */
const COMBINED = /^(\S+) - (?:[^ ]| (?!\[))* \[(\d\d)\/([A-Z][a-z][a-z])\/(\d{4}):(\d\d):(\d\d):(\d\d) ([+-])(\d\d)(\d\d)\] "/

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/** The first IPv4-looking text anywhere in a line: what the original's regex took as the client. */
export const ORIGINAL_CLIENT = /(\d+\.\d+\.\d+\.\d+)/

export interface NaiveResult {
  readonly engine: 'naive'
  readonly bytes: number
  readonly lines: number
  readonly pv: number
  readonly uv: number
  /** Non-empty lines that are not a valid record (never counted). */
  readonly malformed: number
  readonly top: readonly TopClient[]
}

function validTime(m: RegExpExecArray): boolean {
  const day = Number(m[2])
  const month = MONTHS.indexOf(m[3] as string)
  const year = Number(m[4])
  if (month < 0 || day < 1 || Number(m[5]) > 23 || Number(m[6]) > 59 || Number(m[7]) > 60) return false
  if (Number(m[9]) > 23 || Number(m[10]) > 59) return false
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)
  return day <= (month === 1 ? (leap ? 29 : 28) : [3, 5, 8, 10].includes(month) ? 30 : 31)
}

export class NaiveCounter {
  readonly counts = new Map<string, number>()
  bytes = 0
  lines = 0
  pv = 0
  empty = 0
  malformed = 0

  /** One line without its line end. */
  line(text: string): void {
    this.lines++
    if (text.length === 0) {
      this.empty++
      return
    }
    const m = COMBINED.exec(text)
    const client = m && validTime(m) ? canonicalAddress(m[1] as string) : null
    if (client === null) {
      this.malformed++
      return
    }
    this.pv++
    this.counts.set(client, (this.counts.get(client) ?? 0) + 1)
  }

  result(top = 10): NaiveResult {
    const best = [...this.counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, top)
    return {
      engine: 'naive',
      bytes: this.bytes,
      lines: this.lines,
      pv: this.pv,
      uv: this.counts.size,
      malformed: this.malformed,
      top: best.map(([ip, hits]) => ({ ip, hits, error: 0 })),
    }
  }
}

/** `NaiveCounter` fed with byte chunks: decodes them and splits lines like Node's `readline`. */
export class NaiveAggregator extends NaiveCounter {
  private readonly decoder = new TextDecoder('utf-8')
  private rest = ''
  /** The previous chunk ended in `\r`: a `\n` starting this one belongs to that line end. */
  private afterCr = false

  push(chunk: Uint8Array): void {
    this.bytes += chunk.length
    let text = this.decoder.decode(chunk, { stream: true })
    if (this.afterCr && text.startsWith('\n')) text = text.slice(1)
    this.afterCr = text.endsWith('\r')
    const parts = (this.rest + text).split(/\r\n|\n|\r/)
    this.rest = parts.pop() ?? ''
    for (const part of parts) this.line(part)
  }

  end(): void {
    const text = this.rest + this.decoder.decode()
    this.rest = ''
    if (text.length > 0) this.line(text)
  }
}
