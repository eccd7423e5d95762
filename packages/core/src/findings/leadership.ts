/**
 * Findings on leadership, elections and terms (RULES.md B: R16–R26): a committee required or not allowed,
 * committee sizes, a secretary missing or awaiting approval, terms expiring or expired, and the village
 * secretary's concurrent posts.
 *
 * @since 0.1.0
 */
import type { LegalDate } from "../LegalDate.ts"
import { addDays, addMonths } from "../LegalDate.ts"
import { sizesFor } from "../organization/decide.ts"
import { isBranchKind } from "../organization/model.ts"
import type { OrganizationState } from "../organization/state.ts"
import { hasCommittee, termEnd } from "../organization/state.ts"
import type { GovernancePolicy } from "../policy/GovernancePolicy.ts"
import { reachedBy } from "../policy/GovernancePolicy.ts"
import type { Finding } from "./Finding.ts"
import { orgFinding } from "./setup.ts"

/**
 * The leadership findings of one active organization.
 *
 * @category assessing
 * @since 0.1.0
 */
export const leadershipFindings = (
  state: OrganizationState,
  policy: GovernancePolicy,
  asOf: LegalDate
): ReadonlyArray<Finding> => {
  if (state.status !== "active") return []
  const out: Array<Finding> = []
  const counts = { full: state.full, all: state.full + state.probationary }
  const temporary = state.kind === "temporaryBranch"
  const branch = isBranchKind(state.kind)
  const committee = state.leadership.committeeIds
  const sizes = sizesFor(policy, state.kind)

  if (branch && !temporary && !hasCommittee(state) && reachedBy(policy.branchCommitteeAtFull, counts)) {
    // R16 HARD: a branch with FM ≥ 7 must have a committee (a finding until its first election)
    out.push(
      orgFinding(state, "R16", "violation", "organization.finding.committeeRequired", {
        full: state.full,
        required: policy.branchCommitteeAtFull.value
      })
    )
  }
  if (
    branch && !temporary && hasCommittee(state) && policy.forbidCommitteeBelowThreshold
    && !reachedBy(policy.branchCommitteeAtFull, counts)
  ) {
    // R17: a branch whose FM fell below 7 keeps a secretary and no committee at its next election
    out.push(
      orgFinding(state, "R17", "notice", "organization.finding.committeeNotRequired", {
        full: state.full,
        required: policy.branchCommitteeAtFull.value
      })
    )
  }
  if (committee !== undefined && committee.length > 0) {
    const ruleId = branch ? "R16" : "R18"
    if (committee.length < sizes.min) {
      // R16 HARD for a branch (at least 3); R18 CONF sizes for the other kinds
      out.push(
        orgFinding(state, ruleId, branch ? "violation" : "warning", "organization.finding.committeeTooSmall", {
          size: committee.length,
          min: sizes.min
        })
      )
    } else if (committee.length > sizes.max) {
      // R16 REC: over 7 ("一般不超过7人") is a warning; R18 for the other kinds
      out.push(
        orgFinding(state, ruleId, "warning", "organization.finding.committeeTooLarge", {
          size: committee.length,
          max: sizes.max
        })
      )
    }
  }
  const pending = state.leadership.pending
  if (pending !== undefined) {
    const due = addDays(pending.electedAt, policy.approvalReplyDays)
    // R19 HARD: an elected secretary takes office only once approved; R6 REC: the reply comes within a month
    out.push(
      orgFinding(
        state,
        "R19",
        asOf > due ? "warning" : "notice",
        asOf > due ? "organization.finding.secretaryApprovalOverdue" : "organization.finding.secretaryApprovalPending",
        { electedAt: pending.electedAt },
        due
      )
    )
  } else if (state.leadership.secretaryId === undefined) {
    // R17 / R19: every organization has a secretary, elected (or, for a temporary branch, appointed)
    out.push(orgFinding(state, temporary ? "R9" : "R19", "warning", "organization.finding.noSecretary", {}))
  }
  const end = termEnd(state)
  if (end !== undefined && !temporary) {
    const reminder = addMonths(end, -policy.renewalReminderMonths)
    if (asOf >= end) {
      // R22 REC: the term has ended with no renewal election and no approved extension covering today
      out.push(orgFinding(state, "R22", "warning", "organization.finding.termExpired", { endsAt: end }, end))
    } else if (asOf >= reminder) {
      // R22 REC: the higher organization reminds 6 months before the term ends (R21 computes the end)
      out.push(
        orgFinding(
          state,
          "R21",
          "notice",
          "organization.finding.termExpiring",
          { endsAt: end, remindAt: reminder },
          end
        )
      )
    }
  }
  const posts = state.concurrentPosts
  if (posts !== undefined && state.locus === "village" && policy.expectConcurrentSecretaryDirector) {
    // R26 REC: the village secretary also serves as village-committee director and heads the collective
    if (!posts.secretaryIsDirector || !posts.secretaryHeadsCollective) {
      out.push(
        orgFinding(state, "R26", "notice", "organization.finding.notConcurrent", {
          secretaryIsDirector: posts.secretaryIsDirector,
          secretaryHeadsCollective: posts.secretaryHeadsCollective
        })
      )
    }
    // R26 REC: the two committees cross-appoint
    if (posts.crossAppointed === 0) {
      out.push(orgFinding(state, "R26", "notice", "organization.finding.noCrossAppointment", {}))
    }
  }
  return out
}
