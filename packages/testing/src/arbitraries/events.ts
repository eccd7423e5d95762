/**
 * Every organization event, one arbitrary per `_tag` and one for the union `Organization.OrganizationEvent`.
 * Values decode with the union's Schema and round-trip through `Dangjian.codec`; they are not a consistent
 * history (for that, generate commands and decide them: `organizationHistory`).
 *
 * @since 0.1.0
 */
import { Organization } from "@dangjian/core"
import fc from "fast-check"
import { tagged } from "../internal/tagged.ts"
import type { ValueOptions } from "./values.ts"
import { values } from "./values.ts"

type Ev<Tag extends Organization.OrganizationEvent["_tag"]> = Extract<
  Organization.OrganizationEvent,
  { readonly _tag: Tag }
>

/**
 * An arbitrary for every organization event, by `_tag`.
 *
 * @since 0.1.0
 * @category models
 */
export type OrganizationEventArbitraries = {
  readonly [Tag in Organization.OrganizationEvent["_tag"]]: fc.Arbitrary<Ev<Tag>>
}

/**
 * One arbitrary per organization event (`RosterMemberAdded` … `HubHouseholdRevoked`), over the ids and
 * dates of `options`.
 *
 * @since 0.1.0
 * @category organization events
 */
export const organizationEventArbitraries = (options: ValueOptions = {}): OrganizationEventArbitraries => {
  const v = values(options)
  const { approval, count, date: at, memberId, memberIds, orgId } = v
  const groupId = v.entityId("g")
  const hubId = v.entityId("hub")
  const unitId = v.entityId("u")
  const aliases = fc.uniqueArray(fc.constantFrom("alias-1", "alias-2", "alias-3"))
  const years = fc.integer({ min: 1, max: 5 })
  return {
    RosterMemberAdded: tagged<Ev<"RosterMemberAdded">>("RosterMemberAdded", {
      orgId,
      memberId,
      status: fc.constantFrom(...Organization.JoiningStatus.literals),
      reason: fc.constantFrom(...Organization.JoinReason.literals),
      at
    }, {}),
    RosterMemberRemoved: tagged<Ev<"RosterMemberRemoved">>("RosterMemberRemoved", {
      orgId,
      memberId,
      reason: fc.constantFrom(...Organization.LeaveReason.literals),
      at
    }, {}),
    RosterMemberStatusChanged: tagged<Ev<"RosterMemberStatusChanged">>("RosterMemberStatusChanged", {
      orgId,
      memberId,
      status: fc.constantFrom(...Organization.RosterStatus.literals),
      at
    }, {}),
    OrganizationEstablished: tagged<Ev<"OrganizationEstablished">>("OrganizationEstablished", {
      orgId,
      name: v.entityId("name-"),
      kind: v.kind,
      formation: v.formation,
      locus: v.locus,
      approval,
      coveredUnits: v.coveredUnits,
      aliases,
      mergedLeadership: fc.boolean(),
      secondTier: fc.boolean(),
      workNeed: fc.boolean(),
      localConditions: v.localConditions,
      at
    }, {
      parentId: orgId,
      hostVillageOrgId: orgId,
      hostBodyId: v.entityId("body-"),
      originOrgId: orgId,
      hostOrgId: orgId,
      hostConsentAt: at,
      projectMonths: fc.integer({ min: 0, max: 36 }),
      splitFrom: orgId
    }),
    SubOrganizationAttached: tagged<Ev<"SubOrganizationAttached">>("SubOrganizationAttached", {
      orgId,
      childId: orgId,
      childKind: v.kind,
      at
    }, {}),
    SubOrganizationDetached: tagged<Ev<"SubOrganizationDetached">>("SubOrganizationDetached", {
      orgId,
      childId: orgId,
      at
    }, {}),
    SubOrganizationKindChanged: tagged<Ev<"SubOrganizationKindChanged">>("SubOrganizationKindChanged", {
      orgId,
      childId: orgId,
      childKind: v.kind,
      at
    }, {}),
    OrganizationUpgraded: tagged<Ev<"OrganizationUpgraded">>("OrganizationUpgraded", {
      orgId,
      from: v.kind,
      to: v.kind,
      approval,
      workNeed: fc.boolean(),
      localConditions: v.localConditions,
      secondTier: fc.boolean(),
      at
    }, {}),
    OrganizationDowngraded: tagged<Ev<"OrganizationDowngraded">>("OrganizationDowngraded", {
      orgId,
      from: v.kind,
      to: v.kind,
      approval,
      at
    }, {}),
    OrganizationMoved: tagged<Ev<"OrganizationMoved">>("OrganizationMoved", {
      orgId,
      toParentId: orgId,
      approval,
      at
    }, { fromParentId: orgId }),
    OrganizationSplit: tagged<Ev<"OrganizationSplit">>("OrganizationSplit", {
      orgId,
      newOrgIds: fc.uniqueArray(fc.integer({ min: 1, max: 5 }).map((n) => `split-${n}`), { minLength: 1 }),
      placement: fc.constantFrom("siblings", "children"),
      approval,
      at
    }, {}),
    OrganizationMerged: tagged<Ev<"OrganizationMerged">>("OrganizationMerged", {
      orgId,
      intoOrgId: orgId,
      approval,
      at
    }, {}),
    OrganizationAbsorbed: tagged<Ev<"OrganizationAbsorbed">>("OrganizationAbsorbed", {
      orgId,
      sourceId: orgId,
      at
    }, {}),
    OrganizationDissolved: tagged<Ev<"OrganizationDissolved">>("OrganizationDissolved", {
      orgId,
      reason: fc.constantFrom(...Organization.DissolutionReason.literals),
      at
    }, { approval }),
    VillageConvertedToCommunity: tagged<Ev<"VillageConvertedToCommunity">>("VillageConvertedToCommunity", {
      orgId,
      communityName: v.entityId("community-"),
      at
    }, {}),
    OrganizationAdjusted: tagged<Ev<"OrganizationAdjusted">>("OrganizationAdjusted", {
      orgId,
      approval,
      locus: v.locus,
      formation: v.formation,
      aliases,
      mergedLeadership: fc.boolean(),
      at
    }, {}),
    UnitCovered: tagged<Ev<"UnitCovered">>("UnitCovered", {
      orgId,
      unitId,
      fullCount: fc.integer({ min: 0, max: 20 }),
      at
    }, {}),
    UnitUncovered: tagged<Ev<"UnitUncovered">>("UnitUncovered", { orgId, unitId, at }, {}),
    CommitteeElected: tagged<Ev<"CommitteeElected">>("CommitteeElected", {
      orgId,
      body: fc.constantFrom(...Organization.ElectingBody.literals),
      seats: fc.integer({ min: 0, max: 11 }),
      candidates: fc.integer({ min: 0, max: 14 }),
      memberIds,
      entitled: count,
      present: count,
      excluded: fc.integer({ min: 0, max: 10 }),
      termYears: years,
      termEndsAt: at,
      at
    }, {}),
    SecretaryElected: tagged<Ev<"SecretaryElected">>("SecretaryElected", {
      orgId,
      secretaryId: memberId,
      deputyIds: fc.uniqueArray(memberId, { maxLength: 2 }),
      electedBy: fc.constantFrom("committee", "generalMeeting"),
      at
    }, { termYears: years, termEndsAt: at }),
    SecretaryApproved: tagged<Ev<"SecretaryApproved">>("SecretaryApproved", {
      orgId,
      secretaryId: memberId,
      deputyIds: fc.uniqueArray(memberId, { maxLength: 2 }),
      approval,
      at
    }, {}),
    LeadershipAppointed: tagged<Ev<"LeadershipAppointed">>("LeadershipAppointed", {
      orgId,
      secretaryId: memberId,
      deputyIds: fc.uniqueArray(memberId, { maxLength: 2 }),
      committeeIds: memberIds,
      approval,
      at
    }, {}),
    TermExtended: tagged<Ev<"TermExtended">>("TermExtended", {
      orgId,
      months: fc.integer({ min: -12, max: 24 }),
      endsAt: at,
      approval,
      exceptional: fc.boolean(),
      at
    }, {}),
    GeneralMeetingVoteRecorded: tagged<Ev<"GeneralMeetingVoteRecorded">>("GeneralMeetingVoteRecorded", {
      orgId,
      matter: v.entityId("motion-"),
      entitled: count,
      present: count,
      yes: count,
      passed: fc.boolean(),
      at
    }, {}),
    ConcurrentPostsRecorded: tagged<Ev<"ConcurrentPostsRecorded">>("ConcurrentPostsRecorded", {
      orgId,
      secretaryIsDirector: fc.boolean(),
      secretaryHeadsCollective: fc.boolean(),
      crossAppointed: fc.integer({ min: 0, max: 9 }),
      at
    }, {}),
    PartyGroupFormed: tagged<Ev<"PartyGroupFormed">>("PartyGroupFormed", {
      orgId,
      groupId,
      groupType: fc.constantFrom(...Organization.GroupType.literals),
      memberIds,
      at
    }, { leaderId: memberId }),
    PartyGroupReorganized: tagged<Ev<"PartyGroupReorganized">>("PartyGroupReorganized", {
      orgId,
      groupId,
      memberIds,
      at
    }, { leaderId: memberId }),
    PartyGroupDisbanded: tagged<Ev<"PartyGroupDisbanded">>("PartyGroupDisbanded", { orgId, groupId, at }, {}),
    HubHouseholdDesignated: tagged<Ev<"HubHouseholdDesignated">>("HubHouseholdDesignated", {
      orgId,
      groupId,
      hubId,
      memberId,
      at
    }, { linkedHouseholds: fc.integer({ min: 0, max: 15 }) }),
    HubHouseholdRevoked: tagged<Ev<"HubHouseholdRevoked">>("HubHouseholdRevoked", { orgId, groupId, hubId, at }, {})
  }
}

/**
 * Any organization event (every member of `Organization.OrganizationEvent`); each value decodes with that
 * Schema.
 *
 * @since 0.1.0
 * @category organization events
 */
export const organizationEvent = (options: ValueOptions = {}): fc.Arbitrary<Organization.OrganizationEvent> =>
  fc.oneof(...Object.values<fc.Arbitrary<Organization.OrganizationEvent>>(organizationEventArbitraries(options)))
