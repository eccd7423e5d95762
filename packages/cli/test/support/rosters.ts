/**
 * Small rosters and command files written as a clerk would: a township with two village branches (东村 with 8
 * full members and no committee, 西村 with 3), the same roster a month later, and the month's commands
 * (an election, the secretary's approval, a transfer) as JSON Lines.
 */
import { writeFileSync } from "node:fs"
import { join } from "node:path"

export const header =
  "组织编号,组织名称,组织类型,所在地类型,上级组织编号,批准机关,批准级别,批准日期,党员编号,党员状态,最近组织生活日期,最近交纳党费日期"

const town = "town,城关镇党委,乡镇党委,乡镇,,县委组织部,县级,2019-03-01,,,,"
const east = (id: string, life: string) =>
  `east,东村党支部,党支部,村,town,城关镇党委,乡镇,2019/3/1,${id},正式,${life},2026年6月1日`
const west = (id: string, life: string) =>
  `west,西村党支部,党支部,村,town,城关镇党委,乡镇,2019.3.1,${id},正式,${life},2026-06-01`

/** Month 1: e8 last took part in organizational life on 2025-10-01 (lapsed by 2026-06-30, R39). */
export const month1 = [
  header,
  town,
  ...[1, 2, 3, 4, 5, 6, 7].map((i) => east(`e${i}`, "2026-06-01")),
  east("e8", "2025-10-01"),
  ...[1, 2, 3].map((i) => west(`w${i}`, "2026-06-01"))
]

/** Month 2: e8 took part on 2026-06-20, e7 is listed under 西村 (moved), w4 is new. */
export const month2 = [
  header,
  town,
  ...[1, 2, 3, 4, 5, 6].map((i) => east(`e${i}`, "2026-06-01")),
  east("e8", "2026-06-20"),
  ...[1, 2, 3].map((i) => west(`w${i}`, "2026-06-01")),
  west("e7", "2026-06-01"),
  west("w4", "2026-06-20")
]

/** The month's commands: 东村 elects its committee and secretary (R16, R19), approved; e7 moves to 西村. */
export const monthCommands = [
  {
    _tag: "ElectCommittee",
    orgId: "east",
    body: "generalMeeting",
    seats: 3,
    candidates: [
      { memberId: "e1", yes: 8 },
      { memberId: "e2", yes: 8 },
      { memberId: "e3", yes: 7 },
      { memberId: "e4", yes: 2 }
    ],
    entitled: 8,
    present: 8,
    ballotsIssued: 8,
    ballotsCollected: 8,
    at: "2026-05-10"
  },
  {
    _tag: "ElectSecretary",
    orgId: "east",
    electedBy: "committee",
    secretary: { memberId: "e1", yes: 3 },
    deputies: [],
    entitled: 3,
    present: 3,
    at: "2026-05-10"
  },
  {
    _tag: "ApproveSecretary",
    orgId: "east",
    approval: { by: "城关镇党委", level: "township", at: "2026-05-20" },
    at: "2026-05-20"
  },
  { _tag: "IssueTransferLetter", memberId: "e7", transferId: "t-e7", toOrgId: "west", at: "2026-06-02" },
  { _tag: "ReceiveTransfer", memberId: "e7", transferId: "t-e7", at: "2026-06-05" }
]

export const jsonl = (commands: ReadonlyArray<unknown>) => `${commands.map((c) => JSON.stringify(c)).join("\n")}\n`

/** Writes lines as a UTF-8 file in `dir`; returns its path. */
export const write = (dir: string, name: string, lines: ReadonlyArray<string> | string) => {
  const path = join(dir, name)
  writeFileSync(path, typeof lines === "string" ? lines : `${lines.join("\n")}\n`)
  return path
}
