/**
 * The events of the organization stream (`organization-<orgId>`).
 *
 * These tags and fields are the stored format: they are versioned with upcasters and never renamed or
 * reshaped in place. Ids are opaque; no event carries a member's personal data.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import * as EventDefinition from "../kernel/EventDefinition.ts"
import { LegalDate } from "../LegalDate.ts"
import { Count, Ids } from "../units.ts"
import {
  Approval,
  CoveredUnit,
  DissolutionReason,
  ElectingBody,
  FormationMode,
  GroupType,
  JoiningStatus,
  JoinReason,
  LeaveReason,
  LocalConditions,
  Locus,
  OrgKind,
  RosterStatus
} from "./model.ts"

// ---------------------------------------------------------------------------------------------------------
// Roster (the contract the membership pillar appends to, together with member-stream events)
// ---------------------------------------------------------------------------------------------------------

/**
 * A member joined the roster with a status (R38: exactly one formal affiliation).
 *
 * @category events
 * @since 0.1.0
 */
export const RosterMemberAdded = Schema.TaggedStruct("RosterMemberAdded", {
  orgId: Schema.String,
  memberId: Schema.String,
  status: JoiningStatus,
  reason: JoinReason,
  at: LegalDate
})

/**
 * A member left the roster.
 *
 * @category events
 * @since 0.1.0
 */
export const RosterMemberRemoved = Schema.TaggedStruct("RosterMemberRemoved", {
  orgId: Schema.String,
  memberId: Schema.String,
  reason: LeaveReason,
  at: LegalDate
})

/**
 * A member's status on the roster changed (conversion to full, suspension, restoration).
 *
 * @category events
 * @since 0.1.0
 */
export const RosterMemberStatusChanged = Schema.TaggedStruct("RosterMemberStatusChanged", {
  orgId: Schema.String,
  memberId: Schema.String,
  status: RosterStatus,
  at: LegalDate
})

// ---------------------------------------------------------------------------------------------------------
// Establishment and the tree
// ---------------------------------------------------------------------------------------------------------

/**
 * An organization was set up (R1, R2, R6, R9–R11, R14, R27, R48).
 *
 * @category events
 * @since 0.1.0
 */
export const OrganizationEstablished = Schema.TaggedStruct("OrganizationEstablished", {
  orgId: Schema.String,
  name: Schema.String,
  kind: OrgKind,
  formation: FormationMode,
  locus: Locus,
  parentId: Schema.optionalKey(Schema.String),
  approval: Approval,
  coveredUnits: Schema.Array(CoveredUnit),
  aliases: Ids,
  mergedLeadership: Schema.Boolean,
  secondTier: Schema.Boolean,
  workNeed: Schema.Boolean,
  localConditions: LocalConditions,
  hostVillageOrgId: Schema.optionalKey(Schema.String),
  hostBodyId: Schema.optionalKey(Schema.String),
  originOrgId: Schema.optionalKey(Schema.String),
  hostOrgId: Schema.optionalKey(Schema.String),
  hostConsentAt: Schema.optionalKey(LegalDate),
  projectMonths: Schema.optionalKey(Count),
  splitFrom: Schema.optionalKey(Schema.String),
  at: LegalDate
})

/**
 * A sub-organization was attached below this one (recorded on the parent's stream, in the same append as
 * the child's event, so the parent always knows its children and their kinds).
 *
 * @category events
 * @since 0.1.0
 */
export const SubOrganizationAttached = Schema.TaggedStruct("SubOrganizationAttached", {
  orgId: Schema.String,
  childId: Schema.String,
  childKind: OrgKind,
  at: LegalDate
})

/**
 * A sub-organization left this one (dissolved, merged or moved).
 *
 * @category events
 * @since 0.1.0
 */
export const SubOrganizationDetached = Schema.TaggedStruct("SubOrganizationDetached", {
  orgId: Schema.String,
  childId: Schema.String,
  at: LegalDate
})

/**
 * A sub-organization changed kind (upgrade or downgrade).
 *
 * @category events
 * @since 0.1.0
 */
export const SubOrganizationKindChanged = Schema.TaggedStruct("SubOrganizationKindChanged", {
  orgId: Schema.String,
  childId: Schema.String,
  childKind: OrgKind,
  at: LegalDate
})

/**
 * The organization was upgraded (branch → general branch or committee, general branch → committee; R4, R5).
 *
 * @category events
 * @since 0.1.0
 */
export const OrganizationUpgraded = Schema.TaggedStruct("OrganizationUpgraded", {
  orgId: Schema.String,
  from: OrgKind,
  to: OrgKind,
  approval: Approval,
  workNeed: Schema.Boolean,
  localConditions: LocalConditions,
  secondTier: Schema.Boolean,
  at: LegalDate
})

/**
 * The organization was downgraded (R7).
 *
 * @category events
 * @since 0.1.0
 */
export const OrganizationDowngraded = Schema.TaggedStruct("OrganizationDowngraded", {
  orgId: Schema.String,
  from: OrgKind,
  to: OrgKind,
  approval: Approval,
  at: LegalDate
})

/**
 * The organization was placed under another parent (R15, R55).
 *
 * @category events
 * @since 0.1.0
 */
export const OrganizationMoved = Schema.TaggedStruct("OrganizationMoved", {
  orgId: Schema.String,
  fromParentId: Schema.optionalKey(Schema.String),
  toParentId: Schema.String,
  approval: Approval,
  at: LegalDate
})

/**
 * Part of the organization's members formed new organizations (R3 split).
 *
 * @category events
 * @since 0.1.0
 */
export const OrganizationSplit = Schema.TaggedStruct("OrganizationSplit", {
  orgId: Schema.String,
  newOrgIds: Ids,
  placement: Schema.Literals(["siblings", "children"]),
  approval: Approval,
  at: LegalDate
})

/**
 * The organization was merged into another one and ceased (R7); its members and sub-organizations moved.
 *
 * @category events
 * @since 0.1.0
 */
export const OrganizationMerged = Schema.TaggedStruct("OrganizationMerged", {
  orgId: Schema.String,
  intoOrgId: Schema.String,
  approval: Approval,
  at: LegalDate
})

/**
 * The organization absorbed a merged one.
 *
 * @category events
 * @since 0.1.0
 */
export const OrganizationAbsorbed = Schema.TaggedStruct("OrganizationAbsorbed", {
  orgId: Schema.String,
  sourceId: Schema.String,
  at: LegalDate
})

/**
 * The organization was dissolved (R6, R7, R9).
 *
 * @category events
 * @since 0.1.0
 */
export const OrganizationDissolved = Schema.TaggedStruct("OrganizationDissolved", {
  orgId: Schema.String,
  reason: DissolutionReason,
  approval: Schema.optionalKey(Approval),
  at: LegalDate
})

/**
 * The village became a community (R8).
 *
 * @category events
 * @since 0.1.0
 */
export const VillageConvertedToCommunity = Schema.TaggedStruct("VillageConvertedToCommunity", {
  orgId: Schema.String,
  communityName: Schema.String,
  at: LegalDate
})

/**
 * The organization was adjusted with approval: locus, formation, aliases, merged leadership (R8, R27).
 *
 * @category events
 * @since 0.1.0
 */
export const OrganizationAdjusted = Schema.TaggedStruct("OrganizationAdjusted", {
  orgId: Schema.String,
  approval: Approval,
  locus: Locus,
  formation: FormationMode,
  aliases: Ids,
  mergedLeadership: Schema.Boolean,
  at: LegalDate
})

/**
 * A joint organization covers a unit, or records a unit's new full-member count (R2).
 *
 * @category events
 * @since 0.1.0
 */
export const UnitCovered = Schema.TaggedStruct("UnitCovered", {
  orgId: Schema.String,
  unitId: Schema.String,
  fullCount: Count,
  at: LegalDate
})

/**
 * A unit left a joint organization.
 *
 * @category events
 * @since 0.1.0
 */
export const UnitUncovered = Schema.TaggedStruct("UnitUncovered", {
  orgId: Schema.String,
  unitId: Schema.String,
  at: LegalDate
})

// ---------------------------------------------------------------------------------------------------------
// Leadership, elections and terms
// ---------------------------------------------------------------------------------------------------------

/**
 * A committee was elected (R16, R19, R23, R24). `termEndsAt` is computed with the policy in force on the
 * election date, so a replay keeps the rules of its time (C1, C13).
 *
 * @category events
 * @since 0.1.0
 */
export const CommitteeElected = Schema.TaggedStruct("CommitteeElected", {
  orgId: Schema.String,
  body: ElectingBody,
  seats: Count,
  candidates: Count,
  memberIds: Ids,
  entitled: Count,
  present: Count,
  excluded: Count,
  termYears: Count,
  termEndsAt: LegalDate,
  at: LegalDate
})

/**
 * A secretary (and deputies) were elected; in force once approved (R19). When the general meeting elects
 * them (a branch without committee), the election renews the term and `termEndsAt` is set.
 *
 * @category events
 * @since 0.1.0
 */
export const SecretaryElected = Schema.TaggedStruct("SecretaryElected", {
  orgId: Schema.String,
  secretaryId: Schema.String,
  deputyIds: Ids,
  electedBy: Schema.Literals(["committee", "generalMeeting"]),
  termYears: Schema.optionalKey(Count),
  termEndsAt: Schema.optionalKey(LegalDate),
  at: LegalDate
})

/**
 * The higher organization approved the elected secretary and deputies (R19).
 *
 * @category events
 * @since 0.1.0
 */
export const SecretaryApproved = Schema.TaggedStruct("SecretaryApproved", {
  orgId: Schema.String,
  secretaryId: Schema.String,
  deputyIds: Ids,
  approval: Approval,
  at: LegalDate
})

/**
 * The higher organization appointed the leadership (R9 temporary branches; R19 assignment when necessary).
 *
 * @category events
 * @since 0.1.0
 */
export const LeadershipAppointed = Schema.TaggedStruct("LeadershipAppointed", {
  orgId: Schema.String,
  secretaryId: Schema.String,
  deputyIds: Ids,
  committeeIds: Ids,
  approval: Approval,
  at: LegalDate
})

/**
 * The term was extended (or the renewal advanced) with approval (R22).
 *
 * @category events
 * @since 0.1.0
 */
export const TermExtended = Schema.TaggedStruct("TermExtended", {
  orgId: Schema.String,
  months: Schema.Int,
  endsAt: LegalDate,
  approval: Approval,
  exceptional: Schema.Boolean,
  at: LegalDate
})

/**
 * A general meeting voted on a matter (R25): `passed` when yes-votes are more than half of those entitled.
 *
 * @category events
 * @since 0.1.0
 */
export const GeneralMeetingVoteRecorded = Schema.TaggedStruct("GeneralMeetingVoteRecorded", {
  orgId: Schema.String,
  matter: Schema.String,
  entitled: Count,
  present: Count,
  yes: Count,
  passed: Schema.Boolean,
  at: LegalDate
})

/**
 * Who holds the village posts besides the Party ones (R26): whether the secretary is also village-committee
 * director and head of the collective economy, and how many committee members are cross-appointed.
 *
 * @category events
 * @since 0.1.0
 */
export const ConcurrentPostsRecorded = Schema.TaggedStruct("ConcurrentPostsRecorded", {
  orgId: Schema.String,
  secretaryIsDirector: Schema.Boolean,
  secretaryHeadsCollective: Schema.Boolean,
  crossAppointed: Count,
  at: LegalDate
})

// ---------------------------------------------------------------------------------------------------------
// Party groups and member hub households
// ---------------------------------------------------------------------------------------------------------

/**
 * A party group was formed in a branch (R12).
 *
 * @category events
 * @since 0.1.0
 */
export const PartyGroupFormed = Schema.TaggedStruct("PartyGroupFormed", {
  orgId: Schema.String,
  groupId: Schema.String,
  groupType: GroupType,
  leaderId: Schema.optionalKey(Schema.String),
  memberIds: Ids,
  at: LegalDate
})

/**
 * A party group's leader or members changed (R12).
 *
 * @category events
 * @since 0.1.0
 */
export const PartyGroupReorganized = Schema.TaggedStruct("PartyGroupReorganized", {
  orgId: Schema.String,
  groupId: Schema.String,
  leaderId: Schema.optionalKey(Schema.String),
  memberIds: Ids,
  at: LegalDate
})

/**
 * A party group was disbanded.
 *
 * @category events
 * @since 0.1.0
 */
export const PartyGroupDisbanded = Schema.TaggedStruct("PartyGroupDisbanded", {
  orgId: Schema.String,
  groupId: Schema.String,
  at: LegalDate
})

/**
 * A member household was designated as a hub household under a group (R13).
 *
 * @category events
 * @since 0.1.0
 */
export const HubHouseholdDesignated = Schema.TaggedStruct("HubHouseholdDesignated", {
  orgId: Schema.String,
  groupId: Schema.String,
  hubId: Schema.String,
  memberId: Schema.String,
  linkedHouseholds: Schema.optionalKey(Count),
  at: LegalDate
})

/**
 * A hub household designation ended.
 *
 * @category events
 * @since 0.1.0
 */
export const HubHouseholdRevoked = Schema.TaggedStruct("HubHouseholdRevoked", {
  orgId: Schema.String,
  groupId: Schema.String,
  hubId: Schema.String,
  at: LegalDate
})

// ---------------------------------------------------------------------------------------------------------
// Definitions and the union
// ---------------------------------------------------------------------------------------------------------

/**
 * The event definitions of the organization stream, for the codec.
 *
 * @category events
 * @since 0.1.0
 */
export const organizationEvents = [
  EventDefinition.define("RosterMemberAdded", RosterMemberAdded),
  EventDefinition.define("RosterMemberRemoved", RosterMemberRemoved),
  EventDefinition.define("RosterMemberStatusChanged", RosterMemberStatusChanged),
  EventDefinition.define("OrganizationEstablished", OrganizationEstablished),
  EventDefinition.define("SubOrganizationAttached", SubOrganizationAttached),
  EventDefinition.define("SubOrganizationDetached", SubOrganizationDetached),
  EventDefinition.define("SubOrganizationKindChanged", SubOrganizationKindChanged),
  EventDefinition.define("OrganizationUpgraded", OrganizationUpgraded),
  EventDefinition.define("OrganizationDowngraded", OrganizationDowngraded),
  EventDefinition.define("OrganizationMoved", OrganizationMoved),
  EventDefinition.define("OrganizationSplit", OrganizationSplit),
  EventDefinition.define("OrganizationMerged", OrganizationMerged),
  EventDefinition.define("OrganizationAbsorbed", OrganizationAbsorbed),
  EventDefinition.define("OrganizationDissolved", OrganizationDissolved),
  EventDefinition.define("VillageConvertedToCommunity", VillageConvertedToCommunity),
  EventDefinition.define("OrganizationAdjusted", OrganizationAdjusted),
  EventDefinition.define("UnitCovered", UnitCovered),
  EventDefinition.define("UnitUncovered", UnitUncovered),
  EventDefinition.define("CommitteeElected", CommitteeElected),
  EventDefinition.define("SecretaryElected", SecretaryElected),
  EventDefinition.define("SecretaryApproved", SecretaryApproved),
  EventDefinition.define("LeadershipAppointed", LeadershipAppointed),
  EventDefinition.define("TermExtended", TermExtended),
  EventDefinition.define("GeneralMeetingVoteRecorded", GeneralMeetingVoteRecorded),
  EventDefinition.define("ConcurrentPostsRecorded", ConcurrentPostsRecorded),
  EventDefinition.define("PartyGroupFormed", PartyGroupFormed),
  EventDefinition.define("PartyGroupReorganized", PartyGroupReorganized),
  EventDefinition.define("PartyGroupDisbanded", PartyGroupDisbanded),
  EventDefinition.define("HubHouseholdDesignated", HubHouseholdDesignated),
  EventDefinition.define("HubHouseholdRevoked", HubHouseholdRevoked)
] as const

/**
 * Every event of the organization stream.
 *
 * @category events
 * @since 0.1.0
 */
export const OrganizationEvent = Schema.Union([
  RosterMemberAdded,
  RosterMemberRemoved,
  RosterMemberStatusChanged,
  OrganizationEstablished,
  SubOrganizationAttached,
  SubOrganizationDetached,
  SubOrganizationKindChanged,
  OrganizationUpgraded,
  OrganizationDowngraded,
  OrganizationMoved,
  OrganizationSplit,
  OrganizationMerged,
  OrganizationAbsorbed,
  OrganizationDissolved,
  VillageConvertedToCommunity,
  OrganizationAdjusted,
  UnitCovered,
  UnitUncovered,
  CommitteeElected,
  SecretaryElected,
  SecretaryApproved,
  LeadershipAppointed,
  TermExtended,
  GeneralMeetingVoteRecorded,
  ConcurrentPostsRecorded,
  PartyGroupFormed,
  PartyGroupReorganized,
  PartyGroupDisbanded,
  HubHouseholdDesignated,
  HubHouseholdRevoked
]).annotate({ identifier: "OrganizationEvent" })

/**
 * @category events
 * @since 0.1.0
 */
export type OrganizationEvent = typeof OrganizationEvent.Type

/**
 * The roster events (what the membership pillar appends on an organization stream).
 *
 * @category events
 * @since 0.1.0
 */
export type RosterEvent =
  | typeof RosterMemberAdded.Type
  | typeof RosterMemberRemoved.Type
  | typeof RosterMemberStatusChanged.Type
