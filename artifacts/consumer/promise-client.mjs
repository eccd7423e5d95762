// A plain JavaScript application with no Effect code: the Promise client on the SQLite store.
import { Dangjian, PromiseClient, RuleViolation } from "@dangjian/core"
import { SqliteStore } from "@dangjian/store-sqlite"
import assert from "node:assert/strict"
import { mkdtempSync } from "node:fs"
import { join } from "node:path"

// In the consumer folder (the test runs here), which the artifact setup removes afterwards.
const filename = join(mkdtempSync(join(process.cwd(), "js-")), "town.db")
const client = PromiseClient.make({ store: SqliteStore.layer({ filename, codec: Dangjian.codec }), actor: "clerk-7" })
try {
  await client.execute({
    _tag: "EstablishOrganization",
    orgId: "town",
    name: "Town committee",
    kind: "townshipCommittee",
    formation: "standalone",
    locus: "township",
    approval: { by: "county", level: "county", at: "2024-01-01" },
    initialMembers: [],
    at: "2024-01-01"
  })
  const branch = (orgId, full) => ({
    _tag: "EstablishOrganization",
    orgId,
    name: orgId,
    kind: "branch",
    formation: "standalone",
    locus: "village",
    parentId: "town",
    approval: { by: "town", level: "township", at: "2024-01-01" },
    initialMembers: Array.from({ length: full }, (_, i) => ({ memberId: `${orgId}-${i}`, status: "full" })),
    at: "2024-01-01"
  })
  const executed = await client.execute(branch("east", 12))
  assert.deepStrictEqual(executed.streams.map((s) => s.streamId).sort(), ["organization-east", "organization-town"])
  // Rejections are typed errors with a rule id; bad JSON is a decode error naming the path
  await assert.rejects(
    client.execute(branch("west", 2)),
    (error) => error instanceof RuleViolation && error.ruleId === "R1"
  )
  await assert.rejects(client.execute({ _tag: "Nonsense" }), (error) => error._tag === "CommandDecodeError")
  await assert.rejects(
    client.execute({ ...branch("x", 3), orgId: 7 }),
    (error) => error._tag === "CommandDecodeError" && error.path === "orgId"
  )
  // Members with streams of their own: by 2030 their organizational life has lapsed (R39), which the findings index
  // counts without reading their rows.
  for (const memberId of ["m1", "m2", "m3"]) {
    await client.execute({ _tag: "RegisterMember", memberId, orgId: "east", status: "full", at: "2024-02-01" })
  }
  const tree = await client.tree()
  const findings = await client.findings("2024-06-30")
  const later = await client.findings("2030-06-30")
  let counted = 0
  const indexed = []
  await client.findingsIndexedInPages("2030-06-30", (page) => {
    counted += page.findings.length
    for (const member of page.indexed) {
      indexed.push(member.memberId)
      counted += member.findings.length
    }
  })
  assert.deepStrictEqual(indexed.sort(), ["m1", "m2", "m3"])
  assert.strictEqual(counted, later.length)
  // Counted in groups: the three members share their affiliation and findings, one group of three, no ids.
  let grouped = 0
  const groups = []
  await client.findingsIndexedInPages("2030-06-30", (page) => {
    grouped += page.findings.length
    for (const group of page.groups) {
      groups.push([group.orgId, group.members])
      grouped += group.findings.length * group.members
    }
  }, { grouped: true })
  assert.deepStrictEqual(groups, [["east", 3]])
  assert.strictEqual(grouped, later.length)
  console.log(JSON.stringify({
    ok: true,
    organizations: Object.keys(tree.orgs).length,
    findings: findings.length,
    indexed: indexed.length
  }))
} finally {
  await client.close()
}
