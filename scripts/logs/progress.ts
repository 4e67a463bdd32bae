import { formatBytes, formatCount } from '../../demos/logs/units'

/** One progress line: `[#####.....]  45%  1.20 GiB / 2.00 GiB  1834 MB/s  5,123,456 lines  ETA 2 s`. */
export function renderProgress(state: { bytes: number; total: number | null; lines: number; seconds: number }, width = 100): string {
  const { bytes, total, lines, seconds } = state
  const rate = seconds > 0 ? bytes / seconds : 0
  const parts: string[] = []
  if (total !== null && total > 0) {
    const fraction = Math.min(1, bytes / total)
    const barWidth = 20
    const filled = Math.round(fraction * barWidth)
    parts.push(`[${'#'.repeat(filled)}${'.'.repeat(barWidth - filled)}]`, `${String(Math.floor(fraction * 100)).padStart(3)}%`)
    parts.push(`${formatBytes(bytes)} / ${formatBytes(total)}`)
  } else {
    parts.push(formatBytes(bytes))
  }
  parts.push(`${formatCount(rate / 1e6)} MB/s`, `${formatCount(lines)} lines`)
  if (total !== null && total > 0 && rate > 0 && bytes < total) parts.push(`ETA ${Math.ceil((total - bytes) / rate).toFixed(0)} s`)
  const line = parts.join('  ')
  return line.length > width ? line.slice(0, width) : line
}

/** A progress line on a terminal's stderr, redrawn at most every 100 ms; silent when stderr is not a TTY. */
export class ProgressLine {
  private readonly started = performance.now()
  private last = 0
  private shown = false

  constructor(private readonly stream: NodeJS.WriteStream, private readonly total: number | null, private readonly enabled = stream.isTTY === true) {}

  update(bytes: number, lines: number): void {
    if (!this.enabled) return
    const now = performance.now()
    if (now - this.last < 100) return
    this.last = now
    const text = renderProgress({ bytes, total: this.total, lines, seconds: (now - this.started) / 1000 }, (this.stream.columns || 100) - 1)
    this.stream.write(`\r${text}\x1b[K`)
    this.shown = true
  }

  /** Clears the line (before the summary is printed). */
  done(): void {
    if (this.shown) this.stream.write('\r\x1b[K')
    this.shown = false
  }
}
