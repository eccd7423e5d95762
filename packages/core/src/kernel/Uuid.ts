/**
 * UUIDv7 event ids: a 48-bit Unix-millisecond timestamp from Effect's `Clock` (so tests control it) and 74
 * random bits from the platform's `crypto.getRandomValues`, which exists in browsers and in Node.
 *
 * Ids made by one process are strictly increasing, also within a millisecond (RFC 9562 §6.2, "monotonic
 * random"): a store can tell a new id from a stored one with one comparison, and a B-tree index on event ids
 * grows at its right edge.
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

// The millisecond whose 12 hex digits `chars` holds: ids of the same millisecond only rewrite the other 20.
let charsMillis = -1

/**
 * Formats bytes `at`…`at + 15` of `b` as a UUIDv7 with the given time (bytes at…at+5 are overwritten). The
 * string is made in one `String.fromCharCode` call: a flat string, which an event id is soon hashed and
 * compared as, is about 3× cheaper than one concatenated from 21 pieces.
 */
const format = (millis: number, b: Uint8Array, at: number): string => {
  const t = Math.max(0, Math.floor(millis))
  const sameMillis = t === charsMillis
  charsMillis = t
  // Integer halves: `%` on a double of 2^40 is a library call, six of them were most of the cost of an id.
  const high = Math.floor(t / 0x100000000)
  const low = t - high * 0x100000000
  b[at] = (high >>> 8) & 0xff
  b[at + 1] = high & 0xff
  b[at + 2] = low >>> 24
  b[at + 3] = (low >>> 16) & 0xff
  b[at + 4] = (low >>> 8) & 0xff
  b[at + 5] = low & 0xff
  b[at + 6] = (b[at + 6]! & 0x0f) | 0x70
  b[at + 8] = (b[at + 8]! & 0x3f) | 0x80
  for (let i = sameMillis ? 6 : 0; i < 16; i++) {
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
// so random bytes are drawn 4 KiB at a time and each consumes its bytes once. Ids are generated synchronously,
// so no two ever share a slice.
const poolSize = 4096
const pool = new Uint8Array(poolSize)
let poolOffset = poolSize

const draw = (count: number): number => {
  if (poolOffset + count > poolSize) {
    platformCrypto.getRandomValues(pool)
    poolOffset = 0
  }
  const at = poolOffset
  poolOffset += count
  return at
}

// The last id's bytes and millisecond. Within a millisecond (or after the clock stepped back a little) the next
// id is the last one's 74 random bits plus a random 1–65,536: still unguessable, and greater than the last.
const last = new Uint8Array(16)
let lastMillis = -1
// A clock stepping back further than this is a reset (a test clock, a corrected system clock): ids start from
// the new time rather than carry a timestamp that far from it.
const maxStepBack = 10_000

/** Adds `increment` to the 74 random bits (rand_a: byte 6's low nibble and byte 7; rand_b: byte 8's low 6 bits
 * and bytes 9–15). Returns false when the bits overflow. */
const addToRandom = (b: Uint8Array, increment: number): boolean => {
  let carry = increment
  for (let i = 15; i >= 9 && carry > 0; i--) {
    const sum = b[i]! + carry
    b[i] = sum & 0xff
    carry = Math.floor(sum / 256)
  }
  if (carry === 0) return true
  const low8 = (b[8]! & 0x3f) + carry
  b[8] = (b[8]! & 0xc0) | (low8 & 0x3f)
  carry = low8 >> 6
  if (carry === 0) return true
  const sum7 = b[7]! + carry
  b[7] = sum7 & 0xff
  carry = sum7 >> 8
  if (carry === 0) return true
  const low6 = (b[6]! & 0x0f) + carry
  b[6] = (b[6]! & 0xf0) | (low6 & 0x0f)
  return low6 <= 0x0f
}

const fresh = (millis: number): void => {
  const at = draw(16)
  for (let i = 0; i < 16; i++) last[i] = pool[at + i]!
  // Leave headroom for increments within the millisecond: rand_a's top bit starts at 0.
  last[6] = last[6]! & 0x07
  lastMillis = millis
}

const next = (clockMillis: number): string => {
  const millis = Math.max(0, Math.floor(clockMillis))
  if (millis > lastMillis || millis < lastMillis - maxStepBack) {
    fresh(millis)
  } else {
    const at = draw(2)
    // 2^73 of headroom at 65,536 at most per id: an overflow is theoretical; the timestamp then moves on.
    if (!addToRandom(last, pool[at]! * 256 + pool[at + 1]! + 1)) fresh(lastMillis + 1)
  }
  return format(lastMillis, last, 0)
}

// The clock is read from the fiber in the step that makes the id (`withFiberSucceed`): `Effect.clockWith` costs
// one more step and one more allocation per id (~20 ns of an in-memory append's ~1.7 µs).

/**
 * A new UUIDv7.
 *
 * @category constructors
 * @since 0.1.0
 */
export const v7: Effect.Effect<string> = Effect.withFiberSucceed((fiber) =>
  next(fiber.getRef(Clock.Clock).currentTimeMillisUnsafe())
)

/**
 * `n` new UUIDv7s sharing one clock read.
 *
 * @category constructors
 * @since 0.1.0
 */
export const v7Many = (n: number): Effect.Effect<ReadonlyArray<string>> =>
  Effect.withFiberSucceed((fiber) => v7ManyAt(n, fiber.getRef(Clock.Clock).currentTimeMillisUnsafe()))

/**
 * `n` new UUIDv7s at a millisecond already read from the `Clock`, for code that stamps the same time
 * elsewhere.
 *
 * @category constructors
 * @since 0.1.0
 */
export const v7ManyAt = (n: number, millis: number): ReadonlyArray<string> => {
  const ids: Array<string> = []
  for (let i = 0; i < n; i++) ids.push(next(millis))
  return ids
}

// Checked on every appended event: the four dashes, then the 32 digits through a table of valid character
// codes — several times cheaper than the equivalent regular expression, and half the cost of a loop that
// tests ranges and dash positions per character.
const digitPositions: ReadonlyArray<number> = Array.from({ length: 36 }, (_, i) => i).filter(
  (i) => i !== 8 && i !== 13 && i !== 18 && i !== 23
)
const lowercaseDigits = new Uint8Array(128)
for (const c of "0123456789abcdef") lowercaseDigits[c.charCodeAt(0)] = 1
const anyCaseDigits = lowercaseDigits.slice()
for (const c of "ABCDEF") anyCaseDigits[c.charCodeAt(0)] = 1

const matches = (s: unknown, digits: Uint8Array): s is string => {
  if (typeof s !== "string" || s.length !== 36) return false
  if (s.charCodeAt(8) !== 45 || s.charCodeAt(13) !== 45 || s.charCodeAt(18) !== 45 || s.charCodeAt(23) !== 45) {
    return false
  }
  for (let i = 0; i < 32; i++) {
    // Codes above 127 read as undefined from the table: not a digit.
    if (digits[s.charCodeAt(digitPositions[i]!)] !== 1) return false
  }
  return true
}

/**
 * Whether a string is a UUID (any version; hex digits in either case).
 *
 * @category guards
 * @since 0.1.0
 */
export const isUuid = (s: unknown): s is string => matches(s, anyCaseDigits)

/**
 * Whether a string is a UUID in canonical form (RFC 9562 §4: lowercase hex), the only form an event id takes.
 * Stores compare ids as given (PostgreSQL's `uuid` type would fold case, the others would not), so an id in
 * capitals is refused rather than stored as something another store would treat as a different id.
 *
 * @category guards
 * @since 0.1.0
 */
export const isEventId = (s: unknown): s is string => matches(s, lowercaseDigits)
