/**
 * The state of one meeting stream, its total `evolve`, and the pure queries over it: what was planned and when
 * (every date, R59), whether the meeting was called off or held, and its current record (R58, after any
 * corrections, R60).
 *
 * @since 0.3.0
 */
import type { Fold } from "../kernel/Decider.ts"
import { exhaustive } from "../kernel/tags.ts"
import type { LegalDate } from "../LegalDate.ts"
import type { MeetingEvent } from "./events.ts"
import type { Body, MeetingKind, MeetingRecord, RecordSource } from "./model.ts"

/**
 * A planned date and the day it was entered: the plan, then each new date (R59).
 *
 * @category models
 * @since 0.3.0
 */
export interface ScheduleEntry {
  readonly plannedOn: LegalDate
  readonly at: LegalDate
}

/**
 * @category models
 * @since 0.3.0
 */
export interface MeetingState {
  readonly status: "none" | "planned" | "cancelled" | "held"
  readonly meetingId: string
  readonly orgId: string
  readonly kind: MeetingKind
  readonly groupId: string | undefined
  readonly body: Body
  readonly ordinal: number | undefined
  /** The plan and every new date, in order (empty when the meeting was recorded without a plan). */
  readonly schedule: ReadonlyArray<ScheduleEntry>
  readonly cancelledAt: LegalDate | undefined
  /** The record of the held meeting, as last corrected. */
  readonly record: MeetingRecord | undefined
  /** The day the held meeting was recorded (R60). */
  readonly recordedAt: LegalDate | undefined
  readonly lateRecorded: boolean
  readonly source: RecordSource
  readonly corrections: number
  readonly correctedAt: LegalDate | undefined
}

/**
 * The state before the first event.
 *
 * @category models
 * @since 0.3.0
 */
export const initialState: MeetingState = {
  status: "none",
  meetingId: "",
  orgId: "",
  kind: "generalMeeting",
  groupId: undefined,
  body: "members",
  ordinal: undefined,
  schedule: [],
  cancelledAt: undefined,
  record: undefined,
  recordedAt: undefined,
  lateRecorded: false,
  source: "entry",
  corrections: 0,
  correctedAt: undefined
}

// The record fields of a held or corrected event, without the event's own fields.
const recordOf = (event: MeetingRecord): MeetingRecord => ({
  alsoCounts: event.alsoCounts,
  heldOn: event.heldOn,
  ...(event.place === undefined ? {} : { place: event.place }),
  ...(event.ordinal === undefined ? {} : { ordinal: event.ordinal }),
  ...(event.chairId === undefined ? {} : { chairId: event.chairId }),
  ...(event.chairRole === undefined ? {} : { chairRole: event.chairRole }),
  chairDelegated: event.chairDelegated,
  ...(event.recorderId === undefined ? {} : { recorderId: event.recorderId }),
  ...(event.lecturerId === undefined ? {} : { lecturerId: event.lecturerId }),
  ...(event.lecturerRole === undefined ? {} : { lecturerRole: event.lecturerRole }),
  entitled: event.entitled,
  present: event.present,
  absent: event.absent,
  guestMembers: event.guestMembers,
  invitees: event.invitees,
  topics: event.topics,
  decisions: event.decisions,
  ...(event.voting === undefined ? {} : { voting: event.voting }),
  entitledNotOnRoster: event.entitledNotOnRoster,
  rosterNotEntitled: event.rosterNotEntitled
})

/**
 * Applies one event. Total and pure; never throws on a stored event.
 *
 * @category folding
 * @since 0.3.0
 */
export const evolve = (state: MeetingState, event: MeetingEvent): MeetingState => {
  switch (event._tag) {
    case "MeetingPlanned":
      return {
        ...initialState,
        status: "planned",
        meetingId: event.meetingId,
        orgId: event.orgId,
        kind: event.kind,
        groupId: event.groupId,
        body: event.body,
        ordinal: event.ordinal,
        schedule: [{ plannedOn: event.plannedOn, at: event.at }]
      }
    case "MeetingRescheduled":
      return { ...state, schedule: [...state.schedule, { plannedOn: event.plannedOn, at: event.at }] }
    case "MeetingCancelled":
      return { ...state, status: "cancelled", cancelledAt: event.at }
    case "MeetingHeld":
      return {
        ...state,
        status: "held",
        meetingId: event.meetingId,
        orgId: event.orgId,
        kind: event.kind,
        groupId: event.groupId,
        body: event.body,
        ordinal: event.ordinal ?? state.ordinal,
        record: recordOf(event),
        recordedAt: event.at,
        lateRecorded: event.lateRecorded,
        source: event.source
      }
    case "MeetingRecordCorrected":
      return {
        ...state,
        record: recordOf(event),
        corrections: state.corrections + 1,
        correctedAt: event.at
      }
    default:
      return exhaustive(event, state)
  }
}

/**
 * The fold of the meeting stream.
 *
 * @category folding
 * @since 0.3.0
 */
export const fold: Fold<MeetingEvent, MeetingState> = { initialState, evolve }

// ---------------------------------------------------------------------------------------------------------
// Queries
// ---------------------------------------------------------------------------------------------------------

/**
 * The date the meeting is planned for now (the latest of its schedule), or undefined without a plan.
 *
 * @category queries
 * @since 0.3.0
 */
export const plannedOn = (state: MeetingState): LegalDate | undefined => state.schedule.at(-1)?.plannedOn

/**
 * The kinds a held meeting counts as: its own and those it was combined with (a themed Party day with a
 * lecture, an org-life meeting with the appraisal); none for a meeting not held.
 *
 * @category queries
 * @since 0.3.0
 */
export const kindsOf = (state: MeetingState): ReadonlyArray<MeetingKind> =>
  state.status === "held" && state.record !== undefined ? [state.kind, ...state.record.alsoCounts] : []

/**
 * Whether a held meeting counts as a kind (R59 counts it in the period of its `heldOn`).
 *
 * @category queries
 * @since 0.3.0
 */
export const countsAs = (state: MeetingState, kind: MeetingKind): boolean => kindsOf(state).includes(kind)

/**
 * The day the meeting was held, or undefined when it was not.
 *
 * @category queries
 * @since 0.3.0
 */
export const heldOn = (state: MeetingState): LegalDate | undefined =>
  state.status === "held" ? state.record?.heldOn : undefined

/**
 * The first date the meeting's stream names: the day it was held, or the day it was first planned for, whichever
 * is earlier (undefined for a stream with no event).
 *
 * @category queries
 * @since 0.3.0
 */
export const firstDate = (state: MeetingState): LegalDate | undefined => {
  const planned = state.schedule[0]?.plannedOn
  const held = heldOn(state)
  if (planned === undefined) return held
  if (held === undefined) return planned
  return held < planned ? held : planned
}
