// The rule catalog against the rules specification and the code: R1–R96 each once and in order, every rule id
// the source cites (in a comment, a `ruleId` or a `violation(...)`) is in the catalog with a source, and every
// policy field a rule names as its knob exists in the `GovernancePolicy` Schema. The documentation's rules page
// is generated from this catalog, so a rule cited in code but missing here would be missing there too.
import { assert, describe, it } from "@effect/vitest"
import { readdirSync, readFileSync } from "node:fs"
import { join, relative } from "node:path"
import { fileURLToPath } from "node:url"
import { GovernancePolicy } from "../../src/policy/model.ts"
import * as Rules from "../../src/rules/catalog.ts"

const src = fileURLToPath(new URL("../../src", import.meta.url))

const sourceFiles = (dir: string): Array<string> =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sourceFiles(join(dir, entry.name))
      : entry.name.endsWith(".ts")
      ? [join(dir, entry.name)]
      : []
  )

// Every `R<n>` in the source, in comments and strings alike, with where it was seen.
const cited = (): Map<string, Array<string>> => {
  const seen = new Map<string, Array<string>>()
  for (const file of sourceFiles(src)) {
    if (file.endsWith(join("rules", "catalog.ts"))) continue
    const lines = readFileSync(file, "utf8").split("\n")
    lines.forEach((line, i) => {
      for (const m of line.matchAll(/\bR(\d{1,2})\b/g)) {
        const id = `R${Number(m[1])}`
        const where = `${relative(src, file)}:${i + 1}`
        seen.set(id, [...(seen.get(id) ?? []), where])
      }
    })
  }
  return seen
}

// A Schema struct's field by path (`membership.lapseMonths`), looking through `optionalKey` wrappers.
const fieldAt = (path: string): unknown => {
  let current: unknown = GovernancePolicy
  for (const segment of path.split(".")) {
    const fields = (current as { fields?: Record<string, unknown> }).fields
      ?? (current as { schema?: { fields?: Record<string, unknown> } }).schema?.fields
    if (fields === undefined || !Object.hasOwn(fields, segment)) return undefined
    current = fields[segment]
  }
  return current
}

// Every path of the policy Schema (`membership.lapseMonths`), looking through `optionalKey` wrappers.
const policyPaths = (schema: unknown = GovernancePolicy, prefix = ""): Array<string> => {
  const fields = (schema as { fields?: Record<string, unknown> }).fields
    ?? (schema as { schema?: { fields?: Record<string, unknown> } }).schema?.fields
  if (fields === undefined) return []
  return Object.entries(fields).flatMap(([name, field]) => [
    `${prefix}${name}`,
    ...policyPaths(field, `${prefix}${name}.`)
  ])
}

// The rule ids a policy field's own JSDoc names (`/** R39: months without org life … */ lapseMonths:`), by field
// name; a range ("R37–R47: the membership pillar's figures") names a group, not a rule, and is left out.
const rulesInFieldDocs = (): Map<string, Array<string>> => {
  const byField = new Map<string, Array<string>>()
  for (const file of sourceFiles(join(src, "policy"))) {
    const text = readFileSync(file, "utf8")
    for (const m of text.matchAll(/\/\*\*((?:(?!\*\/)[\s\S])*)\*\/\s*\n\s*([A-Za-z]+):/g)) {
      const doc = m[1]!.replace(/\bR\d{1,2}\s*[–-]\s*R\d{1,2}\b/g, "")
      const ids = [...doc.matchAll(/\bR(\d{1,2})\b/g)].map((r) => `R${Number(r[1])}`)
      if (ids.length > 0) byField.set(m[2]!, [...new Set([...(byField.get(m[2]!) ?? []), ...ids])])
    }
  }
  return byField
}

describe("the rule catalog", () => {
  it("holds R1 to R96, each once, in order", () => {
    assert.deepStrictEqual(
      Rules.all.map((r) => r.id),
      Array.from({ length: 96 }, (_, i) => `R${i + 1}`)
    )
    assert.strictEqual(new Set(Rules.all.map((r) => r.id)).size, Rules.all.length)
  })

  it("every rule id cited in packages/core/src is in the catalog with a non-empty source", () => {
    const citations = cited()
    assert.isAbove(citations.size, 30)
    const missing = [...citations].filter(([id]) => {
      const rule = Rules.get(id)
      return rule === undefined || rule.source.trim().length === 0
    }).map(([id, where]) => `${id} (${where.slice(0, 3).join(", ")})`)
    assert.deepStrictEqual(missing, [])
  })

  it("every rule has both titles, a source, a section and its classes in the order HARD, REC, CONF", () => {
    const sections = new Set(Rules.sections.map((s) => s.id))
    const order = ["HARD", "REC", "CONF"]
    for (const rule of Rules.all) {
      assert.isAbove(rule.title["zh-CN"].trim().length, 0, rule.id)
      assert.isAbove(rule.title.en.trim().length, 0, rule.id)
      assert.isAbove(rule.source.trim().length, 0, rule.id)
      assert.isTrue(sections.has(rule.section), rule.id)
      assert.isAbove(rule.classes.length, 0, rule.id)
      assert.deepStrictEqual(
        [...rule.classes],
        order.filter((c) => rule.classes.includes(c as Rules.RuleClass)),
        rule.id
      )
    }
  })

  it("every knob is a field of the GovernancePolicy Schema", () => {
    const unknown = Rules.all.flatMap((r) =>
      r.knobs.filter((k) => fieldAt(k) === undefined).map((k) => `${r.id}: ${k}`)
    )
    assert.deepStrictEqual(unknown, [])
  })

  it("a policy field whose documentation names a rule is among that rule's knobs (or inside one, or holds one)", () => {
    const docs = rulesInFieldDocs()
    assert.isAbove(docs.size, 20)
    const missing: Array<string> = []
    for (const path of policyPaths()) {
      for (const id of docs.get(path.split(".").at(-1)!) ?? []) {
        const knobs = Rules.get(id)?.knobs ?? []
        const covered = knobs.some((k) => k === path || path.startsWith(`${k}.`) || k.startsWith(`${path}.`))
        if (!covered) missing.push(`${id}: ${path}`)
      }
    }
    assert.deepStrictEqual(missing, [])
  })

  it("looks rules up by id, by section and by policy field", () => {
    assert.strictEqual(Rules.get("R16")?.title["zh-CN"], "正式党员7人以上的党支部应当设立支部委员会")
    assert.deepStrictEqual(Rules.get("R16")?.classes, ["HARD", "REC", "CONF"])
    assert.isUndefined(Rules.get("R0"))
    assert.isUndefined(Rules.get("constructor"))
    assert.deepStrictEqual(Rules.inSection("dualRegistration").map((r) => r.id), ["R47"])
    assert.deepStrictEqual(Rules.changedBy("election.quorumInclusive").map((r) => r.id), ["R23"])
    assert.includeMembers(Rules.changedBy("membership").map((r) => r.id), ["R37", "R39", "R47"])
  })
})
