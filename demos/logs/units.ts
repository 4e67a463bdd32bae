/** Sizes and numbers for people: `64MB` ⇄ 67 108 864. All size units are powers of 1024. */

const UNITS: Record<string, number> = {
  '': 1, b: 1,
  k: 1024, kb: 1024, kib: 1024,
  m: 1024 ** 2, mb: 1024 ** 2, mib: 1024 ** 2,
  g: 1024 ** 3, gb: 1024 ** 3, gib: 1024 ** 3,
  t: 1024 ** 4, tb: 1024 ** 4, tib: 1024 ** 4,
}

/** Parses `1GB`, `64 MiB`, `512k`, `1.5G` or a plain byte count; throws on anything else. */
export function parseSize(text: string): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(text)
  const unit = match ? UNITS[(match[2] ?? '').toLowerCase()] : undefined
  if (!match || unit === undefined) throw new Error(`not a size: "${text}" (try 64MB, 1GiB, 500k)`)
  return Math.round(Number(match[1]) * unit)
}

/** `1536` → `1.50 KiB`. */
export function formatBytes(bytes: number): string {
  const names = ['B', 'KiB', 'MiB', 'GiB', 'TiB']
  let value = bytes
  let i = 0
  while (Math.abs(value) >= 1024 && i < names.length - 1) {
    value /= 1024
    i++
  }
  return i === 0 ? `${String(bytes)} B` : `${value.toFixed(2)} ${names[i] ?? ''}`
}

/** `1234567` → `1,234,567`. */
export function formatCount(n: number): string {
  return Math.round(n).toLocaleString('en-US')
}
