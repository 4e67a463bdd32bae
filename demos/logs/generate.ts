import { fmix32 } from './hash'
import { formatIpv4 } from './ipv4'
import { formatIpv6 } from './ipv6'
import { mulberry32 } from './prng'
import { daysFromCivil } from './time'

/**
 * A seeded generator of nginx `combined` access logs, produced as a stream of byte chunks (the
 * whole log is never held), that knows the true answer. Realistic trouble included: Zipf-like
 * client popularity plus a stream of first-time visitors, IPv6 clients written in several spellings
 * of the same address, IPv4 clients logged as `::ffff:a.b.c.d` by a dual-stack socket, IPv4-looking
 * numbers in URLs and user agents, TLS handshakes sent to the plain-HTTP port (logged escaped, so
 * valid lines), raw non-UTF-8 bytes in user agents, and garbage lines (raw TLS bytes, NULs, cut-off
 * lines, invalid addresses, invalid UTF-8) plus some empty lines. Addresses come from 10.0.0.0/8
 * and 2001:db8::/32 (documentation).
 */

export interface GenerateOptions {
  /** Target size in bytes: the log ends with the last whole line that fits. */
  readonly size: number
  /** Distinct clients in the pool (default 200 000, at most 16 777 216). */
  readonly ips?: number
  /** Share of the pool that are IPv6 clients (default 0.02). */
  readonly ipv6?: number
  /** Share of lines that are garbage (default 0.001); empty lines come on top at a quarter of that rate. */
  readonly malformed?: number
  readonly seed?: number
  /** Bytes per chunk handed out (default 1 MiB; chunks may be up to 2 KiB longer). */
  readonly chunkSize?: number
  /** End lines with `\r\n`. */
  readonly crlf?: boolean
  /** First timestamp, ms since the epoch (default 2025-07-20 00:00:00 +0800). */
  readonly startTime?: number
  /** Average requests per second (default 300); the clock advances with random gaps. */
  readonly linesPerSecond?: number
  /** UTC offset written in `$time_local`, in minutes (default +480, i.e. +0800). */
  readonly utcOffsetMinutes?: number
  /** Share of hits from first-time visitors walking through the pool (default: enough to cover it). */
  readonly newVisitors?: number
}

/** What the generated log contains, exactly. */
export interface LogTruth {
  readonly bytes: number
  /** Lines, including empty and garbage ones. */
  readonly lines: number
  readonly pv: number
  readonly uv: number
  readonly uvIpv4: number
  readonly uvIpv6: number
  readonly malformed: number
  readonly empty: number
  /** The busiest clients, hits descending, ties by address (IPv4 first). */
  readonly top: readonly { readonly ip: string; readonly hits: number }[]
  /** `[minute since the epoch (UTC), hits]` in time order. */
  readonly perMinute: readonly (readonly [number, number])[]
  readonly seed: number
  readonly ips: number
}

const MAX_LINE = 2048
const MAX_IPS = 1 << 24

const encoder = new TextEncoder()
const bytesOf = (texts: readonly string[]): Uint8Array[] => texts.map((t) => encoder.encode(t))

const METHODS = bytesOf(['GET', 'GET', 'GET', 'GET', 'GET', 'GET', 'GET', 'GET', 'GET', 'POST', 'HEAD'])
const PATHS = bytesOf([
  '/', '/index.html', '/login', '/favicon.ico', '/robots.txt', '/static/site.css', '/static/app.3f9a1c.js',
  '/images/logo.png', '/api/orders?page=', '/api/geo?ip=198.51.100.', '/blog/2025/07/', '/search?q=memory+model&page=',
  '/products/', '/cart', '/checkout', '/wp-login.php', '/.env', '/api/v2/users/',
])
const PROTOCOLS = bytesOf(['HTTP/1.1', 'HTTP/1.1', 'HTTP/1.1', 'HTTP/2.0', 'HTTP/1.0'])
const STATUSES = [200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 304, 304, 301, 404, 404, 500, 206, 403]
const REFERERS = bytesOf(['-', '-', '-', 'https://example.com/', 'https://example.com/blog/8', 'https://www.google.com/', 'http://192.0.2.44:8080/admin'])
const AGENTS = bytesOf([
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.6099.109 Safari/537.36',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.2 Safari/605.1.15',
  'Mozilla/5.0 (X11; Linux x86_64; rv:121.0) Gecko/20100101 Firefox/121.0',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.2 Mobile/15E148 Safari/604.1',
  'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.6099.144 Mobile Safari/537.36',
  'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
  'curl/8.4.0',
  'python-requests/2.31.0',
])
const USERS = bytesOf(['alice', 'bob', 'deploy'])
const TLS_ESCAPED = encoder.encode('\\x16\\x03\\x01\\x00\\xF1\\x01\\x00\\x00\\xED\\x03\\x03\\xB4\\x8D')
const TLS_RAW = new Uint8Array([0x16, 0x03, 0x01, 0x02, 0x00, 0x01, 0x00, 0x01, 0xfc, 0x03, 0x03])
const GBK_SPIDER = new Uint8Array([0xb0, 0xd9, 0xb6, 0xc8, 0x53, 0x70, 0x69, 0x64, 0x65, 0x72, 0x20]) // "百度Spider " in GBK
const MONTHS = bytesOf(['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'])
const HEX_LOWER = encoder.encode('0123456789abcdef')
const HEX_UPPER = encoder.encode('0123456789ABCDEF')

/** Civil date from days since 1970-01-01 (Howard Hinnant's civil_from_days). */
function civilFromDays(days: number): [number, number, number] {
  const z = days + 719468
  const era = Math.floor(z / 146097)
  const doe = z - era * 146097
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365)
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100))
  const mp = Math.floor((5 * doy + 2) / 153)
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1
  const month = mp < 10 ? mp + 3 : mp - 9
  return [yoe + era * 400 + (month <= 2 ? 1 : 0), month, day]
}

/** A bijection on 24-bit integers (so pool indexes map to distinct 10.x.y.z addresses). */
function permute24(x: number, seed: number): number {
  x = (x + seed) & 0xffffff
  for (let round = 0; round < 3; round++) {
    x = Math.imul(x, 0x9e3779) & 0xffffff | 0
    x ^= x >>> 11
    x = (Math.imul(x, 0x2c1b3d) + 0x5bd1e9) & 0xffffff
    x ^= x >>> 13
  }
  return x
}

const LINE_VALID = 0
const LINE_MALFORMED = 1
const LINE_EMPTY = 2

export class LogGenerator {
  readonly options: Required<Omit<GenerateOptions, 'newVisitors'>> & { readonly newVisitors: number }
  private readonly rng: () => number
  private readonly buf: Uint8Array
  private pos = 0
  private bytes = 0
  private finished = false
  private lines = 0
  private pv = 0
  private malformed = 0
  private empty = 0
  private readonly hits: Uint32Array
  private readonly perMinute = new Map<number, number>()
  private readonly lnPool: number
  private nextNew = 0
  private clock: number
  private clockFraction = 0
  private timeSecond = NaN
  private readonly timeBytes = new Uint8Array(26)
  private readonly v6Threshold: number
  private readonly seedMix: number
  // per-line scratch for the truth
  private lineClient = 0
  private lineMinute = 0

  constructor(options: GenerateOptions) {
    const ips = Math.floor(options.ips ?? 200_000)
    if (!(ips >= 1 && ips <= MAX_IPS)) throw new RangeError(`ips must be 1…${String(MAX_IPS)}`)
    if (!(options.size >= 0)) throw new RangeError('size must be ≥ 0')
    const size = Math.floor(options.size)
    const estimatedLines = Math.max(1, size / 200)
    this.options = {
      size,
      ips,
      ipv6: options.ipv6 ?? 0.02,
      malformed: options.malformed ?? 0.001,
      seed: options.seed ?? 8,
      chunkSize: Math.max(1, Math.floor(options.chunkSize ?? 1 << 20)),
      crlf: options.crlf ?? false,
      startTime: options.startTime ?? Date.UTC(2025, 6, 19, 16, 0, 0),
      linesPerSecond: options.linesPerSecond ?? 300,
      utcOffsetMinutes: options.utcOffsetMinutes ?? 480,
      newVisitors: options.newVisitors ?? Math.min(0.9, (1.05 * ips) / estimatedLines),
    }
    this.rng = mulberry32(this.options.seed)
    this.buf = new Uint8Array(Math.max(this.options.chunkSize, 4096) + MAX_LINE)
    this.hits = new Uint32Array(ips)
    this.lnPool = Math.log(ips + 1)
    this.clock = Math.floor(this.options.startTime / 1000)
    this.v6Threshold = this.options.ipv6 * 4294967296
    this.seedMix = fmix32(this.options.seed ^ 0x51ed270b)
  }

  /** True once the whole log has been handed out. */
  get done(): boolean {
    return this.finished && this.pos === 0
  }

  /**
   * The next chunk of the log, or null at the end. The array is a view of the generator's buffer,
   * valid until the next call: copy it to keep it.
   */
  next(): Uint8Array | null {
    this.pos = 0
    if (this.finished) return null
    const target = this.options.chunkSize
    while (this.pos < target && !this.finished) this.writeLine()
    if (this.pos === 0) return null
    return this.buf.subarray(0, this.pos)
  }

  /** All chunks, one after another (each valid until the next is taken). */
  *chunks(): Generator<Uint8Array, void, undefined> {
    for (let chunk = this.next(); chunk !== null; chunk = this.next()) yield chunk
  }

  /** The true counts of everything handed out so far (the whole log once `next()` returned null). */
  truth(topN = 10): LogTruth {
    let uvIpv4 = 0
    let uvIpv6 = 0
    const best: { family: number; w: number[]; hits: number }[] = []
    const before = (x: { family: number; w: number[]; hits: number }, y: { family: number; w: number[]; hits: number }): boolean => {
      if (x.hits !== y.hits) return x.hits > y.hits
      if (x.family !== y.family) return x.family < y.family
      for (let i = 0; i < 4; i++) if (x.w[i] !== y.w[i]) return (x.w[i] as number) < (y.w[i] as number)
      return false
    }
    for (let i = 0; i < this.hits.length; i++) {
      const h = this.hits[i] as number
      if (h === 0) continue
      const v6 = this.isV6(i)
      if (v6) uvIpv6++
      else uvIpv4++
      if (best.length === topN && h < (best[topN - 1]?.hits ?? 0)) continue
      const candidate = v6 ? { family: 6, w: this.v6Words(i), hits: h } : { family: 4, w: [this.v4Address(i), 0, 0, 0], hits: h }
      best.push(candidate)
      best.sort((x, y) => (before(x, y) ? -1 : before(y, x) ? 1 : 0))
      if (best.length > topN) best.pop()
    }
    return {
      bytes: this.bytes,
      lines: this.lines,
      pv: this.pv,
      uv: uvIpv4 + uvIpv6,
      uvIpv4,
      uvIpv6,
      malformed: this.malformed,
      empty: this.empty,
      top: best.map((c) => ({
        ip: c.family === 4 ? formatIpv4(c.w[0] as number) : formatIpv6(c.w[0] as number, c.w[1] as number, c.w[2] as number, c.w[3] as number),
        hits: c.hits,
      })),
      perMinute: [...this.perMinute].sort((a, b) => a[0] - b[0]),
      seed: this.options.seed,
      ips: this.options.ips,
    }
  }

  // ---- the pool --------------------------------------------------------------------------

  private isV6(index: number): boolean {
    return fmix32(index ^ this.seedMix) < this.v6Threshold
  }

  private v4Address(index: number): number {
    return ((10 << 24) | permute24(index, this.options.seed & 0xffffff)) >>> 0
  }

  private v6Words(index: number): number[] {
    const p = fmix32(index ^ 0x2f0b4c1d ^ this.options.seed)
    return [0x20010db8, p, 0, 1 + (fmix32(index + 0x1234567) & 0xfff)]
  }

  private pickClient(): number {
    const ips = this.options.ips
    if (this.nextNew < ips && this.rng() < this.options.newVisitors) return this.nextNew++
    const rank = Math.floor(Math.exp(this.rng() * this.lnPool)) - 1
    return rank < 0 ? 0 : rank >= ips ? ips - 1 : rank
  }

  // ---- writing bytes ---------------------------------------------------------------------

  private put(bytes: Uint8Array): void {
    const buf = this.buf
    let pos = this.pos
    for (let i = 0; i < bytes.length; i++) buf[pos++] = bytes[i] as number
    this.pos = pos
  }

  private putByte(b: number): void {
    this.buf[this.pos++] = b
  }

  private putUint(n: number): void {
    if (n >= 10) this.putUint(Math.floor(n / 10))
    this.buf[this.pos++] = 48 + (n % 10)
  }

  private putHex(n: number, width: number, upper: boolean): void {
    const digits = upper ? HEX_UPPER : HEX_LOWER
    let started = false
    for (let shift = 12; shift >= 0; shift -= 4) {
      const d = (n >>> shift) & 15
      if (d !== 0 || started || shift < width * 4 || shift === 0) {
        started = true
        this.buf[this.pos++] = digits[d] as number
      }
    }
  }

  private putIpv4(ip: number): void {
    this.putUint(ip >>> 24)
    this.putByte(46)
    this.putUint((ip >>> 16) & 255)
    this.putByte(46)
    this.putUint((ip >>> 8) & 255)
    this.putByte(46)
    this.putUint(ip & 255)
  }

  private putAscii(text: string): void {
    for (let i = 0; i < text.length; i++) this.buf[this.pos++] = text.charCodeAt(i) & 0xff
  }

  /** One of five spellings of the same IPv6 address. */
  private putIpv6(words: number[]): void {
    const groups: number[] = []
    for (const w of words) groups.push(w >>> 16, w & 0xffff)
    const style = Math.floor(this.rng() * 10)
    if (style < 5) {
      this.putAscii(formatIpv6(words[0] as number, words[1] as number, words[2] as number, words[3] as number))
      return
    }
    if (style === 5) {
      this.putAscii(formatIpv6(words[0] as number, words[1] as number, words[2] as number, words[3] as number).toUpperCase())
      return
    }
    if (style === 6 || style === 7) {
      // every group written out, with (style 6) or without (style 7) leading zeros
      groups.forEach((g, i) => {
        if (i > 0) this.putByte(58)
        this.putHex(g, style === 6 ? 4 : 1, false)
      })
      return
    }
    // a zero group kept, the rest of the zero run compressed: 2001:db8:x:y:0::z
    groups.slice(0, 5).forEach((g, i) => {
      if (i > 0) this.putByte(58)
      this.putHex(g, style === 8 ? 4 : 1, style === 9)
    })
    this.putAscii('::')
    this.putHex(groups[7] as number, 1, false)
  }

  private putTime(): void {
    if (this.clock !== this.timeSecond) {
      this.timeSecond = this.clock
      const local = this.clock + this.options.utcOffsetMinutes * 60
      const days = Math.floor(local / 86400)
      const secondsOfDay = local - days * 86400
      const [year, month, day] = civilFromDays(days)
      const t = this.timeBytes
      const two = (at: number, v: number): void => {
        t[at] = 48 + Math.floor(v / 10)
        t[at + 1] = 48 + (v % 10)
      }
      two(0, day)
      t[2] = 47
      t.set(MONTHS[month - 1] as Uint8Array, 3)
      t[6] = 47
      two(7, Math.floor(year / 100))
      two(9, year % 100)
      t[11] = 58
      two(12, Math.floor(secondsOfDay / 3600))
      t[14] = 58
      two(15, Math.floor(secondsOfDay / 60) % 60)
      t[17] = 58
      two(18, secondsOfDay % 60)
      t[20] = 32
      const offset = this.options.utcOffsetMinutes
      t[21] = offset < 0 ? 45 : 43
      two(22, Math.floor(Math.abs(offset) / 60))
      two(24, Math.abs(offset) % 60)
    }
    this.put(this.timeBytes)
  }

  private pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.rng() * list.length)] as T
  }

  // ---- lines -----------------------------------------------------------------------------

  private writeLine(): void {
    const start = this.pos
    const r = this.rng()
    const malformedShare = this.options.malformed
    let kind = LINE_VALID
    if (r < malformedShare) {
      this.writeGarbage()
      kind = LINE_MALFORMED
    } else if (r < malformedShare * 1.25) {
      kind = LINE_EMPTY
    } else {
      this.writeRecord()
    }
    if (this.options.crlf) this.putByte(13)
    this.putByte(10)
    const length = this.pos - start
    if (this.bytes + length > this.options.size) {
      this.pos = start
      this.finished = true
      return
    }
    this.bytes += length
    this.lines++
    if (kind === LINE_MALFORMED) this.malformed++
    else if (kind === LINE_EMPTY) this.empty++
    else {
      this.pv++
      this.hits[this.lineClient] = (this.hits[this.lineClient] as number) + 1
      this.perMinute.set(this.lineMinute, (this.perMinute.get(this.lineMinute) ?? 0) + 1)
    }
  }

  private advanceClock(): void {
    // exponential gaps between requests, at whole seconds in the log
    this.clockFraction += -Math.log(1 - this.rng()) / this.options.linesPerSecond
    if (this.clockFraction >= 1) {
      const whole = Math.floor(this.clockFraction)
      this.clock += whole
      this.clockFraction -= whole
    }
  }

  private writeClient(index: number): void {
    if (this.isV6(index)) {
      this.putIpv6(this.v6Words(index))
      return
    }
    const ip = this.v4Address(index)
    const r = this.rng()
    if (r < 0.01) {
      this.putAscii('::ffff:') // a dual-stack socket's spelling of an IPv4 client
      this.putIpv4(ip)
    } else if (r < 0.012) {
      this.putAscii('::FFFF:')
      this.putHex(ip >>> 16, 1, false)
      this.putByte(58)
      this.putHex(ip & 0xffff, 1, false)
    } else {
      this.putIpv4(ip)
    }
  }

  private writeRecord(): void {
    this.advanceClock()
    const client = this.pickClient()
    this.lineClient = client
    this.lineMinute = Math.floor(this.clock / 60)
    this.writeClient(client)
    this.putAscii(' - ')
    if (this.rng() < 0.02) this.put(this.pick(USERS))
    else this.putByte(45)
    this.putAscii(' [')
    this.putTime()
    this.putAscii('] "')
    const r = this.rng()
    if (r < 0.002) {
      // a TLS ClientHello sent to the plain-HTTP port, as stock nginx logs it (escaped, status 400)
      this.put(TLS_ESCAPED)
      this.putAscii('" 400 157 "-" "-"')
      return
    }
    this.put(this.pick(METHODS))
    this.putByte(32)
    const path = this.pick(PATHS)
    this.put(path)
    const last = path[path.length - 1]
    if (last === 61 || last === 46 || (last === 47 && path.length > 1)) this.putUint(Math.floor(this.rng() * 250))
    this.putByte(32)
    this.put(this.pick(PROTOCOLS))
    const status = this.pick(STATUSES)
    this.putAscii('" ')
    this.putUint(status)
    this.putByte(32)
    this.putUint(status === 304 ? 0 : Math.floor(this.rng() * 60_000))
    this.putAscii(' "')
    this.put(this.pick(REFERERS))
    this.putAscii('" "')
    if (this.rng() < 0.001) this.put(GBK_SPIDER) // raw GBK bytes (log_format ... escape=none)
    this.put(this.pick(AGENTS))
    this.putByte(34)
  }

  private writeGarbage(): void {
    const kind = Math.floor(this.rng() * 6)
    if (kind === 0) {
      // raw TLS bytes (never a newline among them)
      this.put(TLS_RAW)
      const n = 32 + Math.floor(this.rng() * 160)
      for (let i = 0; i < n; i++) {
        const b = Math.floor(this.rng() * 256)
        this.putByte(b === 10 ? 11 : b)
      }
    } else if (kind === 1) {
      // a record cut off before its timestamp was complete
      const start = this.pos
      this.advanceClock()
      this.writeClient(this.pickClient())
      this.putAscii(' - - [')
      this.putTime()
      this.putAscii('] "')
      const prefix = this.pos - start
      this.pos = start + 1 + Math.floor(this.rng() * (prefix - 1))
    } else if (kind === 2) {
      const n = 1 + Math.floor(this.rng() * 20)
      for (let i = 0; i < n; i++) this.putByte(0)
    } else if (kind === 3) {
      // something that is not an address in the address position
      const bad = ['999.', '10.1.', '2001:db8::g', '256.1.1.', '-', 'localhost']
      this.putAscii(this.pick(bad))
      this.putUint(Math.floor(this.rng() * 200))
      this.putAscii(' - - [')
      this.putTime()
      this.putAscii('] "GET / HTTP/1.1" 200 612 "-" "curl/8.4.0"')
    } else if (kind === 4) {
      const n = 5 + Math.floor(this.rng() * 80)
      for (let i = 0; i < n; i++) this.putByte(0x80 + Math.floor(this.rng() * 128))
    } else {
      this.putAscii('GET /index.html HTTP/1.1')
    }
  }
}

/** Convenience: the epoch minute of a generator time (for tests). */
export function minuteOf(year: number, month: number, day: number, hour: number, minute: number): number {
  return daysFromCivil(year, month, day) * 1440 + hour * 60 + minute
}
