/**
 * The compliance view as of any legal date, across every aggregate: the organization tree, every member's
 * state, the unit organizations' community check-ins, the agreement register and the council register, each
 * built from the events that took effect on or before that date; and their findings under the policy in force
 * on it. The view is a kernel `Projection`, so it can be replayed from the log, caught up or rebuilt like any
 * other read model.
 *
 * This is the one cross-pillar module of the findings: each aggregate judges its own read model in its own
 * `findings.ts`, and this view joins them into one list.
 *
 * @since 0.1.0
 */
import { Effect, Option } from "effect"
import * as Agreement from "../agreement/findings.ts"
import * as AgreementRegister from "../agreement/projections/AgreementRegister.ts"
import * as Appraisal from "../appraisal/findings.ts"
import * as AppraisalRegister from "../appraisal/projections/AppraisalRegister.ts"
import * as Council from "../council/findings.ts"
import * as CouncilRegister from "../council/projections/CouncilRegister.ts"
import * as Development from "../development/findings.ts"
import * as DevelopmentRegister from "../development/projections/DevelopmentRegister.ts"
import * as Dues from "../dues/findings.ts"
import * as DuesRegister from "../dues/projections/DuesRegister.ts"
import type { ReadError } from "../kernel/errors.ts"
import type { EventStore } from "../kernel/EventStore.ts"
import * as Projection from "../kernel/Projection.ts"
import * as ReadModel from "../kernel/ReadModel.ts"
import { put } from "../kernel/records.ts"
import * as Leadership from "../leadership/findings.ts"
import * as LeadershipRegister from "../leadership/projections/LeadershipRegister.ts"
import type { LegalDate } from "../LegalDate.ts"
import * as Meeting from "../meeting/findings.ts"
import * as MeetingRegister from "../meeting/projections/MeetingRegister.ts"
import { membersAssessor } from "../member/findings.ts"
import * as MemberRoster from "../member/projections/Roster.ts"
import type { MemberState } from "../member/state.ts"
import type { Policies } from "../organization/decide.ts"
import type { AssessOptions } from "../organization/findings.ts"
import { assess as assessOrganizations } from "../organization/findings.ts"
import * as OrganizationTree from "../organization/projections/OrganizationTree.ts"
import * as OrganizationStatus from "../organization/projections/status.ts"
import * as Points from "../points/findings.ts"
import * as PointsRegister from "../points/projections/PointsRegister.ts"
import * as Roles from "../roles/findings.ts"
import * as RolesRegister from "../roles/projections/RolesRegister.ts"
import * as UnitCheckIn from "../unitCheckIn/findings.ts"
import * as UnitCheckInRegister from "../unitCheckIn/projections/UnitCheckInRegister.ts"
import type { Finding } from "./Finding.ts"
import { membersOf, sort } from "./Finding.ts"
import * as FindingsIndex from "./FindingsIndex.ts"

/**
 * Everything the findings look at, as of a date.
 *
 * @category models
 * @since 0.1.0
 */
export interface ComplianceView {
  readonly asOf: LegalDate
  readonly tree: OrganizationTree.TreeView
  readonly members: MemberRoster.RosterView
  /** Unit Party organizations' community check-ins (R47). */
  readonly unitCheckIns: UnitCheckInRegister.RegisterView
  readonly agreements: AgreementRegister.RegisterView
  /** Coordination councils (R51). */
  readonly councils: CouncilRegister.RegisterView
  /** Meetings: 三会一课 and the other records of organizational life (R28–R36, R58–R61). */
  readonly meetings: MeetingRegister.RegisterView
  /** Democratic appraisals and what follows them (R35, R62–R64). */
  readonly appraisals: AppraisalRegister.RegisterView
  /** Points schemes, ledgers and duty posts (R52, R53). */
  readonly points: PointsRegister.RegisterView
  /** First secretaries, instructors and resettlement staffing (R54, R56, R57). */
  readonly roles: RolesRegister.RegisterView
  /** Dues accounts and what the dues rules need of each member (R65–R76). */
  readonly dues: DuesRegister.RegisterView
  /** Applicants through the development of new members (R77–R90). */
  readonly developments: DevelopmentRegister.RegisterView
  /** Term records, ballots and renewal reminders (R91–R96). */
  readonly leaderships: LeadershipRegister.RegisterView
}

/**
 * @category constructors
 * @since 0.1.0
 */
export const empty = (asOf: LegalDate): ComplianceView => ({
  asOf,
  tree: OrganizationTree.empty,
  members: MemberRoster.empty,
  unitCheckIns: UnitCheckInRegister.empty,
  agreements: AgreementRegister.empty,
  councils: CouncilRegister.empty,
  meetings: MeetingRegister.empty,
  appraisals: AppraisalRegister.empty,
  points: PointsRegister.empty,
  roles: RolesRegister.empty,
  dues: DuesRegister.empty,
  developments: DevelopmentRegister.empty,
  leaderships: LeadershipRegister.empty
})

/**
 * The compliance projection as of a legal date.
 *
 * @category projections
 * @since 0.1.0
 */
export const projection = (asOf: LegalDate): Projection.Projection<ComplianceView> => {
  const tree = OrganizationTree.asOf(asOf)
  const members = MemberRoster.asOf(asOf)
  const unitCheckIns = UnitCheckInRegister.asOf(asOf)
  const agreements = AgreementRegister.asOf(asOf)
  const councils = CouncilRegister.asOf(asOf)
  const meetings = MeetingRegister.asOf(asOf)
  const appraisals = AppraisalRegister.asOf(asOf)
  const points = PointsRegister.asOf(asOf)
  const roles = RolesRegister.asOf(asOf)
  const dues = DuesRegister.asOf(asOf)
  const developments = DevelopmentRegister.asOf(asOf)
  const leaderships = LeadershipRegister.asOf(asOf)
  const combine = (view: ComplianceView, next: Omit<ComplianceView, "asOf">): ComplianceView =>
    next.tree === view.tree && next.members === view.members && next.unitCheckIns === view.unitCheckIns
      && next.agreements === view.agreements && next.councils === view.councils && next.dues === view.dues
      && next.meetings === view.meetings
      && next.appraisals === view.appraisals && next.points === view.points && next.roles === view.roles
      && next.developments === view.developments && next.leaderships === view.leaderships
      ? view
      : { asOf, ...next }
  return Projection.make({
    name: `compliance.asOf.${asOf}`,
    // 4: meetings, appraisals, points, roles, dues, development of new members and leadership history joined the view.
    version: 4,
    initialState: empty(asOf),
    apply: (view, envelope) =>
      combine(view, {
        tree: tree.apply(view.tree, envelope),
        members: members.apply(view.members, envelope),
        unitCheckIns: unitCheckIns.apply(view.unitCheckIns, envelope),
        agreements: agreements.apply(view.agreements, envelope),
        councils: councils.apply(view.councils, envelope),
        meetings: meetings.apply(view.meetings, envelope),
        appraisals: appraisals.apply(view.appraisals, envelope),
        points: points.apply(view.points, envelope),
        roles: roles.apply(view.roles, envelope),
        dues: dues.apply(view.dues, envelope),
        developments: developments.apply(view.developments, envelope),
        leaderships: leaderships.apply(view.leaderships, envelope)
      }),
    // Each part folds the batch its own way (the members' record is copied once per batch, not per event).
    applyBatch: (view, envelopes) =>
      combine(view, {
        tree: Projection.foldEnvelopes(tree, view.tree, envelopes),
        members: Projection.foldEnvelopes(members, view.members, envelopes),
        unitCheckIns: Projection.foldEnvelopes(unitCheckIns, view.unitCheckIns, envelopes),
        agreements: Projection.foldEnvelopes(agreements, view.agreements, envelopes),
        councils: Projection.foldEnvelopes(councils, view.councils, envelopes),
        meetings: Projection.foldEnvelopes(meetings, view.meetings, envelopes),
        appraisals: Projection.foldEnvelopes(appraisals, view.appraisals, envelopes),
        points: Projection.foldEnvelopes(points, view.points, envelopes),
        roles: Projection.foldEnvelopes(roles, view.roles, envelopes),
        dues: Projection.foldEnvelopes(dues, view.dues, envelopes),
        developments: Projection.foldEnvelopes(developments, view.developments, envelopes),
        leaderships: Projection.foldEnvelopes(leaderships, view.leaderships, envelopes)
      })
  })
}

// `Object.values` of a record with a county's members is several times slower than its keys and a lookup each
// (V8 keeps so large a record as a dictionary, whose values it collects in insertion order the slow way).
const valuesOf = <A>(record: Readonly<Record<string, A>>): ReadonlyArray<A> =>
  Object.keys(record).map((key) => record[key]!)

/**
 * The findings of a compliance view, under the policy in force on its date: every aggregate's (organization
 * set-up and leadership, membership, unit check-ins, agreements, councils…), each aggregate's in its own order,
 * one after another. What a count or a summary needs: {@link findings} is the same list sorted by due date, a
 * sort of every finding together that a count can do without.
 *
 * @category assessing
 * @since 0.3.0
 */
export const assess = (
  view: ComplianceView,
  policies: Policies,
  options?: AssessOptions
): ReadonlyArray<Finding> => {
  // R61: attendance at recorded meetings is what R39's organizational life is judged on.
  const members = membersAssessor(policies, view.asOf, { orgs: view.tree.orgs, attendance: view.meetings })
  const fromMembers = members.add(valuesOf(view.members.members))
  // `concat` copies each part at once; a spread of a quarter of a million findings costs far more.
  return assessOrganizations(view.tree, policies, view.asOf, options).concat(
    fromMembers,
    members.finish(),
    assessOthers(view, policies)
  )
}

/** The findings of every aggregate but the organizations' and the members'. */
const assessOthers = (view: ComplianceView, policies: Policies): ReadonlyArray<Finding> =>
  UnitCheckIn.assess(view.unitCheckIns, policies, view.asOf).concat(
    Agreement.assess(view.agreements, policies, view.asOf),
    Council.assess(view.councils, policies, view.asOf),
    Meeting.assess(view.meetings, policies, view.asOf, { orgs: view.tree.orgs }),
    Appraisal.assess(view.appraisals, policies, view.asOf),
    Points.assess(view.points, policies, view.asOf),
    Roles.assess(view.roles, policies, view.asOf),
    Dues.assess(view.dues, policies, view.asOf),
    Development.assess(view.developments, policies, view.asOf),
    Leadership.assess(view.leaderships, policies, view.asOf)
  )

/**
 * The findings of a compliance view, under the policy in force on its date: every aggregate's (organization
 * set-up and leadership, membership, unit check-ins, agreements, councils), sorted by due date.
 *
 * @category assessing
 * @since 0.1.0
 */
export const findings = (
  view: ComplianceView,
  policies: Policies,
  options?: AssessOptions
): ReadonlyArray<Finding> => sort(assess(view, policies, options))

/**
 * The keyed read models the compliance view is built from: the organization tree, the organizations' statuses,
 * the member roster, the unit check-ins, the agreements and the councils. `dangjian replay` rebuilds exactly
 * these; a writer catches them up after each commit ({@link catchUp}).
 *
 * @category read models
 * @since 0.3.0
 */
export const readModels = [
  OrganizationTree.readModel,
  OrganizationStatus.readModel,
  MemberRoster.readModel,
  UnitCheckInRegister.readModel,
  AgreementRegister.readModel,
  CouncilRegister.readModel,
  MeetingRegister.readModel,
  AppraisalRegister.readModel,
  PointsRegister.readModel,
  RolesRegister.readModel,
  DuesRegister.readModel,
  DuesRegister.factsReadModel,
  DevelopmentRegister.readModel,
  LeadershipRegister.readModel
] as const

/**
 * Catches every read model of {@link readModels} up to the log's head, reading the log once (each model commits
 * each batch with its checkpoint).
 *
 * @category read models
 * @since 0.3.0
 */
export const catchUp = (
  options?: ReadModel.CatchUpOptions
): Effect.Effect<ReadonlyArray<ReadModel.CaughtUp>, ReadError, EventStore | ReadModel.ReadModelStore> =>
  ReadModel.catchUpAll(readModels, options)

/**
 * The compliance view as of a date from the read models: their stored rows, with any events after their
 * checkpoints folded in memory (nothing is written, so a read-only store works). A caught-up store reads no
 * event of the log at all.
 *
 * @category read models
 * @since 0.3.0
 */
export const viewFromReadModels = (
  asOf: LegalDate
): Effect.Effect<ComplianceView, ReadError, EventStore | ReadModel.ReadModelStore> =>
  Effect.gen(function*() {
    const members = MemberRoster.fromTimelines(yield* loadAsOf(MemberRoster.readModel, asOf), asOf)
    return yield* viewWith(asOf, members, "everyone")
  }).pipe(Effect.withSpan("dangjian.compliance.view", { attributes: { "dangjian.asOf": asOf } }))

// Each model's timelines are cut to what the date needs as they are read, and each register is built as soon as its
// models are loaded: far fewer objects are held at once, which the garbage collector has to go through.
const loadAsOf = <S>(model: ReadModel.ReadModel<S>, asOf: LegalDate) =>
  Effect.map(ReadModel.loadCurrent(model, { asOf }), (c) => c.timelines)

/**
 * The compliance view from the read models, with the members given. With `duesFactsOf: "accounts"`, the dues
 * register's member facts are read for the members with a dues account only: all that the dues findings read.
 */
const viewWith = (asOf: LegalDate, members: MemberRoster.RosterView, duesFactsOf: "everyone" | "accounts") =>
  Effect.gen(function*() {
    const load = <S>(model: ReadModel.ReadModel<S>) => loadAsOf(model, asOf)
    const tree = OrganizationTree.fromTimelines(yield* load(OrganizationTree.readModel), asOf)
    const statuses = yield* load(OrganizationStatus.readModel)
    return {
      asOf,
      tree,
      members,
      unitCheckIns: UnitCheckInRegister.fromTimelines(yield* load(UnitCheckInRegister.readModel), asOf),
      agreements: AgreementRegister.fromTimelines(yield* load(AgreementRegister.readModel), statuses, asOf),
      councils: CouncilRegister.fromTimelines(yield* load(CouncilRegister.readModel), statuses, asOf),
      meetings: MeetingRegister.fromTimelines(yield* load(MeetingRegister.readModel), asOf),
      appraisals: AppraisalRegister.fromTimelines(yield* load(AppraisalRegister.readModel), asOf),
      points: PointsRegister.fromTimelines(yield* load(PointsRegister.readModel), tree.orgs, asOf),
      roles: RolesRegister.fromTimelines(yield* load(RolesRegister.readModel), tree.orgs, asOf),
      dues: yield* Effect.flatMap(load(DuesRegister.readModel), (accounts) =>
        Effect.map(
          ReadModel.loadCurrent(DuesRegister.factsReadModel, {
            asOf,
            ...(duesFactsOf === "accounts" ? { keys: accounts.keys() } : {})
          }),
          ({ timelines }) => DuesRegister.fromTimelines(accounts, timelines, asOf)
        )),
      developments: DevelopmentRegister.fromTimelines(yield* load(DevelopmentRegister.readModel), asOf),
      leaderships: LeadershipRegister.fromTimelines(yield* load(LeadershipRegister.readModel), asOf)
    } satisfies ComplianceView
  })

/**
 * The findings of the organizations and of every aggregate but the members', and the members they concern (their
 * states are kept for the last page of a paged assessment).
 */
const othersOf = (view: ComplianceView, policies: Policies, options: AssessOptions | undefined) => {
  const others = assessOrganizations(view.tree, policies, view.asOf, options).concat(assessOthers(view, policies))
  const concerned = new Set<string>()
  for (const finding of others) for (const id of membersOf(finding)) concerned.add(id)
  return { others, concerned }
}

/**
 * One page of {@link assessInPages}: some findings, unsorted, and the view they come from, whose `members` holds
 * only the members these findings concern (by their subject or their `memberId`).
 *
 * @category models
 * @since 0.4.0
 */
export interface FindingsPage {
  readonly view: ComplianceView
  readonly findings: ReadonlyArray<Finding>
}

/**
 * The findings of {@link assess} as of a date, from the read models, a page of members at a time: what a count
 * or a summary over millions of members uses. The roster is read a page at a time and never held whole (a
 * member's state is kept past its page only when another aggregate's finding concerns the member). Every other
 * part of the view is read whole, as {@link viewFromReadModels} reads it, but for the dues register's member
 * facts: only those of members with a dues account are read, all that the dues findings read.
 *
 * Each member's findings come in the page of the member; R11's, and every other aggregate's, in a last page. The
 * findings of all pages together are {@link assess} of {@link viewFromReadModels}, in another order.
 *
 * @category read models
 * @since 0.4.0
 */
export const assessInPages = <E, R>(
  policies: Policies,
  asOf: LegalDate,
  onPage: (page: FindingsPage) => Effect.Effect<void, E, R>,
  options?: AssessOptions & { readonly pageSize?: number }
): Effect.Effect<void, ReadError | E, EventStore | ReadModel.ReadModelStore | R> =>
  Effect.gen(function*() {
    const view = yield* viewWith(asOf, MemberRoster.empty, "accounts")
    const { concerned, others } = othersOf(view, policies, options)
    const kept: Record<string, MemberState> = {}
    const members = membersAssessor(policies, asOf, { orgs: view.tree.orgs, attendance: view.meetings })
    yield* ReadModel.forEachPage(MemberRoster.readModel, (timelines) => {
      const page = MemberRoster.fromTimelines(timelines, asOf)
      for (const id of Object.keys(page.members)) if (concerned.has(id)) put(kept, id, page.members[id]!)
      return onPage({ view: { ...view, members: page }, findings: members.add(valuesOf(page.members)) })
    }, { asOf, ...(options?.pageSize === undefined ? {} : { pageSize: options.pageSize }) })
    yield* onPage({ view: { ...view, members: { members: kept } }, findings: members.finish().concat(others) })
  }).pipe(Effect.withSpan("dangjian.compliance.assessInPages", { attributes: { "dangjian.asOf": asOf } }))

/**
 * One page of {@link assessIndexedInPages}: a {@link FindingsPage}, and the members whose findings the findings index
 * holds, with those findings (counted, not judged: they are in no page's `findings`), one by one in `indexed` or, with
 * `grouped`, counted in `groups`.
 *
 * @category models
 * @since 0.4.0
 */
export interface IndexedFindingsPage extends FindingsPage {
  readonly indexed: ReadonlyArray<FindingsIndex.IndexedMember>
  readonly groups: ReadonlyArray<FindingsIndex.IndexedGroup>
}

/**
 * Options of {@link assessIndexedInPages}.
 *
 * @category models
 * @since 0.4.0
 */
export interface AssessIndexedOptions extends AssessOptions {
  /** Members read at a time (default 10,000). */
  readonly pageSize?: number
  /**
   * Members the index holds that are to be judged from their rows all the same, their findings in full: what a
   * report of some organizations needs of the members whose findings name other organizations
   * (`IndexedFinding.namesOrganizations`) or concern those it reports on. Asked of each member with findings on the
   * date, with the view without its members; with `grouped`, of the affiliation and findings each group of members
   * shares (no member's id), and a group it picks is judged whole.
   */
  readonly judgeIndexed?: (
    member: FindingsIndex.IndexedMember | FindingsIndex.IndexedFindings,
    view: ComplianceView
  ) => boolean
  /**
   * The index's members with the same affiliation and the same findings come counted, as one
   * `FindingsIndex.IndexedGroup` in `groups`, instead of one by one in `indexed`: all a count by organization, rule
   * and severity needs, and a fraction of the work (the index's members' ids are not read).
   */
  readonly grouped?: boolean
}

/**
 * The findings of {@link assessInPages}, with the findings index of the policy timeline ({@link FindingsIndex}): the
 * members it holds for the date come in pages' `indexed`, with the rule, severity and code of each of their findings
 * and their affiliation, without reading their rows; every other member (a member of an organization that records
 * its meetings or who took part in one, a mobile member, a member with events after the index's checkpoint…) is read
 * and judged as {@link assessInPages} judges it, and so are every other aggregate's findings. What a count or a
 * summary as of any date uses: a member whose findings only depend on time passing costs one small row. Without an
 * index (never built: {@link FindingsIndex.catchUp} builds it), every member is judged, and `indexed` and `groups` are
 * empty.
 *
 * Together, the pages' `findings` and `indexed` (or `groups`, each counted as many times as it has members) are the
 * findings of {@link assess} of {@link viewFromReadModels}: the same members with the same rules, severities and codes.
 * With `options.judgeIndexed`, the members it picks are judged from their rows and come in `findings` with their
 * params (a report of a subtree judges those whose findings name other organizations, and those of the subtree).
 *
 * @category read models
 * @since 0.4.0
 */
export const assessIndexedInPages = <E, R>(
  policies: Policies,
  asOf: LegalDate,
  onPage: (page: IndexedFindingsPage) => Effect.Effect<void, E, R>,
  options?: AssessIndexedOptions
): Effect.Effect<void, ReadError | E, EventStore | ReadModel.ReadModelStore | R> =>
  Effect.gen(function*() {
    const judgeEveryone = assessInPages(policies, asOf, (page) => onPage({ ...page, indexed: [], groups: [] }), options)
    // Without an index, straight to judging every member: the view is not loaded twice, nor held twice.
    const rows = yield* ReadModel.ReadModelStore
    if ((yield* rows.position(FindingsIndex.modelOf(policies))) === 0) return yield* judgeEveryone
    const view = yield* viewWith(asOf, MemberRoster.empty, "accounts")
    const pageSize = options?.pageSize ?? 10_000
    // R61: a member the meeting register names, or of an organization that records its meetings, is judged with it.
    const attendance = MeetingRegister.attendance(view.meetings)
    const judged = new Set<string>()
    const judgeIndexed = options?.judgeIndexed
    const grouped = options?.grouped === true
    const indexed = yield* FindingsIndex.forEachPage(policies, asOf, (page) => {
      for (const memberId of page.unindexed) judged.add(memberId)
      // With groups, the members of a group to judge come one by one in `indexed` (the index's `split`).
      const counted = judgeIndexed === undefined ? page.indexed : page.indexed.filter((member) => {
        if (!grouped && !judgeIndexed(member, view)) return true
        judged.add(member.memberId)
        return false
      })
      return counted.length === 0 && page.groups.length === 0
        ? Effect.void
        : onPage({
          view: { ...view, members: MemberRoster.empty },
          findings: [],
          indexed: counted,
          groups: page.groups
        })
    }, {
      pageSize,
      judgeMembers: attendance.members.keys(),
      judgeOrganizations: attendance.recordingOrgs,
      ...(grouped ? { group: judgeIndexed === undefined ? {} : { split: (group) => judgeIndexed(group, view) } } : {})
    })
    if (!indexed) return yield* judgeEveryone
    const { concerned, others } = othersOf(view, policies, options)
    const kept: Record<string, MemberState> = {}
    const members = membersAssessor(policies, asOf, { orgs: view.tree.orgs, attendance: view.meetings })
    // The judged members and those other aggregates' findings concern, read by key a page at a time.
    const wanted = [...new Set([...judged, ...concerned])]
    for (let start = 0; start < wanted.length; start += pageSize) {
      const { timelines } = yield* ReadModel.loadCurrent(MemberRoster.readModel, {
        keys: wanted.slice(start, start + pageSize),
        asOf
      })
      const page = MemberRoster.fromTimelines(timelines, asOf)
      const judging: Record<string, MemberState> = {}
      for (const id of Object.keys(page.members)) {
        if (concerned.has(id)) put(kept, id, page.members[id]!)
        if (judged.has(id)) put(judging, id, page.members[id]!)
      }
      yield* onPage({
        view: { ...view, members: { members: judging } },
        findings: members.add(valuesOf(judging)),
        indexed: [],
        groups: []
      })
    }
    yield* onPage({
      view: { ...view, members: { members: kept } },
      findings: members.finish().concat(others),
      indexed: [],
      groups: []
    })
  }).pipe(Effect.withSpan("dangjian.compliance.assessIndexedInPages", { attributes: { "dangjian.asOf": asOf } }))

/**
 * The compliance view as of a date: from the read models when the environment has a `ReadModelStore` (every
 * store package provides one), otherwise by replaying the log.
 *
 * @category running
 * @since 0.3.0
 */
export const view = (asOf: LegalDate): Effect.Effect<ComplianceView, ReadError, EventStore> =>
  Effect.flatMap(Effect.serviceOption(ReadModel.ReadModelStore), (rows) =>
    Option.isSome(rows)
      ? Effect.provideService(viewFromReadModels(asOf), ReadModel.ReadModelStore, rows.value)
      : Effect.map(Projection.replay(projection(asOf)), ({ state }) => state))

/**
 * The compliance view as of a date and its findings: from the read models when the environment has a
 * `ReadModelStore`, otherwise by replaying the log.
 *
 * @category running
 * @since 0.1.0
 */
export const report = (
  policies: Policies,
  asOf: LegalDate,
  options?: AssessOptions
): Effect.Effect<
  { readonly view: ComplianceView; readonly findings: ReadonlyArray<Finding> },
  ReadError,
  EventStore
> =>
  Effect.map(view(asOf), (state) => ({
    view: state,
    findings: findings(state, policies, options)
  }))
