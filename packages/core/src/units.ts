/**
 * The small Schemas every aggregate and the policy share: whole-number counts, day and month figures, lists of
 * ids and the optional `actor` of a command. One definition each, so that a count means the same everywhere
 * (events, commands, policy figures) and a change of one is a change of all, on purpose.
 *
 * None carries an `identifier` annotation, so the JSON Schema of a command or event inlines each constraint
 * where it is used, as before these were shared. Ids stay plain strings (a stored event's id fields are the
 * stored format; branding them would change neither the JSON nor the checks, only the types callers write).
 *
 * This module sits below the policy and the aggregates (kernel → dates → units → errors → policy →
 * aggregates) and imports nothing of the library.
 *
 * @since 0.2.0
 */
import { Schema } from "effect"

/**
 * A whole number ≥ 0: a count of members, seats, votes, ballots or participants.
 *
 * @category models
 * @since 0.2.0
 */
export const Count = Schema.Int.check(Schema.isGreaterThanOrEqualTo(0))

/**
 * A whole number ≥ 1: a round, a multiple, a figure that cannot be zero.
 *
 * @category models
 * @since 0.2.0
 */
export const Positive = Schema.Int.check(Schema.isGreaterThanOrEqualTo(1))

/**
 * A number of months ≥ 0 (0 turns a monthly figure of the policy off).
 *
 * @category models
 * @since 0.2.0
 */
export const Months = Count

/**
 * A number of days ≥ 1 (a validity, an interval).
 *
 * @category models
 * @since 0.2.0
 */
export const Days = Positive

/**
 * A list of opaque ids.
 *
 * @category models
 * @since 0.2.0
 */
export const Ids = Schema.Array(Schema.String)

/**
 * The optional `actor` of a command: an opaque id of who acts, recorded in the events' metadata.
 *
 * @category models
 * @since 0.2.0
 */
export const actor = Schema.optionalKey(Schema.String)
