/**
 * The state of one organization stream, its total `evolve`, and the pure queries over it.
 *
 * @since 0.1.0
 */
import type { Fold } from "../kernel/Decider.ts"
import { lookup, without } from "../kernel/records.ts"
import type { LegalDate } from "../LegalDate.ts"
import type { Counts } from "../policy/GovernancePolicy.ts"
import type { OrganizationEvent } from "./events.ts"
import type { Approval, FormationMode, GroupType, LocalGuard, Locus, OrgKind, RosterStatus } from "./model.ts"

/**
 * A party group of a branch (R12) with its hub households (R13).
 *
 * @category models
 * @since 0.1.0
 */
export interface PartyGroup {
  readonly groupType: GroupType
  readonly leaderId: string | undefined
  readonly memberIds: ReadonlyArray<string>
  readonly hubs: Readonly<Record<string, { readonly memberId: string; readonly linkedHouseholds: number | undefined }>>
  readonly formedAt: LegalDate
}

/**
 * The leadership (R16–R19): the approved secretary and deputies, an elected secretary awaiting approval,
 * and the committee.
 *
 * @category models
 * @since 0.1.0
 */
export interface Leadership {
  readonly secretaryId: string | undefined
  readonly deputyIds: ReadonlyArray<string>
  /** Elected, awaiting the higher organization's approval (R19). */
  readonly pending:
    | { readonly secretaryId: string; readonly deputyIds: ReadonlyArray<string>; readonly electedAt: LegalDate }
    | undefined
  /** Committee members; undefined when there is no committee. */
  readonly committeeIds: ReadonlyArray<string> | undefined
  readonly committeeElectedAt: LegalDate | undefined
}

/**
 * The current term (R21, R22): when it started and ends, and an approved extension.
 *
 * @category models
 * @since 0.1.0
 */
export interface Term {
  readonly startedAt: LegalDate
  readonly years: number
  readonly endsAt: LegalDate
  readonly extendedTo: LegalDate | undefined
}

/**
 * @category models
 * @since 0.1.0
 */
export interface OrganizationState {
  readonly status: "none" | "active" | "dissolved"
  readonly orgId: string
  readonly name: string
  readonly kind: OrgKind
  readonly formation: FormationMode
  readonly locus: Locus
  readonly parentId: string | undefined
  readonly approval: Approval | undefined
  readonly establishedAt: LegalDate | undefined
  readonly aliases: ReadonlyArray<string>
  readonly mergedLeadership: boolean
  readonly secondTier: boolean
  readonly workNeed: boolean
  readonly localConditions: ReadonlyArray<LocalGuard>
  readonly hostVillageOrgId: string | undefined
  readonly hostBodyId: string | undefined
  readonly originOrgId: string | undefined
  readonly hostOrgId: string | undefined
  readonly hostConsentAt: LegalDate | undefined
  readonly projectMonths: number | undefined
  /** Members on the roster with their status. */
  readonly roster: Readonly<Record<string, RosterStatus>>
  readonly full: number
  readonly probationary: number
  readonly suspended: number
  /** The legal date of the last roster change (R7 counts "promptly" from it). */
  readonly rosterChangedAt: LegalDate | undefined
  /** Active sub-organizations with their kinds. */
  readonly children: Readonly<Record<string, OrgKind>>
  readonly coveredUnits: Readonly<Record<string, number>>
  readonly leadership: Leadership
  readonly term: Term | undefined
  readonly groups: Readonly<Record<string, PartyGroup>>
  readonly concurrentPosts:
    | {
      readonly secretaryIsDirector: boolean
      readonly secretaryHeadsCollective: boolean
      readonly crossAppointed: number
      readonly at: LegalDate
    }
    | undefined
  readonly conversion:
    | { readonly at: LegalDate; readonly communityName: string; readonly adjustedAt: LegalDate | undefined }
    | undefined
  /** When the kind last changed (establishment, upgrade, downgrade). */
  readonly kindSince: LegalDate | undefined
  readonly dissolvedAt: LegalDate | undefined
  readonly mergedInto: string | undefined
}

const emptyLeadership: Leadership = {
  secretaryId: undefined,
  deputyIds: [],
  pending: undefined,
  committeeIds: undefined,
  committeeElectedAt: undefined
}

/**
 * The state before the first event.
 *
 * @category models
 * @since 0.1.0
 */
export const initialState: OrganizationState = {
  status: "none",
  orgId: "",
  name: "",
  kind: "branch",
  formation: "standalone",
  locus: "other",
  parentId: undefined,
  approval: undefined,
  establishedAt: undefined,
  aliases: [],
  mergedLeadership: false,
  secondTier: false,
  workNeed: false,
  localConditions: [],
  hostVillageOrgId: undefined,
  hostBodyId: undefined,
  originOrgId: undefined,
  hostOrgId: undefined,
  hostConsentAt: undefined,
  projectMonths: undefined,
  roster: {},
  full: 0,
  probationary: 0,
  suspended: 0,
  rosterChangedAt: undefined,
  children: {},
  coveredUnits: {},
  leadership: emptyLeadership,
  term: undefined,
  groups: {},
  concurrentPosts: undefined,
  conversion: undefined,
  kindSince: undefined,
  dissolvedAt: undefined,
  mergedInto: undefined
}

const tally = (state: OrganizationState, status: RosterStatus | undefined, delta: number) =>
  status === "full"
    ? { full: state.full + delta }
    : status === "probationary"
    ? { probationary: state.probationary + delta }
    : status === "suspended"
    ? { suspended: state.suspended + delta }
    : {}

// A member who leaves the roster, or is suspended (counted nowhere, RULES.md §3.2), holds no office.
const vacate = (leadership: Leadership, memberId: string): Leadership => {
  const inCommittee = leadership.committeeIds?.includes(memberId) ?? false
  const isPending = leadership.pending !== undefined
    && (leadership.pending.secretaryId === memberId || leadership.pending.deputyIds.includes(memberId))
  if (
    leadership.secretaryId !== memberId && !leadership.deputyIds.includes(memberId) && !inCommittee && !isPending
  ) return leadership
  return {
    secretaryId: leadership.secretaryId === memberId ? undefined : leadership.secretaryId,
    deputyIds: leadership.deputyIds.filter((id) => id !== memberId),
    pending: isPending ? undefined : leadership.pending,
    committeeIds: leadership.committeeIds?.filter((id) => id !== memberId),
    committeeElectedAt: leadership.committeeElectedAt
  }
}

const leaveGroups = (
  groups: Readonly<Record<string, PartyGroup>>,
  memberId: string
): Readonly<Record<string, PartyGroup>> => {
  let out: Readonly<Record<string, PartyGroup>> | undefined
  for (const [id, group] of Object.entries(groups)) {
    const hubEntries = Object.entries(group.hubs)
    const isMember = group.memberIds.includes(memberId) || group.leaderId === memberId
      || hubEntries.some(([, hub]) => hub.memberId === memberId)
    if (!isMember) continue
    // A spread with a computed key defines an own entry, even for a group id such as `__proto__`.
    out = {
      ...(out ?? groups),
      [id]: {
        ...group,
        leaderId: group.leaderId === memberId ? undefined : group.leaderId,
        memberIds: group.memberIds.filter((m) => m !== memberId),
        hubs: Object.fromEntries(hubEntries.filter(([, hub]) => hub.memberId !== memberId))
      }
    }
  }
  return out ?? groups
}

const startTerm = (at: LegalDate, years: number, endsAt: LegalDate): Term => ({
  startedAt: at,
  years,
  endsAt,
  extendedTo: undefined
})

/**
 * Applies one event. Total and pure: an event that does not fit the state (it never should) leaves the
 * state as consistent as it can, and never throws.
 *
 * @category folding
 * @since 0.1.0
 */
export const evolve = (state: OrganizationState, event: OrganizationEvent): OrganizationState => {
  switch (event._tag) {
    case "OrganizationEstablished":
      return {
        ...initialState,
        status: "active",
        orgId: event.orgId,
        name: event.name,
        kind: event.kind,
        formation: event.formation,
        locus: event.locus,
        parentId: event.parentId,
        approval: event.approval,
        establishedAt: event.at,
        aliases: event.aliases,
        mergedLeadership: event.mergedLeadership,
        secondTier: event.secondTier,
        workNeed: event.workNeed,
        localConditions: event.localConditions,
        hostVillageOrgId: event.hostVillageOrgId,
        hostBodyId: event.hostBodyId,
        originOrgId: event.originOrgId,
        hostOrgId: event.hostOrgId,
        hostConsentAt: event.hostConsentAt,
        projectMonths: event.projectMonths,
        coveredUnits: Object.fromEntries(event.coveredUnits.map((u) => [u.unitId, u.fullCount])),
        kindSince: event.at,
        // A replay may see members added before establishment on a reused stream: keep them.
        roster: state.roster,
        full: state.full,
        probationary: state.probationary,
        suspended: state.suspended,
        rosterChangedAt: state.rosterChangedAt
      }
    case "RosterMemberAdded": {
      const previous = lookup(state.roster, event.memberId)
      const base = previous === undefined ? state : { ...state, ...tally(state, previous, -1) }
      return {
        ...base,
        ...tally(base, event.status, 1),
        roster: { ...state.roster, [event.memberId]: event.status },
        rosterChangedAt: event.at
      }
    }
    case "RosterMemberRemoved": {
      const previous = lookup(state.roster, event.memberId)
      if (previous === undefined) return state
      return {
        ...state,
        ...tally(state, previous, -1),
        roster: without(state.roster, event.memberId),
        rosterChangedAt: event.at,
        leadership: vacate(state.leadership, event.memberId),
        groups: leaveGroups(state.groups, event.memberId)
      }
    }
    case "RosterMemberStatusChanged": {
      const previous = lookup(state.roster, event.memberId)
      if (previous === undefined || previous === event.status) return state
      const base = { ...state, ...tally(state, previous, -1) }
      return {
        ...base,
        ...tally(base, event.status, 1),
        roster: { ...state.roster, [event.memberId]: event.status },
        rosterChangedAt: event.at,
        leadership: event.status === "suspended" ? vacate(state.leadership, event.memberId) : state.leadership
      }
    }
    case "SubOrganizationAttached":
    case "SubOrganizationKindChanged":
      return { ...state, children: { ...state.children, [event.childId]: event.childKind } }
    case "SubOrganizationDetached":
      return { ...state, children: without(state.children, event.childId) }
    case "OrganizationUpgraded":
      return {
        ...state,
        kind: event.to,
        kindSince: event.at,
        workNeed: event.workNeed,
        localConditions: event.localConditions,
        secondTier: event.secondTier
      }
    case "OrganizationDowngraded":
      return { ...state, kind: event.to, kindSince: event.at, workNeed: false, secondTier: false }
    case "OrganizationMoved":
      return { ...state, parentId: event.toParentId }
    case "OrganizationSplit":
    case "OrganizationAbsorbed":
      return state
    case "OrganizationMerged":
      return { ...state, status: "dissolved", dissolvedAt: event.at, mergedInto: event.intoOrgId }
    case "OrganizationDissolved":
      return { ...state, status: "dissolved", dissolvedAt: event.at }
    case "VillageConvertedToCommunity":
      return {
        ...state,
        locus: "community",
        conversion: { at: event.at, communityName: event.communityName, adjustedAt: undefined }
      }
    case "OrganizationAdjusted":
      return {
        ...state,
        locus: event.locus,
        formation: event.formation,
        aliases: event.aliases,
        mergedLeadership: event.mergedLeadership,
        conversion: state.conversion === undefined || state.conversion.adjustedAt !== undefined
          ? state.conversion
          : { ...state.conversion, adjustedAt: event.at }
      }
    case "UnitCovered":
      return { ...state, coveredUnits: { ...state.coveredUnits, [event.unitId]: event.fullCount } }
    case "UnitUncovered":
      return { ...state, coveredUnits: without(state.coveredUnits, event.unitId) }
    case "CommitteeElected":
      return {
        ...state,
        leadership: {
          secretaryId: undefined,
          deputyIds: [],
          pending: undefined,
          committeeIds: event.memberIds,
          committeeElectedAt: event.at
        },
        term: startTerm(event.at, event.termYears, event.termEndsAt)
      }
    case "SecretaryElected":
      return {
        ...state,
        leadership: {
          ...state.leadership,
          pending: { secretaryId: event.secretaryId, deputyIds: event.deputyIds, electedAt: event.at },
          // A general meeting's election in a branch without committee is the renewal: no committee after it.
          ...(event.electedBy === "generalMeeting" ? { committeeIds: undefined, committeeElectedAt: undefined } : {})
        },
        term: event.termEndsAt === undefined
          ? state.term
          : startTerm(event.at, event.termYears ?? 0, event.termEndsAt)
      }
    case "SecretaryApproved":
      return {
        ...state,
        leadership: {
          ...state.leadership,
          secretaryId: event.secretaryId,
          deputyIds: event.deputyIds,
          pending: undefined
        }
      }
    case "LeadershipAppointed":
      return {
        ...state,
        leadership: {
          secretaryId: event.secretaryId,
          deputyIds: event.deputyIds,
          pending: undefined,
          committeeIds: event.committeeIds.length > 0 ? event.committeeIds : state.leadership.committeeIds,
          committeeElectedAt: event.committeeIds.length > 0 ? event.at : state.leadership.committeeElectedAt
        }
      }
    case "TermExtended":
      return state.term === undefined ? state : { ...state, term: { ...state.term, extendedTo: event.endsAt } }
    case "GeneralMeetingVoteRecorded":
      return state
    case "ConcurrentPostsRecorded":
      return {
        ...state,
        concurrentPosts: {
          secretaryIsDirector: event.secretaryIsDirector,
          secretaryHeadsCollective: event.secretaryHeadsCollective,
          crossAppointed: event.crossAppointed,
          at: event.at
        }
      }
    case "PartyGroupFormed":
      return {
        ...state,
        groups: {
          ...state.groups,
          [event.groupId]: {
            groupType: event.groupType,
            leaderId: event.leaderId,
            memberIds: event.memberIds,
            hubs: {},
            formedAt: event.at
          }
        }
      }
    case "PartyGroupReorganized": {
      const group = lookup(state.groups, event.groupId)
      if (group === undefined) return state
      return {
        ...state,
        groups: { ...state.groups, [event.groupId]: { ...group, leaderId: event.leaderId, memberIds: event.memberIds } }
      }
    }
    case "PartyGroupDisbanded":
      return { ...state, groups: without(state.groups, event.groupId) }
    case "HubHouseholdDesignated": {
      const group = lookup(state.groups, event.groupId)
      if (group === undefined) return state
      return {
        ...state,
        groups: {
          ...state.groups,
          [event.groupId]: {
            ...group,
            hubs: {
              ...group.hubs,
              [event.hubId]: { memberId: event.memberId, linkedHouseholds: event.linkedHouseholds }
            }
          }
        }
      }
    }
    case "HubHouseholdRevoked": {
      const group = lookup(state.groups, event.groupId)
      if (group === undefined) return state
      return {
        ...state,
        groups: { ...state.groups, [event.groupId]: { ...group, hubs: without(group.hubs, event.hubId) } }
      }
    }
    default:
      return state
  }
}

/**
 * The fold of the organization stream.
 *
 * @category folding
 * @since 0.1.0
 */
export const fold: Fold<OrganizationEvent, OrganizationState> = { initialState, evolve }

// ---------------------------------------------------------------------------------------------------------
// Queries
// ---------------------------------------------------------------------------------------------------------

/**
 * Whether the organization is established and not dissolved.
 *
 * @category queries
 * @since 0.1.0
 */
export const isActive = (state: OrganizationState): boolean => state.status === "active"

/**
 * FM: full members on the roster.
 *
 * @category queries
 * @since 0.1.0
 */
export const fullCount = (state: OrganizationState): number => state.full

/**
 * AM: full and probationary members on the roster (suspended members count nowhere, RULES.md §3.2).
 *
 * @category queries
 * @since 0.1.0
 */
export const allCount = (state: OrganizationState): number => state.full + state.probationary

/**
 * Both counts, as thresholds see them.
 *
 * @category queries
 * @since 0.1.0
 */
export const counts = (state: OrganizationState): Counts => ({ full: state.full, all: state.full + state.probationary })

/**
 * A member's status on the roster, or undefined when not on it.
 *
 * @category queries
 * @since 0.1.0
 */
export const rosterStatus = (state: OrganizationState, memberId: string): RosterStatus | undefined =>
  lookup(state.roster, memberId)

/**
 * The kind, or undefined before establishment.
 *
 * @category queries
 * @since 0.1.0
 */
export const kindOf = (state: OrganizationState): OrgKind | undefined =>
  state.status === "none" ? undefined : state.kind

/**
 * The locus, or undefined before establishment.
 *
 * @category queries
 * @since 0.1.0
 */
export const locusOf = (state: OrganizationState): Locus | undefined =>
  state.status === "none" ? undefined : state.locus

/**
 * The ids of the active sub-organizations.
 *
 * @category queries
 * @since 0.1.0
 */
export const childIds = (state: OrganizationState): ReadonlyArray<string> => Object.keys(state.children)

/**
 * The date the current term ends, with an approved extension; undefined without a term.
 *
 * @category queries
 * @since 0.1.0
 */
export const termEnd = (state: OrganizationState): LegalDate | undefined =>
  state.term === undefined ? undefined : state.term.extendedTo ?? state.term.endsAt

/**
 * Whether the organization has a committee now (R16).
 *
 * @category queries
 * @since 0.1.0
 */
export const hasCommittee = (state: OrganizationState): boolean =>
  state.leadership.committeeIds !== undefined && state.leadership.committeeIds.length > 0
