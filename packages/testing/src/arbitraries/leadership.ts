/**
 * Leadership history (R91–R96): every command and event of the leadership aggregate (`Leadership.LeadershipCommand`,
 * `Leadership.LeadershipEvent`), one arbitrary per `_tag` and one per union; ballot records (R92), both arbitrary
 * and consistent ones, for the ballot laws; and accepted leadership histories on the development township
 * (elections of successive terms, void elections, by-elections, approvals, extensions, reminders, requests and
 * reports), resolved against the pure {@link DangjianWorld}.
 *
 * @since 0.3.0
 */
import type { Dangjian, Organization } from "@dangjian/core"
import { GovernancePolicy, Leadership, LegalDate } from "@dangjian/core"
import fc from "fast-check"
import * as DangjianWorld from "../DangjianWorld.ts"
import { actor, oneOfRecord, tagged } from "../internal/tagged.ts"
import { developmentTownship } from "./development.ts"
import type { ValueOptions } from "./values.ts"
import { values } from "./values.ts"

type LeadershipCmd<Tag extends Leadership.LeadershipCommand["_tag"]> = Extract<
  Leadership.LeadershipCommand,
  { readonly _tag: Tag }
>
type LeadershipEv<Tag extends Leadership.LeadershipEvent["_tag"]> = Extract<
  Leadership.LeadershipEvent,
  { readonly _tag: Tag }
>

/**
 * An arbitrary for every leadership command, by `_tag`.
 *
 * @since 0.3.0
 * @category models
 */
export type LeadershipCommandArbitraries = {
  readonly [Tag in Leadership.LeadershipCommand["_tag"]]: fc.Arbitrary<LeadershipCmd<Tag>>
}

/**
 * An arbitrary for every leadership event, by `_tag`.
 *
 * @since 0.3.0
 * @category models
 */
export type LeadershipEventArbitraries = {
  readonly [Tag in Leadership.LeadershipEvent["_tag"]]: fc.Arbitrary<LeadershipEv<Tag>>
}

const candidateIds = ["c1", "c2", "c3", "c4", "c5", "c6", "c7"] as const

/**
 * Any ballot record (R92): counts drawn independently, so most are inconsistent (for the laws that say which
 * ones the arithmetic rejects), with per-candidate counts or totals only.
 *
 * @since 0.3.0
 * @category leadership
 */
export const anyBallot: fc.Arbitrary<Leadership.Ballot> = fc.record(
  {
    entitled: fc.nat({ max: 60 }),
    present: fc.nat({ max: 60 }),
    issued: fc.nat({ max: 60 }),
    collected: fc.nat({ max: 60 }),
    valid: fc.nat({ max: 60 }),
    invalid: fc.nat({ max: 10 }),
    candidates: fc.nat({ max: 8 }),
    counts: fc.uniqueArray(
      fc.record({
        memberId: fc.constantFrom(...candidateIds),
        yes: fc.nat({ max: 60 }),
        no: fc.nat({ max: 30 }),
        abstain: fc.nat({ max: 10 })
      }),
      { maxLength: 7, selector: (c) => c.memberId }
    ),
    writeIns: fc.nat({ max: 5 })
  },
  { requiredKeys: ["entitled", "present", "issued", "collected", "valid", "invalid", "candidates"] }
)

/**
 * A consistent ballot record for `seats` seats (R92): issued ≤ present ≤ entitled, collected ≤ issued, valid +
 * invalid = collected, each candidate's counts within the valid ballots and no valid ballot over the seats; the
 * quorum and the winners are left to chance.
 *
 * @since 0.3.0
 * @category leadership
 */
export const consistentBallot = (seats: number): fc.Arbitrary<Leadership.Ballot> =>
  fc
    .record({
      entitled: fc.integer({ min: 1, max: 60 }),
      presentShare: fc.double({ min: 0.5, max: 1, noNaN: true }),
      invalid: fc.nat({ max: 3 }),
      candidates: fc.integer({ min: seats, max: seats + 3 }),
      shares: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 7, maxLength: 7 })
    })
    .map(({ candidates, entitled, invalid, presentShare, shares }) => {
      const present = Math.max(1, Math.floor(entitled * presentShare))
      const collected = present
      const bad = Math.min(invalid, collected)
      const valid = collected - bad
      const names = candidateIds.slice(0, Math.min(candidates, candidateIds.length))
      // each valid ballot marks at most `seats` names: spread valid × seats yes-votes at most
      let budget = valid * seats
      const counts = names.map((memberId, i) => {
        const yes = Math.min(valid, Math.floor(valid * shares[i]!), budget)
        budget -= yes
        return { memberId, yes, no: valid - yes, abstain: 0 }
      })
      return { entitled, present, issued: present, collected, valid, invalid: bad, candidates, counts }
    })

const leadershipValues = (options: ValueOptions) => {
  const v = values(options)
  const member = fc.record({ memberId: v.memberId, role: fc.constantFrom(...Leadership.LeadershipRole.literals) })
  return {
    ...v,
    termNo: fc.integer({ min: 1, max: 12 }),
    seats: fc.integer({ min: 1, max: 9 }),
    member,
    members: fc.uniqueArray(member, { maxLength: 7, selector: (m) => m.memberId }),
    alternates: fc.uniqueArray(fc.record({ memberId: v.memberId, votes: fc.nat({ max: 60 }) }), {
      maxLength: 2,
      selector: (a) => a.memberId
    }),
    docNo: fc.constantFrom("镇委〔2021〕12号", "县委组〔2024〕3号"),
    subject: fc.constantFrom(...Leadership.ApprovalSubject.literals)
  }
}

/**
 * One arbitrary per leadership command (`RecordElection` … `RecordRenewalReport`).
 *
 * @since 0.3.0
 * @category leadership commands
 */
export const leadershipCommandArbitraries = (options: ValueOptions = {}): LeadershipCommandArbitraries => {
  const v = leadershipValues(options)
  const { date: at, orgId } = v
  return {
    RecordElection: tagged<LeadershipCmd<"RecordElection">>("RecordElection", {
      orgId,
      termNo: v.termNo,
      body: fc.constantFrom(...Leadership.TermBody.literals),
      mode: fc.constantFrom(...Leadership.ElectionMode.literals),
      seats: v.seats,
      members: v.members,
      ballot: anyBallot,
      at
    }, { alternates: v.alternates, actor }),
    RecordByElection: tagged<LeadershipCmd<"RecordByElection">>("RecordByElection", { orgId, member: v.member, at }, {
      replacesMemberId: v.memberId,
      actor
    }),
    RecordTermApproval: tagged<LeadershipCmd<"RecordTermApproval">>("RecordTermApproval", {
      orgId,
      subject: v.subject,
      approvedBy: fc.constantFrom("town", "county"),
      approvedOn: v.date,
      at
    }, { approvalDocNo: v.docNo, actor }),
    RecordTermExtension: tagged<LeadershipCmd<"RecordTermExtension">>("RecordTermExtension", {
      orgId,
      months: fc.integer({ min: 1, max: 14 }),
      approvedBy: fc.constantFrom("town", "county"),
      approvedOn: v.date,
      at
    }, { approvalDocNo: v.docNo, exceptional: fc.boolean(), actor }),
    RecordRenewalReminder: tagged<LeadershipCmd<"RecordRenewalReminder">>("RecordRenewalReminder", {
      orgId,
      kind: fc.constantFrom(...Leadership.ReminderKind.literals),
      at
    }, { actor }),
    RecordRenewalRequest: tagged<LeadershipCmd<"RecordRenewalRequest">>("RecordRenewalRequest", { orgId, at }, {
      plannedOn: v.date,
      actor
    }),
    RecordRenewalReport: tagged<LeadershipCmd<"RecordRenewalReport">>("RecordRenewalReport", { orgId, at }, { actor })
  }
}

/**
 * One arbitrary per leadership event (`TermOpened` … `RenewalReported`).
 *
 * @since 0.3.0
 * @category leadership events
 */
export const leadershipEventArbitraries = (options: ValueOptions = {}): LeadershipEventArbitraries => {
  const v = leadershipValues(options)
  const { date: at, orgId } = v
  return {
    TermOpened: tagged<LeadershipEv<"TermOpened">>("TermOpened", {
      orgId,
      termNo: v.termNo,
      body: fc.constantFrom(...Leadership.TermBody.literals),
      mode: fc.constantFrom(...Leadership.ElectionMode.literals),
      seats: v.seats,
      members: v.members,
      alternates: v.alternates,
      ballot: anyBallot,
      orgKind: v.kind,
      termYears: fc.integer({ min: 2, max: 5 }),
      expectedEnd: v.date,
      at
    }, {}),
    TermClosed: tagged<LeadershipEv<"TermClosed">>("TermClosed", { orgId, termNo: v.termNo, at }, {}),
    ElectionVoided: tagged<LeadershipEv<"ElectionVoided">>("ElectionVoided", {
      orgId,
      termNo: v.termNo,
      ballot: anyBallot,
      at
    }, {}),
    ByElectionRecorded: tagged<LeadershipEv<"ByElectionRecorded">>("ByElectionRecorded", {
      orgId,
      termNo: v.termNo,
      member: v.member,
      at
    }, { replacesMemberId: v.memberId }),
    TermApprovalRecorded: tagged<LeadershipEv<"TermApprovalRecorded">>("TermApprovalRecorded", {
      orgId,
      termNo: v.termNo,
      subject: v.subject,
      approvedBy: fc.constantFrom("town", "county"),
      approvedOn: v.date,
      at
    }, { approvalDocNo: v.docNo }),
    TermExtensionRecorded: tagged<LeadershipEv<"TermExtensionRecorded">>("TermExtensionRecorded", {
      orgId,
      termNo: v.termNo,
      months: fc.integer({ min: 1, max: 14 }),
      extendedTo: v.date,
      approvedBy: fc.constantFrom("town", "county"),
      approvedOn: v.date,
      exceptional: fc.boolean(),
      at
    }, { approvalDocNo: v.docNo }),
    RenewalReminderIssued: tagged<LeadershipEv<"RenewalReminderIssued">>("RenewalReminderIssued", {
      orgId,
      termNo: v.termNo,
      kind: fc.constantFrom(...Leadership.ReminderKind.literals),
      at
    }, {}),
    RenewalRequested: tagged<LeadershipEv<"RenewalRequested">>("RenewalRequested", { orgId, termNo: v.termNo, at }, {
      plannedOn: v.date
    }),
    RenewalReported: tagged<LeadershipEv<"RenewalReported">>("RenewalReported", { orgId, termNo: v.termNo, at }, {})
  }
}

/**
 * Any leadership command (every member of `Leadership.LeadershipCommand`).
 *
 * @since 0.3.0
 * @category leadership commands
 */
export const leadershipCommand = (options: ValueOptions = {}): fc.Arbitrary<Leadership.LeadershipCommand> =>
  oneOfRecord<Leadership.LeadershipCommand>(leadershipCommandArbitraries(options))

/**
 * Any leadership event (every member of `Leadership.LeadershipEvent`).
 *
 * @since 0.3.0
 * @category leadership events
 */
export const leadershipEvent = (options: ValueOptions = {}): fc.Arbitrary<Leadership.LeadershipEvent> =>
  oneOfRecord<Leadership.LeadershipEvent>(leadershipEventArbitraries(options))

// ---------------------------------------------------------------------------------------------------------
// Accepted leadership histories
// ---------------------------------------------------------------------------------------------------------

const committeeOf = (orgId: string): ReadonlyArray<Leadership.TermMember> => [
  { memberId: `${orgId}-f1`, role: "secretary" },
  { memberId: `${orgId}-f2`, role: "organizationMember" },
  { memberId: `${orgId}-f3`, role: "disciplineMember" }
]

// A ballot electing the three members of `committeeOf` among four candidates (present of 8 entitled).
const electionBallot = (orgId: string, present: number, voidIt: boolean): Leadership.Ballot => ({
  entitled: 8,
  present,
  issued: present,
  collected: voidIt ? present + 1 : present,
  valid: voidIt ? present + 1 : present,
  invalid: 0,
  candidates: 4,
  counts: [1, 2, 3, 4].map((n) => ({
    memberId: `${orgId}-f${n}`,
    yes: n === 4 ? 1 : present,
    no: n === 4 ? present - 1 : 0,
    abstain: 0
  }))
})

/**
 * Accepted leadership histories on {@link developmentTownship}: for `v1` and `v2`, elections of successive terms
 * from a random 届 (some void, some short of the quorum), by-elections, approvals with and without their number,
 * extensions, reminders, requests and reports, at random dates, resolved against {@link DangjianWorld}.
 *
 * @since 0.3.0
 * @category leadership
 */
export const leadershipHistory = (
  options: { readonly policies?: Organization.Policies } = {}
): fc.Arbitrary<{ readonly accepted: ReadonlyArray<Dangjian.Command> }> => {
  const policies = options.policies ?? GovernancePolicy.national
  const step = fc.record({
    org: fc.constantFrom("v1", "v2"),
    kind: fc.constantFrom(
      "elect",
      "elect",
      "void",
      "byElection",
      "approval",
      "extension",
      "reminder",
      "request",
      "report"
    ),
    months: fc.integer({ min: 1, max: 30 }),
    present: fc.integer({ min: 6, max: 8 }),
    flag: fc.boolean()
  })
  return fc.record({ first: fc.integer({ min: 1, max: 9 }), steps: fc.array(step, { maxLength: 14 }) }).map(
    ({ first, steps }) => {
      const next: Record<string, number> = { v1: first, v2: first }
      let at = "2020-03-01"
      const commands: Array<Dangjian.Command> = []
      for (const s of steps) {
        at = LegalDate.addMonths(at, s.months)
        switch (s.kind) {
          case "elect":
          case "void":
            commands.push({
              _tag: "RecordElection",
              orgId: s.org,
              termNo: next[s.org]!,
              body: "committee",
              mode: "competitive",
              seats: 3,
              members: committeeOf(s.org),
              ballot: electionBallot(s.org, s.present, s.kind === "void"),
              at
            })
            next[s.org] = next[s.org]! + (s.kind === "elect" && s.present >= 7 ? 1 : 0)
            break
          case "byElection":
            commands.push({
              _tag: "RecordByElection",
              orgId: s.org,
              member: { memberId: `${s.org}-f4`, role: "member" },
              replacesMemberId: `${s.org}-f3`,
              at
            })
            break
          case "approval":
            commands.push({
              _tag: "RecordTermApproval",
              orgId: s.org,
              subject: "secretary",
              approvedBy: "town",
              approvedOn: at,
              ...(s.flag ? { approvalDocNo: "镇委〔2021〕12号" } : {}),
              at
            })
            break
          case "extension":
            commands.push({
              _tag: "RecordTermExtension",
              orgId: s.org,
              months: s.flag ? 6 : 13,
              approvedBy: "town",
              approvedOn: at,
              at
            })
            break
          case "reminder":
            commands.push({
              _tag: "RecordRenewalReminder",
              orgId: s.org,
              kind: s.flag ? "reminder" : "yearStartNotice",
              at
            })
            break
          case "request":
            commands.push({ _tag: "RecordRenewalRequest", orgId: s.org, at })
            break
          case "report":
            commands.push({ _tag: "RecordRenewalReport", orgId: s.org, at })
            break
        }
      }
      return { accepted: DangjianWorld.play(policies, [...developmentTownship, ...commands]).accepted }
    }
  )
}
