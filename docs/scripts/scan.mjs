// Where the code acts on each rule, found by reading packages/core/src (never listed by hand):
// - `citations`: every `R<n>` in a comment or a string, as file and line (not the ends of a range "R37–R47");
// - `codes`: the message codes tied to a rule: a string literal "R<n>" (a `violation("R16", …)`, a finding's
//   `ruleId: "R50"`, a helper's `orgFinding(state, "R16", …)`) followed, before the next rule id, by string
//   literals that are message codes of the catalogs. A ternary (`project ? "R10" : "R1"`) ties the codes after
//   it to both rules.
import { readdirSync, readFileSync } from "node:fs"
import { join, relative } from "node:path"
import { root } from "./entries.mjs"

export const coreSrc = join(root, "packages", "core", "src")

const sourceFiles = (dir) =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sourceFiles(join(dir, entry.name))
      : entry.name.endsWith(".ts")
      ? [join(dir, entry.name)]
      : []
  ).sort()

const ruleLiteral = /^R(\d{1,2})$/

/** @param {ReadonlySet<string>} knownCodes the message codes of the catalogs */
export const scan = (knownCodes) => {
  /** @type {Map<string, Array<{ file: string, line: number }>>} */
  const citations = new Map()
  /** @type {Map<string, Set<string>>} */
  const codes = new Map()
  for (const path of sourceFiles(coreSrc)) {
    const file = relative(coreSrc, path).split("\\").join("/")
    if (file === "rules/catalog.ts") continue
    const text = readFileSync(path, "utf8")
    text.split("\n").forEach((line, i) => {
      // A range ("R1…R57", "R37–R47") names a span of the specification, not the rules at its ends.
      for (const m of line.replace(/\bR\d{1,2}`?\s*(?:–|-|…|\.\.)\s*`?R\d{1,2}\b/g, "").matchAll(/\bR(\d{1,2})\b/g)) {
        const id = `R${Number(m[1])}`
        const list = citations.get(id) ?? []
        if (!list.some((c) => c.line === i + 1)) list.push({ file, line: i + 1 })
        citations.set(id, list)
      }
    })
    let current = []
    let lastRuleAt = -Infinity
    let sawCode = false
    for (const m of text.matchAll(/"((?:[^"\\\n]|\\.)*)"/g)) {
      const value = m[1]
      const rule = ruleLiteral.exec(value)
      if (rule !== null) {
        const id = `R${Number(rule[1])}`
        current = sawCode || m.index - lastRuleAt > 200 ? [id] : [...current, id]
        sawCode = false
        lastRuleAt = m.index
      } else if (knownCodes.has(value) && current.length > 0 && m.index - lastRuleAt < 600) {
        sawCode = true
        for (const id of current) codes.set(id, (codes.get(id) ?? new Set()).add(value))
      }
    }
  }
  return { citations, codes }
}
