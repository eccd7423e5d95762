/**
 * The findings of the organization aggregate as of a legal date: `assess(state or tree, policies, asOf)` is
 * pure and returns the findings (rule id, severity, subject, due date, message code and params) of every
 * active organization, judged by the policy in force on that date, in the one `Finding` shape every aggregate
 * returns. Term ends were fixed by the rules in force when each term began (C1, C13), so a replayed history
 * keeps the rules of its time.
 *
 * - Set-up (RULES.md A: R1–R15): whether an organization still meets the conditions of its kind, may or should
 *   be upgraded or split, covers its units, was approved in time, and was adjusted after a village-to-community
 *   conversion.
 * - Leadership, elections and terms (RULES.md B: R16–R26): a committee required or not allowed, committee
 *   sizes, a secretary missing or awaiting approval, terms expiring or expired, the village secretary's
 *   concurrent posts.
 * - Coverage (R1, R2, R10): with a list of units, the units no organization covers.
 *
 * Over a tree the assessment sees each organization's subtree counts (a general branch's or committee's
 * 党员人数 lives in its branches). Everything here reads the organization aggregate's own state and read model
 * (`OrganizationTree`) and the governance policy, nothing of another aggregate: these are the organization's
 * findings, not cross-pillar ones (the compliance view, `findings/Compliance.ts`, joins every aggregate's).
 *
 * @since 0.1.0
 */
import type { Finding, Severity } from "../findings/Finding.ts"
import { sort } from "../findings/Finding.ts"
import { lookup } from "../kernel/records.ts"
import type { LegalDate } from "../LegalDate.ts"
import { addDays, addMonths, daysBetween } from "../LegalDate.ts"
import type { Counts, GovernancePolicy } from "../policy/GovernancePolicy.ts"
import { countFor, reachedBy } from "../policy/GovernancePolicy.ts"
import { policyAt } from "../policy/PolicyTimeline.ts"
import type { Policies } from "./decide.ts"
import { sizesFor, toTimeline } from "./decide.ts"
import type { OrgKind } from "./model.ts"
import { canContain, isBranchKind, isTownshipLevel } from "./model.ts"
import * as OrganizationTree from "./projections/OrganizationTree.ts"
import type { OrganizationState } from "./state.ts"
import { hasCommittee, termEnd } from "./state.ts"

// A finding about an organization.
const orgFinding = (
  state: OrganizationState,
  ruleId: string,
  severity: Severity,
  code: string,
  params: Record<string, string | number | boolean>,
  due?: LegalDate
): Finding => ({
  ruleId,
  severity,
  subject: { kind: "organization", id: state.orgId },
  ...(due === undefined ? {} : { due }),
  code,
  params: { orgId: state.orgId, ...params }
})

// ---------------------------------------------------------------------------------------------------------
// Set-up (RULES.md A: R1–R15)
// ---------------------------------------------------------------------------------------------------------

// The set-up findings of one active organization: whether it still meets the conditions of its kind, may or
// should be upgraded or split, covers its units, was approved in time, and was adjusted after a
// village-to-community conversion. `subtree` are the counts of the organization and its sub-organizations (a
// general branch's or committee's 党员人数); they default to its own roster.
const setupFindings = (
  state: OrganizationState,
  policy: GovernancePolicy,
  asOf: LegalDate,
  subtree: Counts = { full: state.full, all: state.full + state.probationary },
  parentKind?: OrgKind
): ReadonlyArray<Finding> => {
  if (state.status !== "active") return []
  const out: Array<Finding> = []
  const own: Counts = { full: state.full, all: state.full + state.probationary }
  const branch = isBranchKind(state.kind) && state.kind !== "temporaryBranch"

  if (branch && !reachedBy(policy.branchMinFull, own)) {
    // R7 REC: a branch whose FM fell below 3 (R1; R2 for a joint branch) is to be adjusted or dissolved promptly
    out.push(
      orgFinding(
        state,
        state.kind === "jointBranch" ? "R2" : "R7",
        "warning",
        "organization.finding.dissolutionDue",
        { full: state.full, required: policy.branchMinFull.value },
        addDays(state.rosterChangedAt ?? state.establishedAt ?? asOf, policy.approvalReplyDays)
      )
    )
  }
  if (branch && reachedBy(policy.branchSoftMax, own)) {
    // R3 REC: a branch over 50 members (AM) should split or upgrade
    out.push(
      orgFinding(state, "R3", "warning", "organization.finding.splitSuggested", {
        members: countFor(policy.branchSoftMax, own),
        max: policy.branchSoftMax.value
      })
    )
  }
  if (
    branch && state.kind !== "jointBranch" && reachedBy(policy.generalBranchThreshold, own)
    && (parentKind === undefined || canContain(parentKind, "generalBranch"))
  ) {
    // R4 / C2 / C3: over the general-branch threshold an upgrade is possible (a "should" when mandatory).
    // Not under a parent that cannot hold a general branch (a general branch's own branches): there the way
    // out is the split of R3. R5 below has the same guard for a committee.
    const mandatory = policy.generalBranchThreshold.mandatory === true
    out.push(
      orgFinding(
        state,
        "R4",
        mandatory ? "warning" : "notice",
        mandatory ? "organization.finding.generalBranchDue" : "organization.finding.generalBranchPossible",
        {
          members: countFor(policy.generalBranchThreshold, own),
          threshold: policy.generalBranchThreshold.value,
          inclusive: policy.generalBranchThreshold.inclusive
        }
      )
    )
  }
  if (
    (branch || state.kind === "generalBranch") && state.kind !== "jointBranch"
    && reachedBy(policy.committeeThreshold, subtree)
    && (parentKind === undefined || canContain(parentKind, "primaryCommittee"))
  ) {
    // R5 REC: from 100 members a committee is possible, with county approval (and the local guards, C5)
    out.push(
      orgFinding(state, "R5", "notice", "organization.finding.committeePossible", {
        members: countFor(policy.committeeThreshold, subtree),
        threshold: policy.committeeThreshold.value,
        approvalLevel: policy.committeeThreshold.approvalLevel,
        guards: policy.committeeThreshold.extraGuards.join(",")
      })
    )
  }
  if (state.kind === "generalBranch" && !state.workNeed && !reachedBy(policy.generalBranchThreshold, subtree)) {
    // R7 REC: a general branch no longer over its threshold (and set up without a work need) may be adjusted
    out.push(
      orgFinding(state, "R7", "notice", "organization.finding.downgradeSuggested", {
        members: countFor(policy.generalBranchThreshold, subtree),
        threshold: policy.generalBranchThreshold.value
      })
    )
  }
  if (state.kind === "primaryCommittee" && !reachedBy(policy.committeeThreshold, subtree)) {
    // R7 REC: a committee whose subtree no longer reaches the committee threshold (R5: "100人以上" by default, on
    // the policy's basis and inclusivity) has lost the basis it was set up on, and is to be adjusted promptly
    out.push(
      orgFinding(state, "R7", "warning", "organization.finding.committeeAdjustmentDue", {
        members: countFor(policy.committeeThreshold, subtree),
        basis: policy.committeeThreshold.basis,
        threshold: policy.committeeThreshold.value,
        inclusive: policy.committeeThreshold.inclusive
      })
    )
  }
  const units = Object.entries(state.coveredUnits)
  if (state.kind === "jointBranch" && units.length > policy.jointBranchMaxUnits) {
    // R2 REC: a joint branch generally covers at most 5 units
    out.push(
      orgFinding(state, "R2", "warning", "organization.finding.jointTooManyUnits", {
        units: units.length,
        max: policy.jointBranchMaxUnits
      })
    )
  }
  if (state.kind === "jointBranch" || state.formation === "joint") {
    for (const [unitId, fullCount] of units) {
      // R1 / R2 REC: a covered unit that now has FM ≥ 3 should set up its own branch
      if (reachedBy(policy.branchMinFull, { full: fullCount, all: fullCount })) {
        out.push({
          ruleId: "R1",
          severity: "notice",
          subject: { kind: "unit", id: unitId },
          code: "organization.finding.unitCanStandAlone",
          params: { orgId: state.orgId, unitId, full: fullCount, required: policy.branchMinFull.value }
        })
      }
    }
  }
  if (state.formation === "attachedToVillage" && reachedBy(policy.branchMinFull, own)) {
    // R14 CONF: an attached community organization that can stand alone may be set up on its own
    out.push(
      orgFinding(state, "R14", "notice", "organization.finding.canStandAlone", {
        full: state.full,
        required: policy.branchMinFull.value
      })
    )
  }
  const approval = state.approval
  if (approval?.appliedAt !== undefined && state.establishedAt !== undefined) {
    const days = daysBetween(approval.appliedAt, approval.at)
    // R6 REC: the higher organization replies within a month
    if (days > policy.approvalReplyDays) {
      out.push(
        orgFinding(state, "R6", "notice", "organization.finding.approvalLate", {
          days,
          max: policy.approvalReplyDays
        }, addDays(approval.appliedAt, policy.approvalReplyDays))
      )
    }
  }
  const conversion = state.conversion
  if (conversion !== undefined) {
    const due = addDays(conversion.at, policy.conversionAdjustmentDays)
    const adjustedInTime = conversion.adjustedAt !== undefined && conversion.adjustedAt <= due
    // R8 REC: the organization is adjusted at the same time as the village becomes a community
    if (!adjustedInTime && (conversion.adjustedAt !== undefined || asOf > due)) {
      out.push(
        orgFinding(state, "R8", "warning", "organization.finding.conversionNotAdjusted", {
          convertedAt: conversion.at
        }, due)
      )
    }
  }
  if (isBranchKind(state.kind) && !isTownshipLevel(state.kind)) {
    for (const [groupId, group] of Object.entries(state.groups)) {
      const members = group.memberIds.length
      const full = group.memberIds.filter((id) => lookup(state.roster, id) === "full").length
      // R12 CONF (secondary): a group has at least 3 members, at least 1 of them full
      if (members < policy.groups.minMembers || full < policy.groups.minFull) {
        out.push(
          orgFinding(state, "R12", "notice", "organization.finding.groupTooSmall", {
            groupId,
            members,
            full,
            minMembers: policy.groups.minMembers,
            minFull: policy.groups.minFull
          })
        )
      }
    }
    const suggestedAt = policy.groups.groupsSuggestedAt
    if (
      branch && suggestedAt !== undefined && reachedBy(suggestedAt, own) && Object.keys(state.groups).length === 0
    ) {
      // R12 REC: a branch with many members divides into party groups
      out.push(
        orgFinding(state, "R12", "notice", "organization.finding.groupsSuggested", {
          members: countFor(suggestedAt, own),
          threshold: suggestedAt.value
        })
      )
    }
  }
  return out
}

// ---------------------------------------------------------------------------------------------------------
// Leadership, elections and terms (RULES.md B: R16–R26)
// ---------------------------------------------------------------------------------------------------------

// The leadership findings of one active organization: a committee required or not allowed, committee sizes, a
// secretary missing or awaiting approval, terms expiring or expired, and the village secretary's concurrent
// posts.
const leadershipFindings = (
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

// ---------------------------------------------------------------------------------------------------------
// Assessment
// ---------------------------------------------------------------------------------------------------------

/**
 * A grassroots unit (village, community, enterprise, project…) as a registry knows it: its full members and
 * the organization that covers it, if any.
 *
 * @category models
 * @since 0.1.0
 */
export interface Unit {
  readonly unitId: string
  readonly fullCount: number
  /** The organization set up in or for this unit. */
  readonly coveredBy?: string
  /** For an engineering or work project: how many months it lasts (R10). */
  readonly projectMonths?: number
}

/**
 * @category models
 * @since 0.1.0
 */
export interface AssessOptions {
  /** Units to check for coverage gaps. */
  readonly units?: ReadonlyArray<Unit>
}

/**
 * The findings of one organization under one policy. `subtree` are its counts with its sub-organizations
 * (defaults to its own roster).
 *
 * @category assessing
 * @since 0.1.0
 */
export const assessOrganization = (
  state: OrganizationState,
  policy: GovernancePolicy,
  asOf: LegalDate,
  subtree?: Counts
): ReadonlyArray<Finding> =>
  sort([...setupFindings(state, policy, asOf, subtree), ...leadershipFindings(state, policy, asOf)])

const isTree = (input: OrganizationState | OrganizationTree.TreeView): input is OrganizationTree.TreeView =>
  "orgs" in input

/**
 * R1 / R2 / R10: units with no active organization: FM ≥ 3 should set up a branch (a project lasting 6
 * months or more too); FM below that joins a joint branch.
 *
 * @category assessing
 * @since 0.1.0
 */
export const assessCoverage = (
  units: ReadonlyArray<Unit>,
  view: OrganizationTree.TreeView,
  policy: GovernancePolicy
): ReadonlyArray<Finding> => {
  const jointlyCovered = new Set<string>()
  for (const state of OrganizationTree.active(view)) {
    for (const unitId of Object.keys(state.coveredUnits)) jointlyCovered.add(unitId)
  }
  const out: Array<Finding> = []
  for (const unit of units) {
    const coveredBy = unit.coveredBy === undefined ? undefined : lookup(view.orgs, unit.coveredBy)
    if (coveredBy?.status === "active" || jointlyCovered.has(unit.unitId)) continue
    const subject = { kind: "unit" as const, id: unit.unitId }
    const counts = { full: unit.fullCount, all: unit.fullCount }
    if (reachedBy(policy.branchMinFull, counts)) {
      const project = unit.projectMonths !== undefined && unit.projectMonths >= policy.projectBranchMinMonths
      out.push({
        // R10 REC: a project of 6 months or more meeting the conditions sets up a branch; R1 REC: any unit with FM ≥ 3
        ruleId: project ? "R10" : "R1",
        severity: "warning",
        subject,
        code: project ? "organization.finding.projectBranchDue" : "organization.finding.coverageGap",
        params: { unitId: unit.unitId, full: unit.fullCount, required: policy.branchMinFull.value }
      })
    } else if (unit.fullCount > 0) {
      // R2 REC: a unit with FM < 3 joins a joint branch
      out.push({
        ruleId: "R2",
        severity: "notice",
        subject,
        code: "organization.finding.jointBranchSuggested",
        params: { unitId: unit.unitId, full: unit.fullCount, required: policy.branchMinFull.value }
      })
    }
  }
  return out
}

/**
 * The findings of an organization, or of every active organization of a tree (with coverage gaps when units
 * are given), as of a legal date and under the policy in force on it. Pure; sorted with `Finding.sort`.
 *
 * @example
 * ```ts
 * import { GovernancePolicy, Organization, OrganizationTree } from "@dangjian/core"
 *
 * Organization.assess(OrganizationTree.empty, GovernancePolicy.national, "2024-06-30") // => []
 * ```
 *
 * @category assessing
 * @since 0.1.0
 */
export const assess = (
  input: OrganizationState | OrganizationTree.TreeView,
  policies: Policies,
  asOf: LegalDate,
  options?: AssessOptions
): ReadonlyArray<Finding> => {
  const policy = policyAt(toTimeline(policies), asOf)
  if (!isTree(input)) return assessOrganization(input, policy, asOf)
  const out: Array<Finding> = []
  for (const state of OrganizationTree.active(input)) {
    out.push(
      ...setupFindings(
        state,
        policy,
        asOf,
        OrganizationTree.subtreeCounts(input, state.orgId),
        state.parentId === undefined ? undefined : lookup(input.orgs, state.parentId)?.kind
      ),
      ...leadershipFindings(state, policy, asOf)
    )
  }
  if (options?.units !== undefined) out.push(...assessCoverage(options.units, input, policy))
  return sort(out)
}
