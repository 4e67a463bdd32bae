import { LINES_WASM_HEX } from './lines-wasm'

/**
 * The WebAssembly hot loop of the stream engine (source: assembly/lines.ts). It reads lines that
 * start like nginx's `combined` format 32 bytes at a time (SIMD), counts a run of lines that share
 * one minute, and hands back the IPv4 clients of that run it could not count itself (see below);
 * the aggregator counts those, and reads every other line itself. Memory layout of the module (one
 * instance per aggregator):
 *
 *     [KEY, KEY+26)        the cached `$time_local` value
 *     [STATE, STATE+20)    why and where the last scan stopped, and the lines it accepted
 *     [OUT, OUT+4·CAP)     the clients of the last scan that are not in the table
 *     [INPUT, INPUT+W)     the window the caller copies bytes into, then PADDING bytes
 *     [TABLE, TABLE+T)     room for the aggregator's IPv4 table while it is at most T bytes
 *     then `readBuffers`   buffers a reader may fill directly (no copy), each followed by PADDING
 *
 * While the IPv4 table lives in the module's memory (see `tableSlots`), the scanner counts the
 * clients it finds there itself, and hands back only the ones not found.
 */

const KEY = 16
/** Five u32 the scanner leaves on stopping: status, stopAt, lineEnd, timeAt, lines accepted. */
const STATE = 48
const OUT = 128
/** Clients per scan. */
export const SCAN_CAPACITY = 4096
const INPUT = OUT + SCAN_CAPACITY * 4
/** Bytes copied into the module per window (fits a core's L2 cache next to the table). */
export const WINDOW_BYTES = 256 * 1024
/** The scanner's loads may look this far past the end of the window. */
const PADDING = 64
const TABLE = align(INPUT + WINDOW_BYTES + PADDING, 64)
/**
 * Room for the IPv4 table: 2^18 slots of 8 bytes, enough for 212 992 clients at the table's load
 * limit. A larger table moves to an ordinary array, and the scanner hands back every client again.
 */
export const TABLE_BYTES = 2 * 1024 * 1024
const DIRECT = TABLE + TABLE_BYTES

/** Why a scan stopped (see assembly/lines.ts). */
export const SCAN_END = 0
export const SCAN_FULL = 1
export const SCAN_SPECIAL = 2
export const SCAN_TIME = 3

interface LinesExports {
  readonly memory: WebAssembly.Memory
  setup(key: number, out: number, state: number): void
  setKey(): void
  scan(from: number, end: number, cap: number, maxLine: number): number
  setTable(ptr: number, bits: number): void
}

let compiled: WebAssembly.Module | null | undefined

/** The compiled module, or null where WebAssembly (or its SIMD) is not available. Memoised. */
function linesModule(): WebAssembly.Module | null {
  if (compiled !== undefined) return compiled
  compiled = null
  try {
    if (typeof WebAssembly === 'object') {
      const bytes = new Uint8Array(LINES_WASM_HEX.length / 2)
      for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(LINES_WASM_HEX.slice(2 * i, 2 * i + 2), 16)
      if (WebAssembly.validate(bytes)) compiled = new WebAssembly.Module(bytes)
    }
  } catch {
    compiled = null
  }
  return compiled
}

/** Whether this runtime can use the WebAssembly scanner. */
export function lineScannerAvailable(): boolean {
  return linesModule() !== null
}

export class LineScanner {
  /** The module's whole memory (valid for the scanner's life: it never grows after creation). */
  readonly memory: Uint8Array
  /** Clients written by the last `scan`. */
  readonly clients: Int32Array
  private readonly state: Uint32Array
  readonly inputStart = INPUT
  readonly windowBytes = WINDOW_BYTES
  /** The minute of the cached key (every line of a scan has it). */
  minute = 0
  private readonly x: LinesExports

  /**
   * Buffers inside the module's memory: bytes read into one of them and pushed as a chunk (or a
   * subarray of it) are scanned where they are, without the copy into the window.
   */
  readonly readBuffers: readonly Uint8Array[]

  private constructor(module: WebAssembly.Module, readBuffers: number, readBufferBytes: number) {
    this.x = new WebAssembly.Instance(module, { env: { abort: abortFromWasm } }).exports as unknown as LinesExports
    const stride = align(readBufferBytes + PADDING, 64)
    const pages = Math.ceil((DIRECT + readBuffers * stride) / 65536)
    const memory = this.x.memory
    const have = memory.buffer.byteLength / 65536
    if (have < pages) memory.grow(pages - have)
    this.memory = new Uint8Array(memory.buffer)
    this.clients = new Int32Array(memory.buffer, OUT, SCAN_CAPACITY)
    this.state = new Uint32Array(memory.buffer, STATE, 5)
    const buffers: Uint8Array[] = []
    for (let i = 0; i < readBuffers; i++) buffers.push(new Uint8Array(memory.buffer, DIRECT + i * stride, readBufferBytes))
    this.readBuffers = buffers
    this.x.setup(KEY, OUT, STATE)
  }

  /**
   * A new scanner (with `readBuffers` buffers of `readBufferBytes` for direct reads), or null where
   * WebAssembly with SIMD is not available.
   */
  static create(readBuffers = 0, readBufferBytes = 0): LineScanner | null {
    const module = linesModule()
    return module ? new LineScanner(module, readBuffers, readBufferBytes) : null
  }

  /** Bytes of the module's memory. */
  get bytes(): number {
    return this.memory.byteLength
  }

  /**
   * Bytes of the module's memory other than the read buffers (those are the reader's) and the
   * table's room (the table counts its own bytes; pages it has not used yet are never touched).
   */
  get ownBytes(): number {
    let direct = 0
    for (const buffer of this.readBuffers) direct += buffer.byteLength
    return this.memory.byteLength - direct - TABLE_BYTES
  }

  /** Whether `chunk` lies in this scanner's memory (a read buffer), to be scanned in place. */
  holds(chunk: Uint8Array): boolean {
    return chunk.buffer === this.memory.buffer && chunk.byteOffset >= DIRECT
  }

  /**
   * Slots for an IPv4 table of `capacity` in the module's memory (not cleared), or null when they
   * do not fit its room (see `Ipv4Table`'s storage).
   */
  tableSlots(capacity: number): Int32Array | null {
    return capacity * 8 <= TABLE_BYTES ? new Int32Array(this.memory.buffer, TABLE, capacity * 2) : null
  }

  /** Whether `slots` are a view of the module's memory. */
  holdsTable(slots: Int32Array): boolean {
    return slots.buffer === this.memory.buffer
  }

  /** Tells the scanner where the aggregator's IPv4 table is: counted in place if in the module's memory. */
  useTable(slots: Int32Array): void {
    if (this.holdsTable(slots)) this.x.setTable(slots.byteOffset, Math.log2(slots.length >>> 1))
    else this.x.setTable(0, 0)
  }

  /** Reads lines in memory [from, end) (see assembly/lines.ts); returns the clients written. */
  scan(from: number, end: number, maxLine: number): number {
    return this.x.scan(from, end, SCAN_CAPACITY, maxLine)
  }

  get status(): number {
    return this.state[0] as number
  }

  get stopAt(): number {
    return this.state[1] as number
  }

  get lineEnd(): number {
    return this.state[2] as number
  }

  get timeAt(): number {
    return this.state[3] as number
  }

  /** Lines the last scan accepted: the clients it wrote out and those it counted in the table. */
  get lines(): number {
    return this.state[4] as number
  }

  /** Caches the (valid) `$time_local` value at `at` in memory, whose minute is `minute`. */
  setKey(at: number, minute: number): void {
    this.memory.copyWithin(KEY, at, at + 26)
    this.minute = minute
    this.x.setKey()
  }
}

function align(value: number, to: number): number {
  return Math.ceil(value / to) * to
}

function abortFromWasm(): never {
  throw new Error('line scanner aborted')
}
