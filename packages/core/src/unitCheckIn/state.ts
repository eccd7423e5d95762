/**
 * The state of one unit check-in stream, its total `evolve`, and the pure queries over it.
 *
 * @since 0.2.0
 */
import type { Fold } from "../kernel/Decider.ts"
import type { LegalDate } from "../LegalDate.ts"
import { max } from "../LegalDate.ts"
import type { UnitCheckInEvent } from "./events.ts"

/**
 * The state of a unit organization's check-in.
 *
 * @category models
 * @since 0.1.0
 */
export interface UnitCheckInState {
  readonly status: "none" | "checkedIn" | "checkedOut"
  readonly unitOrgId: string
  readonly communityOrgId: string | undefined
  readonly since: LegalDate | undefined
  readonly activities: ReadonlyArray<LegalDate>
  readonly lastFeedbackAt: LegalDate | undefined
}

/**
 * The state before the first event.
 *
 * @category models
 * @since 0.2.0
 */
export const initialState: UnitCheckInState = {
  status: "none",
  unitOrgId: "",
  communityOrgId: undefined,
  since: undefined,
  activities: [],
  lastFeedbackAt: undefined
}

/**
 * Applies one event of the unit check-in stream. Total and pure; never throws on a stored event.
 *
 * @category folding
 * @since 0.2.0
 */
export const evolve = (state: UnitCheckInState, event: UnitCheckInEvent): UnitCheckInState => {
  switch (event._tag) {
    case "UnitCheckedIn":
      return {
        status: "checkedIn",
        unitOrgId: event.unitOrgId,
        communityOrgId: event.communityOrgId,
        since: event.at,
        activities: [],
        lastFeedbackAt: undefined
      }
    case "UnitActivityRecorded":
      return { ...state, activities: [...state.activities, event.at] }
    case "UnitFeedbackRecorded":
      return {
        ...state,
        lastFeedbackAt: state.lastFeedbackAt === undefined ? event.at : max(state.lastFeedbackAt, event.at)
      }
    case "UnitCheckedOut":
      return { ...state, status: "checkedOut" }
    default:
      return state
  }
}

/**
 * The fold of the unit check-in stream.
 *
 * @category folding
 * @since 0.2.0
 */
export const fold: Fold<UnitCheckInEvent, UnitCheckInState> = { initialState, evolve }

// ---------------------------------------------------------------------------------------------------------
// Queries
// ---------------------------------------------------------------------------------------------------------

/**
 * The community the unit organization is checked in at now, or undefined.
 *
 * @category queries
 * @since 0.2.0
 */
export const checkedInAt = (state: UnitCheckInState): string | undefined =>
  state.status === "checkedIn" ? state.communityOrgId : undefined
