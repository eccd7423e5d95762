/**
 * A unit's Party organization checking in at the community where the unit sits (双报到, R47): the
 * organization-level counterpart of a member's check-in. One stream per unit organization,
 * `unit-checkin-<orgId>`, decided by a single-stream kernel `Decider`. A unit check-in creates no
 * affiliation and changes no count: it never touches an organization stream.
 *
 * @since 0.1.0
 */
import { Result } from "effect"
import type { Decider } from "../kernel/Decider.ts"
import type { LegalDate } from "../LegalDate.ts"
import { max } from "../LegalDate.ts"
import type { DomainError } from "../rules/RuleViolation.ts"
import { invalid, violation } from "../rules/RuleViolation.ts"
import type { UnitCheckInCommand } from "./commands.ts"
import type { UnitCheckInEvent } from "./events.ts"
import { UnitActivityRecorded, UnitCheckedIn, UnitCheckedOut, UnitFeedbackRecorded } from "./events.ts"

/**
 * The state of a unit organization's check-in.
 *
 * @category models
 * @since 0.1.0
 */
export interface UnitCheckInState {
  readonly status: "none" | "checkedIn" | "checkedOut"
  readonly unitOrgId: string
  readonly communityOrgId: string | undefined
  readonly since: LegalDate | undefined
  readonly activities: ReadonlyArray<LegalDate>
  readonly lastFeedbackAt: LegalDate | undefined
}

/**
 * @category models
 * @since 0.1.0
 */
export const unitInitialState: UnitCheckInState = {
  status: "none",
  unitOrgId: "",
  communityOrgId: undefined,
  since: undefined,
  activities: [],
  lastFeedbackAt: undefined
}

/**
 * Applies one event of the unit check-in stream.
 *
 * @category folding
 * @since 0.1.0
 */
export const unitEvolve = (state: UnitCheckInState, event: UnitCheckInEvent): UnitCheckInState => {
  switch (event._tag) {
    case "UnitCheckedIn":
      return {
        status: "checkedIn",
        unitOrgId: event.unitOrgId,
        communityOrgId: event.communityOrgId,
        since: event.at,
        activities: [],
        lastFeedbackAt: undefined
      }
    case "UnitActivityRecorded":
      return { ...state, activities: [...state.activities, event.at] }
    case "UnitFeedbackRecorded":
      return {
        ...state,
        lastFeedbackAt: state.lastFeedbackAt === undefined ? event.at : max(state.lastFeedbackAt, event.at)
      }
    case "UnitCheckedOut":
      return { ...state, status: "checkedOut" }
    default:
      return state
  }
}

type Decision = Result.Result<ReadonlyArray<UnitCheckInEvent>, DomainError>

/**
 * Decides a unit check-in command.
 *
 * @category decisions
 * @since 0.1.0
 */
export const decideUnit = (command: UnitCheckInCommand, state: UnitCheckInState): Decision => {
  const unitOrgId = command.unitOrgId
  if (state.status !== "none" && state.unitOrgId !== unitOrgId) {
    return Result.fail(invalid("member.wrongStream", { memberId: unitOrgId, streamMemberId: state.unitOrgId }))
  }
  if (command._tag === "CheckInUnit") {
    if (state.status === "checkedIn") {
      return state.communityOrgId === command.communityOrgId
        ? Result.succeed([])
        : Result.fail(
          invalid("member.unitAlreadyCheckedIn", { orgId: unitOrgId, communityOrgId: state.communityOrgId })
        )
    }
    // R47: a unit organization reports to a community other than itself
    if (command.communityOrgId === unitOrgId) {
      return Result.fail(violation("R47", "member.unitCheckInAtSelf", { orgId: unitOrgId }))
    }
    return Result.succeed([UnitCheckedIn.make({ unitOrgId, communityOrgId: command.communityOrgId, at: command.at })])
  }
  if (state.status !== "checkedIn" || state.communityOrgId === undefined) {
    return command._tag === "CheckOutUnit"
      ? Result.succeed([])
      : Result.fail(invalid("member.unitNotCheckedIn", { orgId: unitOrgId }))
  }
  const communityOrgId = state.communityOrgId
  switch (command._tag) {
    case "RecordUnitActivity":
      return Result.succeed([
        UnitActivityRecorded.make({ unitOrgId, communityOrgId, activityKind: command.activityKind, at: command.at })
      ])
    case "RecordUnitFeedback":
      return Result.succeed([
        UnitFeedbackRecorded.make({ unitOrgId, communityOrgId, rating: command.rating, at: command.at })
      ])
    case "CheckOutUnit":
      return Result.succeed([UnitCheckedOut.make({ unitOrgId, communityOrgId, at: command.at })])
  }
}

/**
 * The kernel decider of the unit check-in stream.
 *
 * @category deciders
 * @since 0.1.0
 */
export const unitDecider: Decider<UnitCheckInCommand, UnitCheckInEvent, UnitCheckInState, DomainError> = {
  initialState: unitInitialState,
  evolve: unitEvolve,
  decide: decideUnit
}
