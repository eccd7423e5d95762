/**
 * Every organization command, one arbitrary per `_tag` and one per union (`Organization.OrganizationCommand`,
 * `Organization.TreeCommand`, and both together as `Dangjian.Command`). Values are structurally valid (each
 * decodes with its Schema) but not necessarily accepted: use them to probe deciders and decoders with
 * commands of every shape. For accepted histories see `organizationHistory` and `organizationTree`.
 *
 * @since 0.1.0
 */
import type { LegalDate } from "@dangjian/core"
import { Organization } from "@dangjian/core"
import fc from "fast-check"
import { actor, oneOfRecord, tagged } from "../internal/tagged.ts"
import { legalDate } from "./dates.ts"
import type { ValueOptions } from "./values.ts"
import { values } from "./values.ts"

type Cmd<Tag extends Organization.OrganizationCommand["_tag"]> = Extract<
  Organization.OrganizationCommand,
  { readonly _tag: Tag }
>
type TreeCmd<Tag extends Organization.TreeCommand["_tag"]> = Extract<Organization.TreeCommand, { readonly _tag: Tag }>

/**
 * An arbitrary for every single-stream organization command, by `_tag`.
 *
 * @since 0.1.0
 * @category models
 */
export type OrganizationCommandArbitraries = {
  readonly [Tag in Organization.OrganizationCommand["_tag"]]: fc.Arbitrary<Cmd<Tag>>
}

/**
 * An arbitrary for every tree command, by `_tag`.
 *
 * @since 0.1.0
 * @category models
 */
export type TreeCommandArbitraries = {
  readonly [Tag in Organization.TreeCommand["_tag"]]: fc.Arbitrary<TreeCmd<Tag>>
}

/**
 * One arbitrary per single-stream organization command (`AddRosterMember` … `UncoverUnit`), over the ids
 * and dates of `options`.
 *
 * @since 0.1.0
 * @category organization commands
 */
export const organizationCommandArbitraries = (options: ValueOptions = {}): OrganizationCommandArbitraries => {
  const v = values(options)
  const { approval, count, date: at, memberId, memberIds, orgId, vote } = v
  const groupId = v.entityId("g")
  const adjustment = fc.record(
    {
      approval,
      locus: v.locus,
      formation: v.formation,
      aliases: fc.uniqueArray(fc.constantFrom("alias-1", "alias-2", "alias-3")),
      mergedLeadership: fc.boolean()
    },
    { requiredKeys: ["approval"] }
  )
  return {
    AddRosterMember: tagged<Cmd<"AddRosterMember">>("AddRosterMember", {
      orgId,
      memberId,
      status: fc.constantFrom(...Organization.JoiningStatus.literals),
      reason: fc.constantFrom(...Organization.JoinReason.literals),
      at
    }, { actor }),
    RemoveRosterMember: tagged<Cmd<"RemoveRosterMember">>("RemoveRosterMember", {
      orgId,
      memberId,
      reason: fc.constantFrom(...Organization.LeaveReason.literals),
      at
    }, { actor }),
    ChangeRosterStatus: tagged<Cmd<"ChangeRosterStatus">>("ChangeRosterStatus", {
      orgId,
      memberId,
      status: fc.constantFrom(...Organization.RosterStatus.literals),
      at
    }, { actor }),
    ElectCommittee: tagged<Cmd<"ElectCommittee">>("ElectCommittee", {
      orgId,
      body: fc.constantFrom(...Organization.ElectingBody.literals),
      seats: fc.integer({ min: 0, max: 11 }),
      candidates: fc.uniqueArray(vote, { maxLength: 9, selector: (c) => c.memberId }),
      entitled: count,
      present: count,
      ballotsIssued: count,
      ballotsCollected: count,
      at
    }, {
      excluded: fc.record({ count: fc.integer({ min: 0, max: 10 }), approval }),
      approval,
      dispersed: fc.boolean(),
      memberCount: fc.integer({ min: 0, max: 1_000 }),
      actor
    }),
    ElectSecretary: tagged<Cmd<"ElectSecretary">>("ElectSecretary", {
      orgId,
      electedBy: fc.constantFrom("committee", "generalMeeting"),
      secretary: vote,
      deputies: fc.uniqueArray(vote, { maxLength: 3, selector: (c) => c.memberId }),
      entitled: count,
      present: count,
      at
    }, { actor }),
    ApproveSecretary: tagged<Cmd<"ApproveSecretary">>("ApproveSecretary", { orgId, approval, at }, { actor }),
    AppointLeadership: tagged<Cmd<"AppointLeadership">>("AppointLeadership", {
      orgId,
      secretaryId: memberId,
      deputyIds: fc.uniqueArray(memberId, { maxLength: 2 }),
      committeeIds: memberIds,
      approval,
      at
    }, { actor }),
    ExtendTerm: tagged<Cmd<"ExtendTerm">>("ExtendTerm", {
      orgId,
      months: fc.integer({ min: 1, max: 24 }),
      approval,
      at
    }, { exceptional: fc.boolean(), actor }),
    RecordGeneralMeetingVote: tagged<Cmd<"RecordGeneralMeetingVote">>("RecordGeneralMeetingVote", {
      orgId,
      matter: v.entityId("motion-"),
      entitled: count,
      present: count,
      yes: count,
      at
    }, { actor }),
    RecordConcurrentPosts: tagged<Cmd<"RecordConcurrentPosts">>("RecordConcurrentPosts", {
      orgId,
      secretaryIsDirector: fc.boolean(),
      secretaryHeadsCollective: fc.boolean(),
      crossAppointed: fc.integer({ min: 0, max: 9 }),
      at
    }, { actor }),
    FormPartyGroup: tagged<Cmd<"FormPartyGroup">>("FormPartyGroup", {
      orgId,
      groupId,
      groupType: fc.constantFrom(...Organization.GroupType.literals),
      memberIds,
      at
    }, { leaderId: memberId, actor }),
    ReorganizePartyGroup: tagged<Cmd<"ReorganizePartyGroup">>("ReorganizePartyGroup", {
      orgId,
      groupId,
      memberIds,
      at
    }, { leaderId: memberId, actor }),
    DisbandPartyGroup: tagged<Cmd<"DisbandPartyGroup">>("DisbandPartyGroup", { orgId, groupId, at }, { actor }),
    DesignateHubHousehold: tagged<Cmd<"DesignateHubHousehold">>("DesignateHubHousehold", {
      orgId,
      groupId,
      hubId: v.entityId("hub"),
      memberId,
      at
    }, { linkedHouseholds: fc.integer({ min: 0, max: 15 }), actor }),
    RevokeHubHousehold: tagged<Cmd<"RevokeHubHousehold">>("RevokeHubHousehold", {
      orgId,
      groupId,
      hubId: v.entityId("hub"),
      at
    }, { actor }),
    ConvertVillageToCommunity: tagged<Cmd<"ConvertVillageToCommunity">>("ConvertVillageToCommunity", {
      orgId,
      communityName: v.entityId("community-"),
      at
    }, { adjustment, actor }),
    AdjustOrganization: tagged<Cmd<"AdjustOrganization">>("AdjustOrganization", { orgId, adjustment, at }, {
      actor
    }),
    CoverUnit: tagged<Cmd<"CoverUnit">>("CoverUnit", {
      orgId,
      unitId: v.entityId("u"),
      fullCount: fc.integer({ min: 0, max: 20 }),
      at
    }, { actor }),
    UncoverUnit: tagged<Cmd<"UncoverUnit">>("UncoverUnit", { orgId, unitId: v.entityId("u"), at }, { actor })
  }
}

/**
 * One arbitrary per tree command (`EstablishOrganization` … `DissolveOrganization`), over the ids and dates
 * of `options`.
 *
 * @since 0.1.0
 * @category organization commands
 */
export const treeCommandArbitraries = (options: ValueOptions = {}): TreeCommandArbitraries => {
  const v = values(options)
  const { approval, date: at, memberId, orgId } = v
  const initialMember = fc.record({ memberId, status: fc.constantFrom(...Organization.JoiningStatus.literals) })
  return {
    EstablishOrganization: tagged<TreeCmd<"EstablishOrganization">>("EstablishOrganization", {
      orgId,
      name: v.entityId("name-"),
      kind: v.kind,
      formation: v.formation,
      locus: v.locus,
      approval,
      initialMembers: fc.uniqueArray(initialMember, { maxLength: 9, selector: (m) => m.memberId }),
      at
    }, {
      parentId: orgId,
      coveredUnits: v.coveredUnits,
      aliases: fc.uniqueArray(fc.constantFrom("alias-1", "alias-2")),
      mergedLeadership: fc.boolean(),
      secondTier: fc.boolean(),
      workNeed: fc.boolean(),
      localConditions: v.localConditions,
      hostVillageOrgId: orgId,
      hostBodyId: v.entityId("body-"),
      originOrgId: orgId,
      hostOrgId: orgId,
      hostConsentAt: at,
      projectMonths: fc.integer({ min: 0, max: 36 }),
      actor
    }),
    UpgradeOrganization: tagged<TreeCmd<"UpgradeOrganization">>("UpgradeOrganization", {
      orgId,
      to: v.kind,
      approval,
      at
    }, { workNeed: fc.boolean(), localConditions: v.localConditions, secondTier: fc.boolean(), actor }),
    DowngradeOrganization: tagged<TreeCmd<"DowngradeOrganization">>("DowngradeOrganization", {
      orgId,
      to: v.kind,
      approval,
      at
    }, { actor }),
    MoveOrganization: tagged<TreeCmd<"MoveOrganization">>("MoveOrganization", {
      orgId,
      toParentId: orgId,
      approval,
      at
    }, { actor }),
    SplitOrganization: tagged<TreeCmd<"SplitOrganization">>("SplitOrganization", {
      orgId,
      placement: fc.constantFrom("siblings", "children"),
      parts: fc.uniqueArray(
        fc.record({
          orgId: fc.integer({ min: 1, max: 5 }).map((n) => `split-${n}`),
          name: v.entityId("name-"),
          memberIds: v.memberIds
        }),
        { minLength: 1, maxLength: 3, selector: (p) => p.orgId }
      ),
      approval,
      at
    }, { actor }),
    MergeOrganization: tagged<TreeCmd<"MergeOrganization">>("MergeOrganization", {
      orgId,
      intoOrgId: orgId,
      approval,
      at
    }, { actor }),
    DissolveOrganization: tagged<TreeCmd<"DissolveOrganization">>("DissolveOrganization", {
      orgId,
      reason: fc.constantFrom(...Organization.DissolutionReason.literals),
      at
    }, { approval, actor })
  }
}

/**
 * Any single-stream organization command (every member of `Organization.OrganizationCommand`); each value
 * decodes with that Schema.
 *
 * @since 0.1.0
 * @category organization commands
 */
export const organizationCommand = (options: ValueOptions = {}): fc.Arbitrary<Organization.OrganizationCommand> =>
  oneOfRecord<Organization.OrganizationCommand>(organizationCommandArbitraries(options))

/**
 * Any tree command (every member of `Organization.TreeCommand`); each value decodes with that Schema.
 *
 * @since 0.1.0
 * @category organization commands
 */
export const treeCommand = (options: ValueOptions = {}): fc.Arbitrary<Organization.TreeCommand> =>
  oneOfRecord<Organization.TreeCommand>(treeCommandArbitraries(options))

/**
 * Any organization command, tree or single-stream (every member of `Dangjian.Command`).
 *
 * @since 0.1.0
 * @category organization commands
 */
export const command = (
  options: ValueOptions = {}
): fc.Arbitrary<Organization.OrganizationCommand | Organization.TreeCommand> =>
  fc.oneof(treeCommand(options), organizationCommand(options))

const memberIdOf = (pool: number): fc.Arbitrary<string> =>
  fc.integer({ min: 0, max: Math.max(0, pool - 1) }).map((n) => `m${n}`)

/**
 * Roster commands (`AddRosterMember`, `RemoveRosterMember`, `ChangeRosterStatus`) and covered-unit commands
 * (`CoverUnit`, `UncoverUnit`) on one organization, over a pool of `memberPool` member ids `m0…`, dated
 * within `dates`: the commands most often accepted on an established branch. Every value decodes with
 * `Organization.OrganizationCommand`.
 *
 * @since 0.1.0
 * @category organization commands
 */
export const rosterCommand = (
  orgId: string,
  options: { readonly memberPool?: number; readonly dates?: fc.Arbitrary<LegalDate.LegalDate> } = {}
): fc.Arbitrary<Organization.OrganizationCommand> => {
  const memberId = memberIdOf(options.memberPool ?? 8)
  const at = options.dates ?? legalDate({ min: "2020-01-01", max: "2030-12-31" })
  const unitId = fc.constantFrom("u1", "u2", "u3")
  return fc.oneof(
    fc.record({
      _tag: fc.constant("AddRosterMember" as const),
      orgId: fc.constant(orgId),
      memberId,
      status: fc.constantFrom(...Organization.JoiningStatus.literals),
      reason: fc.constantFrom(...Organization.JoinReason.literals),
      at
    }),
    fc.record({
      _tag: fc.constant("RemoveRosterMember" as const),
      orgId: fc.constant(orgId),
      memberId,
      reason: fc.constantFrom(...Organization.LeaveReason.literals),
      at
    }),
    fc.record({
      _tag: fc.constant("ChangeRosterStatus" as const),
      orgId: fc.constant(orgId),
      memberId,
      status: fc.constantFrom(...Organization.RosterStatus.literals),
      at
    }),
    fc.record({
      _tag: fc.constant("CoverUnit" as const),
      orgId: fc.constant(orgId),
      unitId,
      fullCount: fc.integer({ min: 0, max: 20 }),
      at
    }),
    fc.record({ _tag: fc.constant("UncoverUnit" as const), orgId: fc.constant(orgId), unitId, at })
  )
}
