/**
 * The appraisal register read model: every organization's appraisal of every year, folded with the
 * aggregate's own `evolve` and keyed by appraisal id (`<year>-<orgId>`), with the queries the findings ask.
 * {@link asOf} builds the same model as of any legal date, by leaving out the events that took effect later.
 * (An appraisal records its organization's member counts when it opens and closes, so the register needs no
 * organization stream.)
 *
 * @since 0.3.0
 */
import type { Envelope } from "../../kernel/Envelope.ts"
import * as Projection from "../../kernel/Projection.ts"
import * as ReadModel from "../../kernel/ReadModel.ts"
import { lookup } from "../../kernel/records.ts"
import type { LegalDate } from "../../LegalDate.ts"
import { addYears } from "../../LegalDate.ts"
import { legalDateOf } from "../../organization/projections/OrganizationTree.ts"
import type { AppraisalPolicy } from "../../policy/AppraisalPolicy.ts"
import type { AppraisalEvent } from "../events.ts"
import type { Grade } from "../model.ts"
import type { AppraisalState, Disposal, Grading } from "../state.ts"
import { evolve, initialState } from "../state.ts"
import { appraisalId, appraisalIdOf } from "../stream.ts"

/**
 * @category models
 * @since 0.3.0
 */
export interface RegisterView {
  /** Appraisals by appraisal id (`<year>-<orgId>`). */
  readonly appraisals: Readonly<Record<string, AppraisalState>>
}

/**
 * The empty register.
 *
 * @category constructors
 * @since 0.3.0
 */
export const empty: RegisterView = { appraisals: {} }

/**
 * Applies one envelope: appraisal events update their appraisal; other events are ignored.
 *
 * @category folding
 * @since 0.3.0
 */
export const apply = (view: RegisterView, envelope: Envelope): RegisterView => {
  const id = appraisalIdOf(envelope.streamId)
  if (id === undefined) return view
  const before = lookup(view.appraisals, id) ?? initialState
  const after = evolve(before, envelope.data as AppraisalEvent)
  return after === before ? view : { appraisals: { ...view.appraisals, [id]: after } }
}

/**
 * The appraisal register projection (current state).
 *
 * @category projections
 * @since 0.3.0
 */
export const projection: Projection.Projection<RegisterView> = Projection.make({
  name: "appraisal.register",
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
    name: `appraisal.register.asOf.${date}`,
    version: 1,
    initialState: empty,
    apply: (view, envelope) => (legalDateOf(envelope) <= date ? apply(view, envelope) : view)
  })

/**
 * The appraisal register as a keyed read model: one row per organization and year with its state as of every legal date on which it
 * changed (see `ReadModel`).
 *
 * @category read models
 * @since 0.3.0
 */
export const readModel: ReadModel.ReadModel<AppraisalState> = ReadModel.make({
  name: "appraisal.register",
  version: 1,
  mode: "inline",
  keyOf: (envelope) => appraisalIdOf(envelope.streamId),
  initial: initialState,
  evolve: (state, envelope) => evolve(state, envelope.data as AppraisalEvent),
  dateOf: legalDateOf
})

/**
 * The register as of a date, from the rows of {@link readModel}.
 *
 * @category read models
 * @since 0.3.0
 */
export const fromTimelines = (
  timelines: ReadonlyMap<string, ReadModel.Timeline<AppraisalState>>,
  date: LegalDate
): RegisterView => ({ appraisals: ReadModel.recordAsOf(readModel, timelines, date) })

// ---------------------------------------------------------------------------------------------------------
// Queries
// ---------------------------------------------------------------------------------------------------------

/**
 * An organization's appraisal of a year, or undefined.
 *
 * @category queries
 * @since 0.3.0
 */
export const appraisalOf = (view: RegisterView, orgId: string, year: number): AppraisalState | undefined =>
  lookup(view.appraisals, appraisalId(orgId, year))

/**
 * The appraisals of the register, in id order (opened ones only).
 *
 * @category queries
 * @since 0.3.0
 */
export const appraisals = (view: RegisterView): ReadonlyArray<AppraisalState> =>
  Object.keys(view.appraisals).sort().map((id) => view.appraisals[id]!).filter((a) => a.status !== "none")

/**
 * One member's results across the register: the organization, the year, the grade and the member's latest
 * disposal there, oldest year first.
 *
 * @category queries
 * @since 0.3.0
 */
export const historyOf = (
  view: RegisterView,
  memberId: string
): ReadonlyArray<{
  readonly orgId: string
  readonly year: number
  readonly grading: Grading
  readonly disposal: Disposal | undefined
}> =>
  appraisals(view).flatMap((appraisal) => {
    const grading = lookup(appraisal.grades, memberId)
    return grading === undefined
      ? []
      : [{
        orgId: appraisal.orgId,
        year: appraisal.year,
        grading,
        disposal: lookup(appraisal.disposals, memberId)?.at(-1)
      }]
  }).sort((a, b) => a.year - b.year || (a.orgId < b.orgId ? -1 : a.orgId > b.orgId ? 1 : 0))

/**
 * The members of an appraisal holding a grade now, in id order.
 *
 * @category queries
 * @since 0.3.0
 */
export const membersGraded = (appraisal: AppraisalState, grade: Grade): ReadonlyArray<string> =>
  Object.keys(appraisal.grades).filter((id) => appraisal.grades[id]!.grade === grade).sort()

/**
 * R63 (CONF `readmissionBarYears`, CZ summary [2nd]): until when a member who withdrew after 劝其退党, or was
 * removed by a disposal, may not rejoin; undefined when no such outcome is recorded.
 *
 * @category queries
 * @since 0.3.0
 */
export const readmissionBarredUntil = (
  view: RegisterView,
  memberId: string,
  policy: AppraisalPolicy
): LegalDate | undefined => {
  let latest: LegalDate | undefined
  for (const appraisal of Object.values(view.appraisals)) {
    for (const disposal of lookup(appraisal.disposals, memberId) ?? []) {
      if ((disposal.outcome === "withdrew" || disposal.outcome === "removed") && disposal.concludedAt !== undefined) {
        const until = addYears(disposal.concludedAt, policy.readmissionBarYears)
        if (latest === undefined || until > latest) latest = until
      }
    }
  }
  return latest
}
