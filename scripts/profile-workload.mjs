// The workload behind the sample profiles of 8.2 (npm run record:profiles): a naive log
// aggregator, written the slow way on purpose, so that the flame graphs have something to show.
// Plain JavaScript so that `node --cpu-prof` / `--heap-prof` can run it without a build step.

const LEVELS = ['INFO', 'WARN', 'ERROR', 'DEBUG']
const PATHS = ['/api/orders', '/api/users', '/static/app.js', '/health', '/api/search']

function makeLogLines(count) {
  const lines = []
  for (let i = 0; i < count; i++) {
    const level = LEVELS[i % 7 === 0 ? 2 : i % 3]
    const path = PATHS[(i * 7) % PATHS.length]
    const ms = (i * 37) % 900
    lines.push(`2026-11-26T02:${String(i % 60).padStart(2, '0')}:00Z ${level} ${path} ${ms}ms user=${i % 500}`)
  }
  return lines
}

function parseLine(line) {
  const parts = line.split(' ') // a new array and five new strings per line
  return { time: parts[0], level: parts[1], path: parts[2], ms: Number.parseInt(parts[3], 10), user: parts[4] }
}

function aggregateNaive(lines) {
  const byPath = {}
  for (const line of lines) {
    const entry = parseLine(line)
    const key = `${entry.level} ${entry.path}`
    const bucket = (byPath[key] ??= { count: 0, total: 0, samples: [] })
    bucket.count++
    bucket.total += entry.ms
    bucket.samples.push(entry) // keeps every parsed line alive: the memory hog
  }
  return byPath
}

function slowestFirst(byPath) {
  return Object.entries(byPath)
    .map(([key, b]) => ({ key, count: b.count, mean: b.total / b.count, p99: percentile(b.samples, 0.99) }))
    .sort((a, b) => b.mean - a.mean)
}

function percentile(samples, q) {
  const sorted = samples.map((s) => s.ms).sort((a, b) => a - b) // sorts a copy for every bucket
  return sorted[Math.floor(q * (sorted.length - 1))]
}

function formatReport(rows) {
  let out = ''
  for (const r of rows) out += `${r.key.padEnd(24)} ${String(r.count).padStart(7)} ${r.mean.toFixed(1).padStart(7)} ${r.p99}\n`
  return out
}

function main() {
  const lines = makeLogLines(300_000)
  const byPath = aggregateNaive(lines)
  const report = formatReport(slowestFirst(byPath))
  globalThis.keepAlive = byPath // still referenced when the heap profile is written at exit
  console.log(report.split('\n').slice(0, 3).join('\n'))
}

main()
