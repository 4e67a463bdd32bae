import type { TopClient } from './summary'

/**
 * The "before" picture: a direct port of the original program. Every line is decoded to a string
 * (UTF-8; invalid bytes become U+FFFD instead of crashing, as in the page's errata version), the
 * first IPv4-looking token anywhere in the line is taken as the client (so IPv6 clients are lost
 * or credited to `Chrome/120.0.6099.109`), and counts go to a `Map<string, number>`. A line of any
 * length is held whole. Kept to be measured against the stream engine, not to be used.
 */

const IPV4_ANYWHERE = /(\d+\.\d+\.\d+\.\d+)/

export interface NaiveResult {
  readonly engine: 'naive'
  readonly bytes: number
  readonly lines: number
  /** Lines where the regex found something. */
  readonly pv: number
  readonly uv: number
  /** Lines without any IPv4-looking token. */
  readonly skipped: number
  readonly top: readonly TopClient[]
}

export class NaiveAggregator {
  readonly counts = new Map<string, number>()
  bytes = 0
  lines = 0
  pv = 0
  skipped = 0
  private readonly decoder = new TextDecoder('utf-8')
  private rest: Uint8Array = new Uint8Array(0)

  push(chunk: Uint8Array): void {
    this.bytes += chunk.length
    let start = 0
    for (;;) {
      const nl = chunk.indexOf(10, start)
      if (nl < 0) break
      if (this.rest.length > 0) {
        const line = new Uint8Array(this.rest.length + nl - start)
        line.set(this.rest)
        line.set(chunk.subarray(start, nl), this.rest.length)
        this.rest = new Uint8Array(0)
        this.line(line)
      } else {
        this.line(chunk.subarray(start, nl))
      }
      start = nl + 1
    }
    if (start < chunk.length) {
      const rest = new Uint8Array(this.rest.length + chunk.length - start)
      rest.set(this.rest)
      rest.set(chunk.subarray(start), this.rest.length)
      this.rest = rest
    }
  }

  end(): void {
    if (this.rest.length > 0) this.line(this.rest)
    this.rest = new Uint8Array(0)
  }

  result(top = 10): NaiveResult {
    const best = [...this.counts].sort((a, b) => b[1] - a[1]).slice(0, top)
    return {
      engine: 'naive',
      bytes: this.bytes,
      lines: this.lines,
      pv: this.pv,
      uv: this.counts.size,
      skipped: this.skipped,
      top: best.map(([ip, hits]) => ({ ip, hits, error: 0 })),
    }
  }

  /** One line: decode it (like `line.decode()`), take the first dotted quad anywhere, count it. */
  private line(bytes: Uint8Array): void {
    this.lines++
    const line = this.decoder.decode(bytes)
    const match = IPV4_ANYWHERE.exec(line)
    if (!match) {
      this.skipped++
      return
    }
    const ip = match[1] as string
    this.pv++
    this.counts.set(ip, (this.counts.get(ip) ?? 0) + 1)
  }
}
