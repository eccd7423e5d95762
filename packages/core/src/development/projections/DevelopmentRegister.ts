/**
 * The development register read model: every development record's state (folded with the aggregate's own
 * `evolve`), keyed by applicant id, with the queries the reports ask: the pipeline of an organization (who is
 * at which stage of R77, since when) and the records awaiting the approving committee (R87). {@link asOf}
 * builds the same model as of any legal date, by leaving out the events that took effect later.
 *
 * The view holds only the per-stream states; every index (by organization, by stage) is a query. The same
 * register is a keyed read model ({@link readModel}: one row per record, its state as of every date it changed),
 * and {@link fromTimelines} builds the view as of a date from those rows.
 *
 * @since 0.3.0
 */
import type { Envelope } from "../../kernel/Envelope.ts"
import * as Projection from "../../kernel/Projection.ts"
import * as ReadModel from "../../kernel/ReadModel.ts"
import { lookup } from "../../kernel/records.ts"
import type { LegalDate } from "../../LegalDate.ts"
import { legalDateOf } from "../../organization/projections/OrganizationTree.ts"
import type { DevelopmentEvent } from "../events.ts"
import type { Stage } from "../model.ts"
import { stages } from "../model.ts"
import type { DevelopmentState } from "../state.ts"
import { awaitingApproval, evolve, initialState, stageOf } from "../state.ts"
import { applicantIdOf } from "../stream.ts"

/**
 * @category models
 * @since 0.3.0
 */
export interface RegisterView {
  readonly developments: Readonly<Record<string, DevelopmentState>>
}

/**
 * The empty register.
 *
 * @category constructors
 * @since 0.3.0
 */
export const empty: RegisterView = { developments: {} }

/**
 * Applies one envelope: development events update their record; other events are ignored.
 *
 * @category folding
 * @since 0.3.0
 */
export const apply = (view: RegisterView, envelope: Envelope): RegisterView => {
  const applicantId = applicantIdOf(envelope.streamId)
  if (applicantId === undefined) return view
  const before = lookup(view.developments, applicantId) ?? initialState
  const after = evolve(before, envelope.data as DevelopmentEvent)
  return after === before ? view : { developments: { ...view.developments, [applicantId]: after } }
}

/**
 * The development register projection (current state).
 *
 * @category projections
 * @since 0.3.0
 */
export const projection: Projection.Projection<RegisterView> = Projection.make({
  name: "development.register",
  version: 1,
  initialState: empty,
  apply
})

/**
 * The register as of a legal date: events that take effect after `date` are left out.
 *
 * @category projections
 * @since 0.3.0
 */
export const asOf = (date: LegalDate): Projection.Projection<RegisterView> =>
  Projection.make({
    name: `development.register.asOf.${date}`,
    version: 1,
    initialState: empty,
    apply: (view, envelope) => (legalDateOf(envelope) <= date ? apply(view, envelope) : view)
  })

/**
 * The register as a keyed read model: one row per development record, with its state as of every legal date on which it
 * changed, kept in the store (see `ReadModel`).
 *
 * @category read models
 * @since 0.3.0
 */
export const readModel: ReadModel.ReadModel<DevelopmentState> = ReadModel.make({
  name: "development.register",
  version: 1,
  mode: "inline",
  keyOf: (envelope) => applicantIdOf(envelope.streamId),
  initial: initialState,
  evolve: (state, envelope) => evolve(state, envelope.data as DevelopmentEvent),
  dateOf: legalDateOf
})

/**
 * The register as of a date, from the rows of {@link readModel}.
 *
 * @category read models
 * @since 0.3.0
 */
export const fromTimelines = (
  timelines: ReadonlyMap<string, ReadModel.Timeline<DevelopmentState>>,
  date: LegalDate
): RegisterView => ({ developments: ReadModel.recordAsOf(readModel, timelines, date) })

// ---------------------------------------------------------------------------------------------------------
// Queries
// ---------------------------------------------------------------------------------------------------------

/**
 * One person in a pipeline: the stage and the date it began.
 *
 * @category models
 * @since 0.3.0
 */
export interface PipelineEntry {
  readonly applicantId: string
  readonly stage: Stage
  readonly since: LegalDate | undefined
}

/**
 * The development pipeline of one organization: the records it holds, by stage in pipeline order, and the
 * count at every stage (R77).
 *
 * @category models
 * @since 0.3.0
 */
export interface Pipeline {
  readonly orgId: string
  readonly entries: ReadonlyArray<PipelineEntry>
  readonly counts: Readonly<Record<Stage, number>>
}

/**
 * The date a record entered its stage.
 *
 * @category queries
 * @since 0.3.0
 */
export const stageSince = (state: DevelopmentState): LegalDate | undefined => {
  switch (stageOf(state)) {
    case "applicant":
      return state.receivedAt
    case "activist":
      return state.activistSince
    case "developmentObject":
      return state.developmentObjectAt
    case "probationary":
      return state.approval?.voteAt
    case "full":
      return state.conversion?.effectiveOn ?? state.conversion?.at
    case "rejected":
      return state.rejectedAt
    case "cancelled":
      return state.conversion?.at
    default:
      return undefined
  }
}

const zeroCounts = (): Record<Stage, number> =>
  Object.fromEntries(stages.map((stage) => [stage, 0])) as Record<Stage, number>

/**
 * The pipeline of one organization (the records it holds now; a moved record counts at its new organization).
 *
 * @example
 * ```ts
 * import { DevelopmentRegister } from "@dangjian/core"
 *
 * DevelopmentRegister.pipeline(DevelopmentRegister.empty, "v1").counts.activist // => 0
 * ```
 *
 * @category queries
 * @since 0.3.0
 */
export const pipeline = (view: RegisterView, orgId: string): Pipeline => {
  const counts = zeroCounts()
  const entries: Array<PipelineEntry> = []
  for (const applicantId of Object.keys(view.developments).sort()) {
    const state = view.developments[applicantId]!
    const stage = stageOf(state)
    if (stage === undefined || state.orgId !== orgId) continue
    counts[stage]++
    entries.push({ applicantId, stage, since: stageSince(state) })
  }
  entries.sort((a, b) => stages.indexOf(a.stage) - stages.indexOf(b.stage))
  return { orgId, entries, counts }
}

/**
 * The pipeline of every organization that holds a record, by organization id.
 *
 * @category queries
 * @since 0.3.0
 */
export const pipelines = (view: RegisterView): ReadonlyArray<Pipeline> => {
  const orgIds = new Set<string>()
  for (const state of Object.values(view.developments)) if (state.status !== "none") orgIds.add(state.orgId)
  return [...orgIds].sort().map((orgId) => pipeline(view, orgId))
}

/**
 * The records whose admission vote passed and awaits the approving committee (R87), by applicant id.
 *
 * @category queries
 * @since 0.3.0
 */
export const awaitingApprovals = (view: RegisterView): ReadonlyArray<DevelopmentState> =>
  Object.keys(view.developments).sort().map((id) => view.developments[id]!).filter(awaitingApproval)
