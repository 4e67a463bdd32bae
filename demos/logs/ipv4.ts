/**
 * IPv4 text ⇄ 32-bit number, straight from bytes (no strings). Strict dotted-quad syntax as nginx
 * writes it: four decimal parts 0–255, no leading zeros (`010.1.1.1` is rejected, as Python's
 * `ipaddress` does, because some parsers read it as octal).
 */

/**
 * Parses an IPv4 address starting at `start` (stopping at `end` or the first byte that cannot
 * continue it). On success stores the address in `out[0]` and returns the index after it; returns
 * -1 when the bytes there are not an address. The caller checks what follows.
 */
export function parseIpv4(buf: Uint8Array, start: number, end: number, out: Uint32Array): number {
  let p = start
  let value = 0
  for (let part = 0; part < 4; part++) {
    if (part > 0) {
      if (p >= end || buf[p] !== 46) return -1
      p++
    }
    if (p >= end) return -1
    let digit = (buf[p] as number) - 48
    if (digit < 0 || digit > 9) return -1
    let octet = digit
    p++
    if (octet !== 0 && p < end) {
      digit = (buf[p] as number) - 48
      if (digit >= 0 && digit <= 9) {
        octet = octet * 10 + digit
        p++
        if (p < end) {
          digit = (buf[p] as number) - 48
          if (digit >= 0 && digit <= 9) {
            octet = octet * 10 + digit
            p++
            if (octet > 255) return -1
          }
        }
      }
    }
    value = value * 256 + octet
  }
  if (p < end) {
    const next = buf[p] as number
    if (next >= 48 && next <= 57) return -1 // a fourth digit, or a leading zero such as "1.2.3.04"
  }
  out[0] = value
  return p
}

/** `0x0a000001` → `10.0.0.1`. */
export function formatIpv4(ip: number): string {
  return `${String(ip >>> 24)}.${String((ip >>> 16) & 255)}.${String((ip >>> 8) & 255)}.${String(ip & 255)}`
}

/** Test and convenience helper: parses a whole string, or returns null. */
export function ipv4FromString(text: string): number | null {
  const bytes = asciiBytes(text)
  const out = new Uint32Array(1)
  return parseIpv4(bytes, 0, bytes.length, out) === bytes.length ? (out[0] as number) : null
}

/** Latin-1 bytes of a string (addresses are ASCII); characters above 255 become 0xff. */
export function asciiBytes(text: string): Uint8Array {
  const bytes = new Uint8Array(text.length)
  for (let i = 0; i < text.length; i++) bytes[i] = Math.min(text.charCodeAt(i), 255)
  return bytes
}
