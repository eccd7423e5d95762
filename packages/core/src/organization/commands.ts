/**
 * The commands of the organization aggregate. Every command carries its legal date `at` and may carry an
 * `actor` (an opaque id). Commands that change the tree (establish, upgrade, downgrade, move, split, merge,
 * dissolve) are {@link TreeCommand}s: they are decided over the organization and the neighbours whose state
 * they need (see `tree.ts`). The others are {@link OrganizationCommand}s of the single-stream decider.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import { LegalDate } from "../LegalDate.ts"
import { actor, Count, Ids, Positive } from "../units.ts"
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
// Roster
// ---------------------------------------------------------------------------------------------------------

/**
 * @category commands
 * @since 0.1.0
 */
export const AddRosterMember = Schema.TaggedStruct("AddRosterMember", {
  orgId: Schema.String,
  memberId: Schema.String,
  status: JoiningStatus,
  reason: JoinReason,
  at: LegalDate,
  actor
})

/**
 * @category commands
 * @since 0.1.0
 */
export const RemoveRosterMember = Schema.TaggedStruct("RemoveRosterMember", {
  orgId: Schema.String,
  memberId: Schema.String,
  reason: LeaveReason,
  at: LegalDate,
  actor
})

/**
 * @category commands
 * @since 0.1.0
 */
export const ChangeRosterStatus = Schema.TaggedStruct("ChangeRosterStatus", {
  orgId: Schema.String,
  memberId: Schema.String,
  status: RosterStatus,
  at: LegalDate,
  actor
})

// ---------------------------------------------------------------------------------------------------------
// Leadership, elections, terms
// ---------------------------------------------------------------------------------------------------------

/**
 * A candidate and the yes-votes they received.
 *
 * @category commands
 * @since 0.1.0
 */
export const Vote = Schema.Struct({ memberId: Schema.String, yes: Count })

/**
 * @category commands
 * @since 0.1.0
 */
export type Vote = typeof Vote.Type

/**
 * Voters excluded from the attendance count with higher approval and the general meeting's consent (R23,
 * 中组部's five exclusions).
 *
 * @category commands
 * @since 0.1.0
 */
export const Exclusion = Schema.Struct({ count: Count, approval: Approval })

/**
 * Records a committee election (R16, R17, R19, R20, R23, R24; not on a temporary branch, R9). `entitled` is
 * those who should attend with the right to elect (应到会), after `excluded`; `present` those present with it
 * (实到会). Candidates elected are those with yes-votes over half of `present`, best first, up to `seats`.
 *
 * @category commands
 * @since 0.1.0
 */
export const ElectCommittee = Schema.TaggedStruct("ElectCommittee", {
  orgId: Schema.String,
  body: ElectingBody,
  seats: Count,
  candidates: Schema.Array(Vote),
  entitled: Count,
  present: Count,
  excluded: Schema.optionalKey(Exclusion),
  ballotsIssued: Count,
  ballotsCollected: Count,
  /** R19: approval of a delegate congress. */
  approval: Schema.optionalKey(Approval),
  /** R19: sub-organizations are dispersed (a delegate congress below 500 members). */
  dispersed: Schema.optionalKey(Schema.Boolean),
  /** R19: the member count (党员人数) attested in the approval, for an organization with sub-organizations. */
  memberCount: Schema.optionalKey(Count),
  at: LegalDate,
  actor
})

/**
 * Records the election of a secretary and deputies, by the committee or (without committee) by the general
 * meeting (R17, R19, R20, R23).
 *
 * @category commands
 * @since 0.1.0
 */
export const ElectSecretary = Schema.TaggedStruct("ElectSecretary", {
  orgId: Schema.String,
  electedBy: Schema.Literals(["committee", "generalMeeting"]),
  secretary: Vote,
  deputies: Schema.Array(Vote),
  entitled: Count,
  present: Count,
  at: LegalDate,
  actor
})

/**
 * The higher organization approves the elected secretary and deputies (R19).
 *
 * @category commands
 * @since 0.1.0
 */
export const ApproveSecretary = Schema.TaggedStruct("ApproveSecretary", {
  orgId: Schema.String,
  approval: Approval,
  at: LegalDate,
  actor
})

/**
 * The higher organization appoints the leadership (R9 temporary branches, R19 assignment).
 *
 * @category commands
 * @since 0.1.0
 */
export const AppointLeadership = Schema.TaggedStruct("AppointLeadership", {
  orgId: Schema.String,
  secretaryId: Schema.String,
  deputyIds: Ids,
  committeeIds: Ids,
  approval: Approval,
  at: LegalDate,
  actor
})

/**
 * Extends the term with approval (R22): at most `extensionMaxMonths` unless `exceptional`.
 *
 * @category commands
 * @since 0.1.0
 */
export const ExtendTerm = Schema.TaggedStruct("ExtendTerm", {
  orgId: Schema.String,
  months: Positive,
  approval: Approval,
  exceptional: Schema.optionalKey(Schema.Boolean),
  at: LegalDate,
  actor
})

/**
 * Records a general-meeting vote (R25).
 *
 * @category commands
 * @since 0.1.0
 */
export const RecordGeneralMeetingVote = Schema.TaggedStruct("RecordGeneralMeetingVote", {
  orgId: Schema.String,
  /** An opaque reference to the motion (a document id), never personal data. */
  matter: Schema.String,
  entitled: Count,
  present: Count,
  yes: Count,
  at: LegalDate,
  actor
})

/**
 * Records the village posts the secretary and committee hold (R26).
 *
 * @category commands
 * @since 0.1.0
 */
export const RecordConcurrentPosts = Schema.TaggedStruct("RecordConcurrentPosts", {
  orgId: Schema.String,
  secretaryIsDirector: Schema.Boolean,
  secretaryHeadsCollective: Schema.Boolean,
  crossAppointed: Count,
  at: LegalDate,
  actor
})

// ---------------------------------------------------------------------------------------------------------
// Groups and hub households
// ---------------------------------------------------------------------------------------------------------

/**
 * @category commands
 * @since 0.1.0
 */
export const FormPartyGroup = Schema.TaggedStruct("FormPartyGroup", {
  orgId: Schema.String,
  groupId: Schema.String,
  groupType: GroupType,
  leaderId: Schema.optionalKey(Schema.String),
  memberIds: Ids,
  at: LegalDate,
  actor
})

/**
 * @category commands
 * @since 0.1.0
 */
export const ReorganizePartyGroup = Schema.TaggedStruct("ReorganizePartyGroup", {
  orgId: Schema.String,
  groupId: Schema.String,
  leaderId: Schema.optionalKey(Schema.String),
  memberIds: Ids,
  at: LegalDate,
  actor
})

/**
 * @category commands
 * @since 0.1.0
 */
export const DisbandPartyGroup = Schema.TaggedStruct("DisbandPartyGroup", {
  orgId: Schema.String,
  groupId: Schema.String,
  at: LegalDate,
  actor
})

/**
 * @category commands
 * @since 0.1.0
 */
export const DesignateHubHousehold = Schema.TaggedStruct("DesignateHubHousehold", {
  orgId: Schema.String,
  groupId: Schema.String,
  hubId: Schema.String,
  memberId: Schema.String,
  linkedHouseholds: Schema.optionalKey(Count),
  at: LegalDate,
  actor
})

/**
 * @category commands
 * @since 0.1.0
 */
export const RevokeHubHousehold = Schema.TaggedStruct("RevokeHubHousehold", {
  orgId: Schema.String,
  groupId: Schema.String,
  hubId: Schema.String,
  at: LegalDate,
  actor
})

// ---------------------------------------------------------------------------------------------------------
// Conversion, adjustment, covered units
// ---------------------------------------------------------------------------------------------------------

/**
 * The adjustment of an organization: what changes, with its approval (R8, R27).
 *
 * @category commands
 * @since 0.1.0
 */
export const Adjustment = Schema.Struct({
  approval: Approval,
  locus: Schema.optionalKey(Locus),
  formation: Schema.optionalKey(FormationMode),
  aliases: Schema.optionalKey(Ids),
  mergedLeadership: Schema.optionalKey(Schema.Boolean)
})

/**
 * Converts a village into a community (R8); with `adjustment`, the organization is adjusted in the same
 * decision, as the rule asks ("同步调整").
 *
 * @category commands
 * @since 0.1.0
 */
export const ConvertVillageToCommunity = Schema.TaggedStruct("ConvertVillageToCommunity", {
  orgId: Schema.String,
  communityName: Schema.String,
  adjustment: Schema.optionalKey(Adjustment),
  at: LegalDate,
  actor
})

/**
 * Adjusts the organization with approval (R8, R27).
 *
 * @category commands
 * @since 0.1.0
 */
export const AdjustOrganization = Schema.TaggedStruct("AdjustOrganization", {
  orgId: Schema.String,
  adjustment: Adjustment,
  at: LegalDate,
  actor
})

/**
 * A joint organization covers a unit, or records a covered unit's new full-member count (R2).
 *
 * @category commands
 * @since 0.1.0
 */
export const CoverUnit = Schema.TaggedStruct("CoverUnit", {
  orgId: Schema.String,
  unitId: Schema.String,
  fullCount: Count,
  at: LegalDate,
  actor
})

/**
 * @category commands
 * @since 0.1.0
 */
export const UncoverUnit = Schema.TaggedStruct("UncoverUnit", {
  orgId: Schema.String,
  unitId: Schema.String,
  at: LegalDate,
  actor
})

/**
 * The commands of the single-stream decider.
 *
 * @category commands
 * @since 0.1.0
 */
export const OrganizationCommand = Schema.Union([
  AddRosterMember,
  RemoveRosterMember,
  ChangeRosterStatus,
  ElectCommittee,
  ElectSecretary,
  ApproveSecretary,
  AppointLeadership,
  ExtendTerm,
  RecordGeneralMeetingVote,
  RecordConcurrentPosts,
  FormPartyGroup,
  ReorganizePartyGroup,
  DisbandPartyGroup,
  DesignateHubHousehold,
  RevokeHubHousehold,
  ConvertVillageToCommunity,
  AdjustOrganization,
  CoverUnit,
  UncoverUnit
]).annotate({ identifier: "OrganizationCommand" })

/**
 * @category commands
 * @since 0.1.0
 */
export type OrganizationCommand = typeof OrganizationCommand.Type

// ---------------------------------------------------------------------------------------------------------
// Tree commands
// ---------------------------------------------------------------------------------------------------------

/**
 * An initial roster entry.
 *
 * @category commands
 * @since 0.1.0
 */
export const InitialMember = Schema.Struct({ memberId: Schema.String, status: JoiningStatus })

/**
 * Sets up an organization with its initial roster (R1, R2, R4–R6, R9–R11, R14, R15, R27, R48, R55).
 *
 * @category commands
 * @since 0.1.0
 */
export const EstablishOrganization = Schema.TaggedStruct("EstablishOrganization", {
  orgId: Schema.String,
  name: Schema.String,
  kind: OrgKind,
  formation: FormationMode,
  locus: Locus,
  parentId: Schema.optionalKey(Schema.String),
  approval: Approval,
  initialMembers: Schema.Array(InitialMember),
  coveredUnits: Schema.optionalKey(Schema.Array(CoveredUnit)),
  aliases: Schema.optionalKey(Ids),
  mergedLeadership: Schema.optionalKey(Schema.Boolean),
  secondTier: Schema.optionalKey(Schema.Boolean),
  workNeed: Schema.optionalKey(Schema.Boolean),
  localConditions: Schema.optionalKey(LocalConditions),
  hostVillageOrgId: Schema.optionalKey(Schema.String),
  hostBodyId: Schema.optionalKey(Schema.String),
  originOrgId: Schema.optionalKey(Schema.String),
  hostOrgId: Schema.optionalKey(Schema.String),
  hostConsentAt: Schema.optionalKey(LegalDate),
  projectMonths: Schema.optionalKey(Count),
  at: LegalDate,
  actor
})

/**
 * Upgrades an organization (R4, R5): branch → general branch or committee, general branch → committee.
 *
 * @category commands
 * @since 0.1.0
 */
export const UpgradeOrganization = Schema.TaggedStruct("UpgradeOrganization", {
  orgId: Schema.String,
  to: OrgKind,
  approval: Approval,
  workNeed: Schema.optionalKey(Schema.Boolean),
  localConditions: Schema.optionalKey(LocalConditions),
  secondTier: Schema.optionalKey(Schema.Boolean),
  at: LegalDate,
  actor
})

/**
 * Downgrades an organization (R7, R15).
 *
 * @category commands
 * @since 0.1.0
 */
export const DowngradeOrganization = Schema.TaggedStruct("DowngradeOrganization", {
  orgId: Schema.String,
  to: OrgKind,
  approval: Approval,
  at: LegalDate,
  actor
})

/**
 * Places an organization under another parent (R15, R55).
 *
 * @category commands
 * @since 0.1.0
 */
export const MoveOrganization = Schema.TaggedStruct("MoveOrganization", {
  orgId: Schema.String,
  toParentId: Schema.String,
  approval: Approval,
  at: LegalDate,
  actor
})

/**
 * A new organization split off with some members.
 *
 * @category commands
 * @since 0.1.0
 */
export const SplitPart = Schema.Struct({
  orgId: Schema.String,
  name: Schema.String,
  memberIds: Ids
})

/**
 * Splits members off into new branches (R3): as siblings under the same parent, or as branches under a
 * general branch or committee (`children`). The remaining organization keeps the other members.
 *
 * @category commands
 * @since 0.1.0
 */
export const SplitOrganization = Schema.TaggedStruct("SplitOrganization", {
  orgId: Schema.String,
  placement: Schema.Literals(["siblings", "children"]),
  parts: Schema.Array(SplitPart).check(Schema.isMinLength(1)),
  approval: Approval,
  at: LegalDate,
  actor
})

/**
 * Merges an organization into another (R7): its members and sub-organizations move to the target.
 *
 * @category commands
 * @since 0.1.0
 */
export const MergeOrganization = Schema.TaggedStruct("MergeOrganization", {
  orgId: Schema.String,
  intoOrgId: Schema.String,
  approval: Approval,
  at: LegalDate,
  actor
})

/**
 * Dissolves an organization (R6, R7; R9 when its temporary host body is dissolved, which needs no approval).
 *
 * @category commands
 * @since 0.1.0
 */
export const DissolveOrganization = Schema.TaggedStruct("DissolveOrganization", {
  orgId: Schema.String,
  reason: DissolutionReason,
  approval: Schema.optionalKey(Approval),
  at: LegalDate,
  actor
})

/**
 * The commands that change the tree.
 *
 * @category commands
 * @since 0.1.0
 */
export const TreeCommand = Schema.Union([
  EstablishOrganization,
  UpgradeOrganization,
  DowngradeOrganization,
  MoveOrganization,
  SplitOrganization,
  MergeOrganization,
  DissolveOrganization
]).annotate({ identifier: "TreeCommand" })

/**
 * @category commands
 * @since 0.1.0
 */
export type TreeCommand = typeof TreeCommand.Type
