/**
 * Member development (发展党员, R77–R90): every command and event of the development aggregate
 * (`Development.DevelopmentCommand`, `Development.DevelopmentEvent`), one arbitrary per `_tag` and one per union;
 * tallies of a branch general meeting's vote (R85); and accepted development histories: a township whose branches
 * have registered full members, then applicants taken some way along the 25 steps with random dates and steps out
 * of order, resolved against the pure {@link DangjianWorld} (only the commands it accepts are kept).
 *
 * Values of the per-tag arbitraries are structurally valid (each decodes with its Schema) but not necessarily
 * accepted. Ids are opaque and drawn from small pools.
 *
 * @since 0.3.0
 */
import type { Dangjian, Organization } from "@dangjian/core"
import { Development, GovernancePolicy, LegalDate } from "@dangjian/core"
import fc from "fast-check"
import * as DangjianWorld from "../DangjianWorld.ts"
import { actor, oneOfRecord, tagged } from "../internal/tagged.ts"
import type { ValueOptions } from "./values.ts"
import { values } from "./values.ts"

type DevelopmentCmd<Tag extends Development.DevelopmentCommand["_tag"]> = Extract<
  Development.DevelopmentCommand,
  { readonly _tag: Tag }
>
type DevelopmentEv<Tag extends Development.DevelopmentEvent["_tag"]> = Extract<
  Development.DevelopmentEvent,
  { readonly _tag: Tag }
>

/**
 * An arbitrary for every development command, by `_tag`.
 *
 * @since 0.3.0
 * @category models
 */
export type DevelopmentCommandArbitraries = {
  readonly [Tag in Development.DevelopmentCommand["_tag"]]: fc.Arbitrary<DevelopmentCmd<Tag>>
}

/**
 * An arbitrary for every development event, by `_tag`.
 *
 * @since 0.3.0
 * @category models
 */
export type DevelopmentEventArbitraries = {
  readonly [Tag in Development.DevelopmentEvent["_tag"]]: fc.Arbitrary<DevelopmentEv<Tag>>
}

/**
 * A general meeting's tally on one candidate (R85), consistent (present ≤ entitled, yes ≤ present, written
 * opinions only from the absent); whether it has a quorum or passes is left to chance.
 *
 * @since 0.3.0
 * @category development
 */
export const tally: fc.Arbitrary<Development.Tally> = fc
  .record({
    entitled: fc.integer({ min: 0, max: 40 }),
    present: fc.nat({ max: 40 }),
    yes: fc.nat({ max: 40 }),
    writtenOpinions: fc.nat({ max: 40 }),
    writtenYes: fc.nat({ max: 40 })
  })
  .map(({ entitled, present, yes, writtenOpinions, writtenYes }) => {
    const p = Math.min(present, entitled)
    const w = Math.min(writtenOpinions, entitled - p)
    return { entitled, present: p, yes: Math.min(yes, p), writtenOpinions: w, writtenYes: Math.min(writtenYes, w) }
  })

const developmentValues = (options: ValueOptions) => {
  const v = values(options)
  return {
    ...v,
    applicantId: v.entityId("p"),
    decidedBy: fc.constantFrom(...Development.DecidingBody.literals),
    meeting: fc.record({
      meetingId: v.entityId("meeting-"),
      candidateIds: fc.array(v.entityId("p"), { maxLength: 2 })
    }),
    reason: fc.constantFrom("illness", "committee met late"),
    hours: fc.integer({ min: 0, max: 80 }).map((n) => n / 2)
  }
}

/**
 * One arbitrary per development command (`SubmitApplication` … `HandOverDevelopmentMaterials`).
 *
 * @since 0.3.0
 * @category development commands
 */
export const developmentCommandArbitraries = (options: ValueOptions = {}): DevelopmentCommandArbitraries => {
  const v = developmentValues(options)
  const { applicantId, date: at, orgId } = v
  // A command with no field besides the applicant, the date and the optional actor.
  const plain = <Tag extends Development.DevelopmentCommand["_tag"]>(tag: Tag) =>
    fc.record({ _tag: fc.constant(tag), applicantId, at, actor }, {
      requiredKeys: ["_tag", "applicantId", "at"]
    }) as unknown as fc.Arbitrary<DevelopmentCmd<Tag>>
  return {
    SubmitApplication: tagged<DevelopmentCmd<"SubmitApplication">>("SubmitApplication", {
      applicantId,
      orgId,
      bornOn: v.date,
      at
    }, { actor }),
    InterviewApplicant: plain("InterviewApplicant"),
    DesignateActivist: tagged<DevelopmentCmd<"DesignateActivist">>("DesignateActivist", {
      applicantId,
      decidedBy: v.decidedBy,
      at
    }, { actor }),
    FileActivist: plain("FileActivist"),
    AssignContactPersons: tagged<DevelopmentCmd<"AssignContactPersons">>("AssignContactPersons", {
      applicantId,
      contactPersonIds: v.memberIds,
      at
    }, { actor }),
    ReviewActivist: plain("ReviewActivist"),
    DesignateDevelopmentObject: tagged<DevelopmentCmd<"DesignateDevelopmentObject">>("DesignateDevelopmentObject", {
      applicantId,
      decidedBy: v.decidedBy,
      at
    }, { actor }),
    FileDevelopmentObject: plain("FileDevelopmentObject"),
    AssignIntroducers: tagged<DevelopmentCmd<"AssignIntroducers">>("AssignIntroducers", {
      applicantId,
      introducerIds: v.memberIds,
      at
    }, { actor }),
    ConcludePoliticalReview: tagged<DevelopmentCmd<"ConcludePoliticalReview">>("ConcludePoliticalReview", {
      applicantId,
      result: fc.constantFrom(...Development.ReviewResult.literals),
      at
    }, { actor }),
    CompleteTraining: tagged<DevelopmentCmd<"CompleteTraining">>("CompleteTraining", {
      applicantId,
      days: fc.integer({ min: 0, max: 7 }),
      hours: v.hours,
      at
    }, { waiverReason: v.reason, actor }),
    ReviewByBranchCommittee: tagged<DevelopmentCmd<"ReviewByBranchCommittee">>("ReviewByBranchCommittee", {
      applicantId,
      at
    }, { expectedDepartureOn: v.date, actor }),
    PassPreReview: tagged<DevelopmentCmd<"PassPreReview">>("PassPreReview", { applicantId, approverOrgId: orgId, at }, {
      actor
    }),
    IssueApplicationForm: plain("IssueApplicationForm"),
    CompleteApplicationForm: plain("CompleteApplicationForm"),
    VoteOnAdmission: tagged<DevelopmentCmd<"VoteOnAdmission">>("VoteOnAdmission", {
      applicantId,
      meetingId: v.entityId("meeting-"),
      candidateIds: fc.array(applicantId, { maxLength: 2 }),
      tally,
      at
    }, { actor }),
    ReportResolution: tagged<DevelopmentCmd<"ReportResolution">>("ReportResolution", {
      applicantId,
      approverOrgId: orgId,
      at
    }, { actor }),
    RecordAdmissionReview: tagged<DevelopmentCmd<"RecordAdmissionReview">>("RecordAdmissionReview", {
      applicantId,
      reviewerOrgId: orgId,
      at
    }, { actor }),
    HoldApprovalInterview: tagged<DevelopmentCmd<"HoldApprovalInterview">>("HoldApprovalInterview", {
      applicantId,
      interviewerRole: fc.constantFrom(...Development.InterviewerRole.literals),
      at
    }, { actor }),
    ApproveAdmission: tagged<DevelopmentCmd<"ApproveAdmission">>("ApproveAdmission", {
      applicantId,
      approverOrgId: orgId,
      meeting: v.meeting,
      at
    }, { delayReason: v.reason, actor }),
    RejectAdmission: tagged<DevelopmentCmd<"RejectAdmission">>("RejectAdmission", {
      applicantId,
      approverOrgId: orgId,
      meeting: v.meeting,
      at
    }, { actor }),
    FileAdmission: plain("FileAdmission"),
    AssignToBranchAndGroup: tagged<DevelopmentCmd<"AssignToBranchAndGroup">>("AssignToBranchAndGroup", {
      applicantId,
      at
    }, { groupId: v.entityId("g"), actor }),
    TakeOath: plain("TakeOath"),
    ReviewProbation: plain("ReviewProbation"),
    ApplyForConversion: plain("ApplyForConversion"),
    PostponeConversion: tagged<DevelopmentCmd<"PostponeConversion">>("PostponeConversion", {
      applicantId,
      until: v.date,
      at
    }, { actor }),
    VoteOnConversion: tagged<DevelopmentCmd<"VoteOnConversion">>("VoteOnConversion", {
      applicantId,
      meetingId: v.entityId("meeting-"),
      candidateIds: fc.array(applicantId, { maxLength: 2 }),
      outcome: fc.constantFrom(...Development.ConversionOutcome.literals),
      tally,
      at
    }, { extendMonths: fc.integer({ min: 0, max: 14 }), actor }),
    ApproveConversion: tagged<DevelopmentCmd<"ApproveConversion">>("ApproveConversion", {
      applicantId,
      approverOrgId: orgId,
      meeting: v.meeting,
      at
    }, { actor }),
    ArchiveRecords: plain("ArchiveRecords"),
    TransferDevelopmentRecord: tagged<DevelopmentCmd<"TransferDevelopmentRecord">>("TransferDevelopmentRecord", {
      applicantId,
      toOrgId: orgId,
      materialsTransferred: fc.boolean(),
      at
    }, { actor }),
    HandOverDevelopmentMaterials: plain("HandOverDevelopmentMaterials")
  }
}

/**
 * One arbitrary per development event (`ApplicationSubmitted` … `DevelopmentMaterialsHandedOver`).
 *
 * @since 0.3.0
 * @category development events
 */
export const developmentEventArbitraries = (options: ValueOptions = {}): DevelopmentEventArbitraries => {
  const v = developmentValues(options)
  const { applicantId, date: at, orgId } = v
  // An event with no field besides the applicant, the organization and the date.
  const plain = <Tag extends Development.DevelopmentEvent["_tag"]>(tag: Tag) =>
    fc.record({ _tag: fc.constant(tag), applicantId, orgId, at }) as unknown as fc.Arbitrary<DevelopmentEv<Tag>>
  return {
    ApplicationSubmitted: plain("ApplicationSubmitted"),
    ApplicantInterviewed: plain("ApplicantInterviewed"),
    ActivistDesignated: tagged<DevelopmentEv<"ActivistDesignated">>("ActivistDesignated", {
      applicantId,
      orgId,
      decidedBy: v.decidedBy,
      at
    }, {}),
    ActivistFiled: plain("ActivistFiled"),
    ContactPersonsAssigned: tagged<DevelopmentEv<"ContactPersonsAssigned">>("ContactPersonsAssigned", {
      applicantId,
      orgId,
      contactPersonIds: v.memberIds,
      at
    }, {}),
    ActivistReviewed: plain("ActivistReviewed"),
    DevelopmentObjectDesignated: tagged<DevelopmentEv<"DevelopmentObjectDesignated">>("DevelopmentObjectDesignated", {
      applicantId,
      orgId,
      decidedBy: v.decidedBy,
      at
    }, {}),
    DevelopmentObjectFiled: plain("DevelopmentObjectFiled"),
    IntroducersAssigned: tagged<DevelopmentEv<"IntroducersAssigned">>("IntroducersAssigned", {
      applicantId,
      orgId,
      introducerIds: v.memberIds,
      at
    }, {}),
    PoliticalReviewConcluded: tagged<DevelopmentEv<"PoliticalReviewConcluded">>("PoliticalReviewConcluded", {
      applicantId,
      orgId,
      result: fc.constantFrom(...Development.ReviewResult.literals),
      at
    }, {}),
    TrainingCompleted: tagged<DevelopmentEv<"TrainingCompleted">>("TrainingCompleted", {
      applicantId,
      orgId,
      days: fc.integer({ min: 0, max: 7 }),
      hours: v.hours,
      at
    }, { waiverReason: v.reason }),
    BranchCommitteeReviewed: tagged<DevelopmentEv<"BranchCommitteeReviewed">>("BranchCommitteeReviewed", {
      applicantId,
      orgId,
      at
    }, { expectedDepartureOn: v.date }),
    PreReviewPassed: tagged<DevelopmentEv<"PreReviewPassed">>("PreReviewPassed", {
      applicantId,
      orgId,
      approverOrgId: orgId,
      at
    }, {}),
    ApplicationFormIssued: plain("ApplicationFormIssued"),
    ApplicationFormCompleted: plain("ApplicationFormCompleted"),
    AdmissionVoted: tagged<DevelopmentEv<"AdmissionVoted">>("AdmissionVoted", {
      applicantId,
      orgId,
      meetingId: v.entityId("meeting-"),
      tally,
      passed: fc.boolean(),
      at
    }, {}),
    ResolutionReported: tagged<DevelopmentEv<"ResolutionReported">>("ResolutionReported", {
      applicantId,
      orgId,
      approverOrgId: orgId,
      at
    }, {}),
    AdmissionReviewed: tagged<DevelopmentEv<"AdmissionReviewed">>("AdmissionReviewed", {
      applicantId,
      orgId,
      reviewerOrgId: orgId,
      at
    }, {}),
    ApprovalInterviewHeld: tagged<DevelopmentEv<"ApprovalInterviewHeld">>("ApprovalInterviewHeld", {
      applicantId,
      orgId,
      interviewerRole: fc.constantFrom(...Development.InterviewerRole.literals),
      at
    }, {}),
    AdmissionApproved: tagged<DevelopmentEv<"AdmissionApproved">>("AdmissionApproved", {
      applicantId,
      orgId,
      approverOrgId: orgId,
      meetingId: v.entityId("meeting-"),
      voteAt: v.date,
      probationEndsAt: v.date,
      dueBy: v.date,
      intermediateOrgIds: fc.uniqueArray(orgId, { maxLength: 2 }),
      at
    }, { delayReason: v.reason }),
    AdmissionRejected: tagged<DevelopmentEv<"AdmissionRejected">>("AdmissionRejected", {
      applicantId,
      orgId,
      approverOrgId: orgId,
      meetingId: v.entityId("meeting-"),
      at
    }, {}),
    AdmissionFiled: plain("AdmissionFiled"),
    AssignedToBranchAndGroup: tagged<DevelopmentEv<"AssignedToBranchAndGroup">>("AssignedToBranchAndGroup", {
      applicantId,
      orgId,
      at
    }, { groupId: v.entityId("g") }),
    OathTaken: plain("OathTaken"),
    ProbationReviewed: plain("ProbationReviewed"),
    ConversionApplied: plain("ConversionApplied"),
    ConversionPostponed: tagged<DevelopmentEv<"ConversionPostponed">>("ConversionPostponed", {
      applicantId,
      orgId,
      until: v.date,
      at
    }, {}),
    ConversionVoted: tagged<DevelopmentEv<"ConversionVoted">>("ConversionVoted", {
      applicantId,
      orgId,
      meetingId: v.entityId("meeting-"),
      outcome: fc.constantFrom(...Development.ConversionOutcome.literals),
      tally,
      passed: fc.boolean(),
      at
    }, { extendMonths: fc.integer({ min: 6, max: 12 }) }),
    ConversionApproved: tagged<DevelopmentEv<"ConversionApproved">>("ConversionApproved", {
      applicantId,
      orgId,
      approverOrgId: orgId,
      meetingId: v.entityId("meeting-"),
      outcome: fc.constantFrom(...Development.ConversionOutcome.literals),
      probationEndsAt: v.date,
      at
    }, { effectiveOn: v.date }),
    RecordsArchived: plain("RecordsArchived"),
    DevelopmentRecordTransferred: tagged<DevelopmentEv<"DevelopmentRecordTransferred">>(
      "DevelopmentRecordTransferred",
      {
        applicantId,
        fromOrgId: orgId,
        toOrgId: orgId,
        materialsTransferred: fc.boolean(),
        at
      },
      {}
    ),
    DevelopmentMaterialsHandedOver: tagged<DevelopmentEv<"DevelopmentMaterialsHandedOver">>(
      "DevelopmentMaterialsHandedOver",
      { applicantId, fromOrgId: orgId, toOrgId: orgId, at },
      {}
    )
  }
}

/**
 * Any development command (every member of `Development.DevelopmentCommand`).
 *
 * @since 0.3.0
 * @category development commands
 */
export const developmentCommand = (options: ValueOptions = {}): fc.Arbitrary<Development.DevelopmentCommand> =>
  oneOfRecord<Development.DevelopmentCommand>(developmentCommandArbitraries(options))

/**
 * Any development event (every member of `Development.DevelopmentEvent`).
 *
 * @since 0.3.0
 * @category development events
 */
export const developmentEvent = (options: ValueOptions = {}): fc.Arbitrary<Development.DevelopmentEvent> =>
  oneOfRecord<Development.DevelopmentEvent>(developmentEventArbitraries(options))

// ---------------------------------------------------------------------------------------------------------
// Accepted development histories
// ---------------------------------------------------------------------------------------------------------

/**
 * The township every development history starts from (2020-01-01): the township committee `town` and the
 * village branches `v1` (6 full members) and `v2` (8 full members), with `v1-f1` … `v1-f3` and `v2-f1` … `v2-f3`
 * registered as members (they serve as contact persons and introducers).
 *
 * @since 0.3.0
 * @category development
 */
export const developmentTownship: ReadonlyArray<Dangjian.Command> = [
  {
    _tag: "EstablishOrganization",
    orgId: "town",
    name: "Town",
    kind: "townshipCommittee",
    formation: "standalone",
    locus: "township",
    approval: { by: "county", level: "county", at: "2020-01-01" },
    initialMembers: [],
    at: "2020-01-01"
  },
  ...(["v1", "v2"] as const).map((orgId, i): Dangjian.Command => ({
    _tag: "EstablishOrganization",
    orgId,
    name: orgId,
    kind: "branch",
    formation: "standalone",
    locus: "village",
    parentId: "town",
    approval: { by: "town", level: "township", at: "2020-01-01" },
    initialMembers: Array.from({ length: 6 + 2 * i }, (_, n) => ({ memberId: `${orgId}-f${n + 1}`, status: "full" })),
    at: "2020-01-01"
  })),
  ...(["v1", "v2"] as const).flatMap((orgId) =>
    [1, 2, 3].map((n): Dangjian.Command => ({
      _tag: "RegisterMember",
      memberId: `${orgId}-f${n}`,
      orgId,
      status: "full",
      at: "2020-01-02"
    }))
  )
]

/**
 * One applicant's way through the pipeline in the abstract: how far it goes (`upTo`, a step of R77), the months
 * between the stages, and two steps swapped (to try the order).
 *
 * @since 0.3.0
 * @category development
 */
export interface ApplicantIntent {
  readonly orgIndex: number
  readonly start: number
  readonly upTo: number
  readonly activistMonths: number
  readonly objectMonths: number
  readonly voteMonths: number
  readonly approvalMonths: number
  readonly swap: number
  readonly passing: boolean
}

const applicantIntent: fc.Arbitrary<ApplicantIntent> = fc.record({
  orgIndex: fc.nat({ max: 1 }),
  start: fc.nat({ max: 24 }),
  upTo: fc.integer({ min: 1, max: 25 }),
  activistMonths: fc.integer({ min: 0, max: 6 }),
  objectMonths: fc.integer({ min: 10, max: 14 }),
  voteMonths: fc.integer({ min: 1, max: 4 }),
  approvalMonths: fc.integer({ min: 0, max: 7 }),
  swap: fc.nat({ max: 30 }),
  passing: fc.boolean()
})

/**
 * The commands of one applicant's intent, dated from 2021-01-10 plus `start` months; the steps after `upTo`
 * are left out, and two neighbouring steps are swapped when `swap` names one (so some are out of order and
 * rejected). Conversion follows the end of the probation, archiving the conversion.
 *
 * @since 0.3.0
 * @category development
 */
export const applicantCommands = (
  applicantId: string,
  intent: ApplicantIntent
): ReadonlyArray<Development.DevelopmentCommand> => {
  const orgId = intent.orgIndex === 0 ? "v1" : "v2"
  const entitled = orgId === "v1" ? 6 : 8
  const applied = LegalDate.addMonths("2021-01-10", intent.start)
  const activist = LegalDate.addMonths(applied, intent.activistMonths)
  const object = LegalDate.addMonths(activist, intent.objectMonths)
  const vote = LegalDate.addMonths(object, intent.voteMonths)
  const approved = LegalDate.addMonths(vote, intent.approvalMonths)
  const end = LegalDate.addMonths(vote, 12)
  const converted = LegalDate.addMonths(end, 1)
  const decidedBy = "generalMeeting" as const
  const yes = intent.passing ? entitled : Math.floor(entitled / 2)
  const steps: ReadonlyArray<readonly [number, Development.DevelopmentCommand]> = [
    [1, { _tag: "SubmitApplication", applicantId, orgId, bornOn: "1995-06-01", at: applied }],
    [2, { _tag: "InterviewApplicant", applicantId, at: LegalDate.addDays(applied, 20) }],
    [3, { _tag: "DesignateActivist", applicantId, decidedBy, at: activist }],
    [4, { _tag: "FileActivist", applicantId, at: activist }],
    [5, { _tag: "AssignContactPersons", applicantId, contactPersonIds: [`${orgId}-f1`], at: activist }],
    [6, { _tag: "ReviewActivist", applicantId, at: LegalDate.addMonths(activist, 6) }],
    [7, { _tag: "DesignateDevelopmentObject", applicantId, decidedBy, at: object }],
    [8, { _tag: "FileDevelopmentObject", applicantId, at: object }],
    [9, { _tag: "AssignIntroducers", applicantId, introducerIds: [`${orgId}-f1`, `${orgId}-f2`], at: object }],
    [10, { _tag: "ConcludePoliticalReview", applicantId, result: "pass", at: object }],
    [11, { _tag: "CompleteTraining", applicantId, days: 3, hours: 24, at: object }],
    [12, { _tag: "ReviewByBranchCommittee", applicantId, at: object }],
    [13, { _tag: "PassPreReview", applicantId, approverOrgId: "town", at: object }],
    [13, { _tag: "IssueApplicationForm", applicantId, at: object }],
    [14, { _tag: "CompleteApplicationForm", applicantId, at: object }],
    [15, {
      _tag: "VoteOnAdmission",
      applicantId,
      meetingId: `${applicantId}-vote`,
      candidateIds: [applicantId],
      tally: { entitled, present: entitled, yes, writtenOpinions: 0, writtenYes: 0 },
      at: vote
    }],
    [16, { _tag: "HoldApprovalInterview", applicantId, interviewerRole: "organizer", at: vote }],
    [17, {
      _tag: "ApproveAdmission",
      applicantId,
      approverOrgId: "town",
      meeting: { meetingId: `${applicantId}-approval`, candidateIds: [applicantId] },
      at: approved
    }],
    [18, { _tag: "FileAdmission", applicantId, at: approved }],
    [19, { _tag: "AssignToBranchAndGroup", applicantId, at: approved }],
    [20, { _tag: "TakeOath", applicantId, at: approved }],
    [21, { _tag: "ReviewProbation", applicantId, at: LegalDate.addMonths(approved, 3) }],
    [22, { _tag: "ApplyForConversion", applicantId, at: LegalDate.addDays(end, -10) }],
    [23, {
      _tag: "VoteOnConversion",
      applicantId,
      meetingId: `${applicantId}-conversion`,
      candidateIds: [applicantId],
      outcome: "convert",
      tally: { entitled, present: entitled, yes: entitled, writtenOpinions: 0, writtenYes: 0 },
      at: end
    }],
    [24, {
      _tag: "ApproveConversion",
      applicantId,
      approverOrgId: "town",
      meeting: { meetingId: `${applicantId}-conversion-approval`, candidateIds: [applicantId] },
      at: converted
    }],
    [25, { _tag: "ArchiveRecords", applicantId, at: converted }]
  ]
  const kept = steps.filter(([step]) => step <= intent.upTo).map(([, command]) => command)
  if (intent.swap + 1 < kept.length) {
    const swapped = [...kept]
    const a = swapped[intent.swap]!
    swapped[intent.swap] = swapped[intent.swap + 1]!
    swapped[intent.swap + 1] = a
    return swapped
  }
  return kept
}

/**
 * A development history and what became of it.
 *
 * @since 0.3.0
 * @category development
 */
export interface DevelopmentHistory {
  /** The commands accepted, in order (the township first): replaying them accepts every one. */
  readonly accepted: ReadonlyArray<Dangjian.Command>
  /** The commands the rules rejected (steps out of order, dates too early, failed votes' follow-ups, …). */
  readonly rejected: ReadonlyArray<Dangjian.Command>
}

/**
 * Accepted development histories: {@link developmentTownship}, then one to four applicants (`p1` …) taken some way
 * along the 25 steps ({@link applicantCommands}), their commands merged in date order, resolved against
 * {@link DangjianWorld} under the policies (the national timeline by default). Shrinks towards fewer applicants
 * going less far.
 *
 * @since 0.3.0
 * @category development
 */
export const developmentHistory = (
  options: { readonly policies?: Organization.Policies } = {}
): fc.Arbitrary<DevelopmentHistory> => {
  const policies = options.policies ?? GovernancePolicy.national
  return fc.array(applicantIntent, { minLength: 1, maxLength: 4 }).map((intents) => {
    const merged = intents
      .flatMap((intent, i) => applicantCommands(`p${i + 1}`, intent).map((command, order) => ({ command, i, order })))
      .sort((a, b) =>
        a.command.at < b.command.at ? -1 : a.command.at > b.command.at ? 1 : a.i - b.i || a.order - b.order
      )
      .map((entry) => entry.command)
    const played = DangjianWorld.play(policies, [...developmentTownship, ...merged])
    return { accepted: played.accepted, rejected: played.rejected.map((r) => r.command) }
  })
}
