/**
 * The organizational-life part of the governance policy (RULES.md R28–R36, R58–R61): how often each kind of
 * 三会一课 and organizational-life meeting is expected per calendar period, who is exempt from those
 * frequencies, how meetings recorded after the fact (补录) are treated, and what counts towards R39's "six
 * months without organizational life" when attendance is recorded. ZB says "一般" for every frequency, and
 * the lecture figure is local practice (C8), so every figure is policy, with the national or best-sourced
 * default; 0 turns a frequency off. It is part of the policy (`GovernancePolicy.orgLife`), so it lives in
 * `policy/` and imports no aggregate; the `Meeting` namespace re-exports it.
 *
 * @since 0.3.0
 */
import { Schema } from "effect"
import { Count, Ids } from "../units.ts"

/**
 * How a meeting entered after the day it was held is treated: `allow` (the national texts are silent),
 * `allowWithReason` (a reason is required past the grace days) or `forbid` (the platform practice "不可以补录已经
 * 开过的会议": only a meeting planned on or before the day it was held may be entered later).
 *
 * @category models
 * @since 0.3.0
 */
export const LateRecording = Schema.Literals(["allow", "allowWithReason", "forbid"])

/**
 * @category models
 * @since 0.3.0
 */
export type LateRecording = typeof LateRecording.Type

/**
 * @category models
 * @since 0.3.0
 */
export const OrgLifePolicy = Schema.Struct({
  /** R28 REC: general meetings (支部党员大会) a branch holds at least per calendar quarter (ZB Art. 11: 1). */
  generalMeetingsPerQuarter: Count,
  /** R29 REC: committee meetings (支委会) a branch with a committee holds at least per month (ZB Art. 12: 1). */
  committeeMeetingsPerMonth: Count,
  /** R30 REC: meetings each Party group (党小组会) holds at least per month (ZB Art. 13: 1). */
  groupMeetingsPerMonth: Count,
  /** R31 CONF (C8, local practice, not in ZB): Party lectures a branch holds at least per quarter. */
  lecturesPerQuarter: Count,
  /** R31: lectures a Party committee's secretary gives at least per year (ZB Art. 16: "每年至少讲1次党课"). */
  secretaryLecturesPerYear: Count,
  /** R32 REC: themed Party days (主题党日) a branch holds at least per month (ZB Art. 16: 1). */
  themedPartyDaysPerMonth: Count,
  /** R33 REC: org-life meetings (组织生活会) a branch holds at least per year, usually in Q4 (ZB Art. 17: 1). */
  orgLifeMeetingsPerYear: Count,
  /** R34 REC: heart-to-heart talks (谈心谈话) recorded at least per year in a branch (ZB Art. 18: 1). */
  heartToHeartTalksPerYear: Count,
  /** R35 REC: democratic-appraisal meetings (民主评议党员) a branch holds at least per year (ZB Art. 19: 1). */
  appraisalMeetingsPerYear: Count,
  /** R59 CONF: organizations no frequency finding is raised for (OWIP's "不召开党员大会支部" list; no rule found). */
  frequencyExemptOrgs: Ids,
  /** R60 CONF: how a meeting entered after the day it was held is treated (default `allow`). */
  lateRecording: LateRecording,
  /** R60 CONF: under `allowWithReason`, days after the meeting within which no reason is needed (absent = 0). */
  lateRecordingGraceDays: Schema.optionalKey(Count),
  /** R60 CONF: whether a bulk import of history (`source: "import"`) is exempt from the late-recording rule. */
  importExempt: Schema.Boolean,
  /** R61 CONF: whether an absence with a recorded leave reason counts as taking part (default false). */
  excusedAbsenceResetsLapseClock: Schema.Boolean,
  /** R61 CONF ([NF]): whether a community check-in activity counts as organizational life (default false). */
  communityActivityCountsAsOrgLife: Schema.Boolean,
  /** Where the figures come from. */
  source: Schema.String
}).annotate({ identifier: "OrgLifePolicy" })

/**
 * @category models
 * @since 0.3.0
 */
export type OrgLifePolicy = typeof OrgLifePolicy.Type

/**
 * The national defaults: once a quarter for the general meeting, once a month for the committee, each group and
 * the themed Party day, once a year for the org-life meeting, heart-to-heart talks, the democratic appraisal
 * and a committee secretary's lecture (ZB Arts. 11–19); a lecture a quarter (local practice, C8); late
 * recording allowed, imports exempt; excused absences and community activities are not organizational life
 * (R61).
 *
 * @category presets
 * @since 0.3.0
 */
export const nationalOrgLifePolicy: OrgLifePolicy = {
  generalMeetingsPerQuarter: 1,
  committeeMeetingsPerMonth: 1,
  groupMeetingsPerMonth: 1,
  lecturesPerQuarter: 1,
  secretaryLecturesPerYear: 1,
  themedPartyDaysPerMonth: 1,
  orgLifeMeetingsPerYear: 1,
  heartToHeartTalksPerYear: 1,
  appraisalMeetingsPerYear: 1,
  frequencyExemptOrgs: [],
  lateRecording: "allow",
  importExempt: true,
  excusedAbsenceResetsLapseClock: false,
  communityActivityCountsAsOrgLife: false,
  source: "ZB Arts. 11–19 [V]/[2nd]; lectures per quarter: local practice (C8); R60–R61 defaults"
}
