import type { Exercise } from './types'

/** A small access log generator shared by the checks of 8.7 and homework 2 (plain JS source). */
export const LOG_HELPER = `function __log(n) {
    const lines = []
    let seed = 7
    const rnd = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed }
    for (let i = 0; i < n; i++) {
      const r = rnd()
      if (i % 997 === 0) { lines.push(''); continue }
      if (i % 1009 === 0) { lines.push('garbage line without an address'); continue }
      const ip = '10.' + (r % 7) + '.' + ((r >> 8) % 50) + '.' + ((r >> 16) % 200)
      lines.push(ip + ' - - [26/Nov/2026:10:00:00 +0000] "GET /p/' + (r % 300) + ' HTTP/1.1" 200 ' + (r % 5000) + ' "-" "lab"')
    }
    return lines
  }
  function __truth(lines) {
    let pv = 0; const ips = new Set()
    for (const line of lines) { const ip = line.split(' ', 1)[0]; if (/^[0-9a-f.:]+$/i.test(ip) && /[.:]/.test(ip)) { pv++; ips.add(ip) } }
    return { pv, uv: ips.size }
  }`

/** 8.7: PV / UV over a log, streaming with a generator, with a throughput budget. */
export const pvuvExercise: Exercise = {
  id: 'ex-8-7-pvuv',
  section: '8.7',
  title: { en: 'Exercise: PV and UV, one line at a time', zh: '练习：一行一行地算 PV 和 UV' },
  task: {
    en: 'Count PV (valid lines) and UV (distinct client IPs). A valid line starts with an IPv4 or IPv6 address followed by a space; skip empty and malformed lines. Make `parseIps` a generator so no array of all IPs is built, and keep throughput above 200,000 lines per second.',
    zh: '统计 PV（有效行数）和 UV（不同客户端 IP 数）。有效行以 IPv4 或 IPv6 地址加一个空格开头；跳过空行和格式错误的行。把 `parseIps` 写成生成器，不要建出装着所有 IP 的数组，并让吞吐量高于每秒 20 万行。',
  },
  starter: `function parseIps(lines: Iterable<string>): string[] {
  const ips: string[] = []
  for (const line of lines) ips.push(line.split(" ", 1)[0] ?? "")
  return ips
}

function countPvUv(lines: Iterable<string>): { pv: number; uv: number } {
  const ips = parseIps(lines)
  return { pv: ips.length, uv: new Set(ips).size }
}

console.log(countPvUv(["10.0.0.1 - - [x] \\"GET / HTTP/1.1\\" 200 5", "", "10.0.0.1 - - [x] \\"GET /a HTTP/1.1\\" 200 5"]))
`,
  solution: `const ADDRESS = /^[0-9a-f.:]+$/i

function* parseIps(lines: Iterable<string>): Generator<string> {
  for (const line of lines) {
    const ip = line.split(" ", 1)[0] ?? ""
    if (ADDRESS.test(ip) && (ip.includes(".") || ip.includes(":"))) yield ip
  }
}

function countPvUv(lines: Iterable<string>): { pv: number; uv: number } {
  let pv = 0
  const seen = new Set<string>()
  for (const ip of parseIps(lines)) {
    pv++
    seen.add(ip)
  }
  return { pv, uv: seen.size }
}

console.log(countPvUv(["10.0.0.1 - - [x] \\"GET / HTTP/1.1\\" 200 5", "", "10.0.0.1 - - [x] \\"GET /a HTTP/1.1\\" 200 5"]))
`,
  checks: [
    {
      id: 'counts',
      title: { en: 'PV and UV match on a generated 20,000-line log', zh: '在生成的 2 万行日志上 PV、UV 正确' },
      hint: {
        en: 'Empty lines and lines that do not start with an address must not count: check the first field before counting it.',
        zh: '空行和不以地址开头的行不能计数：先检查第一个字段再计数。',
      },
      code: `${LOG_HELPER}
    const lines = __log(20000)
    const want = __truth(lines)
    const got = countPvUv(lines)
    return { pass: got.pv === want.pv && got.uv === want.uv, detail: 'got ' + JSON.stringify(got) + ', expected ' + JSON.stringify(want), figures: { pv: got.pv, uv: got.uv } }`,
    },
    {
      id: 'generator',
      title: { en: 'parseIps is a generator', zh: 'parseIps 是生成器' },
      hint: { en: 'Use `function* parseIps` and `yield` each address.', zh: '用 `function* parseIps`，逐个 `yield` 地址。' },
      code: `return __ex.isGenerator(parseIps([]))`,
    },
    {
      id: 'throughput',
      title: { en: 'Throughput above 200,000 lines/s (200,000 lines)', zh: '吞吐量高于每秒 20 万行（20 万行）' },
      hint: { en: 'Avoid work per line that you do not need: one split, one test, one Set.add.', zh: '避免每行做不必要的工作：一次 split、一次检查、一次 Set.add。' },
      code: `${LOG_HELPER}
    const lines = __log(200000)
    const ms = await __ex.time(() => countPvUv(lines))
    const perSecond = Math.round(200000 / (ms / 1000))
    return { pass: perSecond > 200000, detail: perSecond.toLocaleString('en') + ' lines/s', figures: { linesPerSecond: perSecond } }`,
    },
  ],
  timeLimitMs: 20_000,
}
