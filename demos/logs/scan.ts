/**
 * The floor: a scan that only finds newlines (the least work any line-based engine must do).
 * Benchmarks print its speed next to the real engines.
 */
export class NewlineScanner {
  bytes = 0
  lines = 0
  private pending = false

  push(chunk: Uint8Array): void {
    this.bytes += chunk.length
    let start = 0
    for (;;) {
      const nl = chunk.indexOf(10, start)
      if (nl < 0) break
      this.lines++
      start = nl + 1
    }
    if (chunk.length > 0) this.pending = start < chunk.length
  }

  end(): void {
    if (this.pending) this.lines++
    this.pending = false
  }
}
