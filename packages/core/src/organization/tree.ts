/**
 * Tree commands: establish, upgrade, downgrade, move, split, merge and dissolve. They change the
 * organization tree, so each is decided over every organization stream whose state it needs, and appended
 * to all of them atomically.
 *
 * Why a multi-stream decision and not a check against the tree projection: a projection lags behind the
 * log, so two concurrent commands could both pass a check against it (two children attached under a parent
 * being downgraded, an upgrade racing a move). Deciding over the streams themselves, with the kernel's
 * command loop appending to each one with its exact expected version, makes every tree check hold at commit
 * time. Each parent records its children and their kinds on its own stream
 * (`SubOrganizationAttached`, `…KindChanged`, `…Detached`), so a parent's state answers "may this kind sit
 * here?" and "which children would this change affect?" without reading the whole tree.
 *
 * Acyclicity needs no walk up the tree: every allowed edge goes strictly down in `rank` (R15), so any tree
 * whose edges are kind-compatible is acyclic.
 *
 * The streams a command needs are found in two steps ({@link requiredStreams}): those the command names
 * (itself, a new parent, a merge target, the parts of a split), then those their states name (the current
 * parent, the children). The route (`route.ts`) gives both steps to the kernel's loop, which loads them,
 * decides with {@link decideTree} and appends.
 *
 * @since 0.1.0
 */
import { Result } from "effect"
import { dictionary, has, lookup } from "../kernel/records.ts"
import { exhaustive } from "../kernel/tags.ts"
import type { LegalDate } from "../LegalDate.ts"
import type { GovernancePolicy } from "../policy/GovernancePolicy.ts"
import { reachedBy } from "../policy/GovernancePolicy.ts"
import { policyAt } from "../policy/PolicyTimeline.ts"
import type { DomainError } from "../rules/RuleViolation.ts"
import { invalid, unknownCommand, violation } from "../rules/RuleViolation.ts"
import type {
  DissolveOrganization,
  DowngradeOrganization,
  EstablishOrganization,
  MergeOrganization,
  MoveOrganization,
  SplitOrganization,
  TreeCommand,
  UpgradeOrganization
} from "./commands.ts"
import type { Policies } from "./decide.ts"
import { checkApprovalLevel, toTimeline } from "./decide.ts"
import type { OrganizationEvent } from "./events.ts"
import {
  OrganizationAbsorbed,
  OrganizationDissolved,
  OrganizationDowngraded,
  OrganizationEstablished,
  OrganizationMerged,
  OrganizationMoved,
  OrganizationSplit,
  OrganizationUpgraded,
  RosterMemberAdded,
  RosterMemberRemoved,
  SubOrganizationAttached,
  SubOrganizationDetached,
  SubOrganizationKindChanged
} from "./events.ts"
import type { Locus, OrgKind } from "./model.ts"
import { canContain, isBranchKind, isTownshipLevel, isVillageOrCommunity, rank } from "./model.ts"
import { requireActive } from "./roster.ts"
import type { OrganizationState } from "./state.ts"
import { childIds, initialState } from "./state.ts"
import { subtreeCounts } from "./subtree.ts"

/**
 * The states of the organizations a tree command reads, by organization id.
 *
 * @category models
 * @since 0.1.0
 */
export type TreeStates = Readonly<Record<string, OrganizationState>>

/**
 * The events of a tree decision, by organization id (a missing id: no events for that stream).
 *
 * @category models
 * @since 0.1.0
 */
export type TreeEvents = Readonly<Record<string, ReadonlyArray<OrganizationEvent>>>

type Decision = Result.Result<TreeEvents, DomainError>

/**
 * The organizations a tree command needs: the ones it names, then the ones their states name (the current
 * parent, the children that move or whose members count). Call it with `{}` for the first step.
 *
 * @category decisions
 * @since 0.1.0
 */
export const requiredStreams = (command: TreeCommand, states: TreeStates): ReadonlyArray<string> => {
  const self = lookup(states, command.orgId)
  const parent = self?.parentId
  const ids: Array<string | undefined> = [command.orgId]
  switch (command._tag) {
    case "EstablishOrganization":
      ids.push(command.parentId, command.hostVillageOrgId)
      break
    case "UpgradeOrganization":
      ids.push(parent, ...(self === undefined ? [] : childIds(self)))
      break
    case "DowngradeOrganization":
    case "DissolveOrganization":
      ids.push(parent)
      break
    case "MoveOrganization":
      ids.push(command.toParentId, parent)
      break
    case "SplitOrganization":
      ids.push(...command.parts.map((p) => p.orgId), command.placement === "siblings" ? parent : undefined)
      break
    case "MergeOrganization":
      ids.push(command.intoOrgId, parent, ...(self === undefined ? [] : childIds(self)))
      break
    default:
      return exhaustive(command, [])
  }
  return [...new Set(ids.filter((id): id is string => id !== undefined))]
}

// Collects events per stream, in order, so that one stream named twice (a parent that is also the merge
// target) gets one list.
class Emitter {
  // Keyed by organization ids, which are user data: no prototype, so `constructor` is just another id.
  private readonly out: Record<string, Array<OrganizationEvent>> = dictionary()
  emit(orgId: string, ...events: ReadonlyArray<OrganizationEvent>): void {
    ;(this.out[orgId] ??= []).push(...events)
  }
  get events(): TreeEvents {
    return this.out
  }
}

const activeOther = (
  states: TreeStates,
  orgId: string,
  at: LegalDate
): Result.Result<OrganizationState, DomainError> => {
  const state = lookup(states, orgId) ?? initialState
  const error = requireActive(state, orgId, at)
  return error === undefined ? Result.succeed(state) : Result.fail(error)
}

// R15 HARD: kind compatibility of one edge (rank strictly decreases, so compatible edges never form a cycle)
const checkEdge = (parentId: string, parentKind: OrgKind, childId: string, childKind: OrgKind) =>
  canContain(parentKind, childKind)
    ? undefined
    : violation("R15", "organization.kindIncompatible", { parentId, parentKind, orgId: childId, kind: childKind })

// R55 HARD: a village's or community's own organization is led by the township or subdistrict committee; below
// it, the village's or community's sub-organizations sit under that organization.
const checkLevel = (orgId: string, kind: OrgKind, locus: Locus, parent: OrganizationState | undefined) => {
  if (!isVillageOrCommunity(locus) || isTownshipLevel(kind)) return undefined
  if (parent !== undefined && (isTownshipLevel(parent.kind) || isVillageOrCommunity(parent.locus))) return undefined
  return violation("R55", "organization.parentLevel", {
    orgId,
    locus,
    parentKind: parent === undefined ? "none" : parent.kind
  })
}

// The set-up conditions of a kind with these counts (R1, R2, R4, R5, R9, R11).
const checkSetup = (
  policy: GovernancePolicy,
  input: {
    readonly orgId: string
    readonly kind: OrgKind
    readonly counts: { readonly full: number; readonly all: number }
    readonly workNeed: boolean
    readonly localConditions: ReadonlyArray<string>
  }
): DomainError | undefined => {
  const { counts, kind, orgId } = input
  if (kind === "temporaryBranch" || isTownshipLevel(kind)) return undefined
  if (isBranchKind(kind)) {
    if (reachedBy(policy.branchMinFull, counts)) return undefined
    // R2 HARD: a joint branch needs FM ≥ 3 in total; R1 HARD: a branch needs FM ≥ 3 ("正式党员3人以上")
    return violation(kind === "jointBranch" ? "R2" : "R1", "organization.branchTooSmall", {
      orgId,
      kind,
      full: counts.full,
      required: policy.branchMinFull.value
    })
  }
  if (kind === "generalBranch") {
    // R4 HARD (CONF): below the general-branch threshold only with a stated work need ("确因工作需要")
    if (
      !reachedBy(policy.generalBranchThreshold, counts) && policy.generalBranchBelowThresholdNeedsJustification
      && !input.workNeed
    ) {
      return violation("R4", "organization.generalBranchBelowThreshold", {
        orgId,
        members: counts.all,
        threshold: policy.generalBranchThreshold.value,
        inclusive: policy.generalBranchThreshold.inclusive
      })
    }
    return undefined
  }
  // kind === "primaryCommittee"
  // R5 HARD (CONF): a committee from 100 members ("100人以上"), by count
  if (!reachedBy(policy.committeeThreshold, counts)) {
    return violation("R5", "organization.partyCommitteeBelowThreshold", {
      orgId,
      members: counts.all,
      threshold: policy.committeeThreshold.value
    })
  }
  for (const guard of policy.committeeThreshold.extraGuards) {
    // R5 / C5: local guards (S002) only tighten: each must be attested
    if (!input.localConditions.includes(guard)) {
      return violation("R5", "organization.localGuardMissing", { orgId, guard })
    }
  }
  return undefined
}

const checkApprovalDate = (orgId: string, approvedAt: LegalDate, at: LegalDate) =>
  approvedAt > at ? invalid("organization.approvalAfterAct", { orgId, approvedAt, at }) : undefined

const establish = (policy: GovernancePolicy, cmd: typeof EstablishOrganization.Type, states: TreeStates): Decision => {
  const orgId = cmd.orgId
  if ((lookup(states, orgId) ?? initialState).status !== "none") {
    return Result.fail(invalid("domain.alreadyExists", { entity: "organization", id: orgId }))
  }
  let parent: OrganizationState | undefined
  if (cmd.parentId !== undefined) {
    if (cmd.parentId === orgId) return Result.fail(checkEdge(orgId, cmd.kind, orgId, cmd.kind)!)
    const loaded = activeOther(states, cmd.parentId, cmd.at)
    if (Result.isFailure(loaded)) return Result.fail(loaded.failure)
    parent = loaded.success
    const edge = checkEdge(cmd.parentId, parent.kind, orgId, cmd.kind)
    if (edge !== undefined) return Result.fail(edge)
  }
  const level = checkLevel(orgId, cmd.kind, cmd.locus, parent)
  if (level !== undefined) return Result.fail(level)
  const approvalLevel = checkApprovalLevel(policy, orgId, cmd.kind, cmd.locus, cmd.approval)
  if (approvalLevel !== undefined) return Result.fail(approvalLevel)
  const approvalDate = checkApprovalDate(orgId, cmd.approval.at, cmd.at)
  if (approvalDate !== undefined) return Result.fail(approvalDate)
  const memberIds = cmd.initialMembers.map((m) => m.memberId)
  if (new Set(memberIds).size !== memberIds.length) {
    return Result.fail(invalid("organization.duplicateMember", { orgId }))
  }
  const coveredUnits = cmd.coveredUnits ?? []
  const aliases = cmd.aliases ?? []
  const mergedLeadership = cmd.mergedLeadership ?? false
  if (cmd.kind === "temporaryBranch") {
    // R9 HARD: a temporary branch serves a temporary body, which must be named
    if (cmd.hostBodyId === undefined) {
      return Result.fail(violation("R9", "organization.temporaryNeedsHostBody", { orgId }))
    }
    // R9 HARD: its members keep their affiliation at home (§3.3)
    if (memberIds.length > 0) {
      return Result.fail(violation("R9", "organization.temporaryBranchNoAffiliation", { orgId }))
    }
  }
  if (cmd.kind === "mobileMemberBranch") {
    // R11 HARD: set up by the origin organization with the host organization
    if (cmd.originOrgId === undefined || cmd.hostOrgId === undefined) {
      return Result.fail(violation("R11", "organization.mobileNeedsOriginAndHost", { orgId }))
    }
    // R11 HARD (CONF requireHostConsent): the host organization's consent is recorded
    if (policy.requireHostConsent && cmd.hostConsentAt === undefined) {
      return Result.fail(violation("R11", "organization.hostConsentMissing", { orgId, hostOrgId: cmd.hostOrgId }))
    }
  }
  if (cmd.kind === "jointBranch") {
    // R2 HARD: a joint branch is formed jointly and covers several units
    if (cmd.formation !== "joint" || coveredUnits.length < 2) {
      return Result.fail(violation("R2", "organization.jointNeedsUnits", { orgId, units: coveredUnits.length }))
    }
  }
  if (cmd.formation === "attachedToVillage") {
    // R14 CONF: 村社挂建 is a community's organization attached to an existing village organization
    if (cmd.locus !== "community") {
      return Result.fail(violation("R14", "organization.formationNeedsCommunity", { orgId, locus: cmd.locus }))
    }
    const host = cmd.hostVillageOrgId === undefined ? undefined : lookup(states, cmd.hostVillageOrgId)
    if (host === undefined || host.status !== "active" || host.locus !== "village") {
      return Result.fail(violation("R14", "organization.attachedNeedsVillage", { orgId }))
    }
  }
  // R27 CONF: 村居合一 is one organization with both names and one leadership team
  if (cmd.formation === "villageCommunityUnified" && (aliases.length < 2 || !mergedLeadership)) {
    return Result.fail(violation("R27", "organization.unifiedNeedsAliases", { orgId }))
  }
  // R48 CONF: 村企联建 joins the village organization with an enterprise the village runs
  if (cmd.formation === "villageEnterprise" && coveredUnits.length < 1) {
    return Result.fail(violation("R48", "organization.villageEnterpriseNeedsUnit", { orgId }))
  }
  const full = cmd.initialMembers.filter((m) => m.status === "full").length
  const setup = checkSetup(policy, {
    orgId,
    kind: cmd.kind,
    counts: { full, all: cmd.initialMembers.length },
    workNeed: cmd.workNeed ?? false,
    localConditions: cmd.localConditions ?? []
  })
  if (setup !== undefined) return Result.fail(setup)
  const out = new Emitter()
  out.emit(
    orgId,
    OrganizationEstablished.make({
      orgId,
      name: cmd.name,
      kind: cmd.kind,
      formation: cmd.formation,
      locus: cmd.locus,
      ...(cmd.parentId === undefined ? {} : { parentId: cmd.parentId }),
      approval: cmd.approval,
      coveredUnits,
      aliases,
      mergedLeadership,
      secondTier: cmd.secondTier ?? false,
      workNeed: cmd.workNeed ?? false,
      localConditions: cmd.localConditions ?? [],
      ...(cmd.hostVillageOrgId === undefined ? {} : { hostVillageOrgId: cmd.hostVillageOrgId }),
      ...(cmd.hostBodyId === undefined ? {} : { hostBodyId: cmd.hostBodyId }),
      ...(cmd.originOrgId === undefined ? {} : { originOrgId: cmd.originOrgId }),
      ...(cmd.hostOrgId === undefined ? {} : { hostOrgId: cmd.hostOrgId }),
      ...(cmd.hostConsentAt === undefined ? {} : { hostConsentAt: cmd.hostConsentAt }),
      ...(cmd.projectMonths === undefined ? {} : { projectMonths: cmd.projectMonths }),
      at: cmd.at
    }),
    ...cmd.initialMembers.map((m) =>
      RosterMemberAdded.make({ orgId, memberId: m.memberId, status: m.status, reason: "initial", at: cmd.at })
    )
  )
  if (cmd.parentId !== undefined) {
    out.emit(
      cmd.parentId,
      SubOrganizationAttached.make({ orgId: cmd.parentId, childId: orgId, childKind: cmd.kind, at: cmd.at })
    )
  }
  return Result.succeed(out.events)
}

const upgrade = (
  policy: GovernancePolicy,
  self: OrganizationState,
  cmd: typeof UpgradeOrganization.Type,
  states: TreeStates
): Decision => {
  const orgId = self.orgId
  // R9 HARD: a temporary branch serves its temporary body and is not upgraded
  if (self.kind === "temporaryBranch") {
    return Result.fail(violation("R9", "organization.temporaryBranchFixed", { orgId }))
  }
  if (!(cmd.to === "generalBranch" || cmd.to === "primaryCommittee") || rank(cmd.to) <= rank(self.kind)) {
    return Result.fail(invalid("organization.notAnUpgrade", { orgId, from: self.kind, to: cmd.to }))
  }
  const parent = self.parentId === undefined ? undefined : lookup(states, self.parentId)
  if (self.parentId !== undefined && parent !== undefined) {
    const edge = checkEdge(self.parentId, parent.kind, orgId, cmd.to)
    if (edge !== undefined) return Result.fail(edge)
  }
  for (const [childId, childKind] of Object.entries(self.children)) {
    const edge = checkEdge(orgId, cmd.to, childId, childKind)
    if (edge !== undefined) return Result.fail(edge)
  }
  const approvalLevel = checkApprovalLevel(policy, orgId, cmd.to, self.locus, cmd.approval)
  if (approvalLevel !== undefined) return Result.fail(approvalLevel)
  const approvalDate = checkApprovalDate(orgId, cmd.approval.at, cmd.at)
  if (approvalDate !== undefined) return Result.fail(approvalDate)
  const setup = checkSetup(policy, {
    orgId,
    kind: cmd.to,
    // The upgraded organization's 党员人数 includes its branches' members (they are all loaded: an
    // organization being upgraded is at most a general branch, whose children are branches without children).
    counts: subtreeCounts({ orgs: states }, orgId),
    workNeed: cmd.workNeed ?? false,
    localConditions: cmd.localConditions ?? []
  })
  if (setup !== undefined) return Result.fail(setup)
  const out = new Emitter()
  out.emit(
    orgId,
    OrganizationUpgraded.make({
      orgId,
      from: self.kind,
      to: cmd.to,
      approval: cmd.approval,
      workNeed: cmd.workNeed ?? false,
      localConditions: cmd.localConditions ?? [],
      secondTier: cmd.secondTier ?? false,
      at: cmd.at
    })
  )
  if (self.parentId !== undefined) {
    out.emit(
      self.parentId,
      SubOrganizationKindChanged.make({ orgId: self.parentId, childId: orgId, childKind: cmd.to, at: cmd.at })
    )
  }
  return Result.succeed(out.events)
}

const downgrade = (
  policy: GovernancePolicy,
  self: OrganizationState,
  cmd: typeof DowngradeOrganization.Type
): Decision => {
  const orgId = self.orgId
  if (
    !(cmd.to === "generalBranch" || cmd.to === "branch") || rank(cmd.to) >= rank(self.kind)
    || isTownshipLevel(self.kind)
  ) {
    return Result.fail(invalid("organization.notADowngrade", { orgId, from: self.kind, to: cmd.to }))
  }
  for (const [childId, childKind] of Object.entries(self.children)) {
    // R15 HARD: the children must still fit under the lower kind (a branch has no sub-organizations)
    if (!canContain(cmd.to, childKind)) {
      return Result.fail(
        violation("R15", "organization.childrenIncompatible", { orgId, kind: cmd.to, childId, childKind })
      )
    }
  }
  const approvalLevel = checkApprovalLevel(policy, orgId, self.kind, self.locus, cmd.approval)
  if (approvalLevel !== undefined) return Result.fail(approvalLevel)
  const approvalDate = checkApprovalDate(orgId, cmd.approval.at, cmd.at)
  if (approvalDate !== undefined) return Result.fail(approvalDate)
  const out = new Emitter()
  out.emit(
    orgId,
    OrganizationDowngraded.make({ orgId, from: self.kind, to: cmd.to, approval: cmd.approval, at: cmd.at })
  )
  if (self.parentId !== undefined) {
    out.emit(
      self.parentId,
      SubOrganizationKindChanged.make({ orgId: self.parentId, childId: orgId, childKind: cmd.to, at: cmd.at })
    )
  }
  return Result.succeed(out.events)
}

const move = (
  policy: GovernancePolicy,
  self: OrganizationState,
  cmd: typeof MoveOrganization.Type,
  states: TreeStates
): Decision => {
  const orgId = self.orgId
  if (cmd.toParentId === self.parentId) return Result.succeed({})
  if (cmd.toParentId === orgId) return Result.fail(checkEdge(orgId, self.kind, orgId, self.kind)!)
  const loaded = activeOther(states, cmd.toParentId, cmd.at)
  if (Result.isFailure(loaded)) return Result.fail(loaded.failure)
  const target = loaded.success
  const edge = checkEdge(cmd.toParentId, target.kind, orgId, self.kind)
  if (edge !== undefined) return Result.fail(edge)
  const level = checkLevel(orgId, self.kind, self.locus, target)
  if (level !== undefined) return Result.fail(level)
  const approvalLevel = checkApprovalLevel(policy, orgId, self.kind, self.locus, cmd.approval)
  if (approvalLevel !== undefined) return Result.fail(approvalLevel)
  const out = new Emitter()
  out.emit(
    orgId,
    OrganizationMoved.make({
      orgId,
      ...(self.parentId === undefined ? {} : { fromParentId: self.parentId }),
      toParentId: cmd.toParentId,
      approval: cmd.approval,
      at: cmd.at
    })
  )
  if (self.parentId !== undefined) {
    out.emit(self.parentId, SubOrganizationDetached.make({ orgId: self.parentId, childId: orgId, at: cmd.at }))
  }
  out.emit(
    cmd.toParentId,
    SubOrganizationAttached.make({ orgId: cmd.toParentId, childId: orgId, childKind: self.kind, at: cmd.at })
  )
  return Result.succeed(out.events)
}

const splitKinds: ReadonlySet<OrgKind> = new Set(["branch", "functionalBranch", "mobileMemberBranch"])

const split = (
  policy: GovernancePolicy,
  self: OrganizationState,
  cmd: typeof SplitOrganization.Type,
  states: TreeStates
): Decision => {
  const orgId = self.orgId
  const siblings = cmd.placement === "siblings"
  if (siblings ? !splitKinds.has(self.kind) : !canContain(self.kind, "branch")) {
    return Result.fail(invalid("organization.cannotSplit", { orgId, kind: self.kind, placement: cmd.placement }))
  }
  const newKind: OrgKind = siblings ? self.kind : "branch"
  const parentId = siblings ? self.parentId : orgId
  if (parentId === undefined) {
    return Result.fail(invalid("organization.cannotSplit", { orgId, kind: self.kind, placement: cmd.placement }))
  }
  const parentKind = siblings ? lookup(states, parentId)?.kind : self.kind
  if (parentKind !== undefined) {
    const edge = checkEdge(parentId, parentKind, cmd.parts[0]!.orgId, newKind)
    if (edge !== undefined) return Result.fail(edge)
  }
  const approvalLevel = checkApprovalLevel(policy, orgId, newKind, self.locus, cmd.approval)
  if (approvalLevel !== undefined) return Result.fail(approvalLevel)
  const moved = new Set<string>()
  const newIds = new Set<string>()
  for (const part of cmd.parts) {
    if (
      part.orgId === orgId || part.orgId === parentId || newIds.has(part.orgId)
      || (lookup(states, part.orgId) ?? initialState).status !== "none"
    ) {
      return Result.fail(invalid("domain.alreadyExists", { entity: "organization", id: part.orgId }))
    }
    newIds.add(part.orgId)
    let full = 0
    for (const memberId of part.memberIds) {
      const status = lookup(self.roster, memberId)
      if (status === undefined || moved.has(memberId)) {
        return Result.fail(invalid("organization.notOnRoster", { orgId, memberId }))
      }
      if (status === "suspended") return Result.fail(invalid("organization.suspendedCannotMove", { orgId, memberId }))
      if (status === "full") full++
      moved.add(memberId)
    }
    // R1 HARD: every new branch needs FM ≥ 3
    const setup = checkSetup(policy, {
      orgId: part.orgId,
      kind: newKind,
      counts: { full, all: part.memberIds.length },
      workNeed: false,
      localConditions: []
    })
    if (setup !== undefined) return Result.fail(setup)
  }
  if (isBranchKind(self.kind)) {
    let remainingFull = 0
    for (const [memberId, status] of Object.entries(self.roster)) {
      if (status === "full" && !moved.has(memberId)) remainingFull++
    }
    // R1 HARD: the branch that remains keeps FM ≥ 3
    const setup = checkSetup(policy, {
      orgId,
      kind: self.kind,
      counts: { full: remainingFull, all: remainingFull },
      workNeed: false,
      localConditions: []
    })
    if (setup !== undefined) return Result.fail(setup)
  }
  const out = new Emitter()
  out.emit(
    orgId,
    OrganizationSplit.make({
      orgId,
      newOrgIds: [...newIds],
      placement: cmd.placement,
      approval: cmd.approval,
      at: cmd.at
    })
  )
  for (const part of cmd.parts) {
    out.emit(
      orgId,
      ...part.memberIds.map((memberId) =>
        RosterMemberRemoved.make({ orgId, memberId, reason: "transferredOut", at: cmd.at })
      )
    )
    out.emit(
      part.orgId,
      OrganizationEstablished.make({
        orgId: part.orgId,
        name: part.name,
        kind: newKind,
        formation: "standalone",
        locus: self.locus,
        parentId,
        approval: cmd.approval,
        coveredUnits: [],
        aliases: [],
        mergedLeadership: false,
        secondTier: false,
        workNeed: false,
        localConditions: [],
        splitFrom: orgId,
        at: cmd.at
      }),
      ...part.memberIds.map((memberId) =>
        RosterMemberAdded.make({
          orgId: part.orgId,
          memberId,
          status: lookup(self.roster, memberId) === "full" ? "full" : "probationary",
          reason: "transferredIn",
          at: cmd.at
        })
      )
    )
    out.emit(
      parentId,
      SubOrganizationAttached.make({ orgId: parentId, childId: part.orgId, childKind: newKind, at: cmd.at })
    )
  }
  return Result.succeed(out.events)
}

const merge = (
  policy: GovernancePolicy,
  self: OrganizationState,
  cmd: typeof MergeOrganization.Type,
  states: TreeStates
): Decision => {
  const orgId = self.orgId
  if (cmd.intoOrgId === orgId) return Result.fail(invalid("organization.mergeIntoSelf", { orgId }))
  const loaded = activeOther(states, cmd.intoOrgId, cmd.at)
  if (Result.isFailure(loaded)) return Result.fail(loaded.failure)
  const target = loaded.success
  // R9 HARD: a temporary branch takes no members
  if (target.kind === "temporaryBranch" && Object.keys(self.roster).length > 0) {
    return Result.fail(violation("R9", "organization.temporaryBranchNoAffiliation", { orgId: cmd.intoOrgId }))
  }
  for (const [childId, childKind] of Object.entries(self.children)) {
    if (childId === cmd.intoOrgId) {
      return Result.fail(violation("R15", "organization.mergeIntoDescendant", { orgId, intoOrgId: cmd.intoOrgId }))
    }
    const edge = checkEdge(cmd.intoOrgId, target.kind, childId, childKind)
    if (edge !== undefined) return Result.fail(edge)
  }
  for (const [memberId, status] of Object.entries(self.roster)) {
    if (status === "suspended") return Result.fail(invalid("organization.suspendedCannotMove", { orgId, memberId }))
    if (has(target.roster, memberId)) {
      return Result.fail(invalid("organization.alreadyOnRoster", { orgId: cmd.intoOrgId, memberId }))
    }
  }
  const approvalLevel = checkApprovalLevel(policy, orgId, self.kind, self.locus, cmd.approval)
  if (approvalLevel !== undefined) return Result.fail(approvalLevel)
  const out = new Emitter()
  const members = Object.entries(self.roster)
  out.emit(
    orgId,
    ...members.map(([memberId]) => RosterMemberRemoved.make({ orgId, memberId, reason: "transferredOut", at: cmd.at })),
    ...Object.keys(self.children).map((childId) => SubOrganizationDetached.make({ orgId, childId, at: cmd.at })),
    OrganizationMerged.make({ orgId, intoOrgId: cmd.intoOrgId, approval: cmd.approval, at: cmd.at })
  )
  if (self.parentId !== undefined) {
    out.emit(self.parentId, SubOrganizationDetached.make({ orgId: self.parentId, childId: orgId, at: cmd.at }))
  }
  out.emit(
    cmd.intoOrgId,
    OrganizationAbsorbed.make({ orgId: cmd.intoOrgId, sourceId: orgId, at: cmd.at }),
    ...members.map(([memberId, status]) =>
      RosterMemberAdded.make({
        orgId: cmd.intoOrgId,
        memberId,
        status: status === "full" ? "full" : "probationary",
        reason: "transferredIn",
        at: cmd.at
      })
    )
  )
  for (const [childId, childKind] of Object.entries(self.children)) {
    out.emit(
      childId,
      OrganizationMoved.make({
        orgId: childId,
        fromParentId: orgId,
        toParentId: cmd.intoOrgId,
        approval: cmd.approval,
        at: cmd.at
      })
    )
    out.emit(cmd.intoOrgId, SubOrganizationAttached.make({ orgId: cmd.intoOrgId, childId, childKind, at: cmd.at }))
  }
  return Result.succeed(out.events)
}

const dissolve = (
  policy: GovernancePolicy,
  self: OrganizationState,
  cmd: typeof DissolveOrganization.Type
): Decision => {
  const orgId = self.orgId
  const automatic = cmd.reason === "hostBodyDissolved"
  // R9: only a temporary branch ends with its host body, automatically
  if (automatic && self.kind !== "temporaryBranch") {
    return Result.fail(invalid("organization.notTemporary", { orgId, kind: self.kind }))
  }
  if (!automatic) {
    // R6 HARD: dissolving an organization needs the higher organization's approval
    if (cmd.approval === undefined) return Result.fail(violation("R6", "organization.approvalRequired", { orgId }))
    const approvalLevel = checkApprovalLevel(policy, orgId, self.kind, self.locus, cmd.approval)
    if (approvalLevel !== undefined) return Result.fail(approvalLevel)
  }
  // R15 HARD: sub-organizations are moved or dissolved first (or the organization is merged)
  if (childIds(self).length > 0) {
    return Result.fail(violation("R15", "organization.hasSubOrganizations", { orgId, children: childIds(self).length }))
  }
  const onRoster = Object.keys(self.roster).length
  // R38 HARD: every member stays in exactly one organization: transfer them first (or merge)
  if (onRoster > 0) return Result.fail(violation("R38", "organization.rosterNotEmpty", { orgId, members: onRoster }))
  const out = new Emitter()
  out.emit(
    orgId,
    OrganizationDissolved.make({
      orgId,
      reason: cmd.reason,
      ...(cmd.approval === undefined ? {} : { approval: cmd.approval }),
      at: cmd.at
    })
  )
  if (self.parentId !== undefined) {
    out.emit(self.parentId, SubOrganizationDetached.make({ orgId: self.parentId, childId: orgId, at: cmd.at }))
  }
  return Result.succeed(out.events)
}

/**
 * Decides a tree command over the states of the organizations it needs ({@link requiredStreams}; the route
 * loads every one of them), with the policy in force on its date. An organization missing from `states` is
 * taken as one that does not exist.
 *
 * @category decisions
 * @since 0.1.0
 */
export const decideTreeWith = (policy: GovernancePolicy, command: TreeCommand, states: TreeStates): Decision => {
  const self = lookup(states, command.orgId) ?? initialState
  // An establishment decides on an organization that does not exist yet; every other tree command needs an
  // active one, checked once before the dispatch.
  if (command._tag !== "EstablishOrganization") {
    const inactive = requireActive(self, command.orgId, command.at)
    if (inactive !== undefined) return Result.fail(inactive)
  }
  switch (command._tag) {
    case "EstablishOrganization":
      return establish(policy, command, states)
    case "UpgradeOrganization":
      return upgrade(policy, self, command, states)
    case "DowngradeOrganization":
      return downgrade(policy, self, command)
    case "MoveOrganization":
      return move(policy, self, command, states)
    case "SplitOrganization":
      return split(policy, self, command, states)
    case "MergeOrganization":
      return merge(policy, self, command, states)
    case "DissolveOrganization":
      return dissolve(policy, self, command)
    default: {
      const _exhaustive: never = command
      return Result.fail(unknownCommand(_exhaustive))
    }
  }
}

/**
 * Decides a tree command with the policy in force on its legal date.
 *
 * @category decisions
 * @since 0.1.0
 */
export const decideTree = (policies: Policies, command: TreeCommand, states: TreeStates): Decision =>
  decideTreeWith(policyAt(toTimeline(policies), command.at), command, states)
