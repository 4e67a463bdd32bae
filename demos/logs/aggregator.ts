import { parseAddress } from './address'
import { escapeBytes, type MalformedExample, type MalformedReason } from './examples'
import { HyperLogLog } from './hyperloglog'
import { Ipv4Table, forEachIpv4 } from './ipv4-table'
import { Ipv6Table, forEachIpv6 } from './ipv6-table'
import {
  FIELD_ADDRESS, FIELD_MSEC, FIELD_SKIP, FIELD_TIME_ISO, FIELD_TIME_LOCAL, FIELD_XFF,
  compileLogFormat, findLiteral, literalAt, type ClientSource, type CompiledLogFormat,
} from './log-format'
import { LineScanner, SCAN_END, SCAN_SPECIAL, SCAN_TIME } from './line-scanner'
import { MinuteCounts } from './minute-counts'
import type { LogPartial } from './partial'
import { SpaceSaving } from './space-saving'
import { NO_TIME, TIME_LOCAL_LENGTH, TimeLocalCache, parseMsec, parseTimeIso, parseTimeLocal } from './time'

/**
 * The stream engine: counts PV and UV per client address from byte chunks of any size, without
 * creating a string per line. Lines are found with `indexOf(10)` (in Node a Buffer's `indexOf` is
 * `memchr`), fields by the compiled log format, addresses are parsed from the bytes and counted in
 * typed-array hash tables; a partial line at the end of a chunk is carried over (up to
 * `maxLineBytes`; longer lines are counted as malformed and skipped). While the tables fit
 * `maxMemory`, every count is exact; when they would not, counting switches to a HyperLogLog (kept
 * from the start, so no distinct address is lost) and a Space-Saving heavy-hitters summary seeded
 * with the exact counts so far, and the result is marked approximate.
 */

export interface AggregatorOptions {
  /** A preset name (`combined`, `main`), a `log_format` string, or a compiled format. Default `combined`. */
  readonly format?: string | CompiledLogFormat
  /** Take the client from `$http_x_forwarded_for` (first address; `$remote_addr` when it is `-`). */
  readonly clientFrom?: ClientSource
  /** Memory budget for the tables in bytes (default 64 MiB). */
  readonly maxMemory?: number
  /** Longest line accepted (default 64 KiB); longer lines are malformed and never buffered whole. */
  readonly maxLineBytes?: number
  /** Heavy-hitter counters after a switch to sketches (default 16 384). */
  readonly heavyHitters?: number
  /** HyperLogLog precision (default 14: 16 KiB, 0.81 % standard error). */
  readonly hllPrecision?: number
  /** Malformed lines kept as examples (default 5). */
  readonly maxExamples?: number
  /** Bytes shown per example (default 160). */
  readonly exampleBytes?: number
  /** Longest per-minute span in minutes (default 2^20, about two years). */
  readonly maxMinutes?: number
  /** Offset of the first byte pushed within the whole input (for example offsets in a byte range). */
  readonly baseOffset?: number
  /**
   * Read `combined`-style lines with the WebAssembly scanner (assembly/lines.ts) where the runtime
   * has WebAssembly SIMD (default true). False: the JavaScript loop only. The counts are the same.
   */
  readonly wasm?: boolean
  /**
   * Buffers to allocate inside the scanner's memory for a reader to fill (see `readBuffers`): chunks
   * pushed from them are scanned in place instead of being copied. Default none.
   */
  readonly readBuffers?: number
  /** Size of each read buffer (default 512 KiB). */
  readonly readBufferBytes?: number
}

export const DEFAULT_MAX_MEMORY = 64 * 1024 * 1024
export const DEFAULT_MAX_LINE_BYTES = 64 * 1024

const OK = 0
const BAD_ADDRESS = 1
const BAD_TIME = 2
const MISMATCH = 3
const PENDING = 256
const REASONS: readonly MalformedReason[] = ['bad address', 'bad address', 'bad time', 'format mismatch']

export class LogAggregator {
  bytes = 0
  lines = 0
  pv = 0
  empty = 0
  malformed = 0
  readonly examples: MalformedExample[] = []
  exact = true
  minuteOutOfRange = 0

  private v4 = new Ipv4Table(4096)
  private v6 = new Ipv6Table(256)
  private readonly hll: HyperLogLog
  private heavy: SpaceSaving | null = null
  private readonly heavyK: number
  private readonly minutes: MinuteCounts
  private curMinute = NO_TIME
  private curMinuteCount = 0

  private readonly format: CompiledLogFormat
  private readonly prefix: Uint8Array
  private readonly kinds: Int32Array
  private readonly literals: readonly Uint8Array[]
  private readonly toLineEnd: Uint8Array
  private readonly steps: number
  private readonly hasTime: boolean
  private readonly useXff: boolean
  /** The format starts `$remote_addr - $remote_user [$time_local] "` and nothing later is needed. */
  private readonly combined: boolean
  private readonly addr = new Uint32Array(5)
  private readonly xff = new Uint32Array(5)
  private readonly msec = new Float64Array(1)
  private readonly timeCache = new TimeLocalCache()
  /** IPv4 clients waiting to be counted: table updates in batches overlap their cache misses. */
  private readonly pending4 = new Int32Array(PENDING)
  private pendingCount = 0

  private readonly maxMemory: number
  private readonly maxLineBytes: number
  private readonly maxExamples: number
  private readonly exampleBytes: number
  /** Bytes of a too-long line shown as its example. */
  private readonly longLineHead: number
  private carry: Uint8Array = new Uint8Array(1024)
  /** A DataView of the bytes being parsed (the current chunk, or the carry). */
  private view: DataView = new DataView(new ArrayBuffer(0))
  private carryLength = 0
  private carryOffset = 0
  private skipping = false
  private offset: number
  /** The WebAssembly scanner, for combined-style formats where available. */
  private readonly scanner: LineScanner | null

  constructor(options: AggregatorOptions = {}) {
    this.format = typeof options.format === 'object' ? options.format : compileLogFormat(options.format, options.clientFrom)
    this.prefix = this.format.prefix
    this.kinds = this.format.kinds
    this.literals = this.format.literals
    this.toLineEnd = this.format.toLineEnd
    this.steps = this.kinds.length
    this.hasTime = this.format.timeVariable !== null
    this.useXff = this.format.usesXff
    this.combined = isCombinedShape(this.format)
    this.maxMemory = options.maxMemory ?? DEFAULT_MAX_MEMORY
    this.maxLineBytes = options.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES
    this.heavyK = options.heavyHitters ?? 16384
    this.hll = new HyperLogLog(options.hllPrecision ?? 14)
    this.maxExamples = options.maxExamples ?? 5
    this.exampleBytes = options.exampleBytes ?? 160
    this.longLineHead = Math.min(this.exampleBytes, this.maxLineBytes)
    this.minutes = new MinuteCounts(options.maxMinutes)
    this.offset = options.baseOffset ?? 0
    const scanner = this.combined && options.wasm !== false ? LineScanner.create(options.readBuffers ?? 0, options.readBufferBytes ?? 512 * 1024) : null
    this.scanner = scanner
    if (scanner) {
      // The IPv4 table starts in the scanner's memory, where the scanner counts known clients itself.
      this.v4 = new Ipv4Table(4096, (capacity) => scanner.tableSlots(capacity))
      scanner.useTable(this.v4.slots)
    }
  }

  /**
   * The buffers asked for with the `readBuffers` option (empty when the WebAssembly scanner is not
   * used): read bytes into one, push it (or a subarray), and the scanner reads them where they are.
   */
  get readBuffers(): readonly Uint8Array[] {
    return this.scanner ? this.scanner.readBuffers : []
  }

  /** Which loop reads combined-style lines: `wasm` (WebAssembly SIMD) or `js`. */
  get engine(): 'wasm' | 'js' {
    return this.scanner ? 'wasm' : 'js'
  }

  /** Feeds the next bytes of the input (any size; the array is not kept). */
  push(chunk: Uint8Array): void {
    const n = chunk.length
    const chunkOffset = this.offset
    this.offset += n
    this.bytes += n
    let start = 0
    if (this.carryLength > 0 || this.skipping) {
      const nl = chunk.indexOf(10)
      if (nl < 0) {
        this.appendCarry(chunk, 0, n)
        return
      }
      this.appendCarry(chunk, 0, nl)
      if (this.skipping) this.skipping = false
      else this.carryLine()
      this.carryLength = 0
      start = nl + 1
    }
    this.view = new DataView(chunk.buffer, chunk.byteOffset, chunk.byteLength)
    if (this.scanner) {
      start = this.scannedLines(this.scanner, chunk, start, chunkOffset)
    } else if (this.combined) {
      start = this.combinedLines(chunk, start, chunkOffset)
    } else {
      for (;;) {
        const nl = chunk.indexOf(10, start)
        if (nl < 0) break
        this.line(chunk, start, nl, chunkOffset + start)
        start = nl + 1
      }
    }
    if (start < n) {
      this.carryOffset = chunkOffset + start
      this.appendCarry(chunk, start, n)
    }
  }

  /** Ends the current line even without a newline: the end of the input, or of a rotated file. */
  flushLine(): void {
    if (this.carryLength > 0 && !this.skipping) this.carryLine()
    this.carryLength = 0
    this.skipping = false
  }

  /**
   * Continues with bytes from another place of the input (the next slice a worker takes): ends
   * the current line, and numbers the following bytes from `offset` (for malformed examples).
   */
  restartAt(offset: number): void {
    this.flushLine()
    this.offset = offset
  }

  /** Ends the input (a last line without newline is counted). */
  end(): void {
    this.flushLine()
  }

  /**
   * The counts so far as a partial result. Its arrays are the aggregator's own (no copy): take it
   * after `end()`, or treat it as read-only and valid until the next `push`.
   */
  result(): LogPartial {
    this.flush4()
    this.flushMinute()
    const minutes = this.minutes.trimmed()
    return {
      type: 'log-partial',
      bytes: this.bytes,
      lines: this.lines,
      pv: this.pv,
      empty: this.empty,
      malformed: this.malformed,
      malformedExamples: this.examples.slice(),
      exact: this.exact,
      v4: this.exact ? this.ownSlots(this.v4.slots) : new Int32Array(0),
      v4Size: this.exact ? this.v4.size : 0,
      v6: this.exact ? this.v6.slots : new Int32Array(0),
      v6Size: this.exact ? this.v6.size : 0,
      hll: this.hll.registers,
      heavy: this.heavy ? this.heavy.toData() : null,
      heavyK: this.heavyK,
      minuteBase: minutes.base,
      minuteCounts: minutes.counts,
      minuteOutOfRange: this.minuteOutOfRange,
      maxMemory: this.maxMemory,
    }
  }

  /**
   * Bytes counted against the budget: tables, sketches and buffers, and the tables dropped so far.
   * V8 frees an ArrayBuffer only when a garbage collection finds it unreachable, and a run that makes
   * almost no garbage may not have one for a long time: until then a dropped table is still resident.
   */
  get memoryBytes(): number {
    return this.v4.bytes + this.v6.bytes + this.hll.registers.byteLength + this.minutes.bytes + this.carry.byteLength +
      (this.heavy ? this.heavy.bytes : 0) + this.retired + (this.scanner ? this.scanner.ownBytes : 0)
  }

  /** `slots`, copied when they are a view of the scanner's memory (which cannot be transferred). */
  private ownSlots(slots: Int32Array): Int32Array {
    return this.scanner?.holdsTable(slots) ? slots.slice() : slots
  }

  /** Bytes of tables dropped by growing or by the switch to sketches (see `memoryBytes`). */
  private retired = 0

  private appendCarry(chunk: Uint8Array, start: number, end: number): void {
    if (this.skipping || end === start) return
    const length = this.carryLength + end - start
    if (length > this.maxLineBytes + 1) {
      // Too long to be a line we accept: count it now, keep its head as the example, skip to the next newline.
      this.lines++
      let head = this.carry
      if (this.examples.length < this.maxExamples) {
        head = new Uint8Array(this.longLineHead)
        const fromCarry = Math.min(this.carryLength, head.length)
        head.set(this.carry.subarray(0, fromCarry))
        if (fromCarry < head.length) head.set(chunk.subarray(start, start + head.length - fromCarry), fromCarry)
      }
      this.reject(head, 0, head.length, this.carryOffset, 'line too long')
      this.skipping = true
      this.carryLength = 0
      return
    }
    if (length > this.carry.length) {
      let size = this.carry.length * 2
      while (size < length) size *= 2
      const bigger = new Uint8Array(Math.min(size, this.maxLineBytes + 1))
      bigger.set(this.carry.subarray(0, this.carryLength))
      this.carry = bigger
    }
    this.carry.set(chunk.subarray(start, end), this.carryLength)
    this.carryLength = length
  }

  private carryLine(): void {
    this.view = new DataView(this.carry.buffer, this.carry.byteOffset, this.carry.byteLength)
    this.line(this.carry, 0, this.carryLength, this.carryOffset)
  }

  private line(buf: Uint8Array, s: number, e: number, offset: number): void {
    this.lines++
    this.lineBody(buf, s, e, offset)
  }

  /** One line (already counted in `lines`): empty, too long, valid or malformed. */
  private lineBody(buf: Uint8Array, s: number, e: number, offset: number): void {
    if (e > s && buf[e - 1] === 13) e--
    if (e === s) {
      this.empty++
      return
    }
    if (e - s > this.maxLineBytes) {
      this.reject(buf, s, s + this.longLineHead, offset, 'line too long')
      return
    }
    const status = this.parse(buf, s, e)
    if (status !== OK) this.reject(buf, s, e, offset, REASONS[status] as MalformedReason)
  }

  private reject(buf: Uint8Array, s: number, e: number, offset: number, reason: MalformedReason): void {
    this.malformed++
    if (this.examples.length < this.maxExamples) {
      const text = escapeBytes(buf, s, e, this.exampleBytes)
      // a long line's example is its head (the same bytes whether or not the line was carried over)
      this.examples.push({ offset, reason, text: reason === 'line too long' && !text.endsWith('…') ? `${text}…` : text })
    }
  }

  /**
   * The common case with everything in one loop: lines of a combined-style format. IPv4 clients
   * are parsed inline and counted in the table inline (a known address costs one increment);
   * IPv6 clients take `parseAddress` but stay on this path. Anything unusual (an empty, short,
   * long or malformed line) goes to `lineBody`, which also names the reason. Returns the index
   * after the last newline in `chunk`.
   */
  private combinedLines(chunk: Uint8Array, start: number, chunkOffset: number): number {
    const maxLine = this.maxLineBytes
    const view = this.view
    const cache = this.timeCache
    const addr = this.addr
    // Hot counters and the table live in locals; they are written back before anything else can see them.
    let lines = this.lines
    let pv = this.pv
    let curMinute = this.curMinute
    let curCount = this.curMinuteCount
    let exact = this.exact
    let slots = this.v4.slots
    let shift = this.v4.shift
    let mask = (slots.length >>> 1) - 1
    for (;;) {
      const nl = chunk.indexOf(10, start)
      if (nl < 0) break
      lines++
      const s = start
      const e = chunk[nl - 1] === 13 ? nl - 1 : nl
      start = nl + 1
      let p = s
      let ip = 0
      let family = 4
      let ok = e - s <= maxLine && e - s >= 40
      // IPv4 address, inline (32-bit integer arithmetic; `d >>> 0 > 9` rejects non-digits in one compare)
      for (let part = 0; ok && part < 4; part++) {
        let d = (chunk[p] as number) - 48
        if (d >>> 0 > 9) {
          ok = false
          break
        }
        let octet = d
        p++
        if (d !== 0) {
          d = (chunk[p] as number) - 48
          if (d >>> 0 <= 9) {
            octet = octet * 10 + d
            p++
            d = (chunk[p] as number) - 48
            if (d >>> 0 <= 9) {
              octet = octet * 10 + d
              p++
            }
          }
        }
        ip = (ip << 8) | octet
        if (octet > 255) {
          ok = false
          break
        }
        if (part < 3) {
          if (chunk[p] !== 46) {
            ok = false
            break
          }
          p++
        }
      }
      if (!ok && e - s <= maxLine && e - s >= 40) {
        // not a plain dotted quad: IPv6 (or IPv4-mapped IPv6), or nothing valid
        p = parseAddress(chunk, s, e, addr)
        ok = p >= 0
        family = addr[4] as number
        ip = addr[0] as number
      }
      // " - " then $remote_user up to " [", then the timestamp and "] \""
      let minute = NO_TIME
      if (ok && chunk[p] === 32 && chunk[p + 1] === 45 && chunk[p + 2] === 32) {
        p += 3
        if (chunk[p] === 45 && chunk[p + 1] === 32 && chunk[p + 2] === 91) {
          p += 3
        } else {
          while (p < e - 1 && !(chunk[p] === 32 && chunk[p + 1] === 91)) p++
          p += 2
        }
        if (p + TIME_LOCAL_LENGTH + 3 <= e) {
          minute = cache.parseView(view, chunk, p)
          p += TIME_LOCAL_LENGTH
          if (chunk[p] !== 93 || chunk[p + 1] !== 32 || chunk[p + 2] !== 34) minute = NO_TIME
        }
      }
      if (minute === NO_TIME) {
        // anything unusual: the general path decides (and names the reason)
        this.lines = lines
        this.pv = pv
        this.curMinute = curMinute
        this.curMinuteCount = curCount
        this.lineBody(chunk, s, nl, chunkOffset + s)
        pv = this.pv
        curMinute = this.curMinute
        curCount = this.curMinuteCount
        exact = this.exact
        slots = this.v4.slots
        shift = this.v4.shift
        mask = (slots.length >>> 1) - 1
        continue
      }
      if (family === 4) {
        // the table lookup inline: a known address is one increment, anything else goes to count4
        let i = Math.imul(ip, 0x9e3779b1) >>> shift
        let c = slots[2 * i + 1] as number
        while (c !== 0 && slots[2 * i] !== ip) {
          i = (i + 1) & mask
          c = slots[2 * i + 1] as number
        }
        if (c !== 0 && exact) {
          slots[2 * i + 1] = c + 1
        } else {
          this.count4(ip)
          exact = this.exact
          slots = this.v4.slots
          shift = this.v4.shift
          mask = (slots.length >>> 1) - 1
        }
      } else {
        this.count6(addr[0] as number, addr[1] as number, addr[2] as number, addr[3] as number)
        exact = this.exact
        slots = this.v4.slots
        shift = this.v4.shift
        mask = (slots.length >>> 1) - 1
      }
      pv++
      if (minute === curMinute) {
        curCount++
      } else {
        if (curCount > 0 && !this.minutes.add(curMinute, curCount)) this.minuteOutOfRange += curCount
        curMinute = minute
        curCount = 1
      }
    }
    this.lines = lines
    this.pv = pv
    this.curMinute = curMinute
    this.curMinuteCount = curCount
    return start
  }

  /**
   * `combinedLines` through the WebAssembly scanner: the chunk is copied into the scanner's memory
   * one window at a time (a window ends at its last newline; the rest is copied again with the next
   * one). Returns the index after the last newline in `chunk`.
   */
  private scannedLines(scanner: LineScanner, chunk: Uint8Array, start: number, chunkOffset: number): number {
    const memory = scanner.memory
    const input = scanner.inputStart
    const n = chunk.length
    if (scanner.holds(chunk)) {
      const at = chunk.byteOffset
      return this.scanWindow(scanner, at + start, at + n, chunkOffset - at) - at
    }
    let pos = start
    while (pos < n) {
      const length = Math.min(scanner.windowBytes, n - pos)
      memory.set(chunk.subarray(pos, pos + length), input)
      const done = this.scanWindow(scanner, input, input + length, chunkOffset + pos - input) - input
      pos += done
      if (pos + (length - done) >= n) break // the rest of the chunk is an unfinished line: carried over
      if (done === 0) return this.combinedLines(chunk, pos, chunkOffset) // a line longer than the window
    }
    return pos
  }

  /** Reads the lines in the scanner's memory [from, end); returns the index after the last newline. */
  private scanWindow(scanner: LineScanner, from: number, end: number, offsetBase: number): number {
    const memory = scanner.memory
    const maxLine = this.maxLineBytes
    let p = from
    for (;;) {
      const count = scanner.scan(p, end, maxLine)
      const accepted = scanner.lines
      if (accepted > 0) this.countClients(scanner.clients, count, accepted, scanner.minute)
      const status = scanner.status
      p = scanner.stopAt
      if (status === SCAN_END) return p
      if (status === SCAN_SPECIAL) {
        const nl = scanner.lineEnd
        this.lines++
        this.lineBody(memory, p, nl, offsetBase + p)
        p = nl + 1
      } else if (status === SCAN_TIME) {
        const at = scanner.timeAt
        const minute = parseTimeLocal(memory, at)
        if (minute !== NO_TIME) {
          scanner.setKey(at, minute)
        } else {
          const nl = memory.indexOf(10, at)
          if (nl < 0 || nl >= end) return p
          this.lines++
          this.lineBody(memory, p, nl, offsetBase + p)
          p = nl + 1
        }
      }
    }
  }

  /**
   * `lines` lines at `minute` from the scanner, of which it counted all but the `count` clients it
   * wrote out (the same counting as `combinedLines`).
   */
  private countClients(clients: Int32Array, count: number, lines: number, minute: number): void {
    // Few clients come back while the table is in the scanner's memory (only new ones), so no
    // inline lookup here: on a log with 5 million clients, where all come back, measured no slower.
    for (let k = 0; k < count; k++) this.count4(clients[k] as number)
    this.lines += lines
    this.pv += lines
    if (minute === this.curMinute) {
      this.curMinuteCount += lines
    } else {
      this.flushMinute()
      this.curMinute = minute
      this.curMinuteCount = lines
    }
  }

  /** Reads the fields of one line (without its newline) and counts it; returns OK or a reason. */
  private parse(buf: Uint8Array, s: number, e: number): number {
    let p = s
    const prefix = this.prefix
    for (let i = 0; i < prefix.length; i++) {
      if (p >= e || buf[p] !== prefix[i]) return MISMATCH
      p++
    }
    const addr = this.addr
    let family = 0
    let xffFamily = 0
    let minute = NO_TIME
    const kinds = this.kinds
    for (let step = 0; step < this.steps; step++) {
      const kind = kinds[step] as number
      const literal = this.literals[step] as Uint8Array
      const toEnd = this.toLineEnd[step] === 1
      if (kind === FIELD_ADDRESS) {
        const q = parseAddress(buf, p, e, addr)
        if (q < 0) return BAD_ADDRESS
        family = addr[4] as number
        p = q
        if (toEnd ? p !== e : !literalAt(buf, p, e, literal)) return BAD_ADDRESS
        p += literal.length
        continue
      }
      if (kind === FIELD_TIME_LOCAL) {
        if (p + TIME_LOCAL_LENGTH > e) return BAD_TIME
        minute = this.timeCache.parse(buf, p)
        if (minute === NO_TIME) return BAD_TIME
        p += TIME_LOCAL_LENGTH
      } else if (kind === FIELD_SKIP || kind === FIELD_XFF) {
        const fieldEnd = toEnd ? e : findLiteral(buf, p, e, literal)
        if (fieldEnd < 0) return MISMATCH
        if (kind === FIELD_XFF) {
          xffFamily = this.parseXff(buf, p, fieldEnd)
          if (xffFamily < 0) return BAD_ADDRESS
        }
        p = fieldEnd + (toEnd ? 0 : literal.length)
        continue
      } else if (kind === FIELD_TIME_ISO) {
        if (p + 25 > e) return BAD_TIME
        minute = parseTimeIso(buf, p)
        if (minute === NO_TIME) return BAD_TIME
        p += 25
      } else if (kind === FIELD_MSEC) {
        const q = parseMsec(buf, p, e, this.msec)
        if (q < 0) return BAD_TIME
        minute = this.msec[0] as number
        p = q
      }
      if (toEnd ? p !== e : !literalAt(buf, p, e, literal)) return MISMATCH
      p += literal.length
    }
    if (this.useXff && xffFamily > 0) {
      const x = this.xff
      if (xffFamily === 4) this.queue4(x[0] as number)
      else this.count6(x[0] as number, x[1] as number, x[2] as number, x[3] as number)
    } else if (family === 4) {
      this.queue4(addr[0] as number)
    } else if (family === 6) {
      this.count6(addr[0] as number, addr[1] as number, addr[2] as number, addr[3] as number)
    } else {
      return BAD_ADDRESS // X-Forwarded-For is "-" and the format has no $remote_addr
    }
    this.pv++
    if (this.hasTime) {
      if (minute === this.curMinute) {
        this.curMinuteCount++
      } else {
        this.flushMinute()
        this.curMinute = minute
        this.curMinuteCount = 1
      }
    }
    return OK
  }

  /** First address of an X-Forwarded-For value: 4 or 6, 0 when the header was absent (`-`), -1 when invalid. */
  private parseXff(buf: Uint8Array, start: number, end: number): number {
    let p = start
    while (p < end && buf[p] === 32) p++
    if (end - p === 1 && buf[p] === 45) return 0
    const q = parseAddress(buf, p, end, this.xff)
    if (q < 0) return -1
    if (q < end && buf[q] !== 44 && buf[q] !== 32) return -1
    return this.xff[4] as number
  }

  private flushMinute(): void {
    if (this.curMinuteCount === 0) return
    if (!this.minutes.add(this.curMinute, this.curMinuteCount)) this.minuteOutOfRange += this.curMinuteCount
    this.curMinuteCount = 0
  }

  private queue4(ip: number): void {
    this.pending4[this.pendingCount++] = ip
    if (this.pendingCount === PENDING) this.flush4()
  }

  private flush4(): void {
    const pending = this.pending4
    const n = this.pendingCount
    this.pendingCount = 0
    let j = 0
    while (j < n && this.exact) {
      // The common case inline (a known address: one increment); anything else goes through count4.
      const table = this.v4
      const slots = table.slots
      const shift = table.shift
      const mask = (slots.length >>> 1) - 1
      for (; j < n; j++) {
        const key = pending[j] as number
        let i = Math.imul(key, 0x9e3779b1) >>> shift
        let c = slots[2 * i + 1] as number
        while (c !== 0 && slots[2 * i] !== key) {
          i = (i + 1) & mask
          c = slots[2 * i + 1] as number
        }
        if (c === 0) {
          this.count4(key)
          j++
          break
        }
        slots[2 * i + 1] = c + 1
      }
    }
    for (; j < n; j++) this.count4(pending[j] as number)
  }

  private count4(ip: number): void {
    if (this.exact) {
      const r = this.v4.add(ip, 1)
      if (r === 1) {
        this.hll.add4(ip)
        return
      }
      if (r === 0) return
      if (this.mayGrow(this.v4.bytes)) {
        this.retired += this.v4.bytes
        this.v4.grow()
        this.scanner?.useTable(this.v4.slots)
        this.v4.add(ip, 1)
        this.hll.add4(ip)
        return
      }
      this.switchToSketches()
    }
    this.hll.add4(ip)
    ;(this.heavy as SpaceSaving).add(0, 0, 0xffff, ip, 1)
  }

  private count6(w0: number, w1: number, w2: number, w3: number): void {
    if (this.exact) {
      const r = this.v6.add(w0, w1, w2, w3, 1)
      if (r === 1) {
        this.hll.add6(w0, w1, w2, w3)
        return
      }
      if (r === 0) return
      if (this.mayGrow(this.v6.bytes)) {
        this.retired += this.v6.bytes
        this.v6.grow()
        this.v6.add(w0, w1, w2, w3, 1)
        this.hll.add6(w0, w1, w2, w3)
        return
      }
      this.switchToSketches()
    }
    this.hll.add6(w0, w1, w2, w3)
    ;(this.heavy as SpaceSaving).add(w0, w1, w2, w3, 1)
  }

  /**
   * Whether doubling a table of `bytes` keeps everything within budget: the old and new arrays at
   * once, and room left for the sketches if this turns out to be the last growth that fits.
   */
  private mayGrow(bytes: number): boolean {
    return this.memoryBytes + 2 * bytes + SpaceSaving.bytesFor(this.heavyK) <= this.maxMemory
  }

  /** Exact counting no longer fits: seed the heavy hitters with the exact counts, drop the tables. */
  private switchToSketches(): void {
    const heavy = new SpaceSaving(this.heavyK)
    let total = 0
    forEachIpv4(this.v4.slots, (ip, count) => {
      heavy.offer(0, 0, 0xffff, ip, count, 0)
      total += count
    })
    forEachIpv6(this.v6.slots, (w0, w1, w2, w3, count) => {
      heavy.offer(w0, w1, w2, w3, count, 0)
      total += count
    })
    heavy.total = total
    this.heavy = heavy
    this.retired += this.v4.bytes + this.v6.bytes
    this.v4 = new Ipv4Table(16)
    this.v6 = new Ipv6Table(16)
    this.scanner?.useTable(this.v4.slots)
    this.exact = false
  }
}

function isCombinedShape(format: CompiledLogFormat): boolean {
  const text = (bytes: Uint8Array | undefined): string => (bytes ? String.fromCharCode(...bytes) : '')
  return !format.usesXff && format.prefix.length === 0 && format.kinds.length === 3 &&
    format.kinds[0] === FIELD_ADDRESS && format.kinds[1] === FIELD_SKIP && format.kinds[2] === FIELD_TIME_LOCAL &&
    text(format.literals[0]) === ' - ' && text(format.literals[1]) === ' [' && text(format.literals[2]) === '] "' &&
    format.toLineEnd[2] === 0
}

/** Aggregates a sequence of chunks in one go (convenience for tests and small inputs). */
export function aggregateChunks(chunks: Iterable<Uint8Array>, options: AggregatorOptions = {}): LogPartial {
  const aggregator = new LogAggregator(options)
  for (const chunk of chunks) aggregator.push(chunk)
  aggregator.end()
  return aggregator.result()
}
