/**
 * The dual-registration ledger (双报到 / 双向报到、双重管理、双边活动, R46, R47): every member check-in at a
 * residence community and every unit organization's check-in, with activities and feedback. A check-in never
 * changes an affiliation or a count; this ledger is where it shows. It reads the member streams and the unit
 * check-in streams (`unitcheckin-<unitOrgId>`, the `UnitCheckIn` aggregate's).
 *
 * @since 0.1.0
 */
import type { Envelope } from "../../kernel/Envelope.ts"
import * as Projection from "../../kernel/Projection.ts"
import { lookup, without } from "../../kernel/records.ts"
import type { LegalDate } from "../../LegalDate.ts"
import type { UnitCheckInEvent } from "../../unitCheckIn/events.ts"
import { unitOrgIdOf } from "../../unitCheckIn/stream.ts"
import type { MemberEvent } from "../events.ts"
import { memberIdOf } from "../stream.ts"

/**
 * A member's check-in (active when `until` is undefined).
 *
 * @category models
 * @since 0.1.0
 */
export interface MemberEntry {
  readonly memberId: string
  readonly checkInId: string
  readonly communityOrgId: string
  readonly affiliationOrgId: string
  readonly resettled: boolean
  readonly since: LegalDate
  readonly until: LegalDate | undefined
  readonly activities: number
  readonly feedbacks: ReadonlyArray<LegalDate>
}

/**
 * A unit organization's check-in (active when `until` is undefined).
 *
 * @category models
 * @since 0.1.0
 */
export interface UnitEntry {
  readonly unitOrgId: string
  readonly communityOrgId: string
  readonly since: LegalDate
  readonly until: LegalDate | undefined
  readonly activities: number
  readonly feedbacks: ReadonlyArray<LegalDate>
}

/**
 * The ledger: member entries by `<memberId>/<checkInId>` (with `\` and `/` in the member id escaped by a `\`),
 * unit entries by unit organization id (the latest).
 *
 * @category models
 * @since 0.1.0
 */
export interface LedgerView {
  readonly members: Readonly<Record<string, MemberEntry>>
  readonly units: Readonly<Record<string, UnitEntry>>
  /** The open check-in of each member, by member id. */
  readonly current: Readonly<Record<string, string>>
}

/**
 * @category constructors
 * @since 0.1.0
 */
export const empty: LedgerView = { members: {}, units: {}, current: {} }

const updateMember = (view: LedgerView, memberId: string, f: (entry: MemberEntry) => MemberEntry): LedgerView => {
  const key = lookup(view.current, memberId)
  const entry = key === undefined ? undefined : lookup(view.members, key)
  if (key === undefined || entry === undefined) return view
  return { ...view, members: { ...view.members, [key]: f(entry) } }
}

const closeMember = (view: LedgerView, memberId: string, at: LegalDate): LedgerView => {
  const next = updateMember(view, memberId, (e) => ({ ...e, until: at }))
  if (next === view) return view
  return { ...next, current: without(next.current, memberId) }
}

// The key of one check-in: `<memberId>/<checkInId>`, with `\` and `/` escaped in the member id, so that member
// `a/b` with check-in `c` and member `a` with check-in `b/c` never share a key.
const checkInKey = (memberId: string, checkInId: string): string =>
  `${memberId.replace(/[\\/]/g, (c) => `\\${c}`)}/${checkInId}`

const applyMember = (view: LedgerView, memberId: string, event: MemberEvent): LedgerView => {
  switch (event._tag) {
    case "CommunityCheckedIn": {
      const key = checkInKey(memberId, event.checkInId)
      return {
        ...view,
        members: {
          ...view.members,
          [key]: {
            memberId,
            checkInId: event.checkInId,
            communityOrgId: event.communityOrgId,
            affiliationOrgId: event.affiliationOrgId,
            resettled: event.resettled,
            since: event.at,
            until: undefined,
            activities: 0,
            feedbacks: []
          }
        },
        current: { ...view.current, [memberId]: key }
      }
    }
    case "CheckInActivityRecorded":
      return updateMember(view, memberId, (e) => ({ ...e, activities: e.activities + 1 }))
    case "CheckInFeedbackRecorded":
      return updateMember(view, memberId, (e) => ({ ...e, feedbacks: [...e.feedbacks, event.at] }))
    case "TransferReceived":
      return updateMember(view, memberId, (e) => ({ ...e, affiliationOrgId: event.toOrgId }))
    case "CommunityCheckedOut":
    case "MemberRemoved":
    case "ProbationCancelled":
      return closeMember(view, memberId, event.at)
    default:
      return view
  }
}

const applyUnit = (view: LedgerView, unitOrgId: string, event: UnitCheckInEvent): LedgerView => {
  const entry = lookup(view.units, unitOrgId)
  switch (event._tag) {
    case "UnitCheckedIn":
      return {
        ...view,
        units: {
          ...view.units,
          [unitOrgId]: {
            unitOrgId,
            communityOrgId: event.communityOrgId,
            since: event.at,
            until: undefined,
            activities: 0,
            feedbacks: []
          }
        }
      }
    case "UnitActivityRecorded":
      return entry === undefined
        ? view
        : { ...view, units: { ...view.units, [unitOrgId]: { ...entry, activities: entry.activities + 1 } } }
    case "UnitFeedbackRecorded":
      return entry === undefined
        ? view
        : { ...view, units: { ...view.units, [unitOrgId]: { ...entry, feedbacks: [...entry.feedbacks, event.at] } } }
    case "UnitCheckedOut":
      return entry === undefined
        ? view
        : { ...view, units: { ...view.units, [unitOrgId]: { ...entry, until: event.at } } }
    default:
      return view
  }
}

/**
 * Applies one envelope (member streams and unit check-in streams).
 *
 * @category folding
 * @since 0.1.0
 */
export const apply = (view: LedgerView, envelope: Envelope): LedgerView => {
  const memberId = memberIdOf(envelope.streamId)
  if (memberId !== undefined) return applyMember(view, memberId, envelope.data as MemberEvent)
  const unitOrgId = unitOrgIdOf(envelope.streamId)
  if (unitOrgId !== undefined) return applyUnit(view, unitOrgId, envelope.data as UnitCheckInEvent)
  return view
}

/**
 * The dual-registration ledger projection.
 *
 * @category projections
 * @since 0.1.0
 */
export const projection: Projection.Projection<LedgerView> = Projection.make({
  name: "member.dualRegistration",
  version: 1,
  initialState: empty,
  apply
})

/**
 * The active member check-ins at a community, by member id.
 *
 * @category queries
 * @since 0.1.0
 */
export const activeAt = (view: LedgerView, communityOrgId: string): ReadonlyArray<MemberEntry> =>
  Object.values(view.current)
    .map((key) => lookup(view.members, key))
    .filter((entry): entry is MemberEntry => entry !== undefined && entry.communityOrgId === communityOrgId)
    .sort((a, b) => (a.memberId < b.memberId ? -1 : 1))

/**
 * The active unit organizations checked in at a community.
 *
 * @category queries
 * @since 0.1.0
 */
export const unitsAt = (view: LedgerView, communityOrgId: string): ReadonlyArray<UnitEntry> =>
  Object.values(view.units)
    .filter((entry) => entry.communityOrgId === communityOrgId && entry.until === undefined)
    .sort((a, b) => (a.unitOrgId < b.unitOrgId ? -1 : 1))
