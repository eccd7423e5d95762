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

/**
 * Formats a UUIDv7 from a millisecond timestamp and 16 random bytes (bytes 0–5 are replaced by the time).
 *
 * @category constructors
 * @since 0.1.0
 */
export const v7FromParts = (millis: number, random: Uint8Array): string => {
  const b = random
  let t = Math.max(0, Math.floor(millis))
  for (let i = 5; i >= 0; i--) {
    b[i] = t % 256
    t = Math.floor(t / 256)
  }
  b[6] = (b[6]! & 0x0f) | 0x70
  b[8] = (b[8]! & 0x3f) | 0x80
  return (
    hex[b[0]!]! + hex[b[1]!]! + hex[b[2]!]! + hex[b[3]!]! + "-" + hex[b[4]!]! + hex[b[5]!]! + "-" + hex[b[6]!]!
    + hex[b[7]!]! + "-" + hex[b[8]!]! + hex[b[9]!]! + "-" + hex[b[10]!]! + hex[b[11]!]! + hex[b[12]!]!
    + hex[b[13]!]! + hex[b[14]!]! + hex[b[15]!]!
  )
}

/**
 * A new UUIDv7.
 *
 * @category constructors
 * @since 0.1.0
 */
export const v7: Effect.Effect<string> = Effect.map(
  Clock.currentTimeMillis,
  (millis) => v7FromParts(millis, platformCrypto.getRandomValues(new Uint8Array(16)))
)

/**
 * `n` new UUIDv7s sharing one clock read.
 *
 * @category constructors
 * @since 0.1.0
 */
export const v7Many = (n: number): Effect.Effect<ReadonlyArray<string>> =>
  Effect.map(Clock.currentTimeMillis, (millis) => {
    const ids: Array<string> = []
    for (let i = 0; i < n; i++) ids.push(v7FromParts(millis, platformCrypto.getRandomValues(new Uint8Array(16))))
    return ids
  })

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/**
 * Whether a string is a UUID (any version).
 *
 * @category guards
 * @since 0.1.0
 */
export const isUuid = (s: unknown): s is string => typeof s === "string" && uuidPattern.test(s)
