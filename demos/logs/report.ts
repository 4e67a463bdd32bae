import type { LogSummary } from './summary'
import { formatMinute } from './time'
import { formatBytes, formatCount } from './units'

/** A readable multi-line report of a summary (what the CLI prints without `--json`). */
export function formatReport(summary: LogSummary, extra: { title?: string; seconds?: number; engine?: string } = {}): string {
  const out: string[] = []
  const pct = (x: number): string => `${(x * 100).toFixed(2)} %`
  if (extra.title) out.push(extra.title)
  out.push(`lines       ${formatCount(summary.lines)} (${formatCount(summary.empty)} empty, ${formatCount(summary.malformed)} malformed)`)
  out.push(`PV          ${formatCount(summary.pv)}`)
  if (summary.approximate) {
    const [lo, hi] = summary.errorBounds.uvRange
    out.push(`UV          ≈ ${formatCount(summary.uv)} (HyperLogLog, standard error ${pct(summary.errorBounds.uvRelativeStandardError)}; ±3σ: ${formatCount(lo)}…${formatCount(hi)})`)
    out.push(`            approximate: the exact tables outgrew the ${formatBytes(summary.maxMemory)} budget; top counts may be high by at most ${formatCount(summary.errorBounds.topHitsError)}`)
  } else {
    out.push(`UV          ${formatCount(summary.uv)} exact (IPv4 ${formatCount(summary.uvIpv4 ?? 0)}, IPv6 ${formatCount(summary.uvIpv6 ?? 0)}); HyperLogLog would say ${formatCount(summary.uvEstimate)}`)
  }
  if (summary.top.length > 0) {
    out.push(`top ${String(summary.top.length)} clients by PV`)
    const width = Math.max(...summary.top.map((t) => t.ip.length))
    summary.top.forEach((t, i) => {
      const bound = t.error > 0 ? `  (≥ ${formatCount(t.hits - t.error)})` : ''
      out.push(`  ${String(i + 1).padStart(3)}  ${t.ip.padEnd(width)}  ${formatCount(t.hits).padStart(12)}${bound}`)
    })
  }
  if (summary.perMinute.length > 0) {
    const first = summary.perMinute[0] as readonly [number, number]
    const last = summary.perMinute[summary.perMinute.length - 1] as readonly [number, number]
    let busiest = first
    for (const entry of summary.perMinute) if (entry[1] > busiest[1]) busiest = entry
    out.push(`per minute  ${formatCount(summary.perMinute.length)} minutes with hits, ${formatMinute(first[0])} … ${formatMinute(last[0])}; busiest ${formatMinute(busiest[0])} with ${formatCount(busiest[1])}`)
  }
  if (summary.perMinuteOutOfRange > 0) out.push(`            ${formatCount(summary.perMinuteOutOfRange)} hits outside the per-minute span limit`)
  if (summary.malformedExamples.length > 0) {
    out.push('malformed examples')
    for (const ex of summary.malformedExamples) out.push(`  @${String(ex.offset)}  ${ex.reason}: ${ex.text}`)
  }
  const seconds = extra.seconds
  const speed = seconds !== undefined && seconds > 0 ? `, ${formatCount(summary.bytes / seconds / 1e6)} MB/s` : ''
  out.push(`read        ${formatBytes(summary.bytes)}${seconds !== undefined ? ` in ${seconds.toFixed(2)} s` : ''}${speed}${extra.engine ? ` (${extra.engine})` : ''}`)
  return out.join('\n')
}
