// AssemblyScript: the hot loop of the stream engine (demos/logs/aggregator.ts) for lines that start
// like nginx's `combined` format. Compiled to demos/logs/lines-wasm.ts by `npm run build:wasm`.
//
// The caller (demos/logs/line-scanner.ts) copies bytes into this module's memory and calls `scan`.
// For each line that starts `a.b.c.d - user [dd/Mon/yyyy:hh:mm:ss ±hhmm] "` with the timestamp's
// minute equal to the cached key, `scan` writes the IPv4 address to the output and goes on. It
// stops at anything else and says why in its state's `status`:
//   0  no complete line left (the bytes from `stopAt` are the start of an unfinished line)
//   1  the output is full
//   2  a line the JavaScript engine must read: [stopAt, lineEnd) (IPv6, malformed, too long, …)
//   3  the line at `stopAt` has a timestamp (at `timeAt`) other than the cached key: the caller
//      parses it, stores it with `setKey`, and scans again from `stopAt`
// So every line of one `scan` has the same minute, and the caller adds them in one step.
//
// With a table set (`setTable`), a client already in the caller's IPv4 table (open addressing,
// [key, count] u32 pairs, Fibonacci hashing, linear probing: demos/logs/ipv4-table.ts) is counted
// here; only clients not found are written to the output for the caller to insert. The state's
// fifth u32 is the number of lines the scan accepted, counted here or written out.

let keyPtr: usize = 0
let outPtr: usize = 0
let statePtr: usize = 0
let hasKey: bool = false
let tablePtr: usize = 0
let tableShift: u32 = 32
let tableMask: u32 = 0

/**
 * Where the 26 key bytes, the output (u32 per line) and the stop state live. The state is four
 * u32 in memory (the caller reads them through a typed array, cheaper than exported globals):
 * status, stopAt, lineEnd, timeAt.
 */
export function setup(key: usize, out: usize, state: usize): void {
  keyPtr = key
  outPtr = out
  statePtr = state
  hasKey = false
}

// @ts-ignore: decorator
@inline function stop(status: i32, stopAt: usize, lineEnd: usize, timeAt: usize, lines: i32): void {
  store<u32>(statePtr, lines, 16)
  store<u32>(statePtr, status)
  store<u32>(statePtr, stopAt, 4)
  store<u32>(statePtr, lineEnd, 8)
  store<u32>(statePtr, timeAt, 12)
}

/** The caller's IPv4 table: `capacity` = 2^`bits` slots at `ptr` (0: no table, write every client out). */
export function setTable(ptr: usize, bits: u32): void {
  tablePtr = ptr
  tableShift = 32 - bits
  tableMask = (<u32>1 << bits) - 1
}

/** The caller has written a valid `$time_local` value to the key bytes. */
export function setKey(): void {
  hasKey = true
}

/** Index of the first newline in [p, end), or -1: 32 bytes per step with SIMD compares. */
// @ts-ignore: decorator
@inline function findNewline(p: usize, end: usize): usize {
  const nl = i8x16.splat(10)
  while (p + 32 <= end) {
    const a = i8x16.eq(v128.load(p), nl)
    const b = i8x16.eq(v128.load(p, 16), nl)
    if (v128.any_true(v128.or(a, b))) {
      const m = i8x16.bitmask(a) | (i8x16.bitmask(b) << 16)
      return p + <usize>ctz(m)
    }
    p += 32
  }
  while (p < end) {
    if (load<u8>(p) == 10) return p
    p++
  }
  return <usize>-1
}

/**
 * Reads lines from [p, end) until one of the stops above, writing at most `cap` addresses. Loads
 * may look up to 32 bytes past `end` (the caller keeps that much padding); nothing past `end` is
 * ever accepted.
 */
export function scan(p: usize, end: usize, cap: i32, maxLine: i32): i32 {
  let n: i32 = 0
  let lines: i32 = 0
  const out = outPtr
  const table = tablePtr
  const shift = tableShift
  const mask = tableMask
  const key = keyPtr
  const k0 = load<u64>(key)
  const k8 = load<u64>(key, 8)
  const k16 = load<u8>(key, 16)
  const k20 = load<u32>(key, 20)
  const k24 = load<u16>(key, 24)
  while (n < cap) {
    if (p >= end) {
      stop(0, p, 0, 0, lines)
      return n
    }
    // a.b.c.d: one to three digits each, no leading zero, at most 255
    let q = p
    let ip: u32 = 0
    let ok = true
    for (let part = 0; part < 4; part++) {
      let d = <u32>load<u8>(q) - 48
      if (d > 9) {
        ok = false
        break
      }
      let octet = d
      q++
      if (d != 0) {
        d = <u32>load<u8>(q) - 48
        if (d <= 9) {
          octet = octet * 10 + d
          q++
          d = <u32>load<u8>(q) - 48
          if (d <= 9) {
            octet = octet * 10 + d
            q++
          }
        }
      }
      if (octet > 255) {
        ok = false
        break
      }
      ip = (ip << 8) | octet
      if (part < 3) {
        if (load<u8>(q) != 46) {
          ok = false
          break
        }
        q++
      }
    }
    // " - ", then "- [" or a user name up to " ["
    if (ok) {
      if ((load<u32>(q) & 0xffffff) != 0x202d20) {
        ok = false
      } else {
        q += 3
        if ((load<u32>(q) & 0xffffff) == 0x5b202d) {
          q += 3
        } else {
          for (;;) {
            if (q >= end || load<u8>(q) == 10) {
              ok = false
              break
            }
            if (load<u8>(q) == 32 && load<u8>(q, 1) == 91) {
              q += 2
              break
            }
            q++
          }
        }
      }
    }
    // the timestamp: `dd/Mon/yyyy:hh:mm` and ` ±hhmm` equal to the key, valid seconds, then `] "`
    if (ok && q + 29 > end) ok = false
    if (ok) {
      if (!hasKey || load<u64>(q) != k0 || load<u64>(q, 8) != k8 || load<u8>(q, 16) != k16 ||
        load<u32>(q, 20) != k20 || load<u16>(q, 24) != k24) {
        stop(3, p, 0, q, lines)
        return n
      }
      const s1 = <u32>load<u8>(q, 18) - 48
      const s2 = <u32>load<u8>(q, 19) - 48
      if (load<u8>(q, 17) != 58 || s1 > 6 || s2 > 9 || s1 * 10 + s2 > 60) ok = false
      else if ((load<u32>(q, 26) & 0xffffff) != 0x22205d) ok = false
      else q += 29
    }
    // the rest of the line is not read: only its newline is needed
    const nl = findNewline(ok ? q : p, end)
    if (nl == <usize>-1) {
      stop(0, p, 0, 0, lines)
      return n
    }
    let e = nl
    if (e > p && load<u8>(e - 1) == 13) e--
    if (!ok || <i32>(e - p) > maxLine) {
      stop(2, p, nl, 0, lines)
      return n
    }
    lines++
    p = nl + 1
    if (table != 0) {
      let i = (ip * 0x9e3779b1) >> shift
      let found = false
      for (;;) {
        const slot = table + (<usize>i << 3)
        const c = load<u32>(slot, 4)
        if (c == 0) break
        if (load<u32>(slot) == ip) {
          store<u32>(slot, c + 1, 4)
          found = true
          break
        }
        i = (i + 1) & mask
      }
      if (found) continue
    }
    store<u32>(out + (<usize>n << 2), ip)
    n++
  }
  stop(1, p, 0, 0, lines)
  return n
}
