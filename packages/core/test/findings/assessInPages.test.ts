// `Compliance.assessInPages`: the findings of a date a page of members at a time equal the whole view's, also where
// a page alone does not tell: R11 counts mobile members over every page, the dues findings read the member facts
// of account holders (R73), and a dues finding about a transfer (R74) is counted under the member's affiliation,
// which the last page must still know.
import { assert, describe, it } from "@effect/vitest"
import { Effect } from "effect"
import * as FindingOrder from "../../src/findings/Finding.ts"
import type { Finding } from "../../src/index.ts"
import { Compliance, Dangjian, GovernancePolicy, MemoryStore } from "../../src/index.ts"

const policies = GovernancePolicy.national
type Command = Dangjian.Command

const branch = (orgId: string): Command => ({
  _tag: "EstablishOrganization",
  orgId,
  name: `Branch ${orgId}`,
  kind: "branch",
  formation: "standalone",
  locus: "village",
  parentId: "town",
  approval: { by: "town", level: "township", at: "2020-01-01" },
  initialMembers: [1, 2, 3, 4].map((n) => ({ memberId: `${orgId}-f${n}`, status: "full" as const })),
  at: "2020-01-01"
})

const mobile = (memberId: string, at: string): Command => ({
  _tag: "RegisterMobileMember",
  memberId,
  hostOrgId: "v2",
  credential: "mobileCard",
  credentialId: `card-${memberId}`,
  contactPersonId: "v1-f4",
  fixedPlace: true,
  abroad: false,
  at
})

const history: ReadonlyArray<Command> = [
  {
    _tag: "EstablishOrganization",
    orgId: "town",
    name: "Town",
    kind: "townshipCommittee",
    formation: "standalone",
    locus: "township",
    approval: { by: "county", level: "county", at: "2020-01-01" },
    initialMembers: [],
    at: "2020-01-01"
  },
  branch("v1"),
  branch("v2"),
  ...["v1-f1", "v1-f2", "v1-f3", "v1-f4", "v2-f1"].map((memberId): Command => ({
    _tag: "RegisterMember",
    memberId,
    orgId: memberId.slice(0, 2),
    status: "full",
    at: "2020-01-01"
  })),
  // R11: three full members of v1 hosted at v2.
  mobile("v1-f1", "2024-02-01"),
  mobile("v1-f2", "2024-02-01"),
  mobile("v1-f3", "2024-02-01"),
  // R73: an account opened after the month of the admission vote.
  {
    _tag: "AdmitMember",
    memberId: "p1",
    orgId: "v1",
    meeting: { entitled: 3, present: 3, yes: 3, at: "2024-03-31" },
    approval: { by: "town", level: "township", at: "2024-06-20" },
    at: "2024-06-20"
  },
  { _tag: "OpenDuesAccount", memberId: "p1", fromMonth: "2024-05", at: "2024-06-20" },
  // R74: a letter without the paid-through month, about v2-f1 (a finding of the dues, not the members).
  { _tag: "OpenDuesAccount", memberId: "v2-f1", fromMonth: "2024-01", at: "2024-01-01" },
  { _tag: "IssueTransferLetter", memberId: "v2-f1", transferId: "tr1", toOrgId: "v1", at: "2024-06-10" }
]

const pagesAsOf = (asOf: string, pageSize: number) =>
  Effect.gen(function*() {
    const pages: Array<Compliance.FindingsPage> = []
    yield* Compliance.assessInPages(policies, asOf, (page) => Effect.sync(() => pages.push(page)), { pageSize })
    return pages
  })

const ruleIds = (findings: ReadonlyArray<Finding.Finding>) => [...new Set(findings.map((f) => f.ruleId))].sort()

describe("Compliance.assessInPages", () => {
  it.effect("a page of members at a time gives the whole view's findings, R11, R73 and R74 included", () =>
    Effect.gen(function*() {
      for (const command of history) yield* Dangjian.execute(command, { policies })
      // Half the log caught up: the rest is folded as the pages are read.
      yield* Compliance.catchUp()
      for (const command of [mobile("v1-f4", "2024-02-02")]) yield* Dangjian.execute(command, { policies })
      for (const asOf of ["2024-06-09", "2024-06-20", "2025-01-01"]) {
        const whole = yield* Compliance.viewFromReadModels(asOf)
        const expected = Compliance.findings(whole, policies)
        for (const pageSize of [1, 2, 100]) {
          const pages = yield* pagesAsOf(asOf, pageSize)
          const found = FindingOrder.sort(pages.flatMap((page) => page.findings))
          assert.deepStrictEqual(found, expected, `as of ${asOf}, pages of ${pageSize}`)
          for (const page of pages.slice(0, -1)) {
            assert.isAtMost(Object.keys(page.view.members.members).length, pageSize)
          }
        }
      }
      const pages = yield* pagesAsOf("2024-06-20", 1)
      const all = pages.flatMap((page) => page.findings)
      assert.includeMembers(ruleIds(all), ["R11", "R73", "R74"])
      // The last page holds R11's and the other aggregates' findings, and the members those concern only.
      const last = pages[pages.length - 1]!
      assert.includeMembers(ruleIds(last.findings), ["R11", "R73", "R74"])
      assert.deepStrictEqual(Object.keys(last.view.members.members).sort(), ["p1", "v2-f1"])
      assert.strictEqual(last.view.members.members["v2-f1"]!.orgId, "v2")
      // The dues register of a page holds the facts of account holders only.
      assert.deepStrictEqual(Object.keys(last.view.dues.members).sort(), ["p1", "v2-f1"])
    }).pipe(Effect.provide(MemoryStore.layer({ codec: Dangjian.codec }))))

  it.effect("members with prototype names are paged and judged like any other", () =>
    Effect.gen(function*() {
      const awkward = ["__proto__", "constructor", "toString", "hasOwnProperty"]
      for (const command of history.slice(0, 3)) yield* Dangjian.execute(command, { policies })
      for (const memberId of awkward) {
        yield* Dangjian.execute({ _tag: "RegisterMember", memberId, orgId: "v1", status: "full", at: "2020-01-01" }, {
          policies
        })
      }
      const whole = yield* Compliance.viewFromReadModels("2030-01-01")
      const pages = yield* pagesAsOf("2030-01-01", 1)
      assert.deepStrictEqual(
        FindingOrder.sort(pages.flatMap((page) => page.findings)),
        Compliance.findings(whole, policies)
      )
      for (const memberId of awkward) {
        const page = pages.find((p) => p.findings.some((f) => f.subject.kind === "member" && f.subject.id === memberId))
        assert.isDefined(page, memberId)
        assert.isTrue(Object.hasOwn(page!.view.members.members, memberId), memberId)
        assert.strictEqual(page!.view.members.members[memberId]!.orgId, "v1")
      }
    }).pipe(Effect.provide(MemoryStore.layer({ codec: Dangjian.codec }))))

  it("Finding.membersOf: the subject when a member, and the member its memberId names, each once", () => {
    const base = { ruleId: "R1", severity: "warning" as const, code: "x" }
    assert.deepStrictEqual(
      FindingOrder.membersOf({ ...base, subject: { kind: "member", id: "m1" }, params: { memberId: "m1" } }),
      ["m1"]
    )
    assert.deepStrictEqual(
      FindingOrder.membersOf({ ...base, subject: { kind: "transfer", id: "t1" }, params: { memberId: "m2" } }),
      ["m2"]
    )
    assert.deepStrictEqual(
      FindingOrder.membersOf({ ...base, subject: { kind: "member", id: "m1" }, params: { memberId: "m2" } }),
      ["m1", "m2"]
    )
    assert.deepStrictEqual(
      FindingOrder.membersOf({ ...base, subject: { kind: "organization", id: "v1" }, params: { memberId: 7 } }),
      []
    )
  })
})
