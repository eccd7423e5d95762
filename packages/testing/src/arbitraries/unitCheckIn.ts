/**
 * Every command and event of the unit check-in aggregate (`UnitCheckIn.UnitCheckInCommand`,
 * `UnitCheckIn.UnitCheckInEvent`: a unit organization's community check-in), one arbitrary per `_tag` and one per
 * union. Values are structurally valid (each decodes with its Schema) but not necessarily accepted; for accepted
 * histories see `townshipHistory`. Ids are opaque and drawn from small pools.
 *
 * @since 0.2.0
 */
import type { UnitCheckIn } from "@dangjian/core"
import fc from "fast-check"
import { actor, oneOfRecord, tagged } from "../internal/tagged.ts"
import { memberValues } from "./member.ts"
import type { ValueOptions } from "./values.ts"

type UnitCmd<Tag extends UnitCheckIn.UnitCheckInCommand["_tag"]> = Extract<
  UnitCheckIn.UnitCheckInCommand,
  { readonly _tag: Tag }
>
type UnitEv<Tag extends UnitCheckIn.UnitCheckInEvent["_tag"]> = Extract<
  UnitCheckIn.UnitCheckInEvent,
  { readonly _tag: Tag }
>

/**
 * An arbitrary for every unit check-in command, by `_tag`.
 *
 * @since 0.1.0
 * @category models
 */
export type UnitCheckInCommandArbitraries = {
  readonly [Tag in UnitCheckIn.UnitCheckInCommand["_tag"]]: fc.Arbitrary<UnitCmd<Tag>>
}

/**
 * An arbitrary for every unit check-in event, by `_tag`.
 *
 * @since 0.1.0
 * @category models
 */
export type UnitCheckInEventArbitraries = {
  readonly [Tag in UnitCheckIn.UnitCheckInEvent["_tag"]]: fc.Arbitrary<UnitEv<Tag>>
}

/**
 * One arbitrary per unit check-in command (`CheckInUnit` … `CheckOutUnit`); unit and community ids are
 * organization ids of `options`.
 *
 * @since 0.1.0
 * @category unit check-in commands
 */
export const unitCheckInCommandArbitraries = (options: ValueOptions = {}): UnitCheckInCommandArbitraries => {
  const v = memberValues(options)
  const { date: at, orgId } = v
  return {
    CheckInUnit: tagged<UnitCmd<"CheckInUnit">>("CheckInUnit", { unitOrgId: orgId, communityOrgId: orgId, at }, {
      actor
    }),
    RecordUnitActivity: tagged<UnitCmd<"RecordUnitActivity">>("RecordUnitActivity", {
      unitOrgId: orgId,
      activityKind: v.activityKind,
      at
    }, { actor }),
    RecordUnitFeedback: tagged<UnitCmd<"RecordUnitFeedback">>("RecordUnitFeedback", {
      unitOrgId: orgId,
      rating: v.rating,
      at
    }, { actor }),
    CheckOutUnit: tagged<UnitCmd<"CheckOutUnit">>("CheckOutUnit", { unitOrgId: orgId, at }, { actor })
  }
}

/**
 * One arbitrary per unit check-in event (`UnitCheckedIn` … `UnitCheckedOut`).
 *
 * @since 0.1.0
 * @category unit check-in events
 */
export const unitCheckInEventArbitraries = (options: ValueOptions = {}): UnitCheckInEventArbitraries => {
  const v = memberValues(options)
  const { date: at, orgId } = v
  return {
    UnitCheckedIn: tagged<UnitEv<"UnitCheckedIn">>(
      "UnitCheckedIn",
      { unitOrgId: orgId, communityOrgId: orgId, at },
      {}
    ),
    UnitActivityRecorded: tagged<UnitEv<"UnitActivityRecorded">>("UnitActivityRecorded", {
      unitOrgId: orgId,
      communityOrgId: orgId,
      activityKind: v.activityKind,
      at
    }, {}),
    UnitFeedbackRecorded: tagged<UnitEv<"UnitFeedbackRecorded">>("UnitFeedbackRecorded", {
      unitOrgId: orgId,
      communityOrgId: orgId,
      rating: v.rating,
      at
    }, {}),
    UnitCheckedOut: tagged<UnitEv<"UnitCheckedOut">>(
      "UnitCheckedOut",
      { unitOrgId: orgId, communityOrgId: orgId, at },
      {}
    )
  }
}

/**
 * Any unit check-in command (every member of `UnitCheckIn.UnitCheckInCommand`).
 *
 * @since 0.1.0
 * @category unit check-in commands
 */
export const unitCheckInCommand = (options: ValueOptions = {}): fc.Arbitrary<UnitCheckIn.UnitCheckInCommand> =>
  oneOfRecord<UnitCheckIn.UnitCheckInCommand>(unitCheckInCommandArbitraries(options))

/**
 * Any unit check-in event (every member of `UnitCheckIn.UnitCheckInEvent`).
 *
 * @since 0.1.0
 * @category unit check-in events
 */
export const unitCheckInEvent = (options: ValueOptions = {}): fc.Arbitrary<UnitCheckIn.UnitCheckInEvent> =>
  oneOfRecord<UnitCheckIn.UnitCheckInEvent>(unitCheckInEventArbitraries(options))
