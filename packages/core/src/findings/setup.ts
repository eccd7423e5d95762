/**
 * Findings on how an organization is set up (RULES.md A: R1–R15): whether it still meets the conditions of
 * its kind, may or should be upgraded or split, covers its units, was approved in time, and was adjusted
 * after a village-to-community conversion.
 *
 * @since 0.1.0
 */
import { lookup } from "../kernel/records.ts"
import { addDays, daysBetween } from "../LegalDate.ts"
import type { LegalDate } from "../LegalDate.ts"
import type { OrgKind } from "../organization/model.ts"
import { canContain, isBranchKind, isTownshipLevel } from "../organization/model.ts"
import type { OrganizationState } from "../organization/state.ts"
import type { Counts, GovernancePolicy } from "../policy/GovernancePolicy.ts"
import { countFor, reachedBy } from "../policy/GovernancePolicy.ts"
import type { Finding, Severity } from "./Finding.ts"

/**
 * A finding about an organization.
 *
 * @category constructors
 * @since 0.1.0
 */
export const orgFinding = (
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

/**
 * The set-up findings of one active organization. `subtree` are the counts of the organization and its
 * sub-organizations (a general branch's or committee's 党员人数); they default to its own roster.
 *
 * @category assessing
 * @since 0.1.0
 */
export const setupFindings = (
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
