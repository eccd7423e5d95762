/**
 * Findings of the membership pillar as of a legal date (RULES.md D–F): what is due, never done
 * automatically (R39, R40: "the system must not auto-remove"). `assessMembers` is pure and returns the same
 * `Finding` shape as the organization assessment, so the two join into one compliance view.
 *
 * Each finding fires on the day its period is complete (`monthsBetween(since, asOf) >= n`, RULES.md §3.1:
 * "6个月以上" is inclusive), and its `due` is that day. Organizational life for R39 also comes from the meeting
 * register when one is given (R61, see {@link assessMembers}).
 *
 * @since 0.1.0
 */
import type { Finding, Severity } from "../findings/Finding.ts"
import { sort } from "../findings/Finding.ts"
import { lookup } from "../kernel/records.ts"
import type { LegalDate } from "../LegalDate.ts"
import { addDays, addMonths, max, monthsBetween } from "../LegalDate.ts"
import type {
  Attendance,
  Participation,
  RegisterView as MeetingRegisterView
} from "../meeting/projections/MeetingRegister.ts"
import { attendance as attendanceOfView } from "../meeting/projections/MeetingRegister.ts"
import type { Policies } from "../organization/decide.ts"
import { toTimeline } from "../organization/decide.ts"
import type { OrganizationState } from "../organization/state.ts"
import type { GovernancePolicy } from "../policy/GovernancePolicy.ts"
import { credentialFor } from "../policy/MembershipPolicy.ts"
import type { PolicyTimeline } from "../policy/PolicyTimeline.ts"
import { policyAt } from "../policy/PolicyTimeline.ts"
import type { MemberState } from "./state.ts"
import { isActive, openTransfer, sinceLastParticipation } from "./state.ts"

/**
 * What the membership assessment may also look at.
 *
 * @category models
 * @since 0.1.0
 */
export interface MemberAssessOptions {
  /** Organization states by id: the locus of an affiliation (rural branches, R45) and a host's kind (R11). */
  readonly orgs?: Readonly<Record<string, OrganizationState>>
  /**
   * The meeting register as of the same date (`MeetingRegister.asOf`): attendance at organizational life is the
   * source of R39's "不参加党的组织生活" (R61) for members of organizations that record their meetings.
   */
  readonly attendance?: MeetingRegisterView
}

type Params = Record<string, string | number | boolean>

// A register's attendance, worked out once per register (views are never changed once made): an application that
// assesses or schedules its members one at a time with the same register, as the findings index does a million
// times, asked for all of it again for each member.
const attendances = new WeakMap<MeetingRegisterView, Attendance>()
const attendanceOf = (view: MeetingRegisterView): Attendance => {
  let found = attendances.get(view)
  if (found === undefined) attendances.set(view, found = attendanceOfView(view))
  return found
}

const finding = (
  ruleId: string,
  severity: Severity,
  subject: Finding["subject"],
  code: string,
  params: Params,
  due?: LegalDate
): Finding => ({ ruleId, severity, subject, ...(due === undefined ? {} : { due }), code, params })

const memberFinding = (
  member: MemberState,
  ruleId: string,
  severity: Severity,
  code: string,
  params: Params,
  due?: LegalDate
) =>
  finding(
    ruleId,
    severity,
    { kind: "member", id: member.memberId },
    code,
    { memberId: member.memberId, ...params },
    due
  )

const probationFindings = (member: MemberState, asOf: LegalDate): ReadonlyArray<Finding> => {
  if (member.status !== "probationary" || member.probationEndsAt === undefined) return []
  if (asOf < member.probationEndsAt) return []
  // R37 REC: at the end of probation the branch discusses promptly (convert, extend once, or cancel)
  return [
    memberFinding(member, "R37", "warning", "member.finding.probationDiscussionDue", {
      endsAt: member.probationEndsAt,
      extended: member.extended
    }, member.probationEndsAt)
  ]
}

// R61: organizational life as the meeting register records it. A member takes part by being present at (or
// taking part from another organization in, R45) an org-life event; that day, like a `RecordParticipation`,
// restarts the clock, and so does an excused absence or a community activity when the policy says so. For a
// member of an organization that records its meetings, the clock starts at the admission or the receipt of a
// transfer (the affiliation), and the finding fires only once the member missed an org-life event they were
// entitled to since: if the branch held nothing, the findings are the branch's (R28–R30), not the member's.
const orgLifeLapse = (
  member: MemberState,
  policy: GovernancePolicy,
  asOf: LegalDate,
  recorded: { readonly since: LegalDate; readonly months: number },
  attendance: Attendance | undefined
): ReadonlyArray<Finding> => {
  const m = policy.membership
  const o = policy.orgLife
  const participation = attendance?.members.get(member.memberId)
  const recording = attendance !== undefined && member.orgId !== undefined && attendance.recordingOrgs.has(member.orgId)
  const affiliated = member.affiliatedSince ?? member.joinedAt
  let since = recording && affiliated !== undefined ? max(recorded.since, affiliated) : recorded.since
  const take = (date: LegalDate) => {
    if (date <= asOf && date > since) since = date
  }
  for (const date of participation?.attended ?? []) take(date)
  for (const event of participation?.entitled ?? []) {
    // R61 CONF: an absence with a leave reason is still not taking part, unless the policy says it is
    if (!event.attended && event.excused && o.excusedAbsenceResetsLapseClock) take(event.heldOn)
  }
  // R61 CONF ([NF]): a community check-in activity is organizational life only when the policy says so
  if (o.communityActivityCountsAsOrgLife) { for (const date of member.checkIn?.activities ?? []) take(date) }
  const months = since === recorded.since ? recorded.months : monthsBetween(since, asOf)
  // Neither the finding nor its early warning: nothing else needs working out.
  if (months < m.lapseMonths && !(m.lapseEarlyWarningMonths > 0 && months >= m.lapseEarlyWarningMonths)) return []
  const missed = (participation?.entitled ?? []).filter((e) => e.heldOn > since && e.heldOn <= asOf)
  if (recording && missed.length === 0) return []
  const lapseDay = addMonths(since, m.lapseMonths)
  const due = recording && missed[0] !== undefined && missed[0].heldOn > lapseDay ? missed[0].heldOn : lapseDay
  const excused = missed.filter((e) => e.excused)
  const reasons = [...new Set(excused.flatMap((e) => (e.reason === undefined ? [] : [e.reason])))].sort()
  const params: Params = {
    kind: "orgLife",
    since,
    months,
    required: m.lapseMonths,
    ...(recording
      ? {
        source: "meetings",
        absences: missed.length,
        excusedAbsences: excused.length,
        unexcusedAbsences: missed.length - excused.length,
        ...(reasons.length === 0 ? {} : { leaveReasons: reasons.join(",") })
      }
      : {})
  }
  if (months >= m.lapseMonths) {
    // R39 REC (R61): 6 consecutive months without organizational life; with leave taken, the finding lists the
    // reasons, because "没有正当理由" is for the branch to judge
    const code = excused.length > 0 ? "member.finding.lapsedWithLeave" : "member.finding.lapsed"
    return [memberFinding(member, "R39", "warning", code, params, due)]
  }
  if (m.lapseEarlyWarningMonths > 0 && months >= m.lapseEarlyWarningMonths) {
    // R39 CONF: the local early warning (3 months)
    return [memberFinding(member, "R39", "notice", "member.finding.lapseWarning", params, due)]
  }
  return []
}

const lapseFindings = (
  member: MemberState,
  policy: GovernancePolicy,
  asOf: LegalDate,
  attendance: Attendance | undefined
): ReadonlyArray<Finding> => {
  if (!isActive(member)) return []
  const m = policy.membership
  const out: Array<Finding> = []
  for (const entry of sinceLastParticipation(member, asOf)) {
    if (entry.kind === "orgLife" && (attendance !== undefined || policy.orgLife.communityActivityCountsAsOrgLife)) {
      out.push(...orgLifeLapse(member, policy, asOf, entry, attendance))
      continue
    }
    const lapsed = entry.months >= m.lapseMonths
    if (!lapsed && !(m.lapseEarlyWarningMonths > 0 && entry.months >= m.lapseEarlyWarningMonths)) continue
    const due = addMonths(entry.since, m.lapseMonths)
    const params = { kind: entry.kind, since: entry.since, months: entry.months, required: m.lapseMonths }
    if (lapsed) {
      // R39 REC: 6 consecutive months without org life, dues or work: regarded as lapsed (a finding, never removal)
      out.push(memberFinding(member, "R39", "warning", "member.finding.lapsed", params, due))
    } else {
      // R39 CONF: the local early warning (3 months)
      out.push(memberFinding(member, "R39", "notice", "member.finding.lapseWarning", params, due))
    }
  }
  return out
}

const contactFindings = (member: MemberState, policy: GovernancePolicy, asOf: LegalDate): ReadonlyArray<Finding> => {
  const m = policy.membership
  const out: Array<Finding> = []
  if (isActive(member) && member.lostContactSince !== undefined) {
    const months = monthsBetween(member.lostContactSince, asOf)
    if (months >= m.lostContactSuspendMonths) {
      // R40 REC: out of contact for 6 months or more: suspension is due (by decision, never automatic)
      out.push(
        memberFinding(member, "R40", "warning", "member.finding.suspensionDue", {
          since: member.lostContactSince,
          months,
          required: m.lostContactSuspendMonths
        }, addMonths(member.lostContactSince, m.lostContactSuspendMonths))
      )
    }
  }
  if (member.status === "suspended" && member.suspendedAt !== undefined) {
    const required = m.suspendedRemoveAfterYears * 12
    const months = monthsBetween(member.suspendedAt, asOf)
    if (months >= required) {
      // R40 REC: still no contact 2 years after suspension: removal as self-lapsed is due
      out.push(
        memberFinding(member, "R40", "warning", "member.finding.removalDue", {
          suspendedAt: member.suspendedAt,
          months,
          required
        }, addMonths(member.suspendedAt, required))
      )
    }
  }
  return out
}

const transferFindings = (member: MemberState, policy: GovernancePolicy, asOf: LegalDate): ReadonlyArray<Finding> => {
  if (!isActive(member)) return []
  const m = policy.membership
  const out: Array<Finding> = []
  const transfer = member.transfer
  const open = openTransfer(member)
  if (transfer !== undefined && (transfer.status === "expired" || (open !== undefined && asOf > open.validUntil))) {
    // R43 REC: the letter ran out before it was received; the member still counts at the origin and a new
    // letter is needed
    out.push(
      finding("R43", "warning", { kind: "transfer", id: transfer.transferId }, "member.finding.transferLetterExpired", {
        memberId: member.memberId,
        transferId: transfer.transferId,
        fromOrgId: transfer.fromOrgId,
        toOrgId: transfer.toOrgId,
        validUntil: transfer.validUntil
      }, addDays(transfer.validUntil, 1))
    )
  }
  const absence = member.absence
  if (absence !== undefined && open === undefined) {
    const months = monthsBetween(absence.since, asOf)
    const needed = credentialFor(m, months, absence.fixedPlace)
    if (needed === "transferLetter") {
      // R41 REC: away 6 months or more at a relatively fixed place ("6个月以上", inclusive): transfer due
      out.push(
        memberFinding(member, "R41", "warning", "member.finding.transferDue", {
          since: absence.since,
          months,
          required: m.transferDueAfterMonths
        }, addMonths(absence.since, m.transferDueAfterMonths))
      )
    } else if (needed !== "none" && member.mobile === undefined) {
      // R44 CONF: away longer than the credential-free months without a certificate or mobile-member card
      out.push(
        memberFinding(member, "R44", "notice", "member.finding.credentialDue", {
          since: absence.since,
          months,
          credential: needed
        }, addMonths(absence.since, m.credentialFreeMonths))
      )
    }
  }
  return out
}

const mobileFindings = (
  member: MemberState,
  policy: GovernancePolicy,
  asOf: LegalDate,
  orgs: MemberAssessOptions["orgs"]
): ReadonlyArray<Finding> => {
  const mobile = member.mobile
  if (mobile === undefined || !isActive(member)) return []
  const m = policy.membership
  const out: Array<Finding> = []
  const origin = member.orgId === undefined ? undefined : lookup(orgs, member.orgId)
  // R45 REC: a rural branch names a person to keep contact with each mobile member
  if (m.requireMobileContactPerson && origin?.locus === "village" && mobile.contactPersonId === undefined) {
    out.push(
      memberFinding(member, "R45", "warning", "member.finding.mobileContactPersonMissing", {
        orgId: origin.orgId,
        hostOrgId: mobile.hostOrgId
      }, mobile.since)
    )
  }
  const last = mobile.lastContactAt ?? mobile.since
  const months = monthsBetween(last, asOf)
  if (m.mobileContactIntervalMonths > 0 && months >= m.mobileContactIntervalMonths) {
    // R45 REC: the origin keeps regular contact (abroad: at least every half year)
    out.push(
      memberFinding(member, "R45", "warning", "member.finding.mobileContactOverdue", {
        hostOrgId: mobile.hostOrgId,
        lastContactAt: last,
        months,
        required: m.mobileContactIntervalMonths
      }, addMonths(last, m.mobileContactIntervalMonths))
    )
  }
  return out
}

const checkInFindings = (member: MemberState, policy: GovernancePolicy, asOf: LegalDate): ReadonlyArray<Finding> => {
  const checkIn = member.checkIn
  if (checkIn === undefined || !isActive(member)) return []
  const m = policy.membership
  const out: Array<Finding> = []
  const subject = { kind: "checkIn" as const, id: checkIn.checkInId }
  const base = { memberId: member.memberId, checkInId: checkIn.checkInId, communityOrgId: checkIn.communityOrgId }
  const last = checkIn.lastFeedbackAt ?? checkIn.since
  if (m.checkInFeedbackEveryMonths > 0 && monthsBetween(last, asOf) >= m.checkInFeedbackEveryMonths) {
    // R47 REC: the community evaluates and feeds back to the affiliation organization at least once a year
    out.push(
      finding("R47", "warning", subject, "member.finding.checkInFeedbackDue", {
        ...base,
        orgId: member.orgId ?? checkIn.affiliationOrgId,
        lastAt: last
      }, addMonths(last, m.checkInFeedbackEveryMonths))
    )
  }
  const minimum = m.minCommunityActivitiesPerYear
  if (minimum !== undefined && monthsBetween(checkIn.since, asOf) >= 12) {
    const from = addMonths(asOf, -12)
    const count = checkIn.activities.filter((at) => at > from && at <= asOf).length
    // R47 CONF (local, e.g. 绥棱: 4 a year): too few community activities in the last year
    if (count < minimum) {
      out.push(finding("R47", "notice", subject, "member.finding.fewCommunityActivities", { ...base, count, minimum }))
    }
  }
  if (checkIn.resettled && member.orgId !== undefined && member.orgId !== checkIn.communityOrgId) {
    const inTransit = openTransfer(member)?.toOrgId === checkIn.communityOrgId
    if (!inTransit) {
      if (m.affiliationDefaultForResettled === "residence") {
        // R46 / C11 (policy `residence`): a resettled member's affiliation is expected at the residence
        out.push(
          memberFinding(member, "R46", "warning", "member.finding.resettledTransferExpected", {
            orgId: member.orgId,
            communityOrgId: checkIn.communityOrgId
          }, checkIn.since)
        )
      } else {
        const months = monthsBetween(checkIn.since, asOf)
        // R46 / R41 (policy `origin`): the member participates at the community; after 6 months living
        // there, a transfer is to be considered
        if (months >= m.transferDueAfterMonths) {
          out.push(
            memberFinding(member, "R46", "notice", "member.finding.resettledTransferSuggested", {
              orgId: member.orgId,
              communityOrgId: checkIn.communityOrgId,
              months
            }, addMonths(checkIn.since, m.transferDueAfterMonths))
          )
        }
      }
    }
  }
  return out
}

// R11 REC: where mobile members from one origin are numerous and concentrated at one host, the origin (with
// the host) sets up a mobile-member branch. "Numerous" is read as the branch threshold (R1: 3 full members).
type MobileGroups = Map<string, { readonly originOrgId: string; readonly hostOrgId: string; full: number }>

/** Counts each full mobile member under its (origin, host) pair. */
const countMobile = (groups: MobileGroups, member: MemberState): void => {
  if (member.status !== "full" || member.mobile === undefined || member.orgId === undefined) return
  // One key per pair, whatever characters the ids hold.
  const key = JSON.stringify([member.orgId, member.mobile.hostOrgId])
  const group = groups.get(key)
  if (group === undefined) groups.set(key, { originOrgId: member.orgId, hostOrgId: member.mobile.hostOrgId, full: 1 })
  else group.full++
}

const mobileBranchFindings = (
  groups: MobileGroups,
  policy: GovernancePolicy,
  orgs: MemberAssessOptions["orgs"]
): ReadonlyArray<Finding> => {
  const out: Array<Finding> = []
  for (const group of groups.values()) {
    if (group.full < policy.branchMinFull.value) continue
    if (lookup(orgs, group.hostOrgId)?.kind === "mobileMemberBranch") continue
    out.push(
      finding(
        "R11",
        "notice",
        { kind: "organization", id: group.originOrgId },
        "member.finding.mobileBranchSuggested",
        {
          orgId: group.originOrgId,
          hostOrgId: group.hostOrgId,
          full: group.full,
          required: policy.branchMinFull.value
        }
      )
    )
  }
  return out
}

/**
 * The findings of one member under one policy as of a date.
 *
 * @category assessing
 * @since 0.1.0
 */
export const assessMember = (
  member: MemberState,
  policy: GovernancePolicy,
  asOf: LegalDate,
  options?: MemberAssessOptions
): ReadonlyArray<Finding> =>
  assessOne(
    member,
    policy,
    asOf,
    options,
    options?.attendance === undefined ? undefined : attendanceOf(options.attendance)
  )

const assessOne = (
  member: MemberState,
  policy: GovernancePolicy,
  asOf: LegalDate,
  options: MemberAssessOptions | undefined,
  attendance: Attendance | undefined
): ReadonlyArray<Finding> => {
  const out: Array<Finding> = []
  collect(out, member, policy, asOf, options, attendance)
  return sort(out)
}

/**
 * One stretch of a member's {@link findingsSchedule}: the findings from `from` until the next stretch begins.
 *
 * @category models
 * @since 0.4.0
 */
export interface FindingsFrom {
  /** The first day of the stretch. */
  readonly from: LegalDate
  /**
   * The findings on `from`, as {@link assessMember} gives them that day. Every day of the stretch has these findings,
   * but for their `months` param, which counts the whole months as of the day.
   */
  readonly findings: ReadonlyArray<Finding>
}

/**
 * A member's findings from `asOf` on, if nothing more is recorded: a first stretch from `asOf`, then one from each day
 * the findings change (one falls due, as R39's lapse on the day six full months are complete; one clears, as R39's
 * early warning when the lapse takes its place; a policy of the timeline comes into force). After the last stretch
 * they never change. The days a member's findings fall due, as data: what an application schedules its reminders
 * by, and what a register can keep per member instead of judging every member again for each date.
 *
 * The findings are the member's own, as {@link assessMember} gives them under the policy in force on each day, with
 * `options` as given (the organizations and the meeting register do not change); R11's, which count members
 * together, are not among them. With `options.until`, the schedule stops before that day (what a state that holds
 * until a later event needs: the findings index keeps each state's schedule until the next state's day).
 *
 * @example
 * ```ts
 * import { GovernancePolicy, Member } from "@dangjian/core"
 *
 * const member: Member.MemberState = {
 *   ...Member.initialState,
 *   status: "full",
 *   memberId: "m1",
 *   orgId: "v1",
 *   joinedAt: "2024-01-10",
 *   affiliatedSince: "2024-01-10"
 * }
 * const schedule = Member.findingsSchedule(member, GovernancePolicy.national, "2024-02-01")
 * schedule.map((s) => [s.from, s.findings.map((f) => f.code)])
 * // => [
 * //   ["2024-02-01", []],
 * //   ["2024-04-10", ["member.finding.lapseWarning", "member.finding.lapseWarning"]],
 * //   ["2024-07-10", ["member.finding.lapsed", "member.finding.lapsed"]]
 * // ]
 * ```
 *
 * @category assessing
 * @since 0.4.0
 */
export const findingsSchedule = (
  member: MemberState,
  policies: Policies,
  asOf: LegalDate,
  options?: MemberAssessOptions & {
    /** The day the schedule ends (exclusive): no stretch starts on or after it, and no day from it is judged. */
    readonly until?: LegalDate
  }
): ReadonlyArray<FindingsFrom> => {
  const timeline = toTimeline(policies)
  const attendance = options?.attendance === undefined ? undefined : attendanceOf(options.attendance)
  const judge = (date: LegalDate) => assessOne(member, policyAt(timeline, date), date, options, attendance)
  const first = judge(asOf)
  const stretches: Array<FindingsFrom> = [{ from: asOf, findings: first }]
  let last = first
  const until = options?.until
  for (const date of changeDays(member, timeline, attendance?.members.get(member.memberId), asOf)) {
    if (until !== undefined && date >= until) break
    const findings = judge(date)
    if (sameStretch(last, findings)) continue
    stretches.push({ from: date, findings })
    last = findings
  }
  return stretches
}

/**
 * Whether two days' findings are those of one stretch: the same findings but for the one param that counts months as
 * days pass. Compared field by field: a schedule compares every day it judges, and serializing them cost more than
 * judging.
 */
const sameStretch = (a: ReadonlyArray<Finding>, b: ReadonlyArray<Finding>): boolean => {
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!
    const y = b[i]!
    if (
      x.ruleId !== y.ruleId || x.severity !== y.severity || x.code !== y.code || x.due !== y.due
      || x.subject.kind !== y.subject.kind || x.subject.id !== y.subject.id
    ) return false
    const keys = Object.keys(x.params)
    if (keys.length !== Object.keys(y.params).length) return false
    for (const key of keys) {
      if (!Object.hasOwn(y.params, key) || (key !== "months" && x.params[key] !== y.params[key])) return false
    }
  }
  return true
}

/**
 * The days after `asOf` on which a member's findings may change while nothing is recorded: more than they do, never
 * fewer. Each judgement of this module compares the day with a date of the state or of the member's attendance, or
 * with whole months after one (`monthsBetween(since, day) >= n` holds from `addMonths(since, n)`), under the policy
 * in force; so the days are those dates and those months after them, rule by rule, for every policy of the timeline,
 * and the days each policy comes into force. A judgement added to this module adds its days here: the schedule's law
 * (test/member/schedule.test.ts, each day against `assessMember`) fails without them.
 */
const changeDays = (
  member: MemberState,
  timeline: PolicyTimeline,
  participation: Participation | undefined,
  asOf: LegalDate
): ReadonlyArray<LegalDate> => {
  const out = new Set<LegalDate>()
  const on = (date: LegalDate | undefined) => {
    if (date !== undefined && date > asOf) out.add(date)
  }
  const monthsAfter = (date: LegalDate | undefined, months: number) => {
    if (date !== undefined) on(addMonths(date, months))
  }
  const attended = participation?.attended ?? []
  const meetings = (participation?.entitled ?? []).map((event) => event.heldOn)
  const activities = member.checkIn?.activities ?? []
  // R39 (R61): a clock starts at a kind's last day or the joining; organizational life's, with the meeting register,
  // also at the affiliation, a meeting attended, an absence with leave, a community activity.
  const clocks = new Set([
    ...Object.values(member.lastParticipation),
    member.joinedAt,
    member.affiliatedSince,
    ...attended,
    ...meetings,
    ...activities
  ])
  // A policy superseded on or before `asOf` is in force on no later day: only the one in force then and later ones.
  const inForce = policyAt(timeline, asOf)
  for (const policy of timeline.policies) {
    if (policy !== inForce && policy.effectiveFrom <= asOf) continue
    on(policy.effectiveFrom)
    const m = policy.membership
    for (const since of clocks) {
      // R39: the early warning, then the lapse
      monthsAfter(since, m.lapseEarlyWarningMonths)
      monthsAfter(since, m.lapseMonths)
    }
    // R40: suspension due after months out of contact; removal due years after suspension
    monthsAfter(member.lostContactSince, m.lostContactSuspendMonths)
    monthsAfter(member.suspendedAt, m.suspendedRemoveAfterYears * 12)
    // R44: no credential up to `credentialFreeMonths` (inclusive); R41: a transfer from `transferDueAfterMonths`
    monthsAfter(member.absence?.since, m.credentialFreeMonths + 1)
    monthsAfter(member.absence?.since, m.transferDueAfterMonths)
    // R45: the origin's contact
    monthsAfter(member.mobile?.lastContactAt ?? member.mobile?.since, m.mobileContactIntervalMonths)
    const checkIn = member.checkIn
    if (checkIn !== undefined) {
      // R47: the feedback; the activities' minimum once a year has passed. R46: a transfer suggested.
      monthsAfter(checkIn.lastFeedbackAt ?? checkIn.since, m.checkInFeedbackEveryMonths)
      monthsAfter(checkIn.since, 12)
      monthsAfter(checkIn.since, m.transferDueAfterMonths)
    }
  }
  // R37: the end of probation. R43: the day after a letter's last valid day.
  on(member.probationEndsAt)
  if (member.transfer !== undefined) on(addDays(member.transfer.validUntil, 1))
  // R61: a meeting counts from its day. R47: an activity counts in the year before a day, from its day until a year
  // after it (the day after, where that month is shorter).
  for (const date of [...attended, ...meetings]) on(date)
  for (const date of activities) {
    on(date)
    const year = addMonths(date, 12)
    on(year)
    on(addDays(year, 1))
  }
  return [...out].sort()
}

/** Appends one member's findings, unsorted (a stable sort of the whole list gives what sorting each would). */
const collect = (
  out: Array<Finding>,
  member: MemberState,
  policy: GovernancePolicy,
  asOf: LegalDate,
  options: MemberAssessOptions | undefined,
  attendance: Attendance | undefined
): void => {
  for (
    const part of [
      probationFindings(member, asOf),
      lapseFindings(member, policy, asOf, attendance),
      contactFindings(member, policy, asOf),
      transferFindings(member, policy, asOf),
      mobileFindings(member, policy, asOf, options?.orgs),
      checkInFindings(member, policy, asOf)
    ]
  ) {
    for (const finding of part) out.push(finding)
  }
}

/**
 * The findings of members as of a legal date, under the policy in force on it. Pure; sorted with
 * `Finding.sort`. (A unit organization's check-in has its own findings: `UnitCheckIn.assess`.)
 *
 * R39's organizational life (R61) comes from two sources, and both keep working: what the member's stream
 * records (`RecordParticipation`, organizational life at a mobile member's host) and, given
 * `options.attendance` (the meeting register as of the same date), every org-life meeting the member attended
 * or took part in from another organization. The last day of either restarts the six months. For a member of an
 * organization that records no meeting, that is all. For a member of an organization that records its meetings,
 * the clock starts no earlier than the affiliation (admission, or the receipt of a transfer), and the lapse
 * finding (and its early warning) fires only when the member was entitled to an org-life meeting since the last
 * day of taking part and missed it; its `due` is the later of the six months and that first missed meeting, and
 * its params count the absences, with and without leave, and list the leave reasons (`lapsedWithLeave` when
 * leave was taken: whether there was good reason is the branch's judgement). Dues and work are unchanged.
 *
 * @example
 * ```ts
 * import { GovernancePolicy, Member } from "@dangjian/core"
 *
 * Member.assessMembers([], GovernancePolicy.national, "2024-06-30") // => []
 * ```
 *
 * @category assessing
 * @since 0.1.0
 */
export const assessMembers = (
  members: Iterable<MemberState>,
  policies: Policies,
  asOf: LegalDate,
  options?: MemberAssessOptions
): ReadonlyArray<Finding> => {
  const assessor = membersAssessor(policies, asOf, options)
  return sort(assessor.add(members).concat(assessor.finish()))
}

/**
 * Assesses members that come a page at a time, as {@link assessMembers} assesses them all at once: what a query
 * over millions of members uses, holding one page of them.
 *
 * @category assessing
 * @since 0.4.0
 */
export interface MembersAssessor {
  /** The findings of these members, unsorted; R11 counts them too. */
  readonly add: (members: Iterable<MemberState>) => ReadonlyArray<Finding>
  /**
   * The findings only every member together gives (R11: mobile members concentrated at one host), once all
   * were added.
   */
  readonly finish: () => ReadonlyArray<Finding>
}

/**
 * A {@link MembersAssessor} as of a date, under the policy in force on it. The findings of every page and of
 * `finish`, sorted together with `Finding.sort`, are {@link assessMembers} of all the members.
 *
 * @category assessing
 * @since 0.4.0
 */
export const membersAssessor = (
  policies: Policies,
  asOf: LegalDate,
  options?: MemberAssessOptions
): MembersAssessor => {
  const policy = policyAt(toTimeline(policies), asOf)
  const attendance = options?.attendance === undefined ? undefined : attendanceOf(options.attendance)
  const groups: MobileGroups = new Map()
  return {
    add: (members) => {
      const out: Array<Finding> = []
      for (const member of members) {
        collect(out, member, policy, asOf, options, attendance)
        countMobile(groups, member)
      }
      return out
    },
    finish: () => mobileBranchFindings(groups, policy, options?.orgs)
  }
}
