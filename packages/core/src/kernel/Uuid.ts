/**
 * UUIDv7 event ids: a 48-bit Unix-millisecond timestamp from Effect's `Clock` (so tests control it) and 74
 * random bits from the platform's `crypto.getRandomValues`, which exists in browsers and in Node.
 *
 * @since 0.1.0
 */
import { Clock, Effect } from "effect"

// Typed here because core compiles without DOM or Node types; both platforms provide it.
const platformCrypto = (globalThis as unknown as {
  readonly crypto: { getRandomValues<T extends Uint8Array>(array: T): T }
}).crypto

const hex: ReadonlyArray<string> = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"))

const hexHigh: ReadonlyArray<number> = hex.map((pair) => pair.charCodeAt(0))
const hexLow: ReadonlyArray<number> = hex.map((pair) => pair.charCodeAt(1))
// Where each byte's two hex digits go in the 36 characters; the dashes stay in place.
const digitAt: ReadonlyArray<number> = [0, 2, 4, 6, 9, 11, 14, 16, 19, 21, 24, 26, 28, 30, 32, 34]
const chars: Array<number> = Array.from({ length: 36 }, () => 45)

/**
 * Formats bytes `at`…`at + 15` of `b` as a UUIDv7 with the given time (bytes at…at+5 are overwritten). The
 * string is made in one `String.fromCharCode` call: a flat string, which an event id is soon hashed and
 * compared as, is about 3× cheaper than one concatenated from 21 pieces.
 */
const format = (millis: number, b: Uint8Array, at: number): string => {
  let t = Math.max(0, Math.floor(millis))
  for (let i = at + 5; i >= at; i--) {
    b[i] = t % 256
    t = Math.floor(t / 256)
  }
  b[at + 6] = (b[at + 6]! & 0x0f) | 0x70
  b[at + 8] = (b[at + 8]! & 0x3f) | 0x80
  for (let i = 0; i < 16; i++) {
    const byte = b[at + i]!
    const to = digitAt[i]!
    chars[to] = hexHigh[byte]!
    chars[to + 1] = hexLow[byte]!
  }
  return String.fromCharCode.apply(null, chars)
}

/**
 * Formats a UUIDv7 from a millisecond timestamp and 16 random bytes (bytes 0–5 are replaced by the time).
 *
 * @category constructors
 * @since 0.1.0
 */
export const v7FromParts = (millis: number, random: Uint8Array): string => format(millis, random, 0)

// A call to the platform's CSPRNG costs far more than formatting an id (it was ~45 % of an in-memory append),
// so random bytes are drawn 4 KiB at a time and each id consumes 16 of them once. The bytes are as random as
// before; ids are generated synchronously, so no two ever share a slice.
const poolSize = 4096
const pool = new Uint8Array(poolSize)
let poolOffset = poolSize

const next = (millis: number): string => {
  if (poolOffset === poolSize) {
    platformCrypto.getRandomValues(pool)
    poolOffset = 0
  }
  const at = poolOffset
  poolOffset += 16
  return format(millis, pool, at)
}

/**
 * A new UUIDv7.
 *
 * @category constructors
 * @since 0.1.0
 */
export const v7: Effect.Effect<string> = Effect.map(Clock.currentTimeMillis, next)

/**
 * `n` new UUIDv7s sharing one clock read.
 *
 * @category constructors
 * @since 0.1.0
 */
export const v7Many = (n: number): Effect.Effect<ReadonlyArray<string>> =>
  Effect.map(Clock.currentTimeMillis, (millis) => {
    const ids: Array<string> = []
    for (let i = 0; i < n; i++) ids.push(next(millis))
    return ids
  })

// Checked on every appended event: a character loop is several times cheaper than the equivalent regular
// expression /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.
const isHexDigit = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70)

/**
 * Whether a string is a UUID (any version; hex digits in either case).
 *
 * @category guards
 * @since 0.1.0
 */
export const isUuid = (s: unknown): s is string => {
  if (typeof s !== "string" || s.length !== 36) return false
  for (let i = 0; i < 36; i++) {
    const c = s.charCodeAt(i)
    if (i === 8 || i === 13 || i === 18 || i === 23) {
      if (c !== 45) return false
    } else if (!isHexDigit(c)) return false
  }
  return true
}
