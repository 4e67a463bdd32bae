import { formatIpv4, parseIpv4 } from './ipv4'
import { formatIpv6, isHexDigit, parseIpv6 } from './ipv6'

/**
 * One client address from bytes: IPv4 first (the common case, parsed inline), else IPv6.
 * IPv4-mapped IPv6 (`::ffff:1.2.3.4`, any spelling) is normalised to the IPv4 address, so a
 * dual-stack server's two spellings of one client count once.
 */

/** `out[ADDRESS_FAMILY]` after a successful `parseAddress`: 4 or 6. */
export const ADDRESS_FAMILY = 4

/** Scratch space for `parseAddress`: words 0..3 and the family. */
export function addressScratch(): Uint32Array {
  return new Uint32Array(5)
}

/**
 * Parses an address at `start`. Returns the index after it, or -1. On success `out[4]` is the
 * family: 4 with the address in `out[0]`, or 6 with the words in `out[0..3]`.
 */
export function parseAddress(buf: Uint8Array, start: number, end: number, out: Uint32Array): number {
  const q = parseIpv4(buf, start, end, out)
  if (q >= 0) {
    const next = q < end ? (buf[q] as number) : 32
    if (next !== 58 && next !== 46 && !isHexDigit(next)) {
      out[4] = 4
      return q
    }
  }
  const r = parseIpv6(buf, start, end, out)
  if (r < 0) return -1
  if (out[0] === 0 && out[1] === 0 && out[2] === 0xffff) {
    out[0] = out[3] as number
    out[4] = 4
  } else {
    out[4] = 6
  }
  return r
}

/** Canonical text of a parsed address (`out` as left by `parseAddress`). */
export function formatAddress(out: Uint32Array): string {
  return out[4] === 4
    ? formatIpv4(out[0] as number)
    : formatIpv6(out[0] as number, out[1] as number, out[2] as number, out[3] as number)
}

/** Canonical text of an address given as a string, or null when it is not one (tests, tools). */
export function canonicalAddress(text: string): string | null {
  const bytes = new Uint8Array(text.length)
  for (let i = 0; i < text.length; i++) bytes[i] = Math.min(text.charCodeAt(i), 255)
  const out = addressScratch()
  return parseAddress(bytes, 0, bytes.length, out) === bytes.length ? formatAddress(out) : null
}
