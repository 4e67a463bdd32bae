import { LogGenerator, type GenerateOptions, type LogTruth } from '../../../demos/logs/generate'
import type { LogSummary } from '../../../demos/logs/summary'

/** A whole generated log in memory (small sizes only) with its truth. */
export function generateBytes(options: GenerateOptions): { bytes: Uint8Array; truth: LogTruth } {
  const generator = new LogGenerator(options)
  const parts: Uint8Array[] = []
  for (const chunk of generator.chunks()) parts.push(chunk.slice())
  return { bytes: concat(parts), truth: generator.truth() }
}

export function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0))
  let at = 0
  for (const p of parts) {
    out.set(p, at)
    at += p.length
  }
  return out
}

/** `bytes` cut at the given positions (any order, duplicates and out-of-range values allowed). */
export function cut(bytes: Uint8Array, positions: readonly number[]): Uint8Array[] {
  const points = [...new Set(positions.map((p) => Math.max(0, Math.min(bytes.length, p))))].sort((a, b) => a - b)
  const chunks: Uint8Array[] = []
  let start = 0
  for (const p of [...points, bytes.length]) {
    chunks.push(bytes.subarray(start, p))
    start = p
  }
  return chunks
}

export const text = (s: string): Uint8Array => new TextEncoder().encode(s)

/** The fields of a summary that a generator's truth also has. */
export function truthView(summary: LogSummary): Record<string, unknown> {
  return {
    bytes: summary.bytes,
    lines: summary.lines,
    pv: summary.pv,
    uv: summary.uv,
    uvIpv4: summary.uvIpv4,
    uvIpv6: summary.uvIpv6,
    malformed: summary.malformed,
    empty: summary.empty,
    top: summary.top.map((t) => ({ ip: t.ip, hits: t.hits })),
    perMinute: summary.perMinute,
  }
}

export function truthFields(truth: LogTruth): Record<string, unknown> {
  return {
    bytes: truth.bytes,
    lines: truth.lines,
    pv: truth.pv,
    uv: truth.uv,
    uvIpv4: truth.uvIpv4,
    uvIpv6: truth.uvIpv6,
    malformed: truth.malformed,
    empty: truth.empty,
    top: truth.top,
    perMinute: truth.perMinute,
  }
}
