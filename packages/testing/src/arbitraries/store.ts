/**
 * Append requests for event-store tests: batches of events on one or several streams, ready for
 * `EventStore.append` (and for `Laws.idempotentReappend`).
 *
 * @since 0.1.0
 */
import type { LegalDate } from "@dangjian/core"
import type { EventStore } from "@dangjian/core/kernel"
import fc from "fast-check"

/**
 * One append request: one to `maxStreams` distinct streams (`<prefix>-1` …), each with one to
 * `maxEventsPerStream` events drawn from `events`, expected `"noStream"` or `"any"` (so the batch succeeds on
 * an empty store). Event ids are distinct UUIDs numbered in batch order (so that shrinking never makes two
 * equal); metadata dates are `occurredAt` (default 2024-01-01). Shrinks towards one stream with one event.
 *
 * @since 0.1.0
 * @category stores
 */
export const appendBatch = <E extends { readonly _tag: string }>(
  events: fc.Arbitrary<E>,
  options: {
    readonly maxStreams?: number
    readonly maxEventsPerStream?: number
    readonly streamPrefix?: string
    readonly occurredAt?: LegalDate.LegalDate
  } = {}
): fc.Arbitrary<ReadonlyArray<EventStore.AppendToStream>> => {
  const prefix = options.streamPrefix ?? "stream"
  const occurredAt = options.occurredAt ?? "2024-01-01"
  return fc
    .uniqueArray(
      fc.record({
        stream: fc.integer({ min: 1, max: Math.max(1, options.maxStreams ?? 3) }),
        expected: fc.constantFrom("noStream" as const, "any" as const),
        events: fc.array(events, { minLength: 1, maxLength: Math.max(1, options.maxEventsPerStream ?? 4) })
      }),
      { minLength: 1, maxLength: Math.max(1, options.maxStreams ?? 3), selector: (part) => part.stream }
    )
    .map((parts) => {
      let n = 0
      return parts.map((part) => ({
        streamId: `${prefix}-${part.stream}`,
        expected: part.expected,
        events: part.events.map((data) => ({
          eventId: `00000000-0000-7000-8000-${String(++n).padStart(12, "0")}`,
          type: data._tag,
          data,
          metadata: { occurredAt, recordedAt: `${occurredAt}T00:00:00.000Z` }
        }))
      }))
    })
}
