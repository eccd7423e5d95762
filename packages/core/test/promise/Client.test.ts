import { Effect, Layer } from "effect"
import { assert, describe, it } from "vitest"
import * as FindingOrder from "../../src/findings/Finding.ts"
import type { Finding, RuleViolation } from "../../src/index.ts"
import { Compliance, Dangjian, MemoryStore, Messages, PromiseClient } from "../../src/index.ts"
import { EventStore } from "../../src/kernel/EventStore.ts"
import { township, village } from "../organization/fixtures.ts"

describe("PromiseClient", () => {
  it("sends commands, reads the tree and the findings, and closes", async () => {
    const client = PromiseClient.make({ store: MemoryStore.layer({ codec: Dangjian.codec }), actor: "app-1" })
    await client.execute(township())
    await client.execute(village("v1", 49, 2))
    const tree = await client.tree()
    assert.deepStrictEqual(Object.keys(tree.orgs).sort(), ["town", "v1"])
    const findings = await client.findings("2024-06-30")
    assert.isTrue(findings.some((f) => f.subject.id === "v1"))
    assert.isTrue(findings.every((f) => Messages.isTranslated(f.code)))
    await client.close()
  })

  it("a rejected command rejects the promise with the typed error", async () => {
    const client = PromiseClient.make({ store: MemoryStore.layer({ codec: Dangjian.codec }) })
    await client.execute(township())
    const error = await client.execute(village("v2", 2)).then(
      () => assert.fail("accepted"),
      (e: unknown) => e as RuleViolation
    )
    assert.strictEqual(error._tag, "RuleViolation")
    assert.strictEqual(error.ruleId, "R1")
    assert.instanceOf(error, Error)
    assert.isString(Messages.render(error, "en"))
    const decodeError = await client.execute({ _tag: "EstablishOrganization" }).then(
      () => assert.fail("accepted"),
      (e: unknown) => e as { _tag: string }
    )
    assert.strictEqual(decodeError._tag, "CommandDecodeError")
    await client.close()
  })

  it("hands the findings over a page of members at a time, each page once the last one settled", async () => {
    const client = PromiseClient.make({ store: MemoryStore.layer({ codec: Dangjian.codec }) })
    await client.execute(township())
    await client.execute(village("v1", 49, 2))
    await client.execute(village("v2", 12, 1))
    // Members with streams of their own, each with findings by 2030 (R39: no organizational life recorded).
    for (const n of [1, 2, 3, 4, 5, 6, 7]) {
      await client.execute({ _tag: "RegisterMember", memberId: `m${n}`, orgId: "v1", status: "full", at: "2024-02-01" })
    }
    const expected = await client.findings("2030-06-30")
    const pages: Array<Compliance.FindingsPage> = []
    let open = 0
    await client.findingsInPages("2030-06-30", async (page) => {
      assert.strictEqual(open++, 0, "one page at a time")
      await new Promise((resolve) => setTimeout(resolve, 1))
      pages.push(page)
      open--
    }, { pageSize: 2 })
    // Four pages of members (at most two each), and the last page.
    assert.strictEqual(pages.length, 5)
    for (const page of pages.slice(0, -1)) assert.isAtMost(Object.keys(page.view.members.members).length, 2)
    assert.isAbove(expected.filter((f) => f.ruleId === "R39").length, 6)
    assert.deepStrictEqual(FindingOrder.sort(pages.flatMap((page) => page.findings)), expected)
    // What `onPage` throws is what the promise rejects with; no page is read after it.
    const stop = new Error("stop")
    let handed = 0
    const rejected = await client.findingsInPages("2030-06-30", () => {
      handed++
      throw stop
    }, { pageSize: 2 }).then(() => assert.fail("resolved"), (e: unknown) => e)
    assert.strictEqual(rejected, stop)
    assert.strictEqual(handed, 1)
    await client.close()
  })

  it("counts the findings from the findings index, which it catches up first; a member picked is judged", async () => {
    const client = PromiseClient.make({ store: MemoryStore.layer({ codec: Dangjian.codec }) })
    await client.execute(township())
    await client.execute(village("v1", 49, 2))
    for (const n of [1, 2, 3, 4, 5, 6, 7]) {
      await client.execute({ _tag: "RegisterMember", memberId: `m${n}`, orgId: "v1", status: "full", at: "2024-02-01" })
    }
    const tally = (f: Pick<Finding.Finding, "ruleId" | "severity" | "code">, about: string) =>
      `${f.ruleId}|${f.severity}|${f.code}|${about}`
    const expected = (await client.findings("2030-06-30")).map((f) =>
      tally(f, FindingOrder.membersOf(f)[0] ?? f.subject.id)
    ).sort()
    const counted = async (options?: Pick<Compliance.AssessIndexedOptions, "judgeIndexed">) => {
      const found: Array<string> = []
      const indexed: Array<string> = []
      let open = 0
      await client.findingsIndexedInPages("2030-06-30", async (page) => {
        assert.strictEqual(open++, 0, "one page at a time")
        await new Promise((resolve) => setTimeout(resolve, 1))
        for (const f of page.findings) found.push(tally(f, FindingOrder.membersOf(f)[0] ?? f.subject.id))
        for (const member of page.indexed) {
          indexed.push(member.memberId)
          for (const f of member.findings) found.push(tally(f, member.memberId))
        }
        open--
      }, { pageSize: 2, ...options })
      return { found: found.sort(), indexed: indexed.sort() }
    }
    const all = await counted()
    assert.deepStrictEqual(all.found, expected)
    // The index was built on the way: the registered members are counted from it.
    assert.deepStrictEqual(all.indexed, ["m1", "m2", "m3", "m4", "m5", "m6", "m7"])
    const picked = await counted({ judgeIndexed: (member) => "memberId" in member && member.memberId === "m3" })
    assert.deepStrictEqual(picked.found, expected)
    assert.deepStrictEqual(picked.indexed, ["m1", "m2", "m4", "m5", "m6", "m7"])
    // Counted in groups: the same findings, each group's as many times as it has members, no member's id.
    const byRule: Array<string> = []
    let members = 0
    await client.findingsIndexedInPages("2030-06-30", (page) => {
      assert.deepStrictEqual(page.indexed, [])
      for (const f of page.findings) byRule.push(tally(f, ""))
      for (const group of page.groups) {
        members += group.members
        for (let n = 0; n < group.members; n++) for (const f of group.findings) byRule.push(tally(f, ""))
      }
    }, { grouped: true })
    assert.deepStrictEqual(byRule.sort(), expected.map((line) => line.slice(0, line.lastIndexOf("|") + 1)).sort())
    assert.strictEqual(members, 7)
    const stop = new Error("stop")
    const rejected = await client.findingsIndexedInPages("2030-06-30", () => {
      throw stop
    }).then(() => assert.fail("resolved"), (e: unknown) => e)
    assert.strictEqual(rejected, stop)
    await client.close()
  })

  it("a store without read models gives one page, replayed from the log", async () => {
    const logOnly = Layer.effect(EventStore, Effect.map(EventStore, (store) => store)).pipe(
      Layer.provide(MemoryStore.layer({ codec: Dangjian.codec }))
    )
    const client = PromiseClient.make({ store: logOnly })
    await client.execute(township())
    await client.execute(village("v1", 49, 2))
    const pages: Array<ReadonlyArray<Finding.Finding>> = []
    await client.findingsInPages("2030-06-30", (page) => {
      pages.push(page.findings)
    })
    assert.strictEqual(pages.length, 1)
    assert.deepStrictEqual(FindingOrder.sort(pages[0]!), await client.findings("2030-06-30"))
    assert.isAbove(pages[0]!.length, 0)
    const indexedPages: Array<Compliance.IndexedFindingsPage> = []
    await client.findingsIndexedInPages("2030-06-30", (page) => {
      indexedPages.push(page)
    })
    assert.strictEqual(indexedPages.length, 1)
    assert.deepStrictEqual(indexedPages[0]!.indexed, [])
    assert.deepStrictEqual(FindingOrder.sort(indexedPages[0]!.findings), await client.findings("2030-06-30"))
    await client.close()
  })
})
