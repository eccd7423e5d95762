/**
 * The council register read model: every coordination council's state (folded with the aggregate's own
 * `evolve`) and the status of every Party organization (from the organization streams), with the queries the
 * findings ask (R51): councils whose joint meeting is overdue, and councils with a member organization that
 * was dissolved. {@link asOf} builds the same model as of any legal date, by leaving out the events that took
 * effect later.
 *
 * @since 0.2.0
 */
import type { Envelope } from "../../kernel/Envelope.ts"
import * as Projection from "../../kernel/Projection.ts"
import * as ReadModel from "../../kernel/ReadModel.ts"
import { lookup } from "../../kernel/records.ts"
import type { LegalDate } from "../../LegalDate.ts"
import { addMonths } from "../../LegalDate.ts"
import { legalDateOf } from "../../organization/projections/OrganizationTree.ts"
import type { OrganizationStatus, OrganizationStatuses } from "../../organization/projections/status.ts"
import * as Status from "../../organization/projections/status.ts"
import { applyStatus } from "../../organization/projections/status.ts"
import type { PairingPolicy } from "../../policy/PairingPolicy.ts"
import type { CouncilEvent } from "../events.ts"
import type { CouncilState } from "../state.ts"
import { evolve, initialState } from "../state.ts"
import { councilIdOf } from "../stream.ts"

export type { OrganizationStatus } from "../../organization/projections/status.ts"

/**
 * @category models
 * @since 0.2.0
 */
export interface RegisterView {
  readonly councils: Readonly<Record<string, CouncilState>>
  readonly orgs: OrganizationStatuses
}

/**
 * The empty register.
 *
 * @category constructors
 * @since 0.2.0
 */
export const empty: RegisterView = { councils: {}, orgs: {} }

/**
 * Applies one envelope: council events update their council; organization establishments, dissolutions and
 * mergers update the organization's status; other events are ignored.
 *
 * @category folding
 * @since 0.2.0
 */
export const apply = (view: RegisterView, envelope: Envelope): RegisterView => {
  const councilId = councilIdOf(envelope.streamId)
  if (councilId !== undefined) {
    const before = lookup(view.councils, councilId) ?? initialState
    const after = evolve(before, envelope.data as CouncilEvent)
    return after === before ? view : { ...view, councils: { ...view.councils, [councilId]: after } }
  }
  const orgs = applyStatus(view.orgs, envelope)
  return orgs === view.orgs ? view : { ...view, orgs }
}

/**
 * The council register projection (current state).
 *
 * @category projections
 * @since 0.2.0
 */
export const projection: Projection.Projection<RegisterView> = Projection.make({
  name: "council.register",
  version: 1,
  initialState: empty,
  apply
})

/**
 * The register as of a legal date: events that take effect after `date` are left out.
 *
 * @category projections
 * @since 0.2.0
 */
export const asOf = (date: LegalDate): Projection.Projection<RegisterView> =>
  Projection.make({
    name: `council.register.asOf.${date}`,
    version: 1,
    initialState: empty,
    apply: (view, envelope) => (legalDateOf(envelope) <= date ? apply(view, envelope) : view)
  })

/**
 * The council register as a keyed read model: one row per council with its state as of every legal date on which it
 * changed, kept in the store (see `ReadModel`).
 *
 * @category read models
 * @since 0.3.0
 */
export const readModel: ReadModel.ReadModel<CouncilState> = ReadModel.make({
  name: "council.register",
  version: 1,
  mode: "inline",
  keyOf: (envelope) => councilIdOf(envelope.streamId),
  initial: initialState,
  evolve: (state, envelope) => evolve(state, envelope.data as CouncilEvent),
  dateOf: legalDateOf
})

/**
 * The register as of a date, from the rows of {@link readModel} and of the organization statuses' read model.
 *
 * @category read models
 * @since 0.3.0
 */
export const fromTimelines = (
  timelines: ReadonlyMap<string, ReadModel.Timeline<CouncilState>>,
  statuses: ReadonlyMap<string, ReadModel.Timeline<OrganizationStatus | null>>,
  date: LegalDate
): RegisterView => ({
  councils: ReadModel.recordAsOf(readModel, timelines, date),
  orgs: Status.fromTimelines(statuses, date)
})

// ---------------------------------------------------------------------------------------------------------
// Queries
// ---------------------------------------------------------------------------------------------------------

/**
 * A council whose next joint meeting is overdue.
 *
 * @category models
 * @since 0.1.0
 */
export interface MeetingOverdue {
  readonly councilId: string
  readonly convenerOrgId: string
  readonly since: LegalDate
  readonly due: LegalDate
}

/**
 * R51 CONF (`councilMeetingEveryMonths`, 0 = not checked): active councils with no joint meeting within that
 * many months of the last one (or of their forming); overdue from the day after the due date.
 *
 * @category queries
 * @since 0.2.0
 */
export const meetingsOverdue = (
  view: RegisterView,
  asOf: LegalDate,
  policy: PairingPolicy
): ReadonlyArray<MeetingOverdue> => {
  const every = policy.councilMeetingEveryMonths
  if (every <= 0) return []
  return Object.keys(view.councils).sort().flatMap((councilId) => {
    const council = view.councils[councilId]!
    if (council.status !== "active" || council.formedAt === undefined) return []
    const since = council.lastMeetingAt ?? council.formedAt
    const due = addMonths(since, every)
    return asOf > due ? [{ councilId, convenerOrgId: council.convenerOrgId, since, due }] : []
  })
}

/**
 * A council member organization that was dissolved.
 *
 * @category models
 * @since 0.1.0
 */
export interface DissolvedMember {
  readonly councilId: string
  readonly convenerOrgId: string
  readonly orgId: string
  readonly dissolvedAt: LegalDate | undefined
}

/**
 * Active councils with a member organization that was dissolved (or merged away).
 *
 * @category queries
 * @since 0.2.0
 */
export const withDissolvedMember = (view: RegisterView): ReadonlyArray<DissolvedMember> =>
  Object.keys(view.councils).sort().flatMap((councilId) => {
    const council = view.councils[councilId]!
    if (council.status !== "active") return []
    return council.memberOrgIds.flatMap((orgId) => {
      const org = lookup(view.orgs, orgId)
      return org?.status === "dissolved"
        ? [{ councilId, convenerOrgId: council.convenerOrgId, orgId, dissolvedAt: org.dissolvedAt }]
        : []
    })
  })
