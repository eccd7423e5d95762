/**
 * The points register read model: every organization's points stream (folded with the aggregate's own
 * `evolve`, keyed by organization id) and the state of every Party organization (folded with the
 * organization's own `evolve`: its roster and office holders, for R53's share of members without office on a
 * post). The ledger and the ranking of a period are query functions over it ({@link ledger}, {@link ranking}),
 * never stored. {@link asOf} builds the same model as of any legal date, by leaving out the events that took
 * effect later.
 *
 * @since 0.3.0
 */
import type { Envelope } from "../../kernel/Envelope.ts"
import * as Projection from "../../kernel/Projection.ts"
import * as ReadModel from "../../kernel/ReadModel.ts"
import { lookup } from "../../kernel/records.ts"
import type { LegalDate } from "../../LegalDate.ts"
import { keptByOrganization } from "../../organization/projections/keptByOrganization.ts"
import type { OrganizationState } from "../../organization/state.ts"
import type { Period } from "../model.ts"
import { publicationOf } from "../model.ts"
import type { PointsState } from "../state.ts"
import { evolve, initialState, liveEntries, postHolders } from "../state.ts"
import { pointsOrgIdOf } from "../stream.ts"

const register = keptByOrganization({
  name: "points.register",
  field: "ledgers",
  keeperOf: pointsOrgIdOf,
  initial: initialState,
  evolve
})

/**
 * @category models
 * @since 0.3.0
 */
export interface RegisterView {
  /** Points streams by organization id. */
  readonly ledgers: Readonly<Record<string, PointsState>>
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
 * Applies one envelope: points events update their organization's ledger, organization events their
 * organization; other events are ignored.
 *
 * @category folding
 * @since 0.3.0
 */
export const apply: (view: RegisterView, envelope: Envelope) => RegisterView = register.apply

/**
 * The points register projection (current state).
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
 * The points register as a keyed read model: one row per organization with its state as of every legal date on
 * which it changed (see `ReadModel`).
 *
 * @category read models
 * @since 0.3.0
 */
export const readModel: ReadModel.ReadModel<PointsState> = register.readModel

/**
 * The register as of a date, from the rows of {@link readModel} and the organizations of the tree as of the same date.
 *
 * @category read models
 * @since 0.3.0
 */
export const fromTimelines: (
  timelines: ReadonlyMap<string, ReadModel.Timeline<PointsState>>,
  orgs: Readonly<Record<string, OrganizationState>>,
  date: LegalDate
) => RegisterView = register.fromTimelines

// ---------------------------------------------------------------------------------------------------------
// Queries
// ---------------------------------------------------------------------------------------------------------

/**
 * One member's line of a period's ledger: the points of the period, and the score, the scheme's base plus
 * every entry of the year up to the period's end (the year-to-date reading of a base score, [NF]).
 *
 * @category models
 * @since 0.3.0
 */
export interface LedgerLine {
  readonly memberId: string
  readonly periodPoints: number
  readonly score: number
}

/**
 * The ledger of a period: every member with an entry in the period's year up to its end, in member-id order
 * (revoked entries left out). Empty when the organization has no scheme.
 *
 * @example
 * ```ts
 * import { PointsRegister } from "@dangjian/core"
 *
 * PointsRegister.ledger(PointsRegister.empty, "v1", "2024-Q1") // => []
 * ```
 *
 * @category queries
 * @since 0.3.0
 */
export const ledger = (view: RegisterView, orgId: string, period: Period): ReadonlyArray<LedgerLine> => {
  const state = lookup(view.ledgers, orgId)
  if (state?.scheme === undefined) return []
  const year = period.slice(0, 4)
  const kind = publicationOf(period)
  const lines = new Map<string, { periodPoints: number; sum: number }>()
  for (const entry of liveEntries(state)) {
    if (entry.period.slice(0, 4) !== year || publicationOf(entry.period) !== kind || entry.period > period) continue
    const line = lines.get(entry.memberId) ?? { periodPoints: 0, sum: 0 }
    line.sum += entry.points
    if (entry.period === period) line.periodPoints += entry.points
    lines.set(entry.memberId, line)
  }
  const base = state.scheme.baseScore
  return [...lines.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([memberId, line]) => ({ memberId, periodPoints: line.periodPoints, score: base + line.sum }))
}

/**
 * The ranking of a period by score, highest first (ties share a rank, then the next rank skips: 1, 2, 2, 4;
 * ties in member-id order).
 *
 * @category queries
 * @since 0.3.0
 */
export const ranking = (
  view: RegisterView,
  orgId: string,
  period: Period
): ReadonlyArray<LedgerLine & { readonly rank: number }> => {
  const sorted = [...ledger(view, orgId, period)].sort((a, b) =>
    b.score - a.score || (a.memberId < b.memberId ? -1 : a.memberId > b.memberId ? 1 : 0)
  )
  return sorted.map((line) => ({ ...line, rank: sorted.findIndex((other) => other.score === line.score) + 1 }))
}

/**
 * R53: the members of an organization without office (无职党员): full and probationary members on its roster
 * who are neither secretary, deputy, committee member nor party-group leader, in id order.
 *
 * @category queries
 * @since 0.3.0
 */
export const membersWithoutOffice = (org: OrganizationState): ReadonlyArray<string> => {
  const office = new Set<string>([
    ...(org.leadership.secretaryId === undefined ? [] : [org.leadership.secretaryId]),
    ...org.leadership.deputyIds,
    ...(org.leadership.committeeIds ?? []),
    ...Object.values(org.groups).flatMap((g) => (g.leaderId === undefined ? [] : [g.leaderId]))
  ])
  return Object.keys(org.roster)
    .filter((id) => {
      const status = org.roster[id]
      return (status === "full" || status === "probationary") && !office.has(id)
    })
    .sort()
}

/**
 * R53: of an organization's members without office, how many hold a duty post.
 *
 * @category queries
 * @since 0.3.0
 */
export const dutyPostShare = (
  view: RegisterView,
  orgId: string
): { readonly holding: number; readonly withoutOffice: number } => {
  const org = lookup(view.orgs, orgId)
  if (org === undefined) return { holding: 0, withoutOffice: 0 }
  const without = membersWithoutOffice(org)
  const state = lookup(view.ledgers, orgId)
  const holders = new Set(state === undefined ? [] : postHolders(state))
  return { holding: without.filter((id) => holders.has(id)).length, withoutOffice: without.length }
}
