/**
 * Roster decisions: pure functions the membership pillar calls inside its own multi-stream deciders (member
 * stream plus organization streams), and that this aggregate's roster commands use too. Each returns the
 * roster events to append on the organization stream, or a typed rejection.
 *
 * @since 0.1.0
 */
import { Result } from "effect"
import { has, lookup } from "../kernel/records.ts"
import type { LegalDate } from "../LegalDate.ts"
import type { DomainError } from "../rules/RuleViolation.ts"
import { invalid, violation } from "../rules/RuleViolation.ts"
import type { OrganizationEvent } from "./events.ts"
import { RosterMemberAdded, RosterMemberRemoved, RosterMemberStatusChanged } from "./events.ts"
import type { JoiningStatus, JoinReason, LeaveReason, RosterStatus } from "./model.ts"
import type { OrganizationState } from "./state.ts"

/**
 * Rejects a command on an organization that is not established, is dissolved, or is dated before its
 * establishment.
 *
 * @category decisions
 * @since 0.1.0
 */
export const requireActive = (state: OrganizationState, orgId: string, at: LegalDate): DomainError | undefined => {
  if (state.status === "none") return invalid("domain.notFound", { entity: "organization", id: orgId })
  if (state.status === "dissolved") {
    return invalid("domain.closed", { entity: "organization", id: orgId, state: "dissolved" })
  }
  if (state.establishedAt !== undefined && at < state.establishedAt) {
    return invalid("organization.beforeEstablished", { orgId, at, establishedAt: state.establishedAt })
  }
  return undefined
}

/**
 * Adds a member to the roster. Rejects on an organization that is not active, a member already on the
 * roster, and any affiliation to a temporary branch (R9: its members keep their affiliation at home, and it
 * admits nobody).
 *
 * @category decisions
 * @since 0.1.0
 */
export const decideRosterAdd = (
  state: OrganizationState,
  input: {
    readonly memberId: string
    readonly status: JoiningStatus
    readonly reason: JoinReason
    readonly at: LegalDate
    /** The organization's id, for the rejection when the stream has no organization yet. */
    readonly orgId?: string
  }
): Result.Result<ReadonlyArray<OrganizationEvent>, DomainError> => {
  const inactive = requireActive(state, input.orgId ?? state.orgId, input.at)
  if (inactive !== undefined) return Result.fail(inactive)
  if (state.kind === "temporaryBranch") {
    // R9 HARD: a temporary branch does not admit members ("一般不发展党员")
    if (input.reason === "admitted") {
      return Result.fail(violation("R9", "organization.temporaryBranchNoAdmission", { orgId: state.orgId }))
    }
    // R9 HARD: members of a temporary branch keep their affiliation at home (§3.3), so none joins its roster
    return Result.fail(violation("R9", "organization.temporaryBranchNoAffiliation", { orgId: state.orgId }))
  }
  if (has(state.roster, input.memberId)) {
    return Result.fail(invalid("organization.alreadyOnRoster", { orgId: state.orgId, memberId: input.memberId }))
  }
  return Result.succeed([
    RosterMemberAdded.make({
      orgId: state.orgId,
      memberId: input.memberId,
      status: input.status,
      reason: input.reason,
      at: input.at
    })
  ])
}

/**
 * Removes a member from the roster. Rejects on an organization that is not active or a member not on it.
 *
 * @category decisions
 * @since 0.1.0
 */
export const decideRosterRemove = (
  state: OrganizationState,
  input: { readonly memberId: string; readonly reason: LeaveReason; readonly at: LegalDate; readonly orgId?: string }
): Result.Result<ReadonlyArray<OrganizationEvent>, DomainError> => {
  const inactive = requireActive(state, input.orgId ?? state.orgId, input.at)
  if (inactive !== undefined) return Result.fail(inactive)
  if (!has(state.roster, input.memberId)) {
    return Result.fail(invalid("organization.notOnRoster", { orgId: state.orgId, memberId: input.memberId }))
  }
  return Result.succeed([
    RosterMemberRemoved.make({ orgId: state.orgId, memberId: input.memberId, reason: input.reason, at: input.at })
  ])
}

const allowed: Readonly<Record<RosterStatus, ReadonlyArray<RosterStatus>>> = {
  probationary: ["full", "suspended"],
  full: ["suspended"],
  suspended: ["full", "probationary"]
}

/**
 * Changes a member's roster status: probationary → full (conversion), full or probationary → suspended,
 * suspended → full or probationary (restoration). The same status again is nothing to do; full →
 * probationary is rejected.
 *
 * @category decisions
 * @since 0.1.0
 */
export const decideRosterStatus = (
  state: OrganizationState,
  input: { readonly memberId: string; readonly status: RosterStatus; readonly at: LegalDate; readonly orgId?: string }
): Result.Result<ReadonlyArray<OrganizationEvent>, DomainError> => {
  const inactive = requireActive(state, input.orgId ?? state.orgId, input.at)
  if (inactive !== undefined) return Result.fail(inactive)
  const current = lookup(state.roster, input.memberId)
  if (current === undefined) {
    return Result.fail(invalid("organization.notOnRoster", { orgId: state.orgId, memberId: input.memberId }))
  }
  if (current === input.status) return Result.succeed([])
  if (!allowed[current].includes(input.status)) {
    return Result.fail(
      invalid("organization.invalidStatusChange", {
        orgId: state.orgId,
        memberId: input.memberId,
        from: current,
        to: input.status
      })
    )
  }
  return Result.succeed([
    RosterMemberStatusChanged.make({ orgId: state.orgId, memberId: input.memberId, status: input.status, at: input.at })
  ])
}
