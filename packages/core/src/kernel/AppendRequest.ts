/**
 * Checks shared by every store on an append request, so that each store enforces them the same way:
 * the request's shape ({@link validate}) and idempotent re-append ({@link classifyStored}).
 *
 * @since 0.1.0
 */
import { Result } from "effect"
import type { StreamId } from "./Envelope.ts"
import { isEventMetadata } from "./Envelope.ts"
import { EventIdConflict, InvalidAppend } from "./errors.ts"
import type { AppendResult, AppendToStream, StoredPosition } from "./EventStore.ts"
import { isEventId } from "./Uuid.ts"

const suspiciousCharacter = /[\u0000-\u001f\u007f\ud800-\udfff]/

/**
 * 1–200 UTF-16 code units, none of them a control character (U+0000–U+001F, U+007F), and well-formed: an
 * unpaired surrogate becomes U+FFFD in UTF-8, so two such ids would name one stream in a SQL store and two in
 * memory.
 */
const isValidStreamId = (streamId: string): boolean => {
  const length = streamId.length
  if (length === 0 || length > 200) return false
  // The usual id has none of these: one scan by the regular expression engine, several times cheaper than the
  // loop below, which then tells a well-formed surrogate pair from a control character or an unpaired one.
  if (!suspiciousCharacter.test(streamId)) return true
  for (let i = 0; i < length; i++) {
    const c = streamId.charCodeAt(i)
    if (c <= 0x1f || c === 0x7f) return false
    if (c >= 0xd800 && c <= 0xdfff) {
      // A high surrogate followed by a low one is one character; anything else is unpaired.
      const low = c <= 0xdbff && i + 1 < length ? streamId.charCodeAt(i + 1) : 0
      if (low < 0xdc00 || low > 0xdfff) return false
      i++
    }
  }
  return true
}

// No metadata value is this object: the first event's metadata is always checked.
const notChecked = {}

// Most appends carry a handful of streams and events: comparing pairs allocates nothing and beats hashing.
const pairwiseLimit = 16

/**
 * Rejects a malformed request: no streams, a stream twice, an invalid stream id, an invalid expected version,
 * an event id that is not a lowercase UUID ({@link isEventId}), an event id twice, an event without a type name
 * (a non-empty string) or data, or metadata that is not {@link isEventMetadata}.
 *
 * @category validation
 * @since 0.1.0
 */
export const validate = (request: ReadonlyArray<AppendToStream>): InvalidAppend | undefined => {
  if (request.length === 0) return new InvalidAppend({ reason: "noStreams", detail: "" })
  let total = 0
  // Ids in strictly increasing order (as `Uuid.v7` makes them) hold no duplicate: checked on the way, one
  // comparison per id, so the usual request needs no other duplicate search.
  let increasing = true
  let previousId = ""
  let checkedMetadata: unknown = notChecked
  // A large request (an import's one atomic append) hashes its stream ids; a small one compares pairs.
  const streams = request.length > pairwiseLimit ? new Set<string>() : undefined
  // A large request also takes each event id's fingerprint while its characters are at hand (just checked), for
  // the duplicate search its ids need when they are not in increasing order.
  let count = 0
  for (let p = 0; p < request.length; p++) count += request[p]!.events?.length ?? 0
  const fingerprints = count > pairwiseLimit ? new Float64Array(count) : undefined
  for (let p = 0; p < request.length; p++) {
    const part = request[p]!
    if (typeof part.streamId !== "string" || !isValidStreamId(part.streamId)) {
      return new InvalidAppend({ reason: "invalidStreamId", detail: "" })
    }
    if (streams === undefined) {
      for (let q = 0; q < p; q++) {
        if (request[q]!.streamId === part.streamId) {
          return new InvalidAppend({ reason: "duplicateStream", detail: part.streamId })
        }
      }
    } else {
      if (streams.has(part.streamId)) return new InvalidAppend({ reason: "duplicateStream", detail: part.streamId })
      streams.add(part.streamId)
    }
    const expected = part.expected
    if (
      !(expected === "any" || expected === "noStream" || expected === "exists"
        || (typeof expected === "number" && Number.isSafeInteger(expected) && expected >= 0))
    ) {
      return new InvalidAppend({ reason: "invalidExpectedVersion", detail: part.streamId })
    }
    for (const event of part.events) {
      const eventId = event.eventId
      if (!isEventId(eventId)) {
        return new InvalidAppend({ reason: "invalidEventId", detail: "" })
      }
      // What a SQL store could not store or read back the same way: refused before any store sees it.
      if (typeof event.type !== "string" || event.type.length === 0) {
        return new InvalidAppend({ reason: "invalidEventType", detail: eventId })
      }
      if (event.data === undefined) return new InvalidAppend({ reason: "missingEventData", detail: eventId })
      // One command's events usually share one metadata object: it is checked once.
      if (event.metadata !== checkedMetadata) {
        if (!isEventMetadata(event.metadata)) return new InvalidAppend({ reason: "invalidMetadata", detail: eventId })
        checkedMetadata = event.metadata
      }
      if (increasing) {
        increasing = previousId < eventId
        previousId = eventId
      }
      if (fingerprints !== undefined) fingerprints[total] = fingerprint(eventId)
      total++
    }
  }
  const duplicate = increasing || (fingerprints !== undefined && total === count && distinct(fingerprints))
    ? undefined
    : duplicateEventId(request, total)
  return duplicate === undefined ? undefined : new InvalidAppend({ reason: "duplicateEventId", detail: duplicate })
}

// 52 bits of an id (two multiplicative hashes of its characters), never 0. Equal ids have equal fingerprints, so
// fingerprints all distinct prove the ids distinct; two equal ones (a duplicate, or one chance in ~2^52 per pair)
// send the request to the exact search, which names the duplicate.
const fingerprint = (id: string): number => {
  let a = 0x811c9dc5
  let b = 0x01000193
  for (let i = 0; i < id.length; i++) {
    const c = id.charCodeAt(i)
    a = Math.imul(a ^ c, 0x01000193)
    b = Math.imul(b + c, 0x5bd1e995) ^ (b >>> 15)
  }
  return (a >>> 0) * 0x100000 + (b >>> 12) + 1
}

// Whether the fingerprints are all distinct: an open-addressing table of numbers, in one typed array. A `Set` of
// the ids themselves compares strings spread over the heap; on an import's ~10^5 ids it cost several times more.
const distinct = (fingerprints: Float64Array): boolean => {
  let size = 1
  while (size < fingerprints.length * 2) size *= 2
  const table = new Float64Array(size)
  const mask = size - 1
  for (let i = 0; i < fingerprints.length; i++) {
    const f = fingerprints[i]!
    // `| 0` keeps the low 32 bits of the integer (`%` on a double this large is a library call).
    let slot = (f | 0) & mask
    for (let seen = table[slot]!; seen !== 0; seen = table[slot]!) {
      if (seen === f) return false
      slot = (slot + 1) & mask
    }
    table[slot] = f
  }
  return true
}

const duplicateEventId = (request: ReadonlyArray<AppendToStream>, total: number): string | undefined => {
  const ids: Array<string> = []
  for (const part of request) for (const event of part.events) ids.push(event.eventId)
  if (total <= pairwiseLimit) {
    for (let i = 1; i < ids.length; i++) {
      for (let j = 0; j < i; j++) if (ids[i] === ids[j]) return ids[i]
    }
    return undefined
  }
  const seen = new Set<string>()
  for (const id of ids) {
    if (seen.has(id)) return id
    seen.add(id)
  }
  return undefined
}

/**
 * Decides what an append means given which of its event ids are already stored (`found`, keyed by event id):
 *
 * - none stored: a new append (`undefined`);
 * - all stored, each in the stream the request names: an idempotent re-append; the stored positions are
 *   returned;
 * - otherwise an {@link EventIdConflict}.
 *
 * `currentVersion` gives the current version of a stream named in the request without events.
 *
 * @category validation
 * @since 0.1.0
 */
export const classifyStored = (
  request: ReadonlyArray<AppendToStream>,
  found: ReadonlyMap<string, StoredPosition>,
  currentVersion: (streamId: StreamId) => number
): Result.Result<AppendResult | undefined, EventIdConflict> => {
  if (found.size === 0) return Result.succeed(undefined)
  const positions: Array<StoredPosition> = []
  const streams: Array<{ streamId: StreamId; version: number }> = []
  let missing = false
  for (const part of request) {
    let version = part.events.length === 0 ? currentVersion(part.streamId) : 0
    for (const event of part.events) {
      const stored = found.get(event.eventId)
      if (stored === undefined) {
        missing = true
        continue
      }
      if (stored.streamId !== part.streamId) {
        return Result.fail(
          new EventIdConflict({
            eventId: stored.eventId,
            storedStreamId: stored.streamId,
            storedPosition: stored.streamPosition,
            reason: "otherStream"
          })
        )
      }
      positions.push(stored)
      if (stored.streamPosition > version) version = stored.streamPosition
    }
    streams.push({ streamId: part.streamId, version })
  }
  if (missing) {
    const first = found.values().next().value!
    return Result.fail(
      new EventIdConflict({
        eventId: first.eventId,
        storedStreamId: first.streamId,
        storedPosition: first.streamPosition,
        reason: "partialBatch"
      })
    )
  }
  const lastGlobalPosition = positions.reduce((max, p) => (p.globalPosition > max ? p.globalPosition : max), 0)
  return Result.succeed({ alreadyStored: true, streams, positions, lastGlobalPosition })
}
