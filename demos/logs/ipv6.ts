import { parseIpv4 } from './ipv4'

/**
 * IPv6 text → four 32-bit words (network order), straight from bytes, and back to the canonical
 * RFC 5952 text. Accepts every RFC 4291 spelling: leading zeros, upper case, `::` once for one or
 * more zero groups, and a trailing dotted IPv4 part (`::ffff:1.2.3.4`). Zone ids (`fe80::1%eth0`)
 * and brackets are not part of the address: the caller sees the unexpected byte that follows.
 */

/** Hex digit value per byte, -1 for anything else. */
const HEX = new Int8Array(256).fill(-1)
for (let c = 0; c < 10; c++) HEX[48 + c] = c
for (let c = 0; c < 6; c++) {
  HEX[65 + c] = 10 + c
  HEX[97 + c] = 10 + c
}

const groups = new Uint16Array(8)
const v4 = new Uint32Array(1)

/** Whether `byte` is a hex digit. */
export function isHexDigit(byte: number): boolean {
  return (HEX[byte] as number) >= 0
}

/**
 * Parses an IPv6 address at `start`. On success writes the words to `out[0..3]` and returns the
 * index after the address; returns -1 when the bytes there are not one.
 */
export function parseIpv6(buf: Uint8Array, start: number, end: number, out: Uint32Array): number {
  let p = start
  let n = 0
  let gap = -1
  if (p + 1 < end && buf[p] === 58 && buf[p + 1] === 58) {
    gap = 0
    p += 2
  } else if (p >= end || buf[p] === 58) {
    return -1
  }
  if (gap !== 0 || (p < end && (HEX[buf[p] as number] as number) >= 0)) {
    for (;;) {
      const groupStart = p
      let value = 0
      let digits = 0
      while (p < end && digits < 5) {
        const h = HEX[buf[p] as number] as number
        if (h < 0) break
        value = value * 16 + h
        digits++
        p++
      }
      if (digits === 0) return -1
      if (p < end && buf[p] === 46) {
        // a dotted IPv4 tail: re-read the digits as decimal
        if (n > 6) return -1
        const q = parseIpv4(buf, groupStart, end, v4)
        if (q < 0) return -1
        const ip = v4[0] as number
        groups[n++] = ip >>> 16
        groups[n++] = ip & 0xffff
        p = q
        break
      }
      if (digits > 4) return -1
      groups[n++] = value
      if (n === 8 || p >= end || buf[p] !== 58) break
      if (p + 1 < end && buf[p + 1] === 58) {
        if (gap >= 0) return -1
        gap = n
        p += 2
        if (p >= end || (HEX[buf[p] as number] as number) < 0) break
      } else {
        p++
        if (p >= end || (HEX[buf[p] as number] as number) < 0) return -1
      }
    }
  }
  if (gap < 0) {
    if (n !== 8) return -1
  } else {
    if (n > 7) return -1
    const tail = n - gap
    for (let i = 0; i < tail; i++) groups[7 - i] = groups[n - 1 - i] as number
    for (let i = gap; i < 8 - tail; i++) groups[i] = 0
  }
  out[0] = (((groups[0] as number) << 16) | (groups[1] as number)) >>> 0
  out[1] = (((groups[2] as number) << 16) | (groups[3] as number)) >>> 0
  out[2] = (((groups[4] as number) << 16) | (groups[5] as number)) >>> 0
  out[3] = (((groups[6] as number) << 16) | (groups[7] as number)) >>> 0
  return p
}

/** Canonical text (RFC 5952): lower case, no leading zeros, the longest run of two or more zero groups as `::`. */
export function formatIpv6(w0: number, w1: number, w2: number, w3: number): string {
  const g = [w0 >>> 16, w0 & 0xffff, w1 >>> 16, w1 & 0xffff, w2 >>> 16, w2 & 0xffff, w3 >>> 16, w3 & 0xffff]
  let bestStart = -1
  let bestLength = 1
  for (let i = 0; i < 8; ) {
    if (g[i] !== 0) {
      i++
      continue
    }
    let j = i
    while (j < 8 && g[j] === 0) j++
    if (j - i > bestLength) {
      bestStart = i
      bestLength = j - i
    }
    i = j
  }
  const hex = (from: number, to: number): string => g.slice(from, to).map((x) => x.toString(16)).join(':')
  if (bestStart < 0) return hex(0, 8)
  return `${hex(0, bestStart)}::${hex(bestStart + bestLength, 8)}`
}
