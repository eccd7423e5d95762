// `dangjian rules`, run as a process: a clerk who reads R16 in a report looks it up, in either language.
import { Rules } from "@dangjian/core"
import { assert, beforeAll, describe, it } from "vitest"
import { ensureBuilt, run, workdir as cwd } from "./support/cli.ts"

beforeAll(ensureBuilt, 180_000)

describe("dangjian rules", () => {
  it("prints a rule's title, class, source and policy fields, zh-CN by default and en on request", () => {
    const r16 = Rules.get("R16")!
    const zh = run(cwd(), ["rules", "R16"], { env: { LANG: undefined } })
    assert.strictEqual(zh.code, 0, zh.stderr)
    assert.include(zh.stdout, `R16  ${r16.title["zh-CN"]}`)
    assert.include(zh.stdout, `依据:${r16.source}`)
    assert.include(zh.stdout, r16.classes.join(", "))
    for (const knob of r16.knobs) assert.include(zh.stdout, knob)
    const en = run(cwd(), ["rules", "r16", "R1", "--lang", "en"])
    assert.strictEqual(en.code, 0, en.stderr)
    // In catalog order, whatever order they were asked in.
    assert.isBelow(en.stdout.indexOf("R1  "), en.stdout.indexOf("R16  "))
    assert.include(en.stdout, `R16  ${r16.title.en}`)
    assert.include(en.stdout, `source: ${r16.source}`)
  })

  it("lists every rule of the catalog when none is named", () => {
    const all = run(cwd(), ["rules", "--lang", "en"])
    assert.strictEqual(all.code, 0, all.stderr)
    const ids = [...all.stdout.matchAll(/^(R\d+) {2}/gm)].map((m) => m[1])
    assert.deepStrictEqual(ids, Rules.all.map((rule) => rule.id))
  })

  it("an id that names no rule is a usage error on stderr, exit 2", () => {
    const unknown = run(cwd(), ["rules", "R999", "--lang", "en"])
    assert.strictEqual(unknown.code, 2)
    assert.strictEqual(unknown.stdout, "")
    assert.include(unknown.stderr, "no rule R999")
  })
})
