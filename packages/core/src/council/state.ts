/**
 * The state of one council stream, its total `evolve`, and the pure queries over it.
 *
 * @since 0.2.0
 */
import type { Fold } from "../kernel/Decider.ts"
import type { LegalDate } from "../LegalDate.ts"
import type { CouncilEvent } from "./events.ts"
import type { CouncilKind } from "./model.ts"

/**
 * @category models
 * @since 0.1.0
 */
export interface CouncilState {
  readonly status: "none" | "active" | "dissolved"
  readonly councilId: string
  readonly kind: CouncilKind
  readonly convenerOrgId: string
  readonly memberOrgIds: ReadonlyArray<string>
  readonly formedAt: LegalDate | undefined
  readonly meetings: Readonly<
    Record<string, { readonly attendingOrgIds: ReadonlyArray<string>; readonly at: LegalDate }>
  >
  readonly lastMeetingAt: LegalDate | undefined
  readonly dissolvedAt: LegalDate | undefined
}

/**
 * The state before the first event.
 *
 * @category models
 * @since 0.2.0
 */
export const initialState: CouncilState = {
  status: "none",
  councilId: "",
  kind: "jointMeeting",
  convenerOrgId: "",
  memberOrgIds: [],
  formedAt: undefined,
  meetings: {},
  lastMeetingAt: undefined,
  dissolvedAt: undefined
}

/**
 * Applies one event. Total and pure; never throws on a stored event.
 *
 * @category folding
 * @since 0.2.0
 */
export const evolve = (state: CouncilState, event: CouncilEvent): CouncilState => {
  switch (event._tag) {
    case "CouncilFormed":
      return {
        ...initialState,
        status: "active",
        councilId: event.councilId,
        kind: event.kind,
        convenerOrgId: event.convenerOrgId,
        memberOrgIds: event.memberOrgIds,
        formedAt: event.at
      }
    case "CouncilMemberAdded":
      return state.memberOrgIds.includes(event.orgId)
        ? state
        : { ...state, memberOrgIds: [...state.memberOrgIds, event.orgId] }
    case "CouncilMemberRemoved":
      return { ...state, memberOrgIds: state.memberOrgIds.filter((id) => id !== event.orgId) }
    case "JointMeetingHeld":
      return {
        ...state,
        meetings: { ...state.meetings, [event.meetingId]: { attendingOrgIds: event.attendingOrgIds, at: event.at } },
        lastMeetingAt: state.lastMeetingAt === undefined || state.lastMeetingAt < event.at
          ? event.at
          : state.lastMeetingAt
      }
    case "CouncilDissolved":
      return { ...state, status: "dissolved", dissolvedAt: event.at }
    default:
      return state
  }
}

/**
 * The fold of the council stream.
 *
 * @category folding
 * @since 0.2.0
 */
export const fold: Fold<CouncilEvent, CouncilState> = { initialState, evolve }

// ---------------------------------------------------------------------------------------------------------
// Queries
// ---------------------------------------------------------------------------------------------------------

/**
 * Whether the council is formed and not dissolved.
 *
 * @category queries
 * @since 0.2.0
 */
export const isActive = (state: CouncilState): boolean => state.status === "active"

/**
 * Whether an organization is one of the council's members.
 *
 * @category queries
 * @since 0.2.0
 */
export const isMember = (state: CouncilState, orgId: string): boolean => state.memberOrgIds.includes(orgId)
