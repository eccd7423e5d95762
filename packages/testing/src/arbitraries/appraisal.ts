/**
 * Every command and event of the appraisal, points and roles aggregates (`Appraisal`: democratic appraisal and
 * the disposal that may follow, R35, R62–R64; `Points`: points schemes, entries, publication and duty posts,
 * R52, R53; `Roles`: first secretaries, instructors and resettlement staffing, R54, R56, R57), one arbitrary
 * per `_tag` and one per union. Values are structurally valid (each decodes with its Schema) but not
 * necessarily accepted; for accepted histories see `townshipHistory`, whose appraisal steps are the
 * {@link AppraisalIntent}s resolved here ({@link resolveAppraisal}). Ids are opaque and drawn from small pools.
 *
 * @since 0.3.0
 */
import type { Dangjian, Organization } from "@dangjian/core"
import { Appraisal, LegalDate, Member, Points, Roles } from "@dangjian/core"
import fc from "fast-check"
import * as DangjianWorld from "../DangjianWorld.ts"
import { actor, oneOfRecord, tagged } from "../internal/tagged.ts"
import type { ValueOptions } from "./values.ts"
import { values } from "./values.ts"

type AppraisalCmd<Tag extends Appraisal.AppraisalCommand["_tag"]> = Extract<
  Appraisal.AppraisalCommand,
  { readonly _tag: Tag }
>
type AppraisalEv<Tag extends Appraisal.AppraisalEvent["_tag"]> = Extract<
  Appraisal.AppraisalEvent,
  { readonly _tag: Tag }
>
type PointsCmd<Tag extends Points.PointsCommand["_tag"]> = Extract<Points.PointsCommand, { readonly _tag: Tag }>
type PointsEv<Tag extends Points.PointsEvent["_tag"]> = Extract<Points.PointsEvent, { readonly _tag: Tag }>
type RolesCmd<Tag extends Roles.RolesCommand["_tag"]> = Extract<Roles.RolesCommand, { readonly _tag: Tag }>
type RolesEv<Tag extends Roles.RolesEvent["_tag"]> = Extract<Roles.RolesEvent, { readonly _tag: Tag }>

/**
 * An arbitrary for every appraisal command, by `_tag`.
 *
 * @since 0.3.0
 * @category models
 */
export type AppraisalCommandArbitraries = {
  readonly [Tag in Appraisal.AppraisalCommand["_tag"]]: fc.Arbitrary<AppraisalCmd<Tag>>
}

/**
 * An arbitrary for every appraisal event, by `_tag`.
 *
 * @since 0.3.0
 * @category models
 */
export type AppraisalEventArbitraries = {
  readonly [Tag in Appraisal.AppraisalEvent["_tag"]]: fc.Arbitrary<AppraisalEv<Tag>>
}

/**
 * An arbitrary for every points command, by `_tag`.
 *
 * @since 0.3.0
 * @category models
 */
export type PointsCommandArbitraries = { readonly [Tag in Points.PointsCommand["_tag"]]: fc.Arbitrary<PointsCmd<Tag>> }

/**
 * An arbitrary for every points event, by `_tag`.
 *
 * @since 0.3.0
 * @category models
 */
export type PointsEventArbitraries = { readonly [Tag in Points.PointsEvent["_tag"]]: fc.Arbitrary<PointsEv<Tag>> }

/**
 * An arbitrary for every roles command, by `_tag`.
 *
 * @since 0.3.0
 * @category models
 */
export type RolesCommandArbitraries = { readonly [Tag in Roles.RolesCommand["_tag"]]: fc.Arbitrary<RolesCmd<Tag>> }

/**
 * An arbitrary for every roles event, by `_tag`.
 *
 * @since 0.3.0
 * @category models
 */
export type RolesEventArbitraries = { readonly [Tag in Roles.RolesEvent["_tag"]]: fc.Arbitrary<RolesEv<Tag>> }

const appraisalValues = (options: ValueOptions) => {
  const v = values(options)
  return {
    ...v,
    year: fc.integer({ min: 2014, max: 2030 }),
    grade: fc.constantFrom(...Appraisal.Grade.literals),
    form: fc.constantFrom(...Appraisal.DisposalForm.literals),
    outcome: fc.constantFrom(...Appraisal.DisposalOutcome.literals),
    reason: fc.constantFrom(...Appraisal.CorrectionReason.literals),
    vote: fc.record({
      meetingId: v.entityId("meeting-"),
      entitled: fc.integer({ min: 0, max: 30 }),
      present: fc.integer({ min: 0, max: 30 }),
      yes: fc.integer({ min: 0, max: 30 }),
      at: v.date
    }),
    months: fc.integer({ min: 1, max: 24 }),
    count: fc.integer({ min: 0, max: 60 }),
    matterId: v.entityId("matter-")
  }
}

/**
 * One arbitrary per appraisal command (`OpenAppraisal` … `ConcludeDisposal`).
 *
 * @since 0.3.0
 * @category appraisal commands
 */
export const appraisalCommandArbitraries = (options: ValueOptions = {}): AppraisalCommandArbitraries => {
  const v = appraisalValues(options)
  const { date: at, memberId, orgId, year } = v
  return {
    OpenAppraisal: tagged<AppraisalCmd<"OpenAppraisal">>("OpenAppraisal", { orgId, year, at }, {
      meetingId: v.entityId("meeting-"),
      actor
    }),
    GradeMember: tagged<AppraisalCmd<"GradeMember">>("GradeMember", { orgId, year, memberId, grade: v.grade, at }, {
      actor
    }),
    CorrectAppraisalGrade: tagged<AppraisalCmd<"CorrectAppraisalGrade">>("CorrectAppraisalGrade", {
      orgId,
      year,
      memberId,
      grade: v.grade,
      reason: v.reason,
      at
    }, { actor }),
    CloseAppraisal: tagged<AppraisalCmd<"CloseAppraisal">>("CloseAppraisal", { orgId, year, at }, { actor }),
    RecordImprovementGuidance: tagged<AppraisalCmd<"RecordImprovementGuidance">>("RecordImprovementGuidance", {
      orgId,
      year,
      memberId,
      at
    }, { actor }),
    RecordDiscipline: tagged<AppraisalCmd<"RecordDiscipline">>("RecordDiscipline", {
      orgId,
      year,
      memberId,
      matterId: v.matterId,
      at
    }, { actor }),
    DecideDisposal: tagged<AppraisalCmd<"DecideDisposal">>("DecideDisposal", {
      orgId,
      year,
      memberId,
      matterId: v.matterId,
      form: v.form,
      vote: v.vote,
      at
    }, { approval: v.approval, correctionMonths: v.months, actor }),
    ExtendCorrectionPeriod: tagged<AppraisalCmd<"ExtendCorrectionPeriod">>("ExtendCorrectionPeriod", {
      orgId,
      year,
      memberId,
      until: at,
      at
    }, { actor }),
    ConcludeDisposal: tagged<AppraisalCmd<"ConcludeDisposal">>("ConcludeDisposal", {
      orgId,
      year,
      memberId,
      outcome: v.outcome,
      at
    }, { actor })
  }
}

/**
 * One arbitrary per appraisal event (`AppraisalOpened` … `DisposalConcluded`).
 *
 * @since 0.3.0
 * @category appraisal events
 */
export const appraisalEventArbitraries = (options: ValueOptions = {}): AppraisalEventArbitraries => {
  const v = appraisalValues(options)
  const { date: at, memberId, orgId, year } = v
  return {
    AppraisalOpened: tagged<AppraisalEv<"AppraisalOpened">>("AppraisalOpened", {
      orgId,
      year,
      allMembers: v.count,
      fullMembers: v.count,
      at
    }, { meetingId: v.entityId("meeting-") }),
    MemberGraded: tagged<AppraisalEv<"MemberGraded">>("MemberGraded", {
      orgId,
      year,
      memberId,
      grade: v.grade,
      probationary: fc.boolean(),
      mobile: fc.boolean(),
      at
    }, {}),
    AppraisalGradeCorrected: tagged<AppraisalEv<"AppraisalGradeCorrected">>("AppraisalGradeCorrected", {
      orgId,
      year,
      memberId,
      grade: v.grade,
      reason: v.reason,
      at
    }, {}),
    AppraisalClosed: tagged<AppraisalEv<"AppraisalClosed">>("AppraisalClosed", {
      orgId,
      year,
      allMembers: v.count,
      fullMembers: v.count,
      at
    }, {}),
    ImprovementGuidanceRecorded: tagged<AppraisalEv<"ImprovementGuidanceRecorded">>("ImprovementGuidanceRecorded", {
      orgId,
      year,
      memberId,
      at
    }, {}),
    DisciplineRecorded: tagged<AppraisalEv<"DisciplineRecorded">>("DisciplineRecorded", {
      orgId,
      year,
      memberId,
      matterId: v.matterId,
      at
    }, {}),
    OrganizationalDisposalDecided: tagged<AppraisalEv<"OrganizationalDisposalDecided">>(
      "OrganizationalDisposalDecided",
      { orgId, year, memberId, matterId: v.matterId, form: v.form, vote: v.vote, at },
      { approval: v.approval, months: v.months, reviewDueOn: at }
    ),
    CorrectionPeriodExtended: tagged<AppraisalEv<"CorrectionPeriodExtended">>("CorrectionPeriodExtended", {
      orgId,
      year,
      memberId,
      until: at,
      at
    }, {}),
    DisposalConcluded: tagged<AppraisalEv<"DisposalConcluded">>("DisposalConcluded", {
      orgId,
      year,
      memberId,
      outcome: v.outcome,
      at
    }, {})
  }
}

const pointsValues = (options: ValueOptions) => {
  const v = values(options)
  const itemId = fc.constantFrom("absent", "late-dues", "volunteer")
  const scheme: fc.Arbitrary<Points.PointsScheme> = fc.record({
    baseScore: fc.integer({ min: 0, max: 120 }),
    items: fc.uniqueArray(
      fc.record(
        {
          itemId,
          direction: fc.constantFrom("addition" as const, "deduction" as const),
          points: fc.integer({ min: 1, max: 30 }),
          maxPerPeriod: fc.integer({ min: 1, max: 3 })
        },
        { requiredKeys: ["itemId", "direction", "points"] }
      ),
      { minLength: 1, maxLength: 3, selector: (i) => i.itemId }
    ),
    publication: fc.constantFrom(...Points.Publication.literals),
    noticeBelow: fc.integer({ min: 0, max: 100 }),
    probationaryYearBelow: fc.integer({ min: 0, max: 100 })
  }, { requiredKeys: ["baseScore", "items", "publication"] })
  const period = fc.oneof(
    v.date.map((d) => Points.periodOf(d, "monthly")),
    v.date.map((d) => Points.periodOf(d, "quarterly"))
  )
  return {
    ...v,
    itemId,
    scheme,
    period,
    entryId: v.entityId("entry-"),
    postId: v.entityId("post-"),
    groupId: v.entityId("g"),
    areaId: v.entityId("area-"),
    postKind: fc.constantFrom(...Points.DutyPostKind.literals),
    revocation: fc.constantFrom(...Points.RevocationReason.literals)
  }
}

/**
 * One arbitrary per points command (`DefinePointsScheme` … `AbolishDutyPost`).
 *
 * @since 0.3.0
 * @category points commands
 */
export const pointsCommandArbitraries = (options: ValueOptions = {}): PointsCommandArbitraries => {
  const v = pointsValues(options)
  const { date: at, memberId, orgId } = v
  return {
    DefinePointsScheme: tagged<PointsCmd<"DefinePointsScheme">>("DefinePointsScheme", { orgId, scheme: v.scheme, at }, {
      actor
    }),
    RecordPoints: tagged<PointsCmd<"RecordPoints">>("RecordPoints", {
      orgId,
      entryId: v.entryId,
      memberId,
      itemId: v.itemId,
      at
    }, { actor }),
    RevokePointsEntry: tagged<PointsCmd<"RevokePointsEntry">>("RevokePointsEntry", {
      orgId,
      entryId: v.entryId,
      reason: v.revocation,
      at
    }, { actor }),
    PublishPointsPeriod: tagged<PointsCmd<"PublishPointsPeriod">>("PublishPointsPeriod", {
      orgId,
      period: v.period,
      at
    }, { actor }),
    EstablishDutyPost: tagged<PointsCmd<"EstablishDutyPost">>("EstablishDutyPost", {
      orgId,
      postId: v.postId,
      kind: v.postKind,
      areaId: v.areaId,
      at
    }, { groupId: v.groupId, actor }),
    AssignDutyPost: tagged<PointsCmd<"AssignDutyPost">>("AssignDutyPost", { orgId, postId: v.postId, memberId, at }, {
      actor
    }),
    ReleaseDutyPost: tagged<PointsCmd<"ReleaseDutyPost">>(
      "ReleaseDutyPost",
      { orgId, postId: v.postId, memberId, at },
      {
        actor
      }
    ),
    AbolishDutyPost: tagged<PointsCmd<"AbolishDutyPost">>("AbolishDutyPost", { orgId, postId: v.postId, at }, { actor })
  }
}

/**
 * One arbitrary per points event (`PointsSchemeDefined` … `DutyPostAbolished`).
 *
 * @since 0.3.0
 * @category points events
 */
export const pointsEventArbitraries = (options: ValueOptions = {}): PointsEventArbitraries => {
  const v = pointsValues(options)
  const { date: at, memberId, orgId } = v
  return {
    PointsSchemeDefined: tagged<PointsEv<"PointsSchemeDefined">>(
      "PointsSchemeDefined",
      { orgId, scheme: v.scheme, at },
      {}
    ),
    PointsRecorded: tagged<PointsEv<"PointsRecorded">>("PointsRecorded", {
      orgId,
      entryId: v.entryId,
      memberId,
      itemId: v.itemId,
      points: fc.integer({ min: -30, max: 30 }),
      period: v.period,
      probationary: fc.boolean(),
      at
    }, {}),
    PointsEntryRevoked: tagged<PointsEv<"PointsEntryRevoked">>("PointsEntryRevoked", {
      orgId,
      entryId: v.entryId,
      reason: v.revocation,
      at
    }, {}),
    PointsPeriodPublished: tagged<PointsEv<"PointsPeriodPublished">>("PointsPeriodPublished", {
      orgId,
      period: v.period,
      at
    }, {}),
    DutyPostEstablished: tagged<PointsEv<"DutyPostEstablished">>("DutyPostEstablished", {
      orgId,
      postId: v.postId,
      kind: v.postKind,
      areaId: v.areaId,
      at
    }, { groupId: v.groupId }),
    DutyPostAssigned: tagged<PointsEv<"DutyPostAssigned">>("DutyPostAssigned", {
      orgId,
      postId: v.postId,
      memberId,
      at
    }, {}),
    DutyPostReleased: tagged<PointsEv<"DutyPostReleased">>("DutyPostReleased", {
      orgId,
      postId: v.postId,
      memberId,
      at
    }, {}),
    DutyPostAbolished: tagged<PointsEv<"DutyPostAbolished">>("DutyPostAbolished", { orgId, postId: v.postId, at }, {})
  }
}

const rolesValues = (options: ValueOptions) => {
  const v = values(options)
  return {
    ...v,
    appointmentId: v.entityId("appointment-"),
    appointeeId: v.entityId("cadre-"),
    unitId: v.entityId("unit-"),
    unitIds: fc.uniqueArray(v.entityId("unit-"), { maxLength: 3 }),
    siteId: v.entityId("site-"),
    unitType: fc.constantFrom(...Roles.UnitType.literals),
    closure: fc.constantFrom(...Roles.UnitClosure.literals),
    staffing: fc.record({
      secretaryId: v.entityId("cadre-"),
      directorId: v.entityId("cadre-"),
      cadres: fc.array(
        fc.record({ cadreId: v.entityId("cadre-"), source: fc.constantFrom(...Roles.CadreSource.literals) }),
        {
          maxLength: 3
        }
      ),
      rotatingDuty: fc.boolean(),
      fiveUnified: fc.boolean(),
      secretarySubsidy: fc.boolean(),
      directorSubsidy: fc.boolean()
    }, { requiredKeys: ["cadres", "rotatingDuty", "fiveUnified", "secretarySubsidy", "directorSubsidy"] })
  }
}

/**
 * One arbitrary per roles command (`AppointFirstSecretary` … `RecordResettlementStaffing`).
 *
 * @since 0.3.0
 * @category roles commands
 */
export const rolesCommandArbitraries = (options: ValueOptions = {}): RolesCommandArbitraries => {
  const v = rolesValues(options)
  const { date: at, orgId } = v
  return {
    AppointFirstSecretary: tagged<RolesCmd<"AppointFirstSecretary">>("AppointFirstSecretary", {
      orgId,
      appointmentId: v.appointmentId,
      villageOrgId: orgId,
      appointeeId: v.appointeeId,
      dispatchedBy: fc.constantFrom("county-bureau", "city-bureau"),
      from: at,
      until: at,
      at
    }, { actor }),
    ExtendFirstSecretaryTerm: tagged<RolesCmd<"ExtendFirstSecretaryTerm">>("ExtendFirstSecretaryTerm", {
      orgId,
      appointmentId: v.appointmentId,
      until: at,
      at
    }, { actor }),
    RecallFirstSecretary: tagged<RolesCmd<"RecallFirstSecretary">>("RecallFirstSecretary", {
      orgId,
      appointmentId: v.appointmentId,
      at
    }, { actor }),
    RegisterUnitWithoutMembers: tagged<RolesCmd<"RegisterUnitWithoutMembers">>("RegisterUnitWithoutMembers", {
      orgId,
      unitId: v.unitId,
      unitType: v.unitType,
      at
    }, { actor }),
    CloseUnitWithoutMembers: tagged<RolesCmd<"CloseUnitWithoutMembers">>("CloseUnitWithoutMembers", {
      orgId,
      unitId: v.unitId,
      reason: v.closure,
      at
    }, { actor }),
    AppointInstructor: tagged<RolesCmd<"AppointInstructor">>("AppointInstructor", {
      orgId,
      appointmentId: v.appointmentId,
      instructorId: v.appointeeId,
      unitIds: v.unitIds,
      from: at,
      at
    }, { until: at, actor }),
    RecallInstructor: tagged<RolesCmd<"RecallInstructor">>("RecallInstructor", {
      orgId,
      appointmentId: v.appointmentId,
      at
    }, { actor }),
    RecordResettlementStaffing: tagged<RolesCmd<"RecordResettlementStaffing">>("RecordResettlementStaffing", {
      orgId,
      siteId: v.siteId,
      staffing: v.staffing,
      at
    }, { actor })
  }
}

/**
 * One arbitrary per roles event (`FirstSecretaryAppointed` … `ResettlementSiteStaffed`).
 *
 * @since 0.3.0
 * @category roles events
 */
export const rolesEventArbitraries = (options: ValueOptions = {}): RolesEventArbitraries => {
  const v = rolesValues(options)
  const { date: at, orgId } = v
  return {
    FirstSecretaryAppointed: tagged<RolesEv<"FirstSecretaryAppointed">>("FirstSecretaryAppointed", {
      orgId,
      appointmentId: v.appointmentId,
      villageOrgId: orgId,
      appointeeId: v.appointeeId,
      dispatchedBy: fc.constantFrom("county-bureau", "city-bureau"),
      from: at,
      until: at,
      at
    }, {}),
    FirstSecretaryTermExtended: tagged<RolesEv<"FirstSecretaryTermExtended">>("FirstSecretaryTermExtended", {
      orgId,
      appointmentId: v.appointmentId,
      until: at,
      at
    }, {}),
    FirstSecretaryRecalled: tagged<RolesEv<"FirstSecretaryRecalled">>("FirstSecretaryRecalled", {
      orgId,
      appointmentId: v.appointmentId,
      at
    }, {}),
    UnitWithoutMembersRegistered: tagged<RolesEv<"UnitWithoutMembersRegistered">>("UnitWithoutMembersRegistered", {
      orgId,
      unitId: v.unitId,
      unitType: v.unitType,
      at
    }, {}),
    UnitWithoutMembersClosed: tagged<RolesEv<"UnitWithoutMembersClosed">>("UnitWithoutMembersClosed", {
      orgId,
      unitId: v.unitId,
      reason: v.closure,
      at
    }, {}),
    InstructorAppointed: tagged<RolesEv<"InstructorAppointed">>("InstructorAppointed", {
      orgId,
      appointmentId: v.appointmentId,
      instructorId: v.appointeeId,
      unitIds: v.unitIds,
      from: at,
      at
    }, { until: at }),
    InstructorRecalled: tagged<RolesEv<"InstructorRecalled">>("InstructorRecalled", {
      orgId,
      appointmentId: v.appointmentId,
      at
    }, {}),
    ResettlementSiteStaffed: tagged<RolesEv<"ResettlementSiteStaffed">>("ResettlementSiteStaffed", {
      orgId,
      siteId: v.siteId,
      staffing: v.staffing,
      at
    }, {})
  }
}

/**
 * Any appraisal command (every member of `Appraisal.AppraisalCommand`).
 *
 * @since 0.3.0
 * @category appraisal commands
 */
export const appraisalCommand = (options: ValueOptions = {}): fc.Arbitrary<Appraisal.AppraisalCommand> =>
  oneOfRecord<Appraisal.AppraisalCommand>(appraisalCommandArbitraries(options))

/**
 * Any appraisal event (every member of `Appraisal.AppraisalEvent`).
 *
 * @since 0.3.0
 * @category appraisal events
 */
export const appraisalEvent = (options: ValueOptions = {}): fc.Arbitrary<Appraisal.AppraisalEvent> =>
  oneOfRecord<Appraisal.AppraisalEvent>(appraisalEventArbitraries(options))

/**
 * Any points command (every member of `Points.PointsCommand`).
 *
 * @since 0.3.0
 * @category points commands
 */
export const pointsCommand = (options: ValueOptions = {}): fc.Arbitrary<Points.PointsCommand> =>
  oneOfRecord<Points.PointsCommand>(pointsCommandArbitraries(options))

/**
 * Any points event (every member of `Points.PointsEvent`).
 *
 * @since 0.3.0
 * @category points events
 */
export const pointsEvent = (options: ValueOptions = {}): fc.Arbitrary<Points.PointsEvent> =>
  oneOfRecord<Points.PointsEvent>(pointsEventArbitraries(options))

/**
 * Any roles command (every member of `Roles.RolesCommand`).
 *
 * @since 0.3.0
 * @category roles commands
 */
export const rolesCommand = (options: ValueOptions = {}): fc.Arbitrary<Roles.RolesCommand> =>
  oneOfRecord<Roles.RolesCommand>(rolesCommandArbitraries(options))

/**
 * Any roles event (every member of `Roles.RolesEvent`).
 *
 * @since 0.3.0
 * @category roles events
 */
export const rolesEvent = (options: ValueOptions = {}): fc.Arbitrary<Roles.RolesEvent> =>
  oneOfRecord<Roles.RolesEvent>(rolesEventArbitraries(options))

// ---------------------------------------------------------------------------------------------------------
// Township steps: appraisal, points and roles intents resolved against the world
// ---------------------------------------------------------------------------------------------------------

/**
 * An appraisal, points or roles step in the abstract: the organizations, members, appraisals and posts it
 * touches are picks (`pick % count`) among those that fit when it runs; `gap` is the days since the previous
 * step.
 *
 * @since 0.3.0
 * @category township histories
 */
export type AppraisalIntent =
  & { readonly gap: number; readonly a: number; readonly m: number; readonly flag: boolean; readonly n: number }
  & {
    readonly _tag:
      | "open"
      | "grade"
      | "correct"
      | "close"
      | "guide"
      | "discipline"
      | "dispose"
      | "extend"
      | "conclude"
      | "scheme"
      | "points"
      | "revoke"
      | "publish"
      | "post"
      | "assign"
      | "release"
      | "abolish"
      | "unit"
      | "closeUnit"
      | "instructor"
      | "recallInstructor"
      | "firstSecretary"
      | "extendFirstSecretary"
      | "recallFirstSecretary"
      | "staffing"
  }

const appraisalIntentOf = (tag: AppraisalIntent["_tag"], weight: number) => ({
  arbitrary: fc.record({
    _tag: fc.constant(tag),
    gap: fc.integer({ min: 0, max: 20 }),
    a: fc.nat({ max: 1_000 }),
    m: fc.nat({ max: 1_000 }),
    flag: fc.boolean(),
    n: fc.integer({ min: 0, max: 12 })
  }),
  weight
})

/**
 * One {@link AppraisalIntent}, weighted towards opening appraisals, grading, schemes and points so that later
 * steps find something to act on.
 *
 * @since 0.3.0
 * @category township histories
 */
export const appraisalIntent: fc.Arbitrary<AppraisalIntent> = fc.oneof(
  appraisalIntentOf("open", 3),
  appraisalIntentOf("grade", 8),
  appraisalIntentOf("correct", 1),
  appraisalIntentOf("close", 2),
  appraisalIntentOf("guide", 1),
  appraisalIntentOf("discipline", 1),
  appraisalIntentOf("dispose", 2),
  appraisalIntentOf("extend", 1),
  appraisalIntentOf("conclude", 1),
  appraisalIntentOf("scheme", 2),
  appraisalIntentOf("points", 6),
  appraisalIntentOf("revoke", 1),
  appraisalIntentOf("publish", 2),
  appraisalIntentOf("post", 2),
  appraisalIntentOf("assign", 3),
  appraisalIntentOf("release", 1),
  appraisalIntentOf("abolish", 1),
  appraisalIntentOf("unit", 1),
  appraisalIntentOf("closeUnit", 1),
  appraisalIntentOf("instructor", 1),
  appraisalIntentOf("recallInstructor", 1),
  appraisalIntentOf("firstSecretary", 1),
  appraisalIntentOf("extendFirstSecretary", 1),
  appraisalIntentOf("recallFirstSecretary", 1),
  appraisalIntentOf("staffing", 1)
)

const choose = <A>(xs: ReadonlyArray<A>, n: number): A | undefined => xs[n % Math.max(xs.length, 1)]

const byKey = <A>(record: Readonly<Record<string, A>>): ReadonlyArray<[string, A]> =>
  Object.keys(record).sort().map((key) => [key, record[key]!])

// Organizations whose members are appraised, score points and take posts (never the township committee).
const branches = (world: DangjianWorld.World): ReadonlyArray<Organization.OrganizationState> =>
  Object.values(world.orgs.states)
    .filter((s) => s.status === "active" && s.kind !== "townshipCommittee" && s.kind !== "subdistrictCommittee")
    .sort((a, b) => a.orgId.localeCompare(b.orgId))

const townships = (world: DangjianWorld.World): ReadonlyArray<Organization.OrganizationState> =>
  Object.values(world.orgs.states)
    .filter((s) => s.status === "active" && (s.kind === "townshipCommittee" || s.kind === "subdistrictCommittee"))
    .sort((a, b) => a.orgId.localeCompare(b.orgId))

const membersOf = (world: DangjianWorld.World, orgId: string): ReadonlyArray<Member.MemberState> =>
  Object.values(world.members).filter((m) => Member.isActive(m) && m.orgId === orgId)
    .sort((a, b) => a.memberId.localeCompare(b.memberId))

const approvalAt = (at: LegalDate.LegalDate): Organization.Approval => ({ by: "township", level: "township", at })

const grades = Appraisal.Grade.literals

/**
 * The concrete command of an appraisal, points or roles intent in the current world on `at` (undefined when
 * nothing fits, e.g. grading with no open appraisal). Points entries are `pe<step>`, posts `post<step>`,
 * appointments `fs<step>` and `in<step>`, units `unit<step>`.
 *
 * @since 0.3.0
 * @category township histories
 */
export const resolveAppraisal = (
  world: DangjianWorld.World,
  step: number,
  at: LegalDate.LegalDate,
  i: AppraisalIntent
): Dangjian.Command | undefined => {
  const appraisals = byKey(world.appraisals).map(([, a]) => a).filter((a) => a.status !== "none")
  const open = appraisals.filter((a) => a.status === "open")
  const ledgers = byKey(world.points).map(([, p]) => p).filter((p) => p.orgId !== "")
  const roles = byKey(world.roles).map(([, r]) => r).filter((r) => r.orgId !== "")
  const year = Number(at.slice(0, 4))
  switch (i._tag) {
    case "open": {
      const org = choose(branches(world), i.a)
      return org === undefined
        ? undefined
        : { _tag: "OpenAppraisal", orgId: org.orgId, year: i.flag ? year - 1 : year, at }
    }
    case "grade": {
      const appraisal = choose(open, i.a)
      if (appraisal === undefined) return undefined
      const member = choose(
        membersOf(world, appraisal.orgId).filter((m) => !Object.hasOwn(appraisal.grades, m.memberId)),
        i.m
      )
      if (member === undefined) return undefined
      const picked = choose(grades, i.n) ?? "qualified"
      const grade = member.status === "probationary" && picked === "excellent" ? "qualified" : picked
      return { _tag: "GradeMember", orgId: appraisal.orgId, year: appraisal.year, memberId: member.memberId, grade, at }
    }
    case "correct":
    case "guide":
    case "discipline": {
      const appraisal = choose(appraisals, i.a)
      if (appraisal === undefined) return undefined
      const graded = byKey(appraisal.grades).filter(([memberId, g]) =>
        i._tag !== "guide" || (g.grade === "basicallyQualified" && !Object.hasOwn(appraisal.guidance, memberId))
      )
      const picked = choose(graded, i.m)
      if (picked === undefined) return undefined
      const [memberId, grading] = picked
      const base = { orgId: appraisal.orgId, year: appraisal.year, memberId, at }
      if (i._tag === "guide") return { _tag: "RecordImprovementGuidance", ...base }
      if (i._tag === "discipline") return { _tag: "RecordDiscipline", ...base, matterId: `matter-${i.n % 2}` }
      const grade = grades.filter((g) => g !== grading.grade && !(grading.probationary && g === "excellent"))[i.n % 2]
      return grade === undefined ? undefined : { _tag: "CorrectAppraisalGrade", ...base, grade, reason: "reconsidered" }
    }
    case "close": {
      const appraisal = choose(open, i.a)
      return appraisal === undefined
        ? undefined
        : { _tag: "CloseAppraisal", orgId: appraisal.orgId, year: appraisal.year, at }
    }
    case "dispose": {
      const appraisal = choose(appraisals, i.a)
      if (appraisal === undefined) return undefined
      const unqualified = byKey(appraisal.grades).filter(([, g]) => g.grade === "unqualified" && !g.probationary)
      const picked = choose(unqualified, i.m)
      if (picked === undefined) return undefined
      const entitled = Math.max(1, DangjianWorld.orgOf(world, appraisal.orgId).full)
      const form = choose(Appraisal.DisposalForm.literals, i.n) ?? "correctWithinPeriod"
      return {
        _tag: "DecideDisposal",
        orgId: appraisal.orgId,
        year: appraisal.year,
        memberId: picked[0],
        matterId: `matter-${i.n % 2}`,
        form,
        vote: { meetingId: `gm${step}`, entitled, present: entitled, yes: entitled, at },
        approval: approvalAt(at),
        at
      }
    }
    case "extend":
    case "conclude": {
      const running = appraisals.flatMap((a) =>
        byKey(a.disposals).flatMap(([memberId, list]) => {
          const last = list.at(-1)
          return last !== undefined && last.outcome === undefined ? [{ appraisal: a, memberId, disposal: last }] : []
        })
      )
      const picked = choose(running, i.a)
      if (picked === undefined) return undefined
      const base = { orgId: picked.appraisal.orgId, year: picked.appraisal.year, memberId: picked.memberId, at }
      if (i._tag === "conclude") {
        const outcomes = Appraisal.outcomesOf[picked.disposal.form]
        return { _tag: "ConcludeDisposal", ...base, outcome: outcomes[i.n % outcomes.length]! }
      }
      const due = picked.disposal.reviewDueOn
      return due === undefined
        ? undefined
        : { _tag: "ExtendCorrectionPeriod", ...base, until: LegalDate.addMonths(due, 1 + (i.n % 3)) }
    }
    case "scheme": {
      const org = choose(branches(world), i.a)
      return org === undefined ? undefined : {
        _tag: "DefinePointsScheme",
        orgId: org.orgId,
        scheme: {
          baseScore: 100,
          items: [
            { itemId: "absent", direction: "deduction", points: 20 },
            { itemId: "volunteer", direction: "addition", points: 5, maxPerPeriod: 2 }
          ],
          publication: i.flag ? "monthly" : "quarterly",
          noticeBelow: 60,
          probationaryYearBelow: 85
        },
        at
      }
    }
    case "points": {
      const ledger = choose(ledgers.filter((l) => l.scheme !== undefined), i.a)
      if (ledger === undefined) return undefined
      const member = choose(membersOf(world, ledger.orgId), i.m)
      return member === undefined ? undefined : {
        _tag: "RecordPoints",
        orgId: ledger.orgId,
        entryId: `pe${step}`,
        memberId: member.memberId,
        itemId: i.flag ? "absent" : "volunteer",
        at
      }
    }
    case "revoke": {
      const ledger = choose(ledgers, i.a)
      const entry = ledger === undefined ? undefined : choose(Points.liveEntries(ledger), i.m)
      return ledger === undefined || entry === undefined
        ? undefined
        : { _tag: "RevokePointsEntry", orgId: ledger.orgId, entryId: entry.entryId, reason: "recordingError", at }
    }
    case "publish": {
      const ledger = choose(ledgers.filter((l) => l.scheme !== undefined), i.a)
      if (ledger?.scheme === undefined) return undefined
      const period = Points.periodOf(LegalDate.addDays(at, -(1 + i.n * 10)), ledger.scheme.publication)
      return { _tag: "PublishPointsPeriod", orgId: ledger.orgId, period, at }
    }
    case "post": {
      const org = choose(branches(world), i.a)
      if (org === undefined) return undefined
      const groupId = i.flag ? choose(Object.keys(org.groups).sort(), i.n) : undefined
      return {
        _tag: "EstablishDutyPost",
        orgId: org.orgId,
        postId: `post${step}`,
        kind: choose(Points.DutyPostKind.literals, i.n) ?? "other",
        ...(groupId === undefined ? {} : { groupId }),
        areaId: `area-${i.n % 3}`,
        at
      }
    }
    case "assign":
    case "release":
    case "abolish": {
      const posts = ledgers.flatMap((l) => Points.activePosts(l).map((post) => ({ orgId: l.orgId, post })))
      const picked = choose(posts, i.a)
      if (picked === undefined) return undefined
      const base = { orgId: picked.orgId, postId: picked.post.postId, at }
      if (i._tag === "abolish") return { _tag: "AbolishDutyPost", ...base }
      if (i._tag === "release") {
        const holder = choose(picked.post.holderIds, i.m)
        return holder === undefined ? undefined : { _tag: "ReleaseDutyPost", ...base, memberId: holder }
      }
      const member = choose(membersOf(world, picked.orgId), i.m)
      return member === undefined ? undefined : { _tag: "AssignDutyPost", ...base, memberId: member.memberId }
    }
    case "unit": {
      const keeper = choose(townships(world), i.a)
      return keeper === undefined ? undefined : {
        _tag: "RegisterUnitWithoutMembers",
        orgId: keeper.orgId,
        unitId: `unit${step}`,
        unitType: choose(Roles.UnitType.literals, i.n) ?? "other",
        at
      }
    }
    case "closeUnit":
    case "instructor": {
      const units = roles.flatMap((r) =>
        byKey(r.units).filter(([, u]) => u.closedAt === undefined).map(([unitId]) => ({ orgId: r.orgId, unitId }))
      )
      const picked = choose(units, i.a)
      if (picked === undefined) return undefined
      return i._tag === "closeUnit"
        ? { _tag: "CloseUnitWithoutMembers", orgId: picked.orgId, unitId: picked.unitId, reason: "orgEstablished", at }
        : {
          _tag: "AppointInstructor",
          orgId: picked.orgId,
          appointmentId: `in${step}`,
          instructorId: `instructor-${i.n % 3}`,
          unitIds: [picked.unitId],
          from: at,
          ...(i.flag ? { until: LegalDate.addMonths(at, 6 + i.n) } : {}),
          at
        }
    }
    case "recallInstructor": {
      const appointments = roles.flatMap((r) =>
        byKey(r.instructors).filter(([, a]) => a.recalledAt === undefined).map(([id]) => ({ orgId: r.orgId, id }))
      )
      const picked = choose(appointments, i.a)
      return picked === undefined
        ? undefined
        : { _tag: "RecallInstructor", orgId: picked.orgId, appointmentId: picked.id, at }
    }
    case "firstSecretary": {
      const keeper = choose(townships(world), i.a)
      const village = choose(branches(world).filter((o) => o.locus === "village" || o.locus === "community"), i.m)
      return keeper === undefined || village === undefined ? undefined : {
        _tag: "AppointFirstSecretary",
        orgId: keeper.orgId,
        appointmentId: `fs${step}`,
        villageOrgId: village.orgId,
        appointeeId: `cadre-${i.n}`,
        dispatchedBy: "county-bureau",
        from: at,
        until: LegalDate.addMonths(at, 12 + i.n * 2),
        at
      }
    }
    case "extendFirstSecretary":
    case "recallFirstSecretary": {
      const appointments = roles.flatMap((r) =>
        byKey(r.firstSecretaries).filter(([, a]) => a.recalledAt === undefined).map(([id, a]) => ({
          orgId: r.orgId,
          id,
          until: a.until
        }))
      )
      const picked = choose(appointments, i.a)
      if (picked === undefined) return undefined
      return i._tag === "recallFirstSecretary"
        ? { _tag: "RecallFirstSecretary", orgId: picked.orgId, appointmentId: picked.id, at }
        : {
          _tag: "ExtendFirstSecretaryTerm",
          orgId: picked.orgId,
          appointmentId: picked.id,
          until: LegalDate.addMonths(picked.until, 6),
          at
        }
    }
    case "staffing": {
      const keeper = choose(townships(world), i.a)
      return keeper === undefined ? undefined : {
        _tag: "RecordResettlementStaffing",
        orgId: keeper.orgId,
        siteId: `site-${i.n % 2}`,
        staffing: {
          secretaryId: `cadre-${i.n}`,
          cadres: [{ cadreId: `cadre-${i.m % 5}`, source: choose(Roles.CadreSource.literals, i.m) ?? "selected" }],
          rotatingDuty: i.flag,
          fiveUnified: !i.flag,
          secretarySubsidy: true,
          directorSubsidy: i.flag
        },
        at
      }
    }
  }
}
