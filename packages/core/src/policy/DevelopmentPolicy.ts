/**
 * The member-development (发展党员) part of the governance policy (RULES.md §K): the figures of the five stages
 * and 25 steps that RULES.md marks configurable (CONF), uncertain or local, with the national or best-sourced
 * default. It is part of the policy (`GovernancePolicy.development`), so it lives in `policy/` and imports no
 * aggregate; the `Development` namespace re-exports it.
 *
 * Figures with no default in RULES.md (C21's time from application to activist, R90's carry-over of activist
 * time) are optional: absent means "not checked" for a finding, and "the policy must say" for a HARD check that
 * needs them.
 *
 * @since 0.3.0
 */
import { Schema } from "effect"
import { Count, Months, Positive } from "../units.ts"

/**
 * The kinds of committee that may approve a probationary member (R87): the township committee (乡镇党委) and
 * the subdistrict committee (街道党工委) in the rural default; `primaryCommittee` adds the primary committees a
 * policy has authorised (具有审批权限的基层党委), never a village or community (second-tier) one.
 *
 * @category models
 * @since 0.3.0
 */
export const ProbationaryApprover = Schema.Literals(["townshipCommittee", "subdistrictCommittee", "primaryCommittee"])

/**
 * @category models
 * @since 0.3.0
 */
export type ProbationaryApprover = typeof ProbationaryApprover.Type

/**
 * The votes the 中组部 attendance exclusions (R23) apply to (R85): elections by default; a local preset adds
 * disposal votes. Admission and conversion votes are listed only when a policy says so ([NF]).
 *
 * @category models
 * @since 0.3.0
 */
export const ExclusionVote = Schema.Literals(["election", "admission", "disposal"])

/**
 * @category models
 * @since 0.3.0
 */
export type ExclusionVote = typeof ExclusionVote.Type

/**
 * @category models
 * @since 0.3.0
 */
export const DevelopmentPolicy = Schema.Struct({
  /** R78: the minimum age on the application date ("年满十八岁"). */
  minApplicantAge: Positive,
  /** R78: whether the 18th birthday itself qualifies (library convention: true) [NF]. */
  ageOnBirthdayQualifies: Schema.Boolean,
  /** R79: months after the application within which the organization talks with the applicant (1). */
  applicantTalkDueMonths: Months,
  /** R80 / C21 (local, no default): months from the application before an applicant may be made an activist. */
  minMonthsApplicationToActivist: Schema.optionalKey(Months),
  /** R80 / C21 (local, no default): months from the application within which the activist decision is due. */
  activistDecisionDueMonths: Schema.optionalKey(Months),
  /** R80: at least this many contact persons (培养联系人, "一至两名"). */
  minContactPersons: Positive,
  /** R80: at most this many contact persons. */
  maxContactPersons: Positive,
  /** R80: an activist is reviewed at least every this many months ("每半年"); 0 = not checked. */
  activistReviewEveryMonths: Months,
  /** R81: calendar months as an activist before designation as a development object ("一年以上", inclusive). */
  minActivistMonths: Months,
  /** R83 / C22: training of at least this many days ("一般不少于三天") … */
  trainingMinDays: Count,
  /** R83 / C22: … or at least this many 学时 ("或不少于24个学时"). */
  trainingMinHours: Count,
  /** R84: a recorded departure within this many months of the vote raises a finding (3). */
  departureWindowMonths: Months,
  /** R85: the votes the 中组部 attendance exclusions apply to (default elections only). */
  voteExclusionsApplyTo: Schema.Array(ExclusionVote),
  /** R87: the approval is due within this many months of the clock start ("三个月内"). */
  approvalDueMonths: Months,
  /** R87: and never later than this many ("不得超过六个月"): a later approval is rejected. */
  approvalMaxMonths: Months,
  /** R87: the approval clock starts at the branch's report (when recorded) or at the vote. */
  approvalClockFrom: Schema.Literals(["reported", "vote"]),
  /** R87: the kinds of committee that may approve a probationary member. */
  probationaryApprovers: Schema.Array(ProbationaryApprover),
  /** R77: a probationary member is reviewed at least every this many months (继续教育考察) [NF]; 0 = not checked. */
  probationReviewEveryMonths: Months,
  /** R89: the conversion vote is not held before the probation ends ("不得早于预备期结束"). */
  forbidEarlyConversionVote: Schema.Boolean,
  /** R89 [2nd, weak]: the conversion vote is due within this many months of the probation's end; 0 = not checked. */
  conversionMeetingDueMonths: Months,
  /** R89: the conversion approval is due within this many months of the vote; 0 = not checked. */
  conversionApprovalDueMonths: Months,
  /** R89: a transferred-in probationary member's conversion may be postponed by at most this many months. */
  transferredInPostponeMaxMonths: Months,
  /** R90 (no default): whether time as an activist at the old organization counts towards the year after a move. */
  activistTimeCarriesOver: Schema.optionalKey(Schema.Boolean)
}).annotate({ identifier: "DevelopmentPolicy" })

/**
 * @category models
 * @since 0.3.0
 */
export type DevelopmentPolicy = typeof DevelopmentPolicy.Type

/**
 * The national defaults (发展党员工作细则 2014 as reproduced, RULES.md R77–R90): an 18-year-old applicant, a talk
 * within a month, one or two contact persons, reviews every half year, a year as an activist, training of three
 * days or 24 学时, approval within three months and never after six, by a township or subdistrict committee.
 * C21 and R90's carry-over have no default.
 *
 * @category presets
 * @since 0.3.0
 */
export const nationalDevelopmentPolicy: DevelopmentPolicy = {
  minApplicantAge: 18,
  ageOnBirthdayQualifies: true,
  applicantTalkDueMonths: 1,
  minContactPersons: 1,
  maxContactPersons: 2,
  activistReviewEveryMonths: 6,
  minActivistMonths: 12,
  trainingMinDays: 3,
  trainingMinHours: 24,
  departureWindowMonths: 3,
  voteExclusionsApplyTo: ["election"],
  approvalDueMonths: 3,
  approvalMaxMonths: 6,
  approvalClockFrom: "reported",
  probationaryApprovers: ["townshipCommittee", "subdistrictCommittee"],
  probationReviewEveryMonths: 6,
  forbidEarlyConversionVote: true,
  conversionMeetingDueMonths: 1,
  conversionApprovalDueMonths: 3,
  transferredInPostponeMaxMonths: 6
}

/**
 * The older training norm (C22: "五至七天(或不少于40个学时)", before the 2014 细则), for replaying older
 * development records: put it in a policy whose `effectiveFrom` precedes 2014.
 *
 * @category presets
 * @since 0.3.0
 */
export const legacyDevelopmentPolicy: DevelopmentPolicy = {
  ...nationalDevelopmentPolicy,
  trainingMinDays: 5,
  trainingMinHours: 40
}
