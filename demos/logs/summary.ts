import type { MalformedExample } from './examples'
import { HyperLogLog } from './hyperloglog'
import { formatIpv4 } from './ipv4'
import { forEachIpv4 } from './ipv4-table'
import { formatIpv6 } from './ipv6'
import { forEachIpv6 } from './ipv6-table'
import type { LogPartial } from './partial'

/** A client among the top N by PV. When approximate, its true hits are in [hits - error, hits]. */
export interface TopClient {
  readonly ip: string
  readonly hits: number
  readonly error: number
}

/** What a run found, as JSON-friendly numbers and strings. */
export interface LogSummary {
  readonly pv: number
  /** Distinct clients: exact, or the HyperLogLog estimate when `approximate`. */
  readonly uv: number
  readonly approximate: boolean
  /** Distinct IPv4 / IPv6 clients (null when approximate). */
  readonly uvIpv4: number | null
  readonly uvIpv6: number | null
  /** The HyperLogLog estimate (always computed; equals `uv` when approximate). */
  readonly uvEstimate: number
  readonly errorBounds: {
    /** Relative standard error of `uv` (1.04/√m when approximate, 0 when exact). */
    readonly uvRelativeStandardError: number
    /** `uv` ± 3 standard errors (equal ends when exact). */
    readonly uvRange: readonly [number, number]
    /** Largest possible overcount of a top client's hits: ⌈PV / k⌉ when approximate, 0 when exact. */
    readonly topHitsError: number
  }
  readonly top: readonly TopClient[]
  /** `[minute since the epoch (UTC), hits]`, in time order. */
  readonly perMinute: readonly (readonly [number, number])[]
  readonly perMinuteOutOfRange: number
  readonly lines: number
  readonly empty: number
  readonly malformed: number
  readonly malformedExamples: readonly MalformedExample[]
  readonly bytes: number
  readonly maxMemory: number
}

interface Candidate {
  family: number
  w0: number
  w1: number
  w2: number
  w3: number
  hits: number
}

/** Orders by hits (descending), then by address, so ties never depend on hash-table order. */
function before(x: Candidate, y: Candidate): boolean {
  if (x.hits !== y.hits) return x.hits > y.hits
  if (x.family !== y.family) return x.family < y.family
  if (x.w0 !== y.w0) return x.w0 < y.w0
  if (x.w1 !== y.w1) return x.w1 < y.w1
  if (x.w2 !== y.w2) return x.w2 < y.w2
  return x.w3 < y.w3
}

function exactTop(partial: LogPartial, n: number): TopClient[] {
  const best: Candidate[] = []
  const offer = (c: Candidate): void => {
    if (best.length === n && !before(c, best[n - 1] as Candidate)) return
    let i = best.length < n ? best.length : n - 1
    if (best.length < n) best.push(c)
    while (i > 0 && before(c, best[i - 1] as Candidate)) {
      best[i] = best[i - 1] as Candidate
      i--
    }
    best[i] = c
  }
  if (n > 0) {
    forEachIpv4(partial.v4, (ip, hits) => {
      if (best.length < n || hits >= (best[n - 1] as Candidate).hits) offer({ family: 4, w0: ip, w1: 0, w2: 0, w3: 0, hits })
    })
    forEachIpv6(partial.v6, (w0, w1, w2, w3, hits) => {
      if (best.length < n || hits >= (best[n - 1] as Candidate).hits) offer({ family: 6, w0, w1, w2, w3, hits })
    })
  }
  return best.map((c) => ({ ip: c.family === 4 ? formatIpv4(c.w0) : formatIpv6(c.w0, c.w1, c.w2, c.w3), hits: c.hits, error: 0 }))
}

/** Text of a 128-bit heavy-hitter key: IPv4 for the `::ffff:0:0/96` keys, IPv6 otherwise. */
export function keyText(w0: number, w1: number, w2: number, w3: number): string {
  return w0 === 0 && w1 === 0 && w2 === 0xffff ? formatIpv4(w3) : formatIpv6(w0, w1, w2, w3)
}

/** Turns a partial result into the report: PV, UV, top `top` clients, per-minute hits, errors. */
export function summarize(partial: LogPartial, options: { top?: number } = {}): LogSummary {
  const n = options.top ?? 10
  const hll = new HyperLogLog(Math.log2(partial.hll.length), partial.hll)
  const estimate = Math.round(hll.estimate())
  const perMinute: [number, number][] = []
  for (let i = 0; i < partial.minuteCounts.length; i++) {
    const c = partial.minuteCounts[i] as number
    if (c !== 0) perMinute.push([partial.minuteBase + i, c])
  }
  const common = {
    pv: partial.pv,
    perMinute,
    perMinuteOutOfRange: partial.minuteOutOfRange,
    lines: partial.lines,
    empty: partial.empty,
    malformed: partial.malformed,
    malformedExamples: partial.malformedExamples,
    bytes: partial.bytes,
    maxMemory: partial.maxMemory,
    uvEstimate: estimate,
  }
  if (partial.exact) {
    const uv = partial.v4Size + partial.v6Size
    return {
      ...common,
      uv,
      approximate: false,
      uvIpv4: partial.v4Size,
      uvIpv6: partial.v6Size,
      errorBounds: { uvRelativeStandardError: 0, uvRange: [uv, uv], topHitsError: 0 },
      top: exactTop(partial, n),
    }
  }
  const rse = hll.relativeStandardError
  const heavy = partial.heavy
  const top: TopClient[] = []
  if (heavy) {
    const ids = Array.from({ length: heavy.counts.length }, (_, i) => i)
    ids.sort((x, y) => (heavy.counts[y] as number) - (heavy.counts[x] as number))
    for (const id of ids.slice(0, n)) {
      const w = (j: number): number => (heavy.keys[4 * id + j] as number) >>> 0
      top.push({ ip: keyText(w(0), w(1), w(2), w(3)), hits: heavy.counts[id] as number, error: heavy.errors[id] as number })
    }
  }
  const k = heavy?.k ?? partial.heavyK
  return {
    ...common,
    uv: estimate,
    approximate: true,
    uvIpv4: null,
    uvIpv6: null,
    errorBounds: {
      uvRelativeStandardError: rse,
      uvRange: [Math.max(0, Math.floor(estimate * (1 - 3 * rse))), Math.ceil(estimate * (1 + 3 * rse))],
      topHitsError: Math.ceil(partial.pv / k),
    },
    top,
  }
}
