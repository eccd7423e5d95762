/**
 * The state of one roles stream, its total `evolve`, and the pure queries over it.
 *
 * @since 0.3.0
 */
import type { Fold } from "../kernel/Decider.ts"
import { lookup } from "../kernel/records.ts"
import type { LegalDate } from "../LegalDate.ts"
import type { RolesEvent } from "./events.ts"
import type { ResettlementStaffing, UnitClosure, UnitType } from "./model.ts"

/**
 * A first secretary's appointment (R57).
 *
 * @category models
 * @since 0.3.0
 */
export interface FirstSecretary {
  readonly villageOrgId: string
  readonly appointeeId: string
  readonly dispatchedBy: string
  readonly from: LegalDate
  readonly until: LegalDate
  readonly appointedAt: LegalDate
  readonly recalledAt: LegalDate | undefined
}

/**
 * A unit without members on the register (R54).
 *
 * @category models
 * @since 0.3.0
 */
export interface UnitWithoutMembers {
  readonly unitType: UnitType
  readonly registeredAt: LegalDate
  readonly closedAt: LegalDate | undefined
  readonly closure: UnitClosure | undefined
}

/**
 * An instructor's appointment (R54).
 *
 * @category models
 * @since 0.3.0
 */
export interface Instructor {
  readonly instructorId: string
  readonly unitIds: ReadonlyArray<string>
  readonly from: LegalDate
  readonly until: LegalDate | undefined
  readonly appointedAt: LegalDate
  readonly recalledAt: LegalDate | undefined
}

/**
 * @category models
 * @since 0.3.0
 */
export interface RolesState {
  readonly orgId: string
  /** First secretaries by appointment id. */
  readonly firstSecretaries: Readonly<Record<string, FirstSecretary>>
  /** Units without members by unit id. */
  readonly units: Readonly<Record<string, UnitWithoutMembers>>
  /** Instructors by appointment id. */
  readonly instructors: Readonly<Record<string, Instructor>>
  /** Resettlement sites by site id, with their latest staffing and its date. */
  readonly sites: Readonly<Record<string, { readonly staffing: ResettlementStaffing; readonly since: LegalDate }>>
}

/**
 * The state before the first event.
 *
 * @category models
 * @since 0.3.0
 */
export const initialState: RolesState = { orgId: "", firstSecretaries: {}, units: {}, instructors: {}, sites: {} }

/**
 * Applies one event. Total and pure; never throws on a stored event.
 *
 * @category folding
 * @since 0.3.0
 */
export const evolve = (state: RolesState, event: RolesEvent): RolesState => {
  switch (event._tag) {
    case "FirstSecretaryAppointed":
      return {
        ...state,
        orgId: event.orgId,
        firstSecretaries: {
          ...state.firstSecretaries,
          [event.appointmentId]: {
            villageOrgId: event.villageOrgId,
            appointeeId: event.appointeeId,
            dispatchedBy: event.dispatchedBy,
            from: event.from,
            until: event.until,
            appointedAt: event.at,
            recalledAt: undefined
          }
        }
      }
    case "FirstSecretaryTermExtended": {
      const found = lookup(state.firstSecretaries, event.appointmentId)
      return found === undefined
        ? state
        : {
          ...state,
          firstSecretaries: { ...state.firstSecretaries, [event.appointmentId]: { ...found, until: event.until } }
        }
    }
    case "FirstSecretaryRecalled": {
      const found = lookup(state.firstSecretaries, event.appointmentId)
      return found === undefined
        ? state
        : {
          ...state,
          firstSecretaries: { ...state.firstSecretaries, [event.appointmentId]: { ...found, recalledAt: event.at } }
        }
    }
    case "UnitWithoutMembersRegistered":
      return {
        ...state,
        orgId: event.orgId,
        units: {
          ...state.units,
          [event.unitId]: { unitType: event.unitType, registeredAt: event.at, closedAt: undefined, closure: undefined }
        }
      }
    case "UnitWithoutMembersClosed": {
      const found = lookup(state.units, event.unitId)
      return found === undefined
        ? state
        : {
          ...state,
          units: { ...state.units, [event.unitId]: { ...found, closedAt: event.at, closure: event.reason } }
        }
    }
    case "InstructorAppointed":
      return {
        ...state,
        orgId: event.orgId,
        instructors: {
          ...state.instructors,
          [event.appointmentId]: {
            instructorId: event.instructorId,
            unitIds: event.unitIds,
            from: event.from,
            until: event.until,
            appointedAt: event.at,
            recalledAt: undefined
          }
        }
      }
    case "InstructorRecalled": {
      const found = lookup(state.instructors, event.appointmentId)
      return found === undefined
        ? state
        : { ...state, instructors: { ...state.instructors, [event.appointmentId]: { ...found, recalledAt: event.at } } }
    }
    case "ResettlementSiteStaffed":
      return {
        ...state,
        orgId: event.orgId,
        sites: { ...state.sites, [event.siteId]: { staffing: event.staffing, since: event.at } }
      }
    default:
      return state
  }
}

/**
 * The fold of the roles stream.
 *
 * @category folding
 * @since 0.3.0
 */
export const fold: Fold<RolesEvent, RolesState> = { initialState, evolve }

// ---------------------------------------------------------------------------------------------------------
// Queries
// ---------------------------------------------------------------------------------------------------------

/**
 * Whether a first secretary serves on a date: appointed from on or before it, the term not ended before it,
 * not recalled on or before it.
 *
 * @category queries
 * @since 0.3.0
 */
export const servesOn = (appointment: FirstSecretary | Instructor, date: LegalDate): boolean =>
  appointment.from <= date && (appointment.until === undefined || date <= appointment.until)
  && (appointment.recalledAt === undefined || appointment.recalledAt > date)

/**
 * Whether a unit is on the register (registered and not closed).
 *
 * @category queries
 * @since 0.3.0
 */
export const isOpenUnit = (state: RolesState, unitId: string): boolean => {
  const unit = lookup(state.units, unitId)
  return unit !== undefined && unit.closedAt === undefined
}
