import { readFileSync } from 'node:fs'

/**
 * Peak resident set size of this process (all its threads) in bytes: VmHWM from /proc/self/status
 * on Linux, else `process.resourceUsage().maxRSS`.
 */
export function peakRss(): number {
  try {
    const match = /^VmHWM:\s+(\d+)\s+kB/m.exec(readFileSync('/proc/self/status', 'utf8'))
    if (match) return Number(match[1]) * 1024
  } catch {
    // not Linux: fall through
  }
  return process.resourceUsage().maxRSS * 1024
}
