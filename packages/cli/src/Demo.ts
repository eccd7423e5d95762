/**
 * The demo township (城关镇), across the three pillars, dated relative to the day it is written so that the
 * report always shows what the library is for:
 *
 * - organizations whose member counts sit on the rules' boundaries: 东湖村 over 50 members (R3, R4), 西岭村 at
 *   100 (R5), the resettlement community 幸福社区 (易地扶贫搬迁安置社区) with 7 full members and no committee
 *   (R16), 南山村 whose secretary's term has run out (R22), and a county department's branch (县卫健局);
 * - every member with a member stream of their own (R38): the founding members registered, new members
 *   admitted by a branch general meeting (R37), one converted, two whose probation has ended (R37), the last
 *   organizational life and dues of each, and one member lapsing (R39);
 * - transfers (R42, R43): one received, one in transit, one letter expired;
 * - resettled members of 南山村 checked in at 幸福社区 (R46, R47), one without the community's feedback; a
 *   mobile member of 西岭村 away without a contact person (R45); the department's branch checked in at the
 *   community (双报到, R47);
 * - joint-building agreements (R48–R50): 东湖村 with an enterprise (村企联建), the department with the
 *   community (部门联社区), with activities and reports, one report missed.
 *
 * Written as ordinary commands, each judged by the rules in force on its date, on a staging area over the
 * store, then in one atomic append.
 *
 * @since 0.1.0
 */
import type { Dangjian as DangjianModule } from "@dangjian/core"
import { LegalDate } from "@dangjian/core"
import type { EventStore, ReadModel } from "@dangjian/core/kernel"
import { EventStore as EventStoreModule } from "@dangjian/core/kernel"
import { Effect } from "effect"
import * as Staging from "./Staging.ts"

const EventStoreService = EventStoreModule.EventStore

type Command = DangjianModule.Command

const pad = (n: number, width: number) => String(n).padStart(width, "0")
const ids = (prefix: string, count: number) => Array.from({ length: count }, (_, i) => `${prefix}-${pad(i + 1, 3)}`)

/** The township approves its branches; the county approves the township committee and county branches. */
const township = (at: string) => ({ by: "城关镇党委", level: "township" as const, at })
const county = (at: string) => ({ by: "县委组织部", level: "county" as const, at })

/**
 * The demo's commands in legal-date order, as of `today` (a `YYYY-MM-DD` legal date).
 *
 * @category demo
 * @since 0.1.0
 */
export const commands = (today: string): ReadonlyArray<Command> => {
  const ago = (months: number, days = 0) => LegalDate.addDays(LegalDate.addMonths(today, -months), -days)
  const after = (date: string, days: number) => LegalDate.addDays(date, days)
  const out: Array<Command> = []

  // --- Organizations, each listing its founding members; each member gets a member stream (R38) ---
  const establish = (
    orgId: string,
    name: string,
    kind: "townshipCommittee" | "branch",
    locus: "township" | "village" | "community" | "agency",
    full: number,
    at: string,
    parentId: string | undefined,
    approval: { readonly by: string; readonly level: "township" | "county"; readonly at: string }
  ) => {
    const members = ids(orgId, full)
    out.push({
      _tag: "EstablishOrganization",
      orgId,
      name,
      kind,
      formation: "standalone",
      locus,
      ...(parentId === undefined ? {} : { parentId }),
      approval,
      initialMembers: members.map((memberId) => ({ memberId, status: "full" as const })),
      at
    })
    for (const memberId of members) out.push({ _tag: "RegisterMember", memberId, orgId, status: "full", at })
    return members
  }
  const established = ago(84)
  establish("chengguan", "城关镇党委", "townshipCommittee", "township", 0, established, undefined, county(established))
  const weijian = establish(
    "weijian",
    "县卫健局机关党支部",
    "branch",
    "agency",
    5,
    established,
    undefined,
    county(established)
  )
  const villages = ago(72)
  const donghu = establish("donghu", "东湖村党支部", "branch", "village", 47, villages, "chengguan", township(villages))
  const xiling = establish("xiling", "西岭村党支部", "branch", "village", 97, villages, "chengguan", township(villages))
  const nanshan = establish(
    "nanshan",
    "南山村党支部",
    "branch",
    "village",
    6,
    villages,
    "chengguan",
    township(villages)
  )
  const community = ago(60)
  const xingfu = establish(
    "xingfu",
    "幸福社区党支部",
    "branch",
    "community",
    6,
    community,
    "chengguan",
    township(community)
  )

  // --- Leadership: 南山村's secretary elected by the general meeting 5½ years ago; the 5-year term is over (R22) ---
  const nanshanElection = ago(66)
  out.push({
    _tag: "ElectSecretary",
    orgId: "nanshan",
    electedBy: "generalMeeting",
    secretary: { memberId: nanshan[0]!, yes: 6 },
    deputies: [],
    entitled: 6,
    present: 6,
    at: nanshanElection
  }, {
    _tag: "ApproveSecretary",
    orgId: "nanshan",
    approval: township(after(nanshanElection, 10)),
    at: after(nanshanElection, 10)
  })
  const weijianElection = ago(20)
  out.push({
    _tag: "ElectSecretary",
    orgId: "weijian",
    electedBy: "generalMeeting",
    secretary: { memberId: weijian[0]!, yes: 5 },
    deputies: [],
    entitled: 5,
    present: 5,
    at: weijianElection
  }, {
    _tag: "ApproveSecretary",
    orgId: "weijian",
    approval: county(after(weijianElection, 14)),
    at: after(weijianElection, 14)
  })

  // --- New members admitted by the branch general meeting with the township's approval (R20, R25, R37) ---
  const admitted: Array<string> = []
  const admit = (orgId: string, memberId: string, full: number, meetingAt: string) => {
    const approvedAt = after(meetingAt, 10)
    admitted.push(memberId)
    out.push({
      _tag: "AdmitMember",
      memberId,
      orgId,
      meeting: { entitled: full, present: full, yes: full > 10 ? full - 2 : full, at: meetingAt },
      approval: township(approvedAt),
      at: approvedAt
    })
  }
  // 东湖村 passes 50 members (R3, R4); two probations ended a month ago and await the meeting (R37).
  admit("donghu", "donghu-p01", 47, ago(13))
  admit("donghu", "donghu-p02", 47, ago(13))
  admit("donghu", "donghu-p03", 47, ago(5))
  admit("donghu", "donghu-p04", 47, ago(5))
  // 西岭村 reaches 100 members (R5).
  admit("xiling", "xiling-p01", 97, ago(8))
  admit("xiling", "xiling-p02", 97, ago(8))
  admit("xiling", "xiling-p03", 97, ago(2))
  // 幸福社区: admitted 22 months ago, converted after the year's probation: 7 full members, no committee (R16).
  const xingfuMeeting = ago(22)
  admit("xingfu", "xingfu-p01", 6, xingfuMeeting)
  const conversion = after(LegalDate.addMonths(xingfuMeeting, 12), 7)
  out.push({
    _tag: "ConvertMember",
    memberId: "xingfu-p01",
    meeting: { entitled: 6, present: 6, yes: 6, at: conversion },
    approval: township(after(conversion, 7)),
    at: after(conversion, 7)
  })

  // --- Resettlement: 南山村 members living in 幸福社区 check in there, keeping their affiliation (R46, R47) ---
  const record = (ref: string) => ({ residenceRef: ref, skills: [], serviceWillingness: ["volunteer"] })
  out.push(
    {
      _tag: "CheckInAtCommunity",
      memberId: nanshan[1]!,
      checkInId: "ci-nanshan-002",
      communityOrgId: "xingfu",
      record: record("xingfu-r-0402"),
      resettled: true,
      at: ago(14)
    },
    { _tag: "RecordCheckInActivity", memberId: nanshan[1]!, activityKind: "volunteer", at: ago(6) },
    { _tag: "RecordCheckInFeedback", memberId: nanshan[1]!, rating: "good", at: ago(3) },
    { _tag: "RecordCheckInActivity", memberId: nanshan[1]!, activityKind: "gridPatrol", at: ago(2) },
    // No feedback from the community for a year (R47).
    {
      _tag: "CheckInAtCommunity",
      memberId: nanshan[2]!,
      checkInId: "ci-nanshan-003",
      communityOrgId: "xingfu",
      record: record("xingfu-r-0517"),
      resettled: true,
      at: ago(13)
    },
    { _tag: "RecordCheckInActivity", memberId: nanshan[2]!, activityKind: "volunteer", at: ago(4) },
    // Checked in, then transferred to the community: the transfer ends the check-in (R42, R47).
    {
      _tag: "CheckInAtCommunity",
      memberId: nanshan[5]!,
      checkInId: "ci-nanshan-006",
      communityOrgId: "xingfu",
      record: record("xingfu-r-0611"),
      resettled: true,
      at: ago(10)
    }
  )

  // --- Transfers (R42, R43) ---
  const received = ago(3)
  out.push(
    {
      _tag: "IssueTransferLetter",
      memberId: nanshan[5]!,
      transferId: "tr-nanshan-006",
      toOrgId: "xingfu",
      at: received
    },
    { _tag: "ReceiveTransfer", memberId: nanshan[5]!, transferId: "tr-nanshan-006", at: after(received, 12) },
    // In transit: the member still counts at 东湖村 until received.
    {
      _tag: "IssueTransferLetter",
      memberId: donghu[9]!,
      transferId: "tr-donghu-010",
      toOrgId: "xiling",
      at: ago(0, 25)
    }
  )
  const lapsedLetter = ago(5)
  out.push(
    {
      _tag: "IssueTransferLetter",
      memberId: xiling[19]!,
      transferId: "tr-xiling-020",
      toOrgId: "donghu",
      at: lapsedLetter
    },
    // 90 days' validity (R43): expired the day after.
    { _tag: "ExpireTransferLetter", memberId: xiling[19]!, transferId: "tr-xiling-020", at: after(lapsedLetter, 91) }
  )

  // --- A mobile member of 西岭村 working in town, without a named contact person (R44, R45) ---
  out.push(
    {
      _tag: "RegisterMobileMember",
      memberId: xiling[49]!,
      hostOrgId: "xingfu",
      credential: "mobileCard",
      credentialId: "ld-xiling-050",
      fixedPlace: false,
      abroad: false,
      at: ago(8)
    },
    { _tag: "RecordMobileContact", memberId: xiling[49]!, at: ago(2) },
    { _tag: "RecordHostActivity", memberId: xiling[49]!, hostOrgId: "xingfu", kind: "orgLife", at: ago(1) }
  )

  // --- The department's branch checks in at the community (双报到, R47) ---
  out.push(
    { _tag: "CheckInUnit", unitOrgId: "weijian", communityOrgId: "xingfu", at: ago(10) },
    { _tag: "RecordUnitActivity", unitOrgId: "weijian", activityKind: "freeClinic", at: ago(7) },
    { _tag: "RecordUnitActivity", unitOrgId: "weijian", activityKind: "healthLecture", at: ago(2) }
  )

  // --- Joint building (R48–R50): village + enterprise, reports on time; department + community, one missed ---
  const villageEnterprise = ago(10)
  const quarter = (start: string, n: number) => LegalDate.addMonths(start, 3 * n)
  out.push({
    _tag: "SignAgreement",
    agreementId: "donghu-lvyuan",
    parties: [
      { _tag: "OrganizationParty", orgId: "donghu", liaison: { liaisonId: donghu[1]! } },
      {
        _tag: "OutsideUnitParty",
        unitId: "lvyuan",
        name: "绿源农业有限公司",
        unitType: "enterprise",
        liaison: { liaisonId: "lvyuan-liaison" }
      }
    ],
    form: "villageEnterprise",
    areas: ["economy", "publicWelfare"],
    term: { startDate: villageEnterprise, endDate: LegalDate.addYears(villageEnterprise, 3) },
    signatories: [
      { partyId: "donghu", signatoryId: donghu[0]! },
      { partyId: "lvyuan", signatoryId: "lvyuan-signatory" }
    ],
    at: villageEnterprise
  })
  const activity = (
    agreementId: string,
    n: number,
    area: "economy" | "publicWelfare" | "culture",
    parties: ReadonlyArray<string>,
    at: string,
    description: string
  ): Command => ({
    _tag: "RecordAgreementActivity",
    agreementId,
    activityId: `${agreementId}-a${n}`,
    area,
    partyIds: parties,
    participants: 12 + 3 * n,
    description,
    at
  })
  out.push(
    activity("donghu-lvyuan", 1, "economy", ["donghu", "lvyuan"], ago(8), "农产品产销对接"),
    activity("donghu-lvyuan", 2, "publicWelfare", ["donghu", "lvyuan"], ago(4), "助学帮困"),
    activity("donghu-lvyuan", 3, "economy", ["donghu", "lvyuan"], ago(1), "种植技术培训")
  )
  for (const n of [1, 2, 3]) {
    const at = after(quarter(villageEnterprise, n), 5)
    out.push({ _tag: "SubmitAgreementReport", agreementId: "donghu-lvyuan", reportId: `donghu-lvyuan-r${n}`, at })
  }
  out.push({
    _tag: "EvaluateAgreement",
    agreementId: "donghu-lvyuan",
    evaluationId: "donghu-lvyuan-e1",
    rating: "good",
    at: ago(1)
  })
  const departmentCommunity = ago(8)
  out.push({
    _tag: "SignAgreement",
    agreementId: "weijian-xingfu",
    parties: [
      { _tag: "OrganizationParty", orgId: "weijian", liaison: { liaisonId: weijian[1]! } },
      { _tag: "OrganizationParty", orgId: "xingfu", liaison: { liaisonId: xingfu[0]! } }
    ],
    form: "departmentToGrassroots",
    areas: ["publicWelfare", "culture"],
    term: { startDate: departmentCommunity, endDate: LegalDate.addYears(departmentCommunity, 2) },
    signatories: [
      { partyId: "weijian", signatoryId: weijian[0]! },
      { partyId: "xingfu", signatoryId: xingfu[0]! }
    ],
    at: departmentCommunity
  })
  out.push(
    activity("weijian-xingfu", 1, "publicWelfare", ["weijian", "xingfu"], ago(6), "社区义诊"),
    activity("weijian-xingfu", 2, "culture", ["weijian", "xingfu"], ago(2), "健康知识讲座"),
    // The first quarter's report only: the second quarter's is missing (R50).
    {
      _tag: "SubmitAgreementReport",
      agreementId: "weijian-xingfu",
      reportId: "weijian-xingfu-r1",
      at: after(quarter(departmentCommunity, 1), 5)
    }
  )

  // --- Organizational life and dues (R39): this month for everyone, except one lapsing and one to watch ---
  const active = [...weijian, ...donghu, ...xiling, ...nanshan, ...xingfu, ...admitted]
  for (const memberId of active) {
    const orgLife = memberId === nanshan[3] ? ago(7) : memberId === xiling[59] ? ago(4) : ago(0, 20)
    out.push(
      { _tag: "RecordParticipation", memberId, kind: "orgLife", at: orgLife },
      { _tag: "RecordParticipation", memberId, kind: "dues", at: ago(0, 10) }
    )
  }
  // In legal-date order (a stable sort keeps each establishment before its members' registrations).
  return out.map((command, i) => ({ command, i })).sort((a, b) =>
    a.command.at < b.command.at ? -1 : a.command.at > b.command.at ? 1 : a.i - b.i
  ).map(({ command }) => command)
}

/**
 * Writes the demo into the store as of `today`, all or nothing; returns the number of events written (0 when
 * the township is already there).
 *
 * @category demo
 * @since 0.1.0
 */
export const run = (today: string): Effect.Effect<number, unknown, EventStore.EventStore | ReadModel.ReadModelStore> =>
  Effect.gen(function*() {
    // Running the demo again on the same store writes nothing: the township is already there.
    const existing = yield* EventStoreService.use((store) => store.readStream("organization-chengguan"))
    if (existing.version > 0) return 0
    const staging = yield* Staging.make
    for (const command of commands(today)) yield* Staging.execute(staging, command, { actor: "demo" })
    return yield* Staging.commitAndCatchUp(staging)
  })
