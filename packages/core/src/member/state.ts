/**
 * The member stream's state and its fold, and the queries the rules ask of it: where the member is
 * affiliated (R38), where the member counts (R42, §3.3), where the member may vote (R20, R45, R47), and the
 * letter another store receives the member with (R42).
 *
 * @since 0.1.0
 */
import type { Fold } from "../kernel/Decider.ts"
import type { LegalDate } from "../LegalDate.ts"
import { max, monthsBetween } from "../LegalDate.ts"
import type { MembershipPolicy } from "../policy/MembershipPolicy.ts"
import type { MemberEvent } from "./events.ts"
import type {
  CheckInRecord,
  MemberStatus,
  MobileCredential,
  ParticipationKind,
  TransferLetter,
  TransferRejectionReason
} from "./model.ts"

/**
 * The latest transfer letter and what became of it (R42, R43).
 *
 * @category models
 * @since 0.1.0
 */
export interface Transfer {
  readonly transferId: string
  readonly fromOrgId: string
  readonly toOrgId: string
  readonly issuedAt: LegalDate
  readonly validUntil: LegalDate
  readonly status: "inTransit" | "received" | "rejected" | "expired"
  readonly closedAt: LegalDate | undefined
  readonly reason: TransferRejectionReason | undefined
  /** The other end (the destination of a letter issued here, the origin of one received here) is another store. */
  readonly external: boolean
}

/**
 * An absence (R41, R44).
 *
 * @category models
 * @since 0.1.0
 */
export interface Absence {
  readonly since: LegalDate
  readonly fixedPlace: boolean
  readonly abroad: boolean
}

/**
 * A mobile member's status (R45).
 *
 * @category models
 * @since 0.1.0
 */
export interface Mobility {
  readonly originOrgId: string
  readonly hostOrgId: string
  readonly credential: MobileCredential
  readonly credentialId: string
  readonly contactPersonId: string | undefined
  readonly since: LegalDate
  readonly lastContactAt: LegalDate | undefined
  readonly lastHostActivityAt: LegalDate | undefined
}

/**
 * A community check-in (R46, R47).
 *
 * @category models
 * @since 0.1.0
 */
export interface CheckIn {
  readonly checkInId: string
  readonly communityOrgId: string
  readonly affiliationOrgId: string
  readonly since: LegalDate
  readonly resettled: boolean
  readonly record: CheckInRecord
  readonly activities: ReadonlyArray<LegalDate>
  readonly lastFeedbackAt: LegalDate | undefined
}

/**
 * The state of one member.
 *
 * @category models
 * @since 0.1.0
 */
export interface MemberState {
  readonly status: MemberStatus
  readonly memberId: string
  /** R38: the one formal affiliation; undefined before admission and after removal or cancellation. */
  readonly orgId: string | undefined
  readonly affiliatedSince: LegalDate | undefined
  /** When the member joined (admission or registration): the baseline of the lapse finding (R39). */
  readonly joinedAt: LegalDate | undefined
  readonly probationEndsAt: LegalDate | undefined
  /** R73: the date of the general meeting's admission vote (admitted members; dues are owed from its month). */
  readonly admissionVoteAt?: LegalDate
  readonly extended: boolean
  /** R37: Party standing counts from the conversion. */
  readonly convertedAt: LegalDate | undefined
  readonly statusBeforeSuspension: "full" | "probationary" | undefined
  readonly suspendedAt: LegalDate | undefined
  readonly lostContactSince: LegalDate | undefined
  readonly lastParticipation: Readonly<Partial<Record<ParticipationKind, LegalDate>>>
  readonly transfer: Transfer | undefined
  readonly absence: Absence | undefined
  readonly mobile: Mobility | undefined
  readonly checkIn: CheckIn | undefined
}

/**
 * The state before the first event.
 *
 * @category models
 * @since 0.1.0
 */
export const initialState: MemberState = {
  status: "none",
  memberId: "",
  orgId: undefined,
  affiliatedSince: undefined,
  joinedAt: undefined,
  probationEndsAt: undefined,
  extended: false,
  convertedAt: undefined,
  statusBeforeSuspension: undefined,
  suspendedAt: undefined,
  lostContactSince: undefined,
  lastParticipation: {},
  transfer: undefined,
  absence: undefined,
  mobile: undefined,
  checkIn: undefined
}

const later = (a: LegalDate | undefined, b: LegalDate): LegalDate => (a === undefined ? b : max(a, b))

const participated = (state: MemberState, kind: ParticipationKind, at: LegalDate): MemberState => ({
  ...state,
  lastParticipation: { ...state.lastParticipation, [kind]: later(state.lastParticipation[kind], at) }
})

// Received here with a letter from another store: the member's record here starts (again) from the letter.
const receivedWithLetter = (
  event: { readonly memberId: string; readonly transferId: string; readonly at: LegalDate },
  letter: TransferLetter
): MemberState => ({
  ...initialState,
  status: letter.status,
  memberId: event.memberId,
  orgId: letter.toOrgId,
  affiliatedSince: event.at,
  joinedAt: letter.joinedAt,
  probationEndsAt: letter.probationEndsAt,
  extended: letter.extended,
  convertedAt: letter.convertedAt,
  lastParticipation: letter.lastParticipation,
  transfer: {
    transferId: event.transferId,
    fromOrgId: letter.fromOrgId,
    toOrgId: letter.toOrgId,
    issuedAt: letter.issuedAt,
    validUntil: letter.validUntil,
    status: "received",
    closedAt: event.at,
    reason: undefined,
    external: true
  }
})

// Leaving the Party ends everything that hangs on the membership.
const leave = (state: MemberState, status: "removed" | "cancelled"): MemberState => ({
  ...state,
  status,
  orgId: undefined,
  transfer: state.transfer?.status === "inTransit" ? undefined : state.transfer,
  absence: undefined,
  mobile: undefined,
  checkIn: undefined
})

/**
 * Applies one event. Total and pure; never throws on a stored event.
 *
 * @category folding
 * @since 0.1.0
 */
export const evolve = (state: MemberState, event: MemberEvent): MemberState => {
  switch (event._tag) {
    case "MemberRegistered":
      return {
        ...initialState,
        status: event.status,
        memberId: event.memberId,
        orgId: event.orgId,
        affiliatedSince: event.at,
        joinedAt: event.at,
        probationEndsAt: event.probationEndsAt
      }
    case "MemberAdmitted":
      return {
        ...initialState,
        status: "probationary",
        memberId: event.memberId,
        orgId: event.orgId,
        affiliatedSince: event.at,
        joinedAt: event.at,
        probationEndsAt: event.probationEndsAt,
        admissionVoteAt: event.meeting.at
      }
    case "ProbationExtended":
      return { ...state, probationEndsAt: event.until, extended: true }
    case "MemberConverted":
      return { ...state, status: "full", convertedAt: event.at }
    case "ProbationCancelled":
      return leave(state, "cancelled")
    case "ParticipationRecorded":
      return participated(state, event.kind, event.at)
    case "LostContactRecorded":
      return { ...state, lostContactSince: event.since }
    case "ContactRestored":
      return { ...state, lostContactSince: undefined }
    case "MembershipSuspended":
      return {
        ...state,
        status: "suspended",
        statusBeforeSuspension: state.status === "probationary" ? "probationary" : "full",
        suspendedAt: event.at
      }
    case "MembershipRestored":
      return {
        ...state,
        status: event.status,
        statusBeforeSuspension: undefined,
        suspendedAt: undefined,
        lostContactSince: undefined
      }
    case "MemberRemoved":
      return leave(state, "removed")
    case "TransferLetterIssued":
      return {
        ...state,
        transfer: {
          transferId: event.transferId,
          fromOrgId: event.fromOrgId,
          toOrgId: event.toOrgId,
          issuedAt: event.at,
          validUntil: event.validUntil,
          status: "inTransit",
          closedAt: undefined,
          reason: undefined,
          external: event.external === true
        }
      }
    case "TransferReceived": {
      if (event.letter !== undefined) return receivedWithLetter(event, event.letter)
      if (state.transfer?.external === true) {
        // R38: the affiliation moved to another store with the member; this stream keeps the history only
        return {
          ...state,
          status: "transferredOut",
          orgId: undefined,
          transfer: { ...state.transfer, status: "received", closedAt: event.at },
          absence: undefined,
          mobile: undefined,
          checkIn: undefined
        }
      }
      return {
        ...state,
        orgId: event.toOrgId,
        affiliatedSince: event.at,
        transfer: state.transfer === undefined
          ? undefined
          : { ...state.transfer, status: "received", closedAt: event.at },
        // The affiliation moved where the member is: no longer away from it, nor mobile from the old origin.
        absence: undefined,
        mobile: undefined
      }
    }
    case "TransferRejected":
      return state.transfer === undefined
        ? state
        : { ...state, transfer: { ...state.transfer, status: "rejected", closedAt: event.at, reason: event.reason } }
    case "TransferLetterExpired":
      return state.transfer === undefined
        ? state
        : { ...state, transfer: { ...state.transfer, status: "expired", closedAt: event.at } }
    case "AbsenceRecorded":
      return { ...state, absence: { since: event.at, fixedPlace: event.fixedPlace, abroad: event.abroad } }
    case "MobileMemberRegistered":
      return {
        ...state,
        mobile: {
          originOrgId: event.originOrgId,
          hostOrgId: event.hostOrgId,
          credential: event.credential,
          credentialId: event.credentialId,
          contactPersonId: event.contactPersonId,
          since: event.at,
          lastContactAt: undefined,
          lastHostActivityAt: undefined
        }
      }
    case "MobileContactPersonAssigned":
      return state.mobile === undefined
        ? state
        : { ...state, mobile: { ...state.mobile, contactPersonId: event.contactPersonId } }
    case "MobileContactRecorded":
      return state.mobile === undefined
        ? state
        : { ...state, mobile: { ...state.mobile, lastContactAt: later(state.mobile.lastContactAt, event.at) } }
    case "HostActivityRecorded": {
      if (state.mobile === undefined) return state
      const mobile = { ...state.mobile, lastHostActivityAt: later(state.mobile.lastHostActivityAt, event.at) }
      // R45: life at the host is the mobile member's organizational life (R39)
      const next = { ...state, mobile }
      return event.kind === "orgLife" ? participated(next, "orgLife", event.at) : next
    }
    case "MemberReturned":
      return { ...state, absence: undefined, mobile: undefined }
    case "CommunityCheckedIn":
      return {
        ...state,
        checkIn: {
          checkInId: event.checkInId,
          communityOrgId: event.communityOrgId,
          affiliationOrgId: event.affiliationOrgId,
          since: event.at,
          resettled: event.resettled,
          record: event.record,
          activities: [],
          lastFeedbackAt: undefined
        }
      }
    case "CheckInActivityRecorded":
      return state.checkIn === undefined
        ? state
        : { ...state, checkIn: { ...state.checkIn, activities: [...state.checkIn.activities, event.at] } }
    case "CheckInFeedbackRecorded":
      return state.checkIn === undefined
        ? state
        : { ...state, checkIn: { ...state.checkIn, lastFeedbackAt: later(state.checkIn.lastFeedbackAt, event.at) } }
    case "CommunityCheckedOut":
      return { ...state, checkIn: undefined }
    case "VoteRecorded":
      return state
    default:
      return state
  }
}

/**
 * The fold of the member stream.
 *
 * @category folding
 * @since 0.1.0
 */
export const fold: Fold<MemberEvent, MemberState> = { initialState, evolve }

// ---------------------------------------------------------------------------------------------------------
// Queries
// ---------------------------------------------------------------------------------------------------------

/**
 * Whether the member is probationary or full (not suspended, removed or cancelled).
 *
 * @category queries
 * @since 0.1.0
 */
export const isActive = (state: MemberState): boolean => state.status === "probationary" || state.status === "full"

/**
 * R38: the member's one formal affiliation, or undefined (not yet admitted, removed, cancelled). A check-in
 * or a mobile host never appears here; an issued letter does not move it until it is received (R42).
 *
 * @category queries
 * @since 0.1.0
 */
export const affiliationOf = (state: MemberState): string | undefined => state.orgId

/**
 * RULES.md §3.3: the organization whose counts include the member, with the count it is in (`full` in FM
 * and AM, `probationary` in AM only), or undefined when it counts nowhere (suspended, R40; removed).
 *
 * @category queries
 * @since 0.1.0
 */
export const countedAt = (
  state: MemberState
): { readonly orgId: string; readonly as: "full" | "probationary" } | undefined =>
  state.orgId !== undefined && (state.status === "full" || state.status === "probationary")
    ? { orgId: state.orgId, as: state.status }
    : undefined

/**
 * RULES.md §3.3, R20: the one organization where the member may vote, elect and stand (the affiliation,
 * when full), or undefined.
 *
 * @category queries
 * @since 0.1.0
 */
export const votesAt = (state: MemberState): string | undefined => (state.status === "full" ? state.orgId : undefined)

/**
 * The open transfer letter (issued, neither received, rejected nor expired), if any.
 *
 * @category queries
 * @since 0.1.0
 */
export const openTransfer = (state: MemberState): Transfer | undefined =>
  state.transfer?.status === "inTransit" ? state.transfer : undefined

/**
 * R42: the letter of the member's open transfer as the destination's store receives it when the destination
 * is recorded in another store (`ReceiveTransfer` with `letter` there): the letter's ends and dates and the
 * member's standing as this stream holds it now. Undefined without an open letter or an active member.
 *
 * @category queries
 * @since 0.3.0
 */
export const transferLetterOf = (state: MemberState): TransferLetter | undefined => {
  const open = openTransfer(state)
  if (open === undefined || state.joinedAt === undefined) return undefined
  if (state.status !== "full" && state.status !== "probationary") return undefined
  return {
    fromOrgId: open.fromOrgId,
    toOrgId: open.toOrgId,
    issuedAt: open.issuedAt,
    validUntil: open.validUntil,
    status: state.status,
    joinedAt: state.joinedAt,
    ...(state.probationEndsAt === undefined ? {} : { probationEndsAt: state.probationEndsAt }),
    extended: state.extended,
    ...(state.convertedAt === undefined ? {} : { convertedAt: state.convertedAt }),
    lastParticipation: state.lastParticipation
  }
}

/**
 * The organizations where the member takes part without counting or voting: the mobile member's host (R45)
 * and the check-in community (R47).
 *
 * @category queries
 * @since 0.1.0
 */
export const participatesAt = (state: MemberState): ReadonlyArray<string> => [
  ...(state.mobile === undefined ? [] : [state.mobile.hostOrgId]),
  ...(state.checkIn === undefined ? [] : [state.checkIn.communityOrgId])
]

/**
 * R39: for each of organizational life, dues and (once any was recorded) assigned work, the date of the
 * last one (or the day the member joined) and the whole months since then as of `asOf`.
 *
 * @category queries
 * @since 0.1.0
 */
export const sinceLastParticipation = (
  member: MemberState,
  asOf: LegalDate
): ReadonlyArray<{ readonly kind: ParticipationKind; readonly since: LegalDate; readonly months: number }> => {
  const baseline = member.joinedAt ?? asOf
  const kinds: ReadonlyArray<ParticipationKind> = member.lastParticipation.work === undefined
    ? ["orgLife", "dues"]
    : ["orgLife", "dues", "work"]
  return kinds.map((kind) => {
    const since = member.lastParticipation[kind] ?? baseline
    return { kind, since, months: monthsBetween(since, asOf) }
  })
}

/**
 * R39: the longest run without organizational life, dues or work when it reaches the policy's
 * `lapseMonths` (DZ Art. 9: "连续六个月"), else undefined.
 *
 * @category queries
 * @since 0.1.0
 */
export const lapsedFor = (
  member: MemberState,
  policy: MembershipPolicy,
  asOf: LegalDate
): { readonly kind: ParticipationKind; readonly since: LegalDate; readonly months: number } | undefined => {
  let worst: { readonly kind: ParticipationKind; readonly since: LegalDate; readonly months: number } | undefined
  for (const entry of sinceLastParticipation(member, asOf)) {
    if (entry.months >= policy.lapseMonths && (worst === undefined || entry.months > worst.months)) worst = entry
  }
  return worst
}
