/**
 * The meeting register read model: every meeting's state (folded with the aggregate's own `evolve`), with the
 * queries the findings ask: the meetings of each organization, and each member's attendance at organizational
 * life (R61). {@link asOf} builds the same model as of any legal date, by leaving out the events entered later
 * (a meeting counts from the day it was recorded; within the register it counts in the period of the day it was
 * held, R59).
 *
 * @since 0.3.0
 */
import type { Envelope } from "../../kernel/Envelope.ts"
import * as Projection from "../../kernel/Projection.ts"
import * as ReadModel from "../../kernel/ReadModel.ts"
import { lookup } from "../../kernel/records.ts"
import type { LegalDate } from "../../LegalDate.ts"
import { legalDateOf } from "../../organization/projections/OrganizationTree.ts"
import type { MeetingEvent } from "../events.ts"
import type { AbsenceReason, MeetingKind } from "../model.ts"
import { orgLifeKinds } from "../model.ts"
import type { MeetingState } from "../state.ts"
import { evolve, initialState, kindsOf } from "../state.ts"
import { meetingIdOf } from "../stream.ts"

/**
 * @category models
 * @since 0.3.0
 */
export interface RegisterView {
  readonly meetings: Readonly<Record<string, MeetingState>>
}

/**
 * The empty register.
 *
 * @category constructors
 * @since 0.3.0
 */
export const empty: RegisterView = { meetings: {} }

/**
 * Applies one envelope: meeting events update their meeting; other events are ignored.
 *
 * @category folding
 * @since 0.3.0
 */
export const apply = (view: RegisterView, envelope: Envelope): RegisterView => {
  const meetingId = meetingIdOf(envelope.streamId)
  if (meetingId === undefined) return view
  const before = lookup(view.meetings, meetingId) ?? initialState
  const after = evolve(before, envelope.data as MeetingEvent)
  return after === before ? view : { ...view, meetings: { ...view.meetings, [meetingId]: after } }
}

/**
 * The meeting register projection (current state).
 *
 * @category projections
 * @since 0.3.0
 */
export const projection: Projection.Projection<RegisterView> = Projection.make({
  name: "meeting.register",
  version: 1,
  initialState: empty,
  apply
})

/**
 * The register as of a legal date: events entered after `date` are left out.
 *
 * @category projections
 * @since 0.3.0
 */
export const asOf = (date: LegalDate): Projection.Projection<RegisterView> =>
  Projection.make({
    name: `meeting.register.asOf.${date}`,
    version: 1,
    initialState: empty,
    apply: (view, envelope) => (legalDateOf(envelope) <= date ? apply(view, envelope) : view)
  })

/**
 * The meeting register as a keyed read model: one row per meeting with its state as of every legal date on
 * which it changed (see `ReadModel`).
 *
 * @category read models
 * @since 0.3.0
 */
export const readModel: ReadModel.ReadModel<MeetingState> = ReadModel.make({
  name: "meeting.register",
  version: 1,
  mode: "inline",
  keyOf: (envelope) => meetingIdOf(envelope.streamId),
  initial: initialState,
  evolve: (state, envelope) => evolve(state, envelope.data as MeetingEvent),
  dateOf: legalDateOf
})

/**
 * The register as of a date, from the rows of {@link readModel}.
 *
 * @category read models
 * @since 0.3.0
 */
export const fromTimelines = (
  timelines: ReadonlyMap<string, ReadModel.Timeline<MeetingState>>,
  date: LegalDate
): RegisterView => ({ meetings: ReadModel.recordAsOf(readModel, timelines, date) })

// ---------------------------------------------------------------------------------------------------------
// Queries
// ---------------------------------------------------------------------------------------------------------

/**
 * The meetings of each organization (planned, cancelled and held), by organization id, each list in meeting-id
 * order; organizations in id order.
 *
 * @category queries
 * @since 0.3.0
 */
export const byOrganization = (view: RegisterView): ReadonlyMap<string, ReadonlyArray<MeetingState>> => {
  const out = new Map<string, Array<MeetingState>>()
  for (const meetingId of Object.keys(view.meetings).sort()) {
    const meeting = view.meetings[meetingId]!
    if (meeting.status === "none") continue
    const list = out.get(meeting.orgId)
    if (list === undefined) out.set(meeting.orgId, [meeting])
    else list.push(meeting)
  }
  return new Map([...out].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
}

/**
 * Whether a held meeting counts as organizational life for R39 (R61): any kind but a heart-to-heart talk.
 *
 * @category queries
 * @since 0.3.0
 */
export const isOrgLife = (meeting: MeetingState): boolean => kindsOf(meeting).some((k) => orgLifeKinds.includes(k))

/**
 * One organizational-life event a member was entitled to (R61), and whether the member attended it, or was
 * absent with leave (and why) or without.
 *
 * @category models
 * @since 0.3.0
 */
export interface EntitledEvent {
  readonly meetingId: string
  readonly orgId: string
  readonly heldOn: LegalDate
  readonly attended: boolean
  readonly excused: boolean
  readonly reason: AbsenceReason | undefined
}

/**
 * A member's organizational life as the register records it (R61): the days the member took part (present, or
 * a member of another organization taking part, R45), and the events the member was entitled to, oldest first.
 *
 * @category models
 * @since 0.3.0
 */
export interface Participation {
  readonly attended: ReadonlyArray<LegalDate>
  readonly entitled: ReadonlyArray<EntitledEvent>
}

/**
 * What R61 reads of the register: each member's {@link Participation}, and the organizations that record their
 * organizational life (at least one held meeting that counts).
 *
 * @category models
 * @since 0.3.0
 */
export interface Attendance {
  readonly members: ReadonlyMap<string, Participation>
  readonly recordingOrgs: ReadonlySet<string>
}

const committeeOnly = (kinds: ReadonlyArray<MeetingKind>) =>
  kinds.every((k) => k === "committeeMeeting" || k === "heartToHeartTalk")

/**
 * The attendance of every member at the organizational life the register holds (R61). Taking part is being
 * present, or taking part from another organization (`guestMembers`, R45), at a held meeting that counts as
 * organizational life; a meeting that is only a committee meeting counts only for those entitled to it (the
 * committee), never for a guest.
 *
 * @category queries
 * @since 0.3.0
 */
export const attendance = (view: RegisterView): Attendance => {
  const attended = new Map<string, Array<LegalDate>>()
  const entitled = new Map<string, Array<EntitledEvent>>()
  const recordingOrgs = new Set<string>()
  const push = <A>(map: Map<string, Array<A>>, key: string, value: A) => {
    const list = map.get(key)
    if (list === undefined) map.set(key, [value])
    else list.push(value)
  }
  for (const meetingId of Object.keys(view.meetings).sort()) {
    const meeting = view.meetings[meetingId]!
    const record = meeting.record
    if (meeting.status !== "held" || record === undefined || !isOrgLife(meeting)) continue
    recordingOrgs.add(meeting.orgId)
    const heldOn = record.heldOn
    const base = { meetingId, orgId: meeting.orgId, heldOn }
    const present = new Set(record.present)
    for (const id of record.entitled) {
      const absence = present.has(id) ? undefined : record.absent.find((a) => a.memberId === id)
      push(entitled, id, {
        ...base,
        attended: present.has(id),
        excused: absence?.excused ?? false,
        reason: absence?.reason
      })
    }
    for (const id of record.present) push(attended, id, heldOn)
    if (!committeeOnly(kindsOf(meeting))) { for (const id of record.guestMembers) push(attended, id, heldOn) }
  }
  const members = new Map<string, Participation>()
  const byDate = (a: LegalDate, b: LegalDate) => (a < b ? -1 : a > b ? 1 : 0)
  for (const id of new Set([...attended.keys(), ...entitled.keys()])) {
    members.set(id, {
      attended: [...(attended.get(id) ?? [])].sort(byDate),
      entitled: [...(entitled.get(id) ?? [])].sort((a, b) => byDate(a.heldOn, b.heldOn))
    })
  }
  return { members, recordingOrgs }
}
