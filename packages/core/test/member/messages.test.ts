import { assert, describe, it } from "@effect/vitest"
import { readdirSync, readFileSync } from "node:fs"
import { join } from "node:path"
import { mergeCatalogs, renderWith } from "../../src/kernel/Message.ts"
import { kernelMessages } from "../../src/kernel/messages.ts"
import * as Member from "../../src/member/Member.ts"
import { memberMessages } from "../../src/member/messages.ts"
import * as DualRegistration from "../../src/member/projections/DualRegistration.ts"
import { organizationMessages } from "../../src/organization/messages.ts"
import { ruleMessages } from "../../src/rules/messages.ts"
import * as UnitCheckIn from "../../src/unitCheckIn/UnitCheckIn.ts"
import { baseWorld, checkIn, memberOf, register, rejectionOf, runAllMembers, vote } from "./fixtures.ts"

const catalogs = mergeCatalogs(kernelMessages, ruleMessages, organizationMessages, memberMessages)
const srcDir = join(import.meta.dirname, "../../src/member")

const sources = (dir: string): ReadonlyArray<string> =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sources(join(dir, entry.name)) : entry.name.endsWith(".ts") ? [join(dir, entry.name)] : []
  )

describe("member messages", () => {
  it("every code the member pillar emits has a zh-CN and an en template", () => {
    const used = new Set<string>()
    for (const file of sources(srcDir)) {
      if (file.endsWith("messages.ts")) continue
      for (
        const match of readFileSync(file, "utf8").matchAll(/(?<!name: )"((?:member|organization|domain)\.[A-Za-z.]+)"/g)
      ) {
        used.add(match[1]!)
      }
    }
    assert.isAbove(used.size, 40)
    for (const code of used) {
      assert.isDefined(catalogs.en[code], `${code} en`)
      assert.isDefined(catalogs["zh-CN"][code], `${code} zh-CN`)
    }
    assert.deepStrictEqual(Object.keys(memberMessages["zh-CN"]).sort(), Object.keys(memberMessages.en).sort())
  })

  it("a vote at a host renders with its rule id and only ids and kinds", () => {
    const world = runAllMembers(baseWorld(), [
      register("m1"),
      {
        _tag: "RegisterMobileMember",
        memberId: "m1",
        hostOrgId: "v2",
        credential: "mobileCard",
        credentialId: "card-1",
        fixedPlace: true,
        abroad: false,
        at: "2024-03-01"
      }
    ])
    const error = rejectionOf(world, vote("m1", "v2", "2024-06-01", "election"))
    assert.deepStrictEqual(error.params, { memberId: "m1", orgId: "v2", kind: "election" })
    assert.strictEqual(error._tag === "RuleViolation" ? error.ruleId : undefined, "R45")
    assert.strictEqual(
      renderWith(catalogs, error.code, error.params, "en"),
      "Mobile member m1 takes part at the host v2, but has no election there"
    )
    assert.strictEqual(
      renderWith(catalogs, error.code, error.params, "zh-CN"),
      "流动党员 m1 在流入地 v2 参加组织生活,但不享有选举权"
    )
  })
})

describe("dual-registration ledger", () => {
  it("records member and unit check-ins with activities and feedback; never an affiliation", () => {
    const world = runAllMembers(baseWorld(), [register("m1"), checkIn("m1", "c1", "2024-03-01", true)])
    const events: ReadonlyArray<{ streamId: string; data: unknown }> = [
      {
        streamId: Member.streamId("m1"),
        data: Member.CommunityCheckedIn.make({
          memberId: "m1",
          checkInId: "ci-m1",
          communityOrgId: "c1",
          affiliationOrgId: "v1",
          record: memberOf(world, "m1").checkIn!.record,
          resettled: true,
          at: "2024-03-01"
        })
      },
      {
        streamId: Member.streamId("m1"),
        data: Member.CheckInActivityRecorded.make({
          memberId: "m1",
          checkInId: "ci-m1",
          activityKind: "x",
          at: "2024-04-01"
        })
      },
      {
        streamId: Member.streamId("m1"),
        data: Member.CheckInFeedbackRecorded.make({
          memberId: "m1",
          checkInId: "ci-m1",
          toOrgId: "v1",
          rating: "good",
          at: "2024-12-01"
        })
      },
      {
        streamId: UnitCheckIn.streamId("ent1"),
        data: UnitCheckIn.UnitCheckedIn.make({ unitOrgId: "ent1", communityOrgId: "c1", at: "2024-01-05" })
      },
      {
        streamId: UnitCheckIn.streamId("ent1"),
        data: UnitCheckIn.UnitActivityRecorded.make({
          unitOrgId: "ent1",
          communityOrgId: "c1",
          activityKind: "x",
          at: "2024-02-05"
        })
      }
    ]
    const view = events.reduce(
      (v, e) => DualRegistration.apply(v, e as unknown as Parameters<typeof DualRegistration.apply>[1]),
      DualRegistration.empty
    )
    const [entry] = DualRegistration.activeAt(view, "c1")
    assert.deepStrictEqual(
      [entry?.memberId, entry?.affiliationOrgId, entry?.activities, entry?.feedbacks, entry?.resettled],
      ["m1", "v1", 1, ["2024-12-01"], true]
    )
    assert.deepStrictEqual(DualRegistration.unitsAt(view, "c1").map((u) => [u.unitOrgId, u.activities]), [["ent1", 1]])
    const out = DualRegistration.apply(
      view,
      {
        streamId: Member.streamId("m1"),
        data: Member.CommunityCheckedOut.make({ memberId: "m1", checkInId: "ci-m1", at: "2025-01-01" })
      } as unknown as Parameters<typeof DualRegistration.apply>[1]
    )
    assert.deepStrictEqual(DualRegistration.activeAt(out, "c1"), [])
    assert.strictEqual(out.members["m1/ci-m1"]?.until, "2025-01-01")
  })
})
