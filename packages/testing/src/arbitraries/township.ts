/**
 * Accepted histories across the three pillars: a township tree (the organization pillar), then members
 * registered, admitted, converted, transferred, away as mobile members, checked in at communities, losing
 * contact and voting, unit organizations checking in, then pairing agreements signed with activities,
 * reports, evaluations, renewals and coordination councils. Each step is an intent resolved against the
 * pure {@link DangjianWorld}, and only the commands it accepts are kept.
 *
 * @since 0.1.0
 */
import type { Dangjian, Organization } from "@dangjian/core"
import { Agreement, Council, GovernancePolicy, LegalDate, Member } from "@dangjian/core"
import fc from "fast-check"
import * as DangjianWorld from "../DangjianWorld.ts"
import type { AppraisalIntent } from "./appraisal.ts"
import { appraisalIntent, resolveAppraisal } from "./appraisal.ts"
import type { DuesIntent } from "./dues.ts"
import { duesIntent, resolveDues } from "./dues.ts"
import type { TreeShape } from "./history.ts"
import { organizationTree } from "./history.ts"
import type { MeetingIntent } from "./meeting.ts"
import { meetingIntent, resolveMeeting } from "./meeting.ts"

const pick = fc.nat({ max: 1_000 })
const gap = fc.integer({ min: 0, max: 12 })

/**
 * A membership step in the abstract: the members and organizations it touches are picks (`pick % count`)
 * among those that fit when it runs; `gap` is the days since the previous step.
 *
 * @since 0.1.0
 * @category township histories
 */
export type MemberIntent =
  & { readonly gap: number; readonly m: number; readonly org: number; readonly flag: boolean; readonly n: number }
  & {
    readonly _tag:
      | "register"
      | "admit"
      | "convert"
      | "participate"
      | "issue"
      | "receive"
      | "reject"
      | "mobile"
      | "host"
      | "return"
      | "checkIn"
      | "checkInActivity"
      | "checkInFeedback"
      | "checkOut"
      | "vote"
      | "lostContact"
      | "suspend"
      | "restore"
      | "unitCheckIn"
      | "unitActivity"
      | "unitFeedback"
  }

/**
 * An agreement or council step in the abstract (see {@link MemberIntent}).
 *
 * @since 0.1.0
 * @category township histories
 */
export type AgreementIntent =
  & {
    readonly gap: number
    readonly a: number
    readonly orgs: ReadonlyArray<number>
    readonly areas: ReadonlyArray<Agreement.Area>
    readonly months: number | undefined
    readonly flag: boolean
    readonly n: number
  }
  & {
    readonly _tag:
      | "sign"
      | "activity"
      | "report"
      | "evaluate"
      | "renew"
      | "terminate"
      | "expire"
      | "council"
      | "meeting"
      | "addCouncilMember"
  }

const memberIntentOf = (tag: MemberIntent["_tag"], weight: number) => ({
  arbitrary: fc.record({
    _tag: fc.constant(tag),
    gap,
    m: pick,
    org: pick,
    flag: fc.boolean(),
    n: fc.integer({ min: 0, max: 8 })
  }),
  weight
})

/**
 * One {@link MemberIntent}, weighted towards registrations and admissions so that later steps find members.
 *
 * @since 0.1.0
 * @category township histories
 */
export const memberIntent: fc.Arbitrary<MemberIntent> = fc.oneof(
  memberIntentOf("register", 8),
  memberIntentOf("admit", 3),
  memberIntentOf("convert", 2),
  memberIntentOf("participate", 3),
  memberIntentOf("issue", 3),
  memberIntentOf("receive", 2),
  memberIntentOf("reject", 1),
  memberIntentOf("mobile", 2),
  memberIntentOf("host", 1),
  memberIntentOf("return", 1),
  memberIntentOf("checkIn", 2),
  memberIntentOf("checkInActivity", 1),
  memberIntentOf("checkInFeedback", 1),
  memberIntentOf("checkOut", 1),
  memberIntentOf("vote", 2),
  memberIntentOf("lostContact", 1),
  memberIntentOf("suspend", 1),
  memberIntentOf("restore", 1),
  memberIntentOf("unitCheckIn", 1),
  memberIntentOf("unitActivity", 1),
  memberIntentOf("unitFeedback", 1)
)

const agreementIntentOf = (tag: AgreementIntent["_tag"], weight: number) => ({
  arbitrary: fc.record({
    _tag: fc.constant(tag),
    gap: fc.integer({ min: 0, max: 40 }),
    a: pick,
    orgs: fc.uniqueArray(pick, { minLength: 2, maxLength: 3 }),
    areas: fc.uniqueArray(fc.constantFrom(...Agreement.areas), { minLength: 1, maxLength: 3 }),
    months: fc.option(fc.integer({ min: 1, max: 12 }), { nil: undefined, freq: 6 }),
    flag: fc.boolean(),
    n: fc.integer({ min: 0, max: 40 })
  }),
  weight
})

/**
 * One {@link AgreementIntent}, weighted towards signings and activities.
 *
 * @since 0.1.0
 * @category township histories
 */
export const agreementIntent: fc.Arbitrary<AgreementIntent> = fc.oneof(
  agreementIntentOf("sign", 4),
  agreementIntentOf("activity", 4),
  agreementIntentOf("report", 3),
  agreementIntentOf("evaluate", 1),
  agreementIntentOf("renew", 1),
  agreementIntentOf("terminate", 1),
  agreementIntentOf("expire", 1),
  agreementIntentOf("council", 1),
  agreementIntentOf("meeting", 1),
  agreementIntentOf("addCouncilMember", 1)
)

const choose = <A>(xs: ReadonlyArray<A>, n: number): A | undefined => xs[n % Math.max(xs.length, 1)]

const activeOrgs = (world: DangjianWorld.World): ReadonlyArray<Organization.OrganizationState> =>
  Object.values(world.orgs.states).filter((s) => s.status === "active").sort((a, b) => a.orgId.localeCompare(b.orgId))

// Organizations that take affiliations (branches and general branches, never the township committee).
const branches = (world: DangjianWorld.World) =>
  activeOrgs(world).filter((s) => s.kind !== "townshipCommittee" && s.kind !== "subdistrictCommittee")

const members = (world: DangjianWorld.World, keep: (m: Member.MemberState) => boolean) =>
  Object.values(world.members).filter(keep).sort((a, b) => a.memberId.localeCompare(b.memberId))

const approvalAt = (at: LegalDate.LegalDate): Organization.Approval => ({ by: "township", level: "township", at })

const otherOrg = (world: DangjianWorld.World, n: number, not: string | undefined, locus?: Organization.Locus) => {
  const candidates = branches(world).filter((s) => s.orgId !== not && (locus === undefined || s.locus === locus))
  return choose(candidates.length > 0 ? candidates : branches(world).filter((s) => s.orgId !== not), n)?.orgId
}

/**
 * The concrete command of a membership intent in the current world on `at` (undefined when nothing fits,
 * e.g. a conversion with no probationary member). New members are `n<step>`; transfer, check-in and
 * credential ids are numbered by step.
 *
 * @since 0.1.0
 * @category township histories
 */
export const resolveMember = (
  world: DangjianWorld.World,
  step: number,
  at: LegalDate.LegalDate,
  i: MemberIntent
): Dangjian.Command | undefined => {
  const active = members(world, Member.isActive)
  const member = choose(active, i.m)
  const memberId = member?.memberId ?? "nobody"
  switch (i._tag) {
    case "register": {
      const listed = activeOrgs(world).flatMap((s) =>
        Object.entries(s.roster)
          .filter(([id, status]) => status !== "suspended" && world.members[id] === undefined)
          .map(([id, status]) => ({ memberId: id, orgId: s.orgId, status: status as "full" | "probationary" }))
      )
      const target = choose(listed, i.m)
      return target === undefined ? undefined : { _tag: "RegisterMember", ...target, at }
    }
    case "admit": {
      const org = choose(branches(world), i.org)
      if (org === undefined) return undefined
      const entitled = Math.max(1, org.full)
      return {
        _tag: "AdmitMember",
        memberId: `n${step}`,
        orgId: org.orgId,
        meeting: { entitled, present: entitled, yes: entitled, at },
        approval: approvalAt(at),
        at
      }
    }
    case "convert": {
      const m = choose(members(world, (s) => s.status === "probationary"), i.m)
      if (m === undefined) return undefined
      const meetingAt = m.probationEndsAt === undefined || m.probationEndsAt < at ? at : m.probationEndsAt
      const full = DangjianWorld.orgOf(world, m.orgId ?? "").full
      const entitled = Math.max(1, full)
      return {
        _tag: "ConvertMember",
        memberId: m.memberId,
        meeting: { entitled, present: entitled, yes: entitled, at: meetingAt },
        approval: approvalAt(meetingAt),
        at: meetingAt
      }
    }
    case "participate":
      return {
        _tag: "RecordParticipation",
        memberId,
        kind: choose(Member.ParticipationKind.literals, i.n) ?? "orgLife",
        at
      }
    case "issue": {
      const toOrgId = otherOrg(world, i.org, member?.orgId)
      return toOrgId === undefined
        ? undefined
        : { _tag: "IssueTransferLetter", memberId, transferId: `tr${step}`, toOrgId, at }
    }
    case "receive":
    case "reject": {
      const m = choose(members(world, (s) => Member.openTransfer(s) !== undefined), i.m)
      const open = m === undefined ? undefined : Member.openTransfer(m)
      if (m === undefined || open === undefined) return undefined
      return i._tag === "receive"
        ? { _tag: "ReceiveTransfer", memberId: m.memberId, transferId: open.transferId, at }
        : { _tag: "RejectTransfer", memberId: m.memberId, transferId: open.transferId, reason: "fileIncomplete", at }
    }
    case "mobile": {
      const hostOrgId = otherOrg(world, i.org, member?.orgId)
      return hostOrgId === undefined ? undefined : {
        _tag: "RegisterMobileMember",
        memberId,
        hostOrgId,
        credential: i.flag ? "certificate" : "mobileCard",
        credentialId: `card${step}`,
        ...(i.n % 2 === 0 ? { contactPersonId: `contact${i.n}` } : {}),
        fixedPlace: i.flag,
        abroad: false,
        at
      }
    }
    case "host": {
      const m = choose(members(world, (s) => s.mobile !== undefined), i.m)
      return m?.mobile === undefined ? undefined : {
        _tag: "RecordHostActivity",
        memberId: m.memberId,
        hostOrgId: m.mobile.hostOrgId,
        kind: choose(Member.HostActivityKind.literals, i.n) ?? "orgLife",
        at
      }
    }
    case "return": {
      const m = choose(members(world, (s) => s.absence !== undefined || s.mobile !== undefined), i.m)
      return m === undefined ? undefined : { _tag: "RecordReturn", memberId: m.memberId, at }
    }
    case "checkIn": {
      const communityOrgId = otherOrg(world, i.org, member?.orgId, "community")
      return communityOrgId === undefined ? undefined : {
        _tag: "CheckInAtCommunity",
        memberId,
        checkInId: `ci${step}`,
        communityOrgId,
        record: { residenceRef: `residence-${i.n}`, skills: ["law"], serviceWillingness: ["mediation"] },
        resettled: i.flag,
        at
      }
    }
    case "checkInActivity":
    case "checkInFeedback":
    case "checkOut": {
      const m = choose(members(world, (s) => s.checkIn !== undefined), i.m)
      if (m === undefined) return undefined
      if (i._tag === "checkOut") return { _tag: "CheckOutOfCommunity", memberId: m.memberId, at }
      return i._tag === "checkInActivity"
        ? { _tag: "RecordCheckInActivity", memberId: m.memberId, activityKind: "volunteering", at }
        : {
          _tag: "RecordCheckInFeedback",
          memberId: m.memberId,
          rating: choose(Member.FeedbackRating.literals, i.n) ?? "good",
          at
        }
    }
    case "vote": {
      const m = choose(members(world, (s) => s.status === "full"), i.m)
      return m?.orgId === undefined ? undefined : {
        _tag: "RecordVote",
        memberId: m.memberId,
        orgId: m.orgId,
        kind: choose(Member.VoteKind.literals, i.n) ?? "vote",
        at
      }
    }
    case "lostContact":
      return { _tag: "RecordLostContact", memberId, since: LegalDate.addMonths(at, -(i.n + 1)), at }
    case "suspend": {
      const m = choose(members(world, (s) => Member.isActive(s) && s.lostContactSince !== undefined), i.m)
      return m === undefined
        ? undefined
        : { _tag: "SuspendMembership", memberId: m.memberId, decision: approvalAt(at), at }
    }
    case "restore": {
      const m = choose(members(world, (s) => s.status === "suspended"), i.m)
      return m === undefined
        ? undefined
        : { _tag: "RestoreMembership", memberId: m.memberId, approval: approvalAt(at), at }
    }
    case "unitCheckIn": {
      const unit = choose(branches(world), i.org)
      const communityOrgId = otherOrg(world, i.m, unit?.orgId, "community")
      return unit === undefined || communityOrgId === undefined
        ? undefined
        : { _tag: "CheckInUnit", unitOrgId: unit.orgId, communityOrgId, at }
    }
    case "unitActivity":
    case "unitFeedback": {
      const unit = choose(Object.values(world.unitCheckIns).filter((u) => u.status === "checkedIn"), i.org)
      if (unit === undefined) return undefined
      return i._tag === "unitActivity"
        ? { _tag: "RecordUnitActivity", unitOrgId: unit.unitOrgId, activityKind: "joint-service", at }
        : {
          _tag: "RecordUnitFeedback",
          unitOrgId: unit.unitOrgId,
          rating: choose(Member.FeedbackRating.literals, i.n) ?? "good",
          at
        }
    }
  }
}

const termOf = (at: LegalDate.LegalDate, months: number | undefined): Agreement.Term =>
  months === undefined
    ? { startDate: at, openEnded: true }
    : { startDate: at, endDate: LegalDate.addDays(LegalDate.addMonths(at, months), -1) }

const party = (orgId: string): Agreement.Party => ({
  _tag: "OrganizationParty",
  orgId,
  liaison: { liaisonId: `${orgId}-liaison` }
})

const outside: Agreement.Party = {
  _tag: "OutsideUnitParty",
  unitId: "unit-1",
  name: "Unit 1",
  unitType: "enterprise",
  liaison: { liaisonId: "unit-1-liaison" }
}

const signatories = (parties: ReadonlyArray<Agreement.Party>): ReadonlyArray<Agreement.Signatory> =>
  parties.map((p) => ({ partyId: Agreement.partyIdOf(p), signatoryId: `${Agreement.partyIdOf(p)}-secretary` }))

/**
 * The concrete command of an agreement or council intent in the current world on `at` (undefined when
 * nothing fits). New agreements are `a<step>`, councils `c<step>`.
 *
 * @since 0.1.0
 * @category township histories
 */
export const resolveAgreement = (
  world: DangjianWorld.World,
  step: number,
  at: LegalDate.LegalDate,
  i: AgreementIntent
): Dangjian.Command | undefined => {
  const orgIds = [...new Set(i.orgs.map((n) => choose(activeOrgs(world), n)?.orgId))].filter((id): id is string =>
    id !== undefined
  )
  const agreements = Object.values(world.agreements).filter((a) => a.status !== "none")
    .sort((a, b) => a.agreementId.localeCompare(b.agreementId))
  const agreement = choose(agreements, i.a)
  const agreementId = agreement?.agreementId ?? "none"
  const councils = Object.values(world.councils).filter((c) => c.status === "active")
    .sort((a, b) => a.councilId.localeCompare(b.councilId))
  const council = choose(councils, i.a)
  switch (i._tag) {
    case "sign": {
      if (orgIds.length < (i.flag ? 1 : 2)) return undefined
      const parties = [...orgIds.map(party), ...(i.flag ? [outside] : [])]
      return {
        _tag: "SignAgreement",
        agreementId: `a${step}`,
        parties,
        form: i.flag ? "departmentToGrassroots" : "gridPairing",
        areas: i.areas,
        term: termOf(at, i.months),
        signatories: signatories(parties),
        at
      }
    }
    case "activity": {
      if (agreement === undefined) return undefined
      const partyIds = agreement.parties.map(Agreement.partyIdOf)
      return {
        _tag: "RecordAgreementActivity",
        agreementId,
        activityId: `act${step}`,
        area: choose(agreement.areas, i.n) ?? "economy",
        partyIds: partyIds.slice(0, Math.max(1, 1 + (i.n % partyIds.length))),
        participants: i.n,
        description: "joint activity",
        at
      }
    }
    case "report":
      return { _tag: "SubmitAgreementReport", agreementId, reportId: `rep${step}`, at }
    case "evaluate":
      return {
        _tag: "EvaluateAgreement",
        agreementId,
        evaluationId: `ev${step}`,
        rating: choose(Agreement.Rating.literals, i.n) ?? "good",
        at
      }
    case "renew":
      return agreement === undefined ? undefined : {
        _tag: "RenewAgreement",
        agreementId,
        areas: i.areas,
        term: termOf(at, i.months),
        signatories: signatories(agreement.parties),
        at
      }
    case "terminate":
      return { _tag: "TerminateAgreement", agreementId, reason: i.flag ? "completed" : "mutualConsent", at }
    case "expire":
      return { _tag: "ExpireAgreement", agreementId, at }
    case "council":
      return orgIds.length < 2 ? undefined : {
        _tag: "FormCouncil",
        councilId: `c${step}`,
        kind: choose(Council.CouncilKind.literals, i.n) ?? "jointMeeting",
        convenerOrgId: orgIds[0]!,
        memberOrgIds: orgIds,
        at
      }
    case "meeting":
      return council === undefined ? undefined : {
        _tag: "HoldJointMeeting",
        councilId: council.councilId,
        meetingId: `meet${step}`,
        attendingOrgIds: council.memberOrgIds.slice(0, 1 + (i.n % council.memberOrgIds.length)),
        at
      }
    case "addCouncilMember":
      return council === undefined || orgIds[0] === undefined
        ? undefined
        : { _tag: "AddCouncilMember", councilId: council.councilId, orgId: orgIds[0], at }
  }
}

/**
 * A generated history across the three pillars: the intents, every resolved command (accepted or not),
 * the accepted ones in order (the tree first) and the world they reach.
 *
 * @since 0.1.0
 * @category township histories
 */
export interface TownshipHistory {
  readonly memberIntents: ReadonlyArray<MemberIntent>
  readonly agreementIntents: ReadonlyArray<AgreementIntent>
  /** Appraisal, points and roles steps (R35, R52–R57, R62–R64). */
  readonly appraisalIntents: ReadonlyArray<AppraisalIntent>
  /** Meeting steps (三会一课 and organizational life, R28–R36, R58–R61). */
  readonly meetingIntents: ReadonlyArray<MeetingIntent>
  /** Dues steps (R65–R76): accounts opened, bases declared, years assessed, payments, exemptions, reviews. */
  readonly duesIntents: ReadonlyArray<DuesIntent>
  /** Every resolved command, in order (the tree's, then the members', then the agreements'). */
  readonly commands: ReadonlyArray<Dangjian.Command>
  /** The accepted commands, in order: run one after the other from nothing, every one is accepted again. */
  readonly accepted: ReadonlyArray<Dangjian.Command>
  readonly world: DangjianWorld.World
}

/**
 * The options of {@link townshipHistory}.
 *
 * @since 0.1.0
 * @category township histories
 */
export interface TownshipOptions {
  /** The shape of the township tree (default: one to three villages or communities, one or two branches each). */
  readonly shape?: TreeShape
  /** Membership steps, at most (default 40). */
  readonly members?: number
  /** Agreement and council steps, at most (default 20). */
  readonly agreements?: number
  /** Appraisal, points and roles steps, at most (default 30). */
  readonly appraisals?: number
  /** Meeting steps, at most (default 20). */
  readonly meetings?: number
  /** Dues steps, at most (default 30). */
  readonly dues?: number
  /** The policies the world judges by (default `GovernancePolicy.national`, as `Dangjian.execute`). */
  readonly policies?: Organization.Policies
  /** The first day of the tree (default 2024-01-01); every later step is on the same day or after. */
  readonly from?: LegalDate.LegalDate
}

/**
 * Random accepted histories across the three pillars: a township tree (`organizationTree`), then up to
 * `members` membership steps (registrations of the tree's members, admissions, conversions, participation,
 * transfer letters issued, received and rejected, mobile members and their host activities, returns,
 * community check-ins with activities and feedback, votes, lost contact, suspension and restoration, unit
 * organizations checking in), then up to `agreements` steps of pairing agreements (signings with
 * organization and outside-unit parties, activities, reports, evaluations, renewals, terminations,
 * expiries) and coordination councils, and up to `meetings` meeting steps (plans, new dates, cancellations,
 * records with absences and members of other branches, talks, corrections). Dates never go backwards. Every command in `accepted` is accepted
 * when run in order by `Dangjian.execute` (or {@link DangjianWorld.play}) under `policies`. Shrinks towards
 * a smaller tree and fewer, simpler steps.
 *
 * @since 0.1.0
 * @category township histories
 */
export const townshipHistory = (options: TownshipOptions = {}): fc.Arbitrary<TownshipHistory> => {
  const policies = options.policies ?? GovernancePolicy.national
  const shape = options.shape ?? {
    units: { min: 1, max: 3 },
    branchesPerUnit: { min: 1, max: 2 },
    groupsPerBranch: { min: 0, max: 1 }
  }
  return fc
    .record({
      tree: organizationTree(shape, options.from ?? "2024-01-01"),
      memberIntents: fc.array(memberIntent, { maxLength: options.members ?? 40, size: "max" }),
      agreementIntents: fc.array(agreementIntent, { maxLength: options.agreements ?? 20, size: "max" }),
      appraisalIntents: fc.array(appraisalIntent, { maxLength: options.appraisals ?? 30, size: "max" }),
      meetingIntents: fc.array(meetingIntent, { maxLength: options.meetings ?? 20, size: "max" }),
      duesIntents: fc.array(duesIntent, { maxLength: options.dues ?? 30, size: "max" })
    })
    .map(({ agreementIntents, appraisalIntents, duesIntents, meetingIntents, memberIntents, tree }) => {
      const commands: Array<Dangjian.Command> = [...tree]
      const played = DangjianWorld.play(policies, tree)
      const accepted: Array<Dangjian.Command> = [...played.accepted]
      let world = played.world
      let at = tree.reduce((last, c) => (c.at > last ? c.at : last), options.from ?? "2024-01-01")
      const step = (command: Dangjian.Command | undefined) => {
        if (command === undefined) return
        commands.push(command)
        const played = DangjianWorld.play(policies, [command], world)
        if (played.accepted.length > 0) accepted.push(command)
        world = played.world
        if (command.at > at) at = command.at
      }
      memberIntents.forEach((i, n) => {
        at = LegalDate.addDays(at, i.gap)
        step(resolveMember(world, n, at, i))
      })
      agreementIntents.forEach((i, n) => {
        at = LegalDate.addDays(at, i.gap)
        step(resolveAgreement(world, n, at, i))
      })
      appraisalIntents.forEach((i, n) => {
        at = LegalDate.addDays(at, i.gap)
        step(resolveAppraisal(world, n, at, i))
      })
      meetingIntents.forEach((i, n) => {
        at = LegalDate.addDays(at, i.gap)
        step(resolveMeeting(world, n, at, i))
      })
      duesIntents.forEach((i, n) => {
        at = LegalDate.addDays(at, i.gap)
        step(resolveDues(world, n, at, i))
      })
      return {
        memberIntents,
        agreementIntents,
        appraisalIntents,
        meetingIntents,
        duesIntents,
        commands,
        accepted,
        world
      }
    })
}
