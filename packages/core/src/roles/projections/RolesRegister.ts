/**
 * The roles register read model: every organization's roles stream (folded with the aggregate's own
 * `evolve`, keyed by the keeping organization's id) and the state of every Party organization (folded with
 * the organization's own `evolve`, for R57's coverage of villages and communities), with the queries the
 * findings ask. {@link asOf} builds the same model as of any legal date, by leaving out the events that took
 * effect later.
 *
 * @since 0.3.0
 */
import type { Envelope } from "../../kernel/Envelope.ts"
import * as Projection from "../../kernel/Projection.ts"
import * as ReadModel from "../../kernel/ReadModel.ts"
import type { LegalDate } from "../../LegalDate.ts"
import { keptByOrganization } from "../../organization/projections/keptByOrganization.ts"
import type { OrganizationState } from "../../organization/state.ts"
import type { ResettlementStaffing } from "../model.ts"
import type { FirstSecretary, Instructor, RolesState } from "../state.ts"
import { evolve, initialState, servesOn } from "../state.ts"
import { rolesOrgIdOf } from "../stream.ts"

const register = keptByOrganization({
  name: "roles.register",
  field: "roles",
  keeperOf: rolesOrgIdOf,
  initial: initialState,
  evolve
})

/**
 * @category models
 * @since 0.3.0
 */
export interface RegisterView {
  /** Roles streams by keeping organization id. */
  readonly roles: Readonly<Record<string, RolesState>>
  /** Party organizations by id. */
  readonly orgs: Readonly<Record<string, OrganizationState>>
}

/**
 * The empty register.
 *
 * @category constructors
 * @since 0.3.0
 */
export const empty: RegisterView = register.empty

/**
 * Applies one envelope: roles events update their keeping organization's roles, organization events their
 * organization; other events are ignored.
 *
 * @category folding
 * @since 0.3.0
 */
export const apply: (view: RegisterView, envelope: Envelope) => RegisterView = register.apply

/**
 * The roles register projection (current state).
 *
 * @category projections
 * @since 0.3.0
 */
export const projection: Projection.Projection<RegisterView> = register.projection

/**
 * The register as of a legal date: events that take effect after `date` are left out.
 *
 * @category projections
 * @since 0.3.0
 */
export const asOf: (date: LegalDate) => Projection.Projection<RegisterView> = register.asOf

/**
 * The roles register as a keyed read model: one row per keeping organization with its state as of every legal date on
 * which it changed (see `ReadModel`).
 *
 * @category read models
 * @since 0.3.0
 */
export const readModel: ReadModel.ReadModel<RolesState> = register.readModel

/**
 * The register as of a date, from the rows of {@link readModel} and the organizations of the tree as of the same date.
 *
 * @category read models
 * @since 0.3.0
 */
export const fromTimelines: (
  timelines: ReadonlyMap<string, ReadModel.Timeline<RolesState>>,
  orgs: Readonly<Record<string, OrganizationState>>,
  date: LegalDate
) => RegisterView = register.fromTimelines

// ---------------------------------------------------------------------------------------------------------
// Queries
// ---------------------------------------------------------------------------------------------------------

/**
 * A first secretary's appointment with the organization keeping it and its id.
 *
 * @category models
 * @since 0.3.0
 */
export interface FirstSecretaryAppointment extends FirstSecretary {
  readonly keeperOrgId: string
  readonly appointmentId: string
}

/**
 * Every first secretary's appointment of the register, in keeper and appointment-id order.
 *
 * @category queries
 * @since 0.3.0
 */
export const firstSecretaries = (view: RegisterView): ReadonlyArray<FirstSecretaryAppointment> =>
  Object.keys(view.roles).sort().flatMap((keeperOrgId) => {
    const state = view.roles[keeperOrgId]!
    return Object.keys(state.firstSecretaries).sort().map((appointmentId) => ({
      ...state.firstSecretaries[appointmentId]!,
      keeperOrgId,
      appointmentId
    }))
  })

/**
 * The first secretary serving a village or community organization on a date, or undefined (R57).
 *
 * @category queries
 * @since 0.3.0
 */
export const firstSecretaryOf = (
  view: RegisterView,
  villageOrgId: string,
  date: LegalDate
): FirstSecretaryAppointment | undefined =>
  firstSecretaries(view).find((a) => a.villageOrgId === villageOrgId && servesOn(a, date))

/**
 * An instructor's appointment with the organization keeping it and its id.
 *
 * @category models
 * @since 0.3.0
 */
export interface InstructorAppointment extends Instructor {
  readonly keeperOrgId: string
  readonly appointmentId: string
}

/**
 * Every instructor's appointment of the register, in keeper and appointment-id order.
 *
 * @category queries
 * @since 0.3.0
 */
export const instructors = (view: RegisterView): ReadonlyArray<InstructorAppointment> =>
  Object.keys(view.roles).sort().flatMap((keeperOrgId) => {
    const state = view.roles[keeperOrgId]!
    return Object.keys(state.instructors).sort().map((appointmentId) => ({
      ...state.instructors[appointmentId]!,
      keeperOrgId,
      appointmentId
    }))
  })

/**
 * The units without members on the register (registered, not closed) of every keeping organization, with the
 * instructor serving each on a date (R54), in keeper and unit-id order.
 *
 * @category queries
 * @since 0.3.0
 */
export const unitsWithoutMembers = (
  view: RegisterView,
  date: LegalDate
): ReadonlyArray<
  { readonly keeperOrgId: string; readonly unitId: string; readonly instructor: InstructorAppointment | undefined }
> => {
  const all = instructors(view)
  return Object.keys(view.roles).sort().flatMap((keeperOrgId) => {
    const state = view.roles[keeperOrgId]!
    return Object.keys(state.units).sort().flatMap((unitId) => {
      if (state.units[unitId]!.closedAt !== undefined) return []
      const instructor = all.find((a) =>
        a.keeperOrgId === keeperOrgId && a.unitIds.includes(unitId) && servesOn(a, date)
      )
      return [{ keeperOrgId, unitId, instructor }]
    })
  })
}

/**
 * The resettlement sites of the register with their latest staffing (R56, data only), in keeper and site-id
 * order.
 *
 * @category queries
 * @since 0.3.0
 */
export const resettlementSites = (
  view: RegisterView
): ReadonlyArray<
  {
    readonly keeperOrgId: string
    readonly siteId: string
    readonly staffing: ResettlementStaffing
    readonly since: LegalDate
  }
> =>
  Object.keys(view.roles).sort().flatMap((keeperOrgId) => {
    const state = view.roles[keeperOrgId]!
    return Object.keys(state.sites).sort().map((siteId) => ({ keeperOrgId, siteId, ...state.sites[siteId]! }))
  })
