/**
 * Timestamps of nginx log lines → minute buckets (minutes since 1970-01-01T00:00Z), from bytes.
 * `$time_local` (`10/Oct/2000:13:55:36 -0700`) is what `combined` logs; `$time_iso8601`
 * (`2000-10-10T13:55:36-07:00`) and `$msec` (`971211336.123`) are also understood.
 * Seconds are validated but do not matter for the bucket. Returns NO_TIME when the bytes are not a
 * valid timestamp (bad digits, month name, day of month, hour, minute or offset).
 */

export const NO_TIME = -(2 ** 50)

/** Length of a `$time_local` value. */
export const TIME_LOCAL_LENGTH = 26

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
const MONTH_BY_CODE = new Map<number, number>(MONTHS.map((name, i) => [(name.charCodeAt(0) << 16) | (name.charCodeAt(1) << 8) | name.charCodeAt(2), i + 1]))

/** Days from 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's days_from_civil). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year
  const era = Math.floor(y / 400)
  const yoe = y - era * 400
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy
  return era * 146097 + doe - 719468
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31
}

function digits(buf: Uint8Array, at: number, count: number): number {
  let value = 0
  for (let i = 0; i < count; i++) {
    const d = (buf[at + i] as number) - 48
    if (d < 0 || d > 9) return -1
    value = value * 10 + d
  }
  return value
}

function epochMinute(year: number, month: number, day: number, hour: number, minute: number, offsetMinutes: number): number {
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour > 23 || minute > 59) return NO_TIME
  return daysFromCivil(year, month, day) * 1440 + hour * 60 + minute - offsetMinutes
}

/**
 * Parses `dd/Mon/yyyy:hh:mm:ss ±hhmm` at `at` (26 bytes, caller checks the bounds) without the cache.
 */
export function parseTimeLocal(buf: Uint8Array, at: number): number {
  if (buf[at + 2] !== 47 || buf[at + 6] !== 47 || buf[at + 11] !== 58 || buf[at + 14] !== 58 || buf[at + 17] !== 58 || buf[at + 20] !== 32) return NO_TIME
  const month = MONTH_BY_CODE.get(((buf[at + 3] as number) << 16) | ((buf[at + 4] as number) << 8) | (buf[at + 5] as number))
  const day = digits(buf, at, 2)
  const year = digits(buf, at + 7, 4)
  const hour = digits(buf, at + 12, 2)
  const minute = digits(buf, at + 15, 2)
  const second = digits(buf, at + 18, 2)
  const sign = buf[at + 21]
  const zh = digits(buf, at + 22, 2)
  const zm = digits(buf, at + 24, 2)
  if (month === undefined || day < 0 || year < 0 || hour < 0 || minute < 0 || second < 0 || second > 60 || zh < 0 || zm < 0 || zm > 59 || zh > 23) return NO_TIME
  if (sign !== 43 && sign !== 45) return NO_TIME
  return epochMinute(year, month, day, hour, minute, (sign === 45 ? -1 : 1) * (zh * 60 + zm))
}

/**
 * `$time_local` with a one-entry cache: consecutive log lines almost always share the minute and
 * the offset, so a line costs one comparison of 23 bytes (`dd/Mon/yyyy:hh:mm` and ` ±hhmm`) plus
 * a check of the seconds.
 */
export class TimeLocalCache {
  private readonly key = new Uint8Array(TIME_LOCAL_LENGTH)
  private minute = NO_TIME

  /** Minute bucket of the `$time_local` value at `at` (26 bytes available), or NO_TIME. */
  parse(buf: Uint8Array, at: number): number {
    const key = this.key
    if (this.minute !== NO_TIME) {
      // one branch for 23 bytes: minute digits first in the expression, the rest folded in with OR
      const k = key
      const diff =
        ((buf[at + 16] as number) ^ (k[16] as number)) | ((buf[at + 15] as number) ^ (k[15] as number)) |
        ((buf[at + 13] as number) ^ (k[13] as number)) | ((buf[at + 12] as number) ^ (k[12] as number)) |
        ((buf[at + 0] as number) ^ (k[0] as number)) | ((buf[at + 1] as number) ^ (k[1] as number)) |
        ((buf[at + 2] as number) ^ (k[2] as number)) | ((buf[at + 3] as number) ^ (k[3] as number)) |
        ((buf[at + 4] as number) ^ (k[4] as number)) | ((buf[at + 5] as number) ^ (k[5] as number)) |
        ((buf[at + 6] as number) ^ (k[6] as number)) | ((buf[at + 7] as number) ^ (k[7] as number)) |
        ((buf[at + 8] as number) ^ (k[8] as number)) | ((buf[at + 9] as number) ^ (k[9] as number)) |
        ((buf[at + 10] as number) ^ (k[10] as number)) | ((buf[at + 11] as number) ^ (k[11] as number)) |
        ((buf[at + 14] as number) ^ (k[14] as number)) | ((buf[at + 20] as number) ^ (k[20] as number)) |
        ((buf[at + 21] as number) ^ (k[21] as number)) | ((buf[at + 22] as number) ^ (k[22] as number)) |
        ((buf[at + 23] as number) ^ (k[23] as number)) | ((buf[at + 24] as number) ^ (k[24] as number)) |
        ((buf[at + 25] as number) ^ (k[25] as number))
      if (diff === 0) {
        const s1 = (buf[at + 18] as number) - 48
        const s2 = (buf[at + 19] as number) - 48
        if (buf[at + 17] === 58 && s1 >= 0 && s1 <= 6 && s2 >= 0 && s2 <= 9 && s1 * 10 + s2 <= 60) return this.minute
        return NO_TIME
      }
    }
    const minute = parseTimeLocal(buf, at)
    if (minute !== NO_TIME) {
      for (let i = 0; i < TIME_LOCAL_LENGTH; i++) key[i] = buf[at + i] as number
      this.minute = minute
      const view = new DataView(key.buffer)
      this.k0 = view.getInt32(0, true)
      this.k4 = view.getInt32(4, true)
      this.k8 = view.getInt32(8, true)
      this.k13 = view.getInt32(13, true)
      this.k20 = view.getInt32(20, true)
      this.k22 = view.getInt32(22, true)
    }
    return minute
  }

  // The cached key as little-endian 32-bit words at offsets 0, 4, 8, 13, 20 and 22: with byte 12
  // they cover bytes 0–16 (`dd/Mon/yyyy:hh:mm`) and 20–25 (` ±hhmm`).
  private k0 = 0
  private k4 = 0
  private k8 = 0
  private k13 = 0
  private k20 = 0
  private k22 = 0

  /**
   * Same as `parse`, comparing the cached key with six 32-bit reads through `view` (a DataView of
   * the same bytes as `buf`) instead of 23 byte reads.
   */
  parseView(view: DataView, buf: Uint8Array, at: number): number {
    if (this.minute !== NO_TIME) {
      const diff = (view.getInt32(at + 13, true) ^ this.k13) | (view.getInt32(at, true) ^ this.k0) |
        (view.getInt32(at + 4, true) ^ this.k4) | (view.getInt32(at + 8, true) ^ this.k8) |
        ((buf[at + 12] as number) ^ (this.key[12] as number)) |
        (view.getInt32(at + 20, true) ^ this.k20) | (view.getInt32(at + 22, true) ^ this.k22)
      if (diff === 0) {
        const s1 = (buf[at + 18] as number) - 48
        const s2 = (buf[at + 19] as number) - 48
        if (buf[at + 17] === 58 && s1 >= 0 && s1 <= 6 && s2 >= 0 && s2 <= 9 && s1 * 10 + s2 <= 60) return this.minute
        return NO_TIME
      }
    }
    return this.parse(buf, at)
  }
}

/** Parses `yyyy-mm-ddThh:mm:ss±hh:mm` (25 bytes, caller checks bounds); `Z` is not written by nginx. */
export function parseTimeIso(buf: Uint8Array, at: number): number {
  if (buf[at + 4] !== 45 || buf[at + 7] !== 45 || buf[at + 10] !== 84 || buf[at + 13] !== 58 || buf[at + 16] !== 58 || buf[at + 22] !== 58) return NO_TIME
  const year = digits(buf, at, 4)
  const month = digits(buf, at + 5, 2)
  const day = digits(buf, at + 8, 2)
  const hour = digits(buf, at + 11, 2)
  const minute = digits(buf, at + 14, 2)
  const second = digits(buf, at + 17, 2)
  const sign = buf[at + 19]
  const zh = digits(buf, at + 20, 2)
  const zm = digits(buf, at + 23, 2)
  if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0 || second > 60 || zh < 0 || zh > 23 || zm < 0 || zm > 59) return NO_TIME
  if (sign !== 43 && sign !== 45) return NO_TIME
  return epochMinute(year, month, day, hour, minute, (sign === 45 ? -1 : 1) * (zh * 60 + zm))
}

/**
 * Parses `$msec` (seconds since the epoch with a millisecond fraction) at `at`; returns the index
 * after it, storing the minute in `out[0]`, or -1.
 */
export function parseMsec(buf: Uint8Array, at: number, end: number, out: Float64Array): number {
  let p = at
  let seconds = 0
  while (p < end && p - at < 12) {
    const d = (buf[p] as number) - 48
    if (d < 0 || d > 9) break
    seconds = seconds * 10 + d
    p++
  }
  if (p === at) return -1
  if (p < end && buf[p] === 46) {
    p++
    const fraction = p
    while (p < end && p - fraction < 3 && (buf[p] as number) >= 48 && (buf[p] as number) <= 57) p++
    if (p === fraction) return -1
  }
  out[0] = Math.floor(seconds / 60)
  return p
}

/** `29287500` → `2025-09-06T10:00Z`. */
export function formatMinute(minute: number): string {
  return `${new Date(minute * 60_000).toISOString().slice(0, 16)}Z`
}
