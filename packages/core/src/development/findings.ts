/**
 * The findings of the development aggregate as of a legal date (R77–R90), in the one `Finding` shape every
 * aggregate returns, so they join the compliance view. A candidate is not a member, so the subject of each
 * finding is the organization that holds the record, with the applicant id in the params. Judged with the
 * development policy in force on the date.
 *
 * - Time rules (warnings, with the date they were due): the talk within a month (R79), the local activist
 *   deadlines (C21), reviews every half year (R80) and during probation (R77), the approval within three months
 *   and the window of six (R87), the conversion vote and approval (R89).
 * - Steps that never block (R77 REC), as notices while missing: the filings (4, 8, 18), the placement and oath
 *   (19, 20), the archiving (25); and as warnings: a training waiver (R83), an expected departure near the vote
 *   (R84), a missing intermediate review (R87), materials not handed over after a move (R90).
 *
 * Boundaries: a deadline "within N months" includes its last day, so a finding is raised from the day after;
 * "N months" are calendar months clamped to the month's end (application 2025-01-31: talk due 2025-02-28).
 *
 * @since 0.3.0
 */
import type { Finding, Severity } from "../findings/Finding.ts"
import { sort } from "../findings/Finding.ts"
import type { MessageParams } from "../kernel/Message.ts"
import type { LegalDate } from "../LegalDate.ts"
import { addMonths } from "../LegalDate.ts"
import type { Policies } from "../organization/decide.ts"
import { toTimeline } from "../organization/decide.ts"
import type { DevelopmentPolicy } from "../policy/DevelopmentPolicy.ts"
import { policyAt } from "../policy/PolicyTimeline.ts"
import { approvalClockStart } from "./decide.ts"
import type { RegisterView } from "./projections/DevelopmentRegister.ts"
import type { DevelopmentState } from "./state.ts"
import { awaitingApproval, materialsPending } from "./state.ts"

type Params = Readonly<Record<string, string | number | boolean>>

const finding = (
  state: DevelopmentState,
  ruleId: string,
  severity: Severity,
  code: string,
  params: MessageParams,
  due?: LegalDate
): Finding => {
  const clean: Record<string, string | number | boolean> = { applicantId: state.applicantId, orgId: state.orgId }
  for (const [k, v] of Object.entries(params)) if (v !== undefined) clean[k] = v
  return {
    ruleId,
    severity,
    subject: { kind: "organization", id: state.orgId },
    ...(due === undefined ? {} : { due }),
    code,
    params: clean as Params
  }
}

// Stages 1–4: from the application to the approval.
const openFindings = (state: DevelopmentState, p: DevelopmentPolicy, asOf: LegalDate): ReadonlyArray<Finding> => {
  const out: Array<Finding> = []
  const receivedAt = state.receivedAt!
  const talkDue = addMonths(receivedAt, p.applicantTalkDueMonths)
  if (state.interviewedAt === undefined) {
    // R79 REC (CONF applicantTalkDueMonths): the organization talks with the applicant within a month
    if (asOf > talkDue) {
      out.push(
        finding(state, "R79", "warning", "development.finding.talkOverdue", { receivedAt, due: talkDue }, talkDue)
      )
    }
  } else if (state.interviewedAt > talkDue) {
    // R79 REC: the talk was held, but late
    out.push(
      finding(
        state,
        "R79",
        "warning",
        "development.finding.talkLate",
        { due: talkDue, heldOn: state.interviewedAt },
        talkDue
      )
    )
  }
  const since = state.activistSince
  if (p.minMonthsApplicationToActivist !== undefined && since !== undefined) {
    const earliest = addMonths(receivedAt, p.minMonthsApplicationToActivist)
    // R80 REC / C21 (local, only when set): not an activist before the local minimum
    if (since < earliest) {
      out.push(
        finding(state, "R80", "warning", "development.finding.activistTooEarly", { earliest, designatedOn: since })
      )
    }
  }
  if (p.activistDecisionDueMonths !== undefined) {
    const due = addMonths(receivedAt, p.activistDecisionDueMonths)
    // R80 REC / C21 (local, only when set): the activist decision within the local deadline
    if (since === undefined && asOf > due) {
      out.push(finding(state, "R80", "warning", "development.finding.activistDecisionOverdue", { due }, due))
    } else if (since !== undefined && since > due) {
      out.push(
        finding(state, "R80", "warning", "development.finding.activistDecisionLate", { due, designatedOn: since }, due)
      )
    }
  }
  if (since !== undefined && state.activistFiledAt === undefined) {
    // R80 REC (R77 step 4): the activist is filed with the higher committee
    out.push(finding(state, "R80", "notice", "development.finding.activistNotFiled", { since }))
  }
  if (since !== undefined && state.developmentObjectAt === undefined && p.activistReviewEveryMonths > 0) {
    const last = state.lastActivistReviewAt ?? since
    const due = addMonths(last, p.activistReviewEveryMonths)
    // R80 REC (CONF activistReviewEveryMonths): the branch reviews an activist every half year
    if (asOf > due) {
      out.push(finding(state, "R80", "warning", "development.finding.activistReviewOverdue", { since: last, due }, due))
    }
  }
  if (state.developmentObjectAt !== undefined && state.developmentObjectFiledAt === undefined) {
    // R81 REC (R77 step 8): the development object is filed with the higher committee
    out.push(
      finding(state, "R81", "notice", "development.finding.developmentObjectNotFiled", {
        since: state.developmentObjectAt
      })
    )
  }
  if (state.training?.waiverReason !== undefined) {
    // R83 REC: a training short of the policy's figure, waived (the reason stays in the record, not in the finding)
    out.push(
      finding(state, "R83", "warning", "development.finding.trainingWaived", {
        days: state.training.days,
        hours: state.training.hours
      })
    )
  }
  if (state.expectedDepartureOn !== undefined) {
    const reference = state.vote?.at ?? asOf
    // R84 REC (CONF departureWindowMonths): leaving the unit within three months of the vote: generally no admission
    if (state.expectedDepartureOn <= addMonths(reference, p.departureWindowMonths)) {
      out.push(
        finding(state, "R84", "warning", "development.finding.departureSoon", {
          departureOn: state.expectedDepartureOn,
          months: p.departureWindowMonths
        })
      )
    }
  }
  if (awaitingApproval(state)) {
    const from = approvalClockStart(p, state)!
    const due = addMonths(from, p.approvalDueMonths)
    const latest = addMonths(from, p.approvalMaxMonths)
    if (asOf > latest) {
      // R87 HARD (CONF approvalMaxMonths): past six months the approval is no longer possible; the branch votes again
      out.push(finding(state, "R87", "warning", "development.finding.approvalWindowLapsed", { from, latest }, latest))
    } else if (asOf > due) {
      // R87 REC (CONF approvalDueMonths): the approval is due within three months
      out.push(finding(state, "R87", "warning", "development.finding.approvalOverdue", { from, due }, due))
    }
  }
  const pending = materialsPending(state)
  if (pending !== undefined) {
    // R90 REC: a move without the transfer of the training materials
    out.push(
      finding(state, "R90", "warning", "development.finding.materialsNotHandedOver", {
        fromOrgId: pending.fromOrgId,
        toOrgId: pending.toOrgId,
        movedOn: pending.at
      })
    )
  }
  return out
}

// Stage 5: from the approval to the conversion.
const probationFindings = (state: DevelopmentState, p: DevelopmentPolicy, asOf: LegalDate): ReadonlyArray<Finding> => {
  const out: Array<Finding> = []
  const approval = state.approval!
  const approvedOn = approval.at
  if (approvedOn > approval.dueBy && approval.delayReason === undefined) {
    // R87 REC: approved after the three months with no reason recorded
    out.push(
      finding(
        state,
        "R87",
        "warning",
        "development.finding.approvalLate",
        { due: approval.dueBy, approvedOn },
        approval.dueBy
      )
    )
  }
  for (const reviewerOrgId of approval.intermediateOrgIds) {
    // R87 REC: a village or community committee or general branch between the branch and the approver reviews first
    if (!state.reviewedBy.includes(reviewerOrgId)) {
      out.push(finding(state, "R87", "warning", "development.finding.intermediateReviewMissing", { reviewerOrgId }))
    }
  }
  if (state.admissionFiledAt === undefined) {
    // R87 REC (R77 step 18): the approval is filed with the next-higher organization department
    out.push(finding(state, "R87", "notice", "development.finding.admissionNotFiled", { approvedOn }))
  }
  if (state.placedAt === undefined) {
    // R88 REC (R77 step 19): placed in the branch and a party group
    out.push(finding(state, "R88", "notice", "development.finding.notPlaced", { approvedOn }))
  }
  if (state.oathAt === undefined) {
    // R88 REC (R77 step 20): the oath
    out.push(finding(state, "R88", "notice", "development.finding.oathMissing", { approvedOn }))
  }
  if (p.probationReviewEveryMonths > 0) {
    const last = state.lastProbationReviewAt ?? approvedOn
    const due = addMonths(last, p.probationReviewEveryMonths)
    // R77 REC (step 21): the probationary member is reviewed during the probation
    if (asOf > due) {
      out.push(
        finding(state, "R77", "warning", "development.finding.probationReviewOverdue", { since: last, due }, due)
      )
    }
  }
  const vote = state.conversionVote
  if (vote?.passed === true) {
    if (p.conversionApprovalDueMonths > 0) {
      const due = addMonths(vote.at, p.conversionApprovalDueMonths)
      // R89 REC: the conversion is approved within three months of the vote
      if (asOf > due) {
        out.push(
          finding(
            state,
            "R89",
            "warning",
            "development.finding.conversionApprovalOverdue",
            { votedOn: vote.at, due },
            due
          )
        )
      }
    }
  } else {
    const endsAt = state.probationEndsAt!
    // R89 REC (CONF conversionMeetingDueMonths): the conversion is discussed promptly ("及时") after the probation
    // ends, or by the postponed date
    const due = state.postponedUntil ?? (p.conversionMeetingDueMonths > 0
      ? addMonths(endsAt, p.conversionMeetingDueMonths)
      : undefined)
    if (due !== undefined && asOf > due) {
      out.push(finding(state, "R89", "warning", "development.finding.conversionVoteOverdue", { endsAt, due }, due))
    }
  }
  return out
}

const conversionLate = (state: DevelopmentState, p: DevelopmentPolicy): ReadonlyArray<Finding> => {
  const conversion = state.conversion
  if (conversion === undefined || p.conversionApprovalDueMonths <= 0) return []
  const due = addMonths(conversion.voteAt, p.conversionApprovalDueMonths)
  // R89 REC: the conversion approved more than three months after the vote
  return conversion.at > due
    ? [
      finding(
        state,
        "R89",
        "warning",
        "development.finding.conversionApprovalLate",
        { due, approvedOn: conversion.at },
        due
      )
    ]
    : []
}

/**
 * The findings of one development record under one development policy. Pure.
 *
 * @category assessing
 * @since 0.3.0
 */
export const assessRecord = (
  state: DevelopmentState,
  policy: DevelopmentPolicy,
  asOf: LegalDate
): ReadonlyArray<Finding> => {
  switch (state.status) {
    case "open":
      return openFindings(state, policy, asOf)
    case "admitted":
      return [...probationFindings(state, policy, asOf), ...conversionLate(state, policy)]
    case "full": {
      const out = [...conversionLate(state, policy)]
      if (state.archivedAt === undefined) {
        // R89 REC (R77 step 25): the materials are archived after the conversion
        out.push(
          finding(state, "R89", "notice", "development.finding.notArchived", {
            convertedOn: state.conversion?.effectiveOn ?? state.conversion?.at
          })
        )
      }
      return out
    }
    case "none":
    case "rejected":
    case "cancelled":
      return []
    default:
      return []
  }
}

/**
 * The findings of every development record of a register under one development policy. Pure; sorted with
 * `Finding.sort`.
 *
 * @category assessing
 * @since 0.3.0
 */
export const assessWith = (view: RegisterView, policy: DevelopmentPolicy, asOf: LegalDate): ReadonlyArray<Finding> =>
  sort(Object.keys(view.developments).sort().flatMap((id) => assessRecord(view.developments[id]!, policy, asOf)))

/**
 * The findings of every development record of a register as of a date, under the development policy in force
 * on it. Build the register with `DevelopmentRegister.asOf(asOf)` so that it holds only what took effect by
 * then.
 *
 * @example
 * ```ts
 * import { Development, DevelopmentRegister, GovernancePolicy } from "@dangjian/core"
 *
 * Development.assess(DevelopmentRegister.empty, GovernancePolicy.national, "2024-06-30") // => []
 * ```
 *
 * @category assessing
 * @since 0.3.0
 */
export const assess = (view: RegisterView, policies: Policies, asOf: LegalDate): ReadonlyArray<Finding> =>
  assessWith(view, policyAt(toTimeline(policies), asOf).development, asOf)
