/**
 * The roster read model of the membership pillar: every member's state folded from the member streams of
 * the global log, and per organization who counts there and who only takes part there (RULES.md §3.3):
 * full and probationary members (the FM and AM counts), members in transit out and in (still counted at the
 * origin, R42), members away as mobile members (counted at home, R45), mobile members hosted, and members
 * checked in from elsewhere (R47), plus suspended members (counted nowhere, R40).
 *
 * It reuses the member aggregate's own `evolve` and reads only member streams, so comparing its counts with
 * the organization streams' own counts checks the atomic appends (R38, R42).
 *
 * @since 0.1.0
 */
import type { Envelope } from "../../kernel/Envelope.ts"
import * as Projection from "../../kernel/Projection.ts"
import * as ReadModel from "../../kernel/ReadModel.ts"
import { lookup, put } from "../../kernel/records.ts"
import type { LegalDate } from "../../LegalDate.ts"
import { legalDateOf } from "../../organization/projections/OrganizationTree.ts"
import type { Counts } from "../../policy/GovernancePolicy.ts"
import type { MemberEvent } from "../events.ts"
import type { MemberState } from "../state.ts"
import { evolve, initialState, openTransfer } from "../state.ts"
import { memberIdOf } from "../stream.ts"

/**
 * Every member's state, by member id.
 *
 * @category models
 * @since 0.1.0
 */
export interface RosterView {
  readonly members: Readonly<Record<string, MemberState>>
}

/**
 * One organization's roster: member ids by how they relate to it, each sorted.
 *
 * @category models
 * @since 0.1.0
 */
export interface OrgRoster {
  readonly full: ReadonlyArray<string>
  readonly probationary: ReadonlyArray<string>
  readonly suspended: ReadonlyArray<string>
  readonly inTransitOut: ReadonlyArray<string>
  readonly inTransitIn: ReadonlyArray<string>
  readonly mobileAway: ReadonlyArray<string>
  readonly hosted: ReadonlyArray<string>
  readonly checkedIn: ReadonlyArray<string>
}

/**
 * @category constructors
 * @since 0.1.0
 */
export const empty: RosterView = { members: {} }

/**
 * Applies one envelope: events of member streams update that member; others are ignored.
 *
 * @category folding
 * @since 0.1.0
 */
export const apply = (view: RosterView, envelope: Envelope): RosterView => {
  const memberId = memberIdOf(envelope.streamId)
  if (memberId === undefined) return view
  const before = lookup(view.members, memberId) ?? initialState
  const after = evolve(before, envelope.data as MemberEvent)
  return after === before ? view : { members: { ...view.members, [memberId]: after } }
}

/**
 * Folds a batch: the members record is copied once for the whole batch, not once per event (see
 * `Projection.applyBatch`). `include` keeps only the envelopes that count (the as-of projection's date).
 */
const applyBatchWhere = (
  view: RosterView,
  envelopes: ReadonlyArray<Envelope>,
  include: (envelope: Envelope) => boolean
): RosterView => {
  let members: Record<string, MemberState> | undefined
  for (const envelope of envelopes) {
    const memberId = memberIdOf(envelope.streamId)
    if (memberId === undefined || !include(envelope)) continue
    const current = members ?? view.members
    const before = lookup(current, memberId) ?? initialState
    const after = evolve(before, envelope.data as MemberEvent)
    if (after === before) continue
    members ??= { ...view.members }
    put(members, memberId, after)
  }
  return members === undefined ? view : { members }
}

const always = () => true

/**
 * Folds a batch of envelopes, with the same result as {@link apply} on each in turn.
 *
 * @category folding
 * @since 0.1.0
 */
export const applyBatch = (view: RosterView, envelopes: ReadonlyArray<Envelope>): RosterView =>
  applyBatchWhere(view, envelopes, always)

/**
 * The roster projection.
 *
 * @category projections
 * @since 0.1.0
 */
export const projection: Projection.Projection<RosterView> = Projection.make({
  name: "member.roster",
  version: 1,
  initialState: empty,
  apply,
  applyBatch
})

/**
 * The roster as a keyed read model: one row per member with the member's state as of every legal date on which
 * it changed, kept in the store (see `ReadModel`).
 *
 * @category read models
 * @since 0.3.0
 */
export const readModel: ReadModel.ReadModel<MemberState> = ReadModel.make({
  name: "member.roster",
  version: 1,
  mode: "inline",
  keyOf: (envelope) => memberIdOf(envelope.streamId),
  initial: initialState,
  evolve: (state, envelope) => evolve(state, envelope.data as MemberEvent),
  dateOf: legalDateOf
})

/**
 * The roster as of a date, from the rows of {@link readModel}.
 *
 * @category read models
 * @since 0.3.0
 */
export const fromTimelines = (
  timelines: ReadonlyMap<string, ReadModel.Timeline<MemberState>>,
  date: LegalDate
): RosterView => ({ members: ReadModel.recordAsOf(readModel, timelines, date) })

/**
 * The roster projection as of a legal date: only events that took effect on or before it.
 *
 * @category projections
 * @since 0.1.0
 */
export const asOf = (date: LegalDate): Projection.Projection<RosterView> => {
  const include = (envelope: Envelope) => legalDateOf(envelope) <= date
  return Projection.make({
    name: `member.roster.asOf.${date}`,
    version: 1,
    initialState: empty,
    apply: (view, envelope) => (include(envelope) ? apply(view, envelope) : view),
    applyBatch: (view, envelopes) => applyBatchWhere(view, envelopes, include)
  })
}

type Buckets = { [K in keyof OrgRoster]: Array<string> }

const emptyBuckets = (): Buckets => ({
  full: [],
  probationary: [],
  suspended: [],
  inTransitOut: [],
  inTransitIn: [],
  mobileAway: [],
  hosted: [],
  checkedIn: []
})

/**
 * Every organization's roster, by organization id (organizations no member relates to are absent).
 *
 * @category queries
 * @since 0.1.0
 */
export const rosters = (view: RosterView): Readonly<Record<string, OrgRoster>> => {
  const out: Record<string, Buckets> = {}
  const at = (orgId: string): Buckets => {
    const found = lookup(out, orgId)
    if (found !== undefined) return found
    const buckets = emptyBuckets()
    put(out, orgId, buckets)
    return buckets
  }
  for (const member of Object.values(view.members)) {
    const id = member.memberId
    const orgId = member.orgId
    if (orgId === undefined) continue
    if (member.status === "full" || member.status === "probationary" || member.status === "suspended") {
      at(orgId)[member.status].push(id)
    }
    const open = openTransfer(member)
    if (open !== undefined) {
      at(open.fromOrgId).inTransitOut.push(id)
      at(open.toOrgId).inTransitIn.push(id)
    }
    if (member.mobile !== undefined) {
      at(orgId).mobileAway.push(id)
      at(member.mobile.hostOrgId).hosted.push(id)
    }
    if (member.checkIn !== undefined) at(member.checkIn.communityOrgId).checkedIn.push(id)
  }
  for (const buckets of Object.values(out)) for (const list of Object.values(buckets)) list.sort()
  return out
}

/**
 * One organization's roster (empty lists when no member relates to it).
 *
 * @category queries
 * @since 0.1.0
 */
export const rosterOf = (view: RosterView, orgId: string): OrgRoster => lookup(rosters(view), orgId) ?? emptyBuckets()

/**
 * FM and AM of an organization as the member streams see them (§3.2: suspended members count nowhere).
 *
 * @category queries
 * @since 0.1.0
 */
export const countsOf = (view: RosterView, orgId: string): Counts => {
  let full = 0
  let all = 0
  for (const member of Object.values(view.members)) {
    if (member.orgId !== orgId) continue
    if (member.status === "full") full++
    if (member.status === "full" || member.status === "probationary") all++
  }
  return { full, all }
}

/**
 * R38: each member's one affiliation (members without one are absent).
 *
 * @category queries
 * @since 0.1.0
 */
export const affiliations = (view: RosterView): Readonly<Record<string, string>> => {
  const out: Record<string, string> = {}
  for (const member of Object.values(view.members)) {
    if (member.orgId !== undefined) put(out, member.memberId, member.orgId)
  }
  return out
}
