/**
 * The decisions of a unit Party organization's community check-in (双报到, R47): check in, record a joint
 * activity, record the community's yearly evaluation, check out. Each is decided on the unit's check-in stream
 * alone: a unit check-in creates no affiliation and changes no count, so it never touches an organization
 * stream.
 *
 * No figure of the policy judges a unit check-in command today (the yearly evaluation is a finding's figure,
 * `MembershipPolicy.checkInFeedbackEveryMonths`, in `findings.ts`); `decide` takes the policies all the same,
 * as every aggregate's does, so a figure added later changes no signature.
 *
 * @since 0.2.0
 */
import { Result } from "effect"
import type { Decider } from "../kernel/Decider.ts"
import type { Policies } from "../organization/decide.ts"
import type { DomainError } from "../rules/RuleViolation.ts"
import { invalid, unknownCommand, violation } from "../rules/RuleViolation.ts"
import type {
  CheckInUnit,
  CheckOutUnit,
  RecordUnitActivity,
  RecordUnitFeedback,
  UnitCheckInCommand
} from "./commands.ts"
import type { UnitCheckInEvent } from "./events.ts"
import { UnitActivityRecorded, UnitCheckedIn, UnitCheckedOut, UnitFeedbackRecorded } from "./events.ts"
import type { UnitCheckInState } from "./state.ts"
import { evolve, initialState } from "./state.ts"

type Decision = Result.Result<ReadonlyArray<UnitCheckInEvent>, DomainError>

const fail = (error: DomainError): Decision => Result.fail(error)
const ok = (events: ReadonlyArray<UnitCheckInEvent>): Decision => Result.succeed(events)

// The community a unit is checked in at, or the rejection of a command that needs one.
const community = (state: UnitCheckInState, unitOrgId: string): Result.Result<string, DomainError> =>
  state.status === "checkedIn" && state.communityOrgId !== undefined
    ? Result.succeed(state.communityOrgId)
    : Result.fail(invalid("member.unitNotCheckedIn", { orgId: unitOrgId }))

const checkIn = (state: UnitCheckInState, cmd: CheckInUnit): Decision => {
  if (state.status === "checkedIn") {
    return state.communityOrgId === cmd.communityOrgId
      ? ok([])
      : fail(invalid("member.unitAlreadyCheckedIn", { orgId: cmd.unitOrgId, communityOrgId: state.communityOrgId }))
  }
  // R47: a unit organization reports to a community other than itself
  if (cmd.communityOrgId === cmd.unitOrgId) {
    return fail(violation("R47", "member.unitCheckInAtSelf", { orgId: cmd.unitOrgId }))
  }
  return ok([UnitCheckedIn.make({ unitOrgId: cmd.unitOrgId, communityOrgId: cmd.communityOrgId, at: cmd.at })])
}

const recordActivity = (state: UnitCheckInState, cmd: RecordUnitActivity): Decision =>
  Result.flatMap(community(state, cmd.unitOrgId), (communityOrgId) =>
    ok([
      UnitActivityRecorded.make({
        unitOrgId: cmd.unitOrgId,
        communityOrgId,
        activityKind: cmd.activityKind,
        at: cmd.at
      })
    ]))

const recordFeedback = (state: UnitCheckInState, cmd: RecordUnitFeedback): Decision =>
  Result.flatMap(
    community(state, cmd.unitOrgId),
    (communityOrgId) =>
      ok([UnitFeedbackRecorded.make({ unitOrgId: cmd.unitOrgId, communityOrgId, rating: cmd.rating, at: cmd.at })])
  )

const checkOut = (state: UnitCheckInState, cmd: CheckOutUnit): Decision =>
  state.status !== "checkedIn" || state.communityOrgId === undefined
    ? ok([])
    : ok([UnitCheckedOut.make({ unitOrgId: cmd.unitOrgId, communityOrgId: state.communityOrgId, at: cmd.at })])

/**
 * Decides a unit check-in command on the unit's check-in stream. Pure.
 *
 * @category decisions
 * @since 0.2.0
 */
export const decide = (_policies: Policies, command: UnitCheckInCommand, state: UnitCheckInState): Decision => {
  if (state.status !== "none" && state.unitOrgId !== command.unitOrgId) {
    return fail(invalid("member.wrongStream", { memberId: command.unitOrgId, streamMemberId: state.unitOrgId }))
  }
  switch (command._tag) {
    case "CheckInUnit":
      return checkIn(state, command)
    case "RecordUnitActivity":
      return recordActivity(state, command)
    case "RecordUnitFeedback":
      return recordFeedback(state, command)
    case "CheckOutUnit":
      return checkOut(state, command)
    default: {
      const _exhaustive: never = command
      return fail(unknownCommand(_exhaustive))
    }
  }
}

/**
 * The kernel decider of the unit check-in stream.
 *
 * @category deciders
 * @since 0.2.0
 */
export const decider = (
  policies: Policies
): Decider<UnitCheckInCommand, UnitCheckInEvent, UnitCheckInState, DomainError> => ({
  initialState,
  evolve,
  decide: (command, state) => decide(policies, command, state)
})
