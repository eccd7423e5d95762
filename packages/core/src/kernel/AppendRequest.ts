/**
 * Checks shared by every store on an append request, so that each store enforces them the same way:
 * the request's shape ({@link validate}) and idempotent re-append ({@link classifyStored}).
 *
 * @since 0.1.0
 */
import { Result } from "effect"
import type { StreamId } from "./Envelope.ts"
import { EventIdConflict, InvalidAppend } from "./errors.ts"
import type { AppendResult, AppendToStream, StoredPosition } from "./EventStore.ts"
import { isUuid } from "./Uuid.ts"

const streamIdPattern = /^[^\u0000-\u001f\u007f]{1,200}$/

/**
 * Rejects a malformed request: no streams, a stream twice, an invalid stream id or event id, an event id
 * twice.
 *
 * @category validation
 * @since 0.1.0
 */
export const validate = (request: ReadonlyArray<AppendToStream>): InvalidAppend | undefined => {
  if (request.length === 0) return new InvalidAppend({ reason: "noStreams", detail: "the request names no stream" })
  const streams = new Set<string>()
  const ids = new Set<string>()
  for (const part of request) {
    if (typeof part.streamId !== "string" || !streamIdPattern.test(part.streamId)) {
      return new InvalidAppend({ reason: "invalidStreamId", detail: "1–200 characters, no control characters" })
    }
    if (streams.has(part.streamId)) return new InvalidAppend({ reason: "duplicateStream", detail: part.streamId })
    streams.add(part.streamId)
    const expected = part.expected
    if (
      !(expected === "any" || expected === "noStream" || expected === "exists"
        || (typeof expected === "number" && Number.isSafeInteger(expected) && expected >= 0))
    ) {
      return new InvalidAppend({ reason: "invalidStreamId", detail: `invalid expected version for ${part.streamId}` })
    }
    for (const event of part.events) {
      if (!isUuid(event.eventId)) return new InvalidAppend({ reason: "invalidEventId", detail: "not a UUID" })
      if (ids.has(event.eventId)) return new InvalidAppend({ reason: "duplicateEventId", detail: event.eventId })
      ids.add(event.eventId)
    }
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
