/**
 * The findings of the meeting aggregate as of a legal date, in the one `Finding` shape every aggregate returns,
 * so they join the compliance view:
 *
 * - **Frequencies (R28–R35)**, per calendar period (Asia/Shanghai) and counted by the day a meeting was held
 *   (R59): a general meeting and a lecture each quarter, a committee meeting, each group's meeting and a themed
 *   Party day each month, an org-life meeting, heart-to-heart talks and a democratic appraisal each year, and a
 *   Party committee secretary's lecture each year (R31), with the figures of the `OrgLifePolicy` in force on the
 *   period's last day. A period is judged only once it has ended as of the date (from the day after its last
 *   day, which is the finding's `due`); R33 adds a notice during Q4 while the year has no org-life meeting yet.
 * - **Planned, not held (R59):** a plan whose period ended without the meeting being held in it, and without a
 *   new date or a cancellation entered before the period ended.
 * - **Records (R58 REC):** an entitled list that differs from the roster the library knew, and a general
 *   meeting with a vote but no decision.
 *
 * Which organizations are judged: those with at least one meeting in the register (an organization that records
 * no meeting keeps to `RecordParticipation` for R39 and gets no frequency finding), not exempt
 * (`frequencyExemptOrgs`), from the first month with a record (and not before the organization was
 * established), up to its dissolution. With the organizations' states (`options.orgs`, as of the same date) the
 * branch frequencies are judged for branches only, the committee frequency (R29) where a committee exists
 * (from its election), each Party group's (R30) from the group's forming, and the secretary's lecture (R31) for
 * Party committees; without them every recording organization is judged as a branch, with committee and group
 * meetings judged where such meetings were recorded.
 *
 * @since 0.3.0
 */
import type { Finding, Severity } from "../findings/Finding.ts"
import { sort } from "../findings/Finding.ts"
import { lookup } from "../kernel/records.ts"
import type { LegalDate } from "../LegalDate.ts"
import { max } from "../LegalDate.ts"
import type { Policies } from "../organization/decide.ts"
import { toTimeline } from "../organization/decide.ts"
import { isBranchKind, isTownshipLevel } from "../organization/model.ts"
import type { OrganizationState } from "../organization/state.ts"
import type { OrgLifePolicy } from "../policy/OrgLifePolicy.ts"
import type { PolicyTimeline } from "../policy/PolicyTimeline.ts"
import { policyAt } from "../policy/PolicyTimeline.ts"
import type { MeetingKind, PeriodUnit } from "./model.ts"
import { periodUnitOf } from "./model.ts"
import type { Period } from "./periods.ts"
import { endedPeriods, fourthQuarterStart, monthStart, periodOf } from "./periods.ts"
import type { RegisterView } from "./projections/MeetingRegister.ts"
import { byOrganization } from "./projections/MeetingRegister.ts"
import type { MeetingState } from "./state.ts"
import { countsAs, firstDate, heldOn } from "./state.ts"

/**
 * What the meeting assessment may also look at.
 *
 * @category models
 * @since 0.3.0
 */
export interface MeetingAssessOptions {
  /**
   * Organization states by id, as of the same date (the compliance view's tree): each organization's kind,
   * establishment and dissolution, committee and Party groups.
   */
  readonly orgs?: Readonly<Record<string, OrganizationState>>
}

type Params = Record<string, string | number | boolean>

const finding = (
  ruleId: string,
  severity: Severity,
  orgId: string,
  code: string,
  params: Params,
  due?: LegalDate
): Finding => ({
  ruleId,
  severity,
  subject: { kind: "organization", id: orgId },
  ...(due === undefined ? {} : { due }),
  code,
  params: { orgId, ...params }
})

/** One frequency: the kind it counts, its rule, and its figure in the policy. */
interface Frequency {
  readonly kind: MeetingKind
  readonly ruleId: string
  readonly required: (policy: OrgLifePolicy) => number
}

// R28–R35: the branch frequencies, each counted in the period of its kind (`periodUnitOf`).
const branchFrequencies: ReadonlyArray<Frequency> = [
  // R28 REC (CONF): 支部党员大会一般每季度召开1次
  { kind: "generalMeeting", ruleId: "R28", required: (p) => p.generalMeetingsPerQuarter },
  // R31 CONF (C8): Party lectures per quarter (local practice)
  { kind: "partyLecture", ruleId: "R31", required: (p) => p.lecturesPerQuarter },
  // R32 REC (CONF): 每月相对固定1天开展主题党日
  { kind: "themedPartyDay", ruleId: "R32", required: (p) => p.themedPartyDaysPerMonth },
  // R33 REC: 每年至少召开1次组织生活会
  { kind: "orgLifeMeeting", ruleId: "R33", required: (p) => p.orgLifeMeetingsPerYear },
  // R34 REC: 谈心谈话每年一般不少于1次
  { kind: "heartToHeartTalk", ruleId: "R34", required: (p) => p.heartToHeartTalksPerYear },
  // R35 REC: 每年开展1次民主评议党员
  { kind: "appraisalMeeting", ruleId: "R35", required: (p) => p.appraisalMeetingsPerYear }
]

// R29 REC (CONF): 支部委员会会议一般每月召开1次
const committeeFrequency: Frequency = {
  kind: "committeeMeeting",
  ruleId: "R29",
  required: (p) => p.committeeMeetingsPerMonth
}

// R30 REC (CONF): 党小组会一般每月召开1次 (each group)
const groupFrequency: Frequency = { kind: "groupMeeting", ruleId: "R30", required: (p) => p.groupMeetingsPerMonth }

/** Where an organization's frequencies are judged from and to. */
interface Window {
  readonly from: LegalDate
  /** Periods must end before this day (the dissolution), when set. */
  readonly before: LegalDate | undefined
}

const judged = (period: Period, window: Window): boolean =>
  period.start >= window.from && (window.before === undefined || period.last < window.before)

const policyFor = (timeline: PolicyTimeline, date: LegalDate): OrgLifePolicy => policyAt(timeline, date).orgLife

const exempt = (policy: OrgLifePolicy, orgId: string): boolean => policy.frequencyExemptOrgs.includes(orgId)

// Counts the held meetings that count as `kind` (and pass `keep`) per period label of `unit`.
const countByPeriod = (
  meetings: ReadonlyArray<MeetingState>,
  kind: MeetingKind,
  unit: PeriodUnit,
  keep: (meeting: MeetingState) => boolean = () => true
): ReadonlyMap<string, number> => {
  const counts = new Map<string, number>()
  for (const meeting of meetings) {
    const on = heldOn(meeting)
    if (on === undefined || !countsAs(meeting, kind) || !keep(meeting)) continue
    const label = periodOf(unit, on).label
    counts.set(label, (counts.get(label) ?? 0) + 1)
  }
  return counts
}

const frequencyFindings = (
  timeline: PolicyTimeline,
  orgId: string,
  meetings: ReadonlyArray<MeetingState>,
  frequency: Frequency,
  window: Window,
  asOf: LegalDate,
  extra: { readonly params?: Params; readonly keep?: (meeting: MeetingState) => boolean } = {}
): ReadonlyArray<Finding> => {
  const unit = periodUnitOf(frequency.kind)
  const counts = countByPeriod(meetings, frequency.kind, unit, extra.keep)
  const out: Array<Finding> = []
  for (const period of endedPeriods(unit, window.from, asOf)) {
    if (!judged(period, window)) continue
    const policy = policyFor(timeline, period.last)
    const required = frequency.required(policy)
    if (required <= 0 || exempt(policy, orgId)) continue
    const held = counts.get(period.label) ?? 0
    if (held >= required) continue
    out.push(
      finding(frequency.ruleId, "warning", orgId, "meeting.finding.frequencyShort", {
        kind: frequency.kind,
        period: period.label,
        held,
        required,
        ...extra.params
      }, period.last)
    )
  }
  return out
}

// R33 REC: the org-life meeting is usually held in Q4; a notice from 1 October while the year has none yet.
const orgLifeDueNotice = (
  timeline: PolicyTimeline,
  orgId: string,
  meetings: ReadonlyArray<MeetingState>,
  window: Window,
  asOf: LegalDate
): ReadonlyArray<Finding> => {
  const year = periodOf("year", asOf)
  if (asOf < fourthQuarterStart(asOf) || !judged(year, window)) return []
  const policy = policyFor(timeline, asOf)
  const required = policy.orgLifeMeetingsPerYear
  if (required <= 0 || exempt(policy, orgId)) return []
  const held = countByPeriod(meetings, "orgLifeMeeting", "year").get(year.label) ?? 0
  if (held >= required) return []
  return [
    finding("R33", "notice", orgId, "meeting.finding.orgLifeMeetingDue", {
      period: year.label,
      held,
      required
    }, year.last)
  ]
}

// R31: a Party committee's secretary lectures at least once a year (lectures recorded with the secretary as
// lecturer).
const secretaryLectureFindings = (
  timeline: PolicyTimeline,
  orgId: string,
  meetings: ReadonlyArray<MeetingState>,
  window: Window,
  asOf: LegalDate
): ReadonlyArray<Finding> => {
  const counts = countByPeriod(meetings, "partyLecture", "year", (m) => m.record?.lecturerRole === "secretary")
  const out: Array<Finding> = []
  for (const period of endedPeriods("year", window.from, asOf)) {
    if (!judged(period, window)) continue
    const policy = policyFor(timeline, period.last)
    const required = policy.secretaryLecturesPerYear
    if (required <= 0 || exempt(policy, orgId)) continue
    const held = counts.get(period.label) ?? 0
    if (held >= required) continue
    // R31: 党委(党组)书记每年至少讲1次党课
    out.push(
      finding("R31", "warning", orgId, "meeting.finding.secretaryLectureShort", {
        period: period.label,
        held,
        required
      }, period.last)
    )
  }
  return out
}

// R59 REC: each planned date whose period ended without the meeting held in it, moved or called off in time.
const plannedNotHeld = (orgId: string, meetings: ReadonlyArray<MeetingState>, asOf: LegalDate) => {
  const out: Array<Finding> = []
  for (const meeting of meetings) {
    const unit = periodUnitOf(meeting.kind)
    const held = heldOn(meeting)
    meeting.schedule.forEach((entry, i) => {
      const period = periodOf(unit, entry.plannedOn)
      if (asOf <= period.last) return
      const next = meeting.schedule[i + 1]
      if (next !== undefined && next.at <= period.last) return
      if (meeting.cancelledAt !== undefined && meeting.cancelledAt <= period.last && next === undefined) return
      if (held !== undefined && held <= period.last) return
      // R59 REC: a plan not held in its period (counted by the day held, never the day planned)
      out.push(
        finding("R59", "warning", orgId, "meeting.finding.plannedNotHeld", {
          meetingId: meeting.meetingId,
          kind: meeting.kind,
          plannedOn: entry.plannedOn,
          period: period.label
        }, period.last)
      )
    })
  }
  return out
}

// R58 REC: what a held record shows that a clerk should look at.
const recordFindings = (orgId: string, meetings: ReadonlyArray<MeetingState>): ReadonlyArray<Finding> => {
  const out: Array<Finding> = []
  for (const meeting of meetings) {
    const record = meeting.record
    if (meeting.status !== "held" || record === undefined) continue
    const base = { meetingId: meeting.meetingId, heldOn: record.heldOn }
    if (record.entitledNotOnRoster > 0 || record.rosterNotEntitled > 0) {
      // R58 REC: the entitled list differs from the roster the library computed (paper records may differ)
      out.push(
        finding("R58", "notice", orgId, "meeting.finding.rosterMismatch", {
          ...base,
          notOnRoster: record.entitledNotOnRoster,
          notEntitled: record.rosterNotEntitled
        })
      )
    }
    if (
      countsAs(meeting, "generalMeeting") && (record.voting?.votes.length ?? 0) > 0 && record.decisions.length === 0
    ) {
      // R58 REC: a general meeting that voted records its decision (决议)
      out.push(finding("R58", "warning", orgId, "meeting.finding.voteWithoutDecision", base))
    }
  }
  return out
}

const isCommitteeKind = (org: OrganizationState): boolean =>
  org.kind === "primaryCommittee" || isTownshipLevel(org.kind)

const assessOrganization = (
  timeline: PolicyTimeline,
  orgId: string,
  meetings: ReadonlyArray<MeetingState>,
  asOf: LegalDate,
  org: OrganizationState | undefined
): ReadonlyArray<Finding> => {
  const first = meetings.map(firstDate).filter((d): d is LegalDate => d !== undefined).sort()[0]
  if (first === undefined) return []
  const window: Window = {
    from: org?.establishedAt === undefined ? monthStart(first) : max(monthStart(first), org.establishedAt),
    before: org?.status === "dissolved" ? org.dissolvedAt : undefined
  }
  const out: Array<Finding> = [...plannedNotHeld(orgId, meetings, asOf), ...recordFindings(orgId, meetings)]
  const branch = org === undefined || isBranchKind(org.kind)
  if (branch) {
    for (const frequency of branchFrequencies) {
      out.push(...frequencyFindings(timeline, orgId, meetings, frequency, window, asOf))
    }
    out.push(...orgLifeDueNotice(timeline, orgId, meetings, window, asOf))
    const committee = org === undefined
      ? meetings.some((m) => countsAs(m, "committeeMeeting")) ? window : undefined
      : org.leadership.committeeIds === undefined
      ? undefined
      : { ...window, from: max(window.from, org.leadership.committeeElectedAt ?? window.from) }
    if (committee !== undefined) {
      out.push(...frequencyFindings(timeline, orgId, meetings, committeeFrequency, committee, asOf))
    }
    const groups: ReadonlyArray<readonly [string, LegalDate]> = org === undefined
      ? [...new Set(meetings.flatMap((m) => (m.groupId === undefined ? [] : [m.groupId])))].sort().map((g) => [
        g,
        window.from
      ])
      : Object.keys(org.groups).sort().map((g) => [g, max(window.from, org.groups[g]!.formedAt)])
    for (const [groupId, from] of groups) {
      out.push(
        ...frequencyFindings(timeline, orgId, meetings, groupFrequency, { ...window, from }, asOf, {
          params: { groupId },
          keep: (m) => m.groupId === groupId
        })
      )
    }
  }
  if (org !== undefined && isCommitteeKind(org)) {
    out.push(...secretaryLectureFindings(timeline, orgId, meetings, window, asOf))
  }
  return out
}

/**
 * The findings of every organization that records meetings in a register, under a policy timeline. Pure; sorted
 * with `Finding.sort`.
 *
 * @category assessing
 * @since 0.3.0
 */
export const assessWith = (
  view: RegisterView,
  timeline: PolicyTimeline,
  asOf: LegalDate,
  options?: MeetingAssessOptions
): ReadonlyArray<Finding> => {
  const out: Array<Finding> = []
  for (const [orgId, meetings] of byOrganization(view)) {
    const org = options?.orgs === undefined ? undefined : lookup(options.orgs, orgId)
    // Given the organizations, one unknown as of the date (not yet established) is not judged.
    if (options?.orgs !== undefined && (org === undefined || org.status === "none")) continue
    out.push(...assessOrganization(timeline, orgId, meetings, asOf, org))
  }
  return sort(out)
}

/**
 * The findings of every organization that records meetings, as of a date, each period under the policy in
 * force on its last day. Build the register with `MeetingRegister.asOf(asOf)` so that it holds only what was
 * entered by then, and pass the organizations as of the same date (`OrganizationTree.asOf(asOf)`'s `orgs`).
 *
 * @example
 * ```ts
 * import { GovernancePolicy, Meeting, MeetingRegister } from "@dangjian/core"
 *
 * Meeting.assess(MeetingRegister.empty, GovernancePolicy.national, "2024-06-30") // => []
 * ```
 *
 * @category assessing
 * @since 0.3.0
 */
export const assess = (
  view: RegisterView,
  policies: Policies,
  asOf: LegalDate,
  options?: MeetingAssessOptions
): ReadonlyArray<Finding> => assessWith(view, toTimeline(policies), asOf, options)
