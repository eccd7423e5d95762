// The message catalogs of the appraisal, points and roles aggregates: every code their sources emit has a
// zh-CN and an en template, both locales have the same codes, and no template shows a param it was not given
// as anything but a dash.
import { assert, describe, it } from "@effect/vitest"
import { readdirSync, readFileSync } from "node:fs"
import { join } from "node:path"
import { appraisalMessages } from "../../src/appraisal/messages.ts"
import { Messages } from "../../src/index.ts"
import { pointsMessages } from "../../src/points/messages.ts"
import { rolesMessages } from "../../src/roles/messages.ts"

const sources = (dir: string): ReadonlyArray<string> =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sources(join(dir, entry.name)) : entry.name.endsWith(".ts") ? [join(dir, entry.name)] : []
  )

describe("appraisal, points and roles messages", () => {
  for (
    const [folder, catalogs] of [["appraisal", appraisalMessages], ["points", pointsMessages], [
      "roles",
      rolesMessages
    ]] as const
  ) {
    it(`every code the ${folder} aggregate emits renders in zh-CN and en`, () => {
      const used = new Set<string>()
      for (const file of sources(join(import.meta.dirname, `../../src/${folder}`))) {
        if (file.endsWith("messages.ts")) continue
        for (
          const match of readFileSync(file, "utf8").matchAll(
            /(?<!name: )"((?:appraisal|points|roles|member|organization|domain)\.[A-Za-z.]+)"/g
          )
        ) {
          used.add(match[1]!)
        }
      }
      assert.isAbove(used.size, 8)
      for (const code of used) assert.isTrue(Messages.isTranslated(code), code)
      assert.deepStrictEqual(Object.keys(catalogs["zh-CN"]).sort(), Object.keys(catalogs.en).sort())
      // every template renders without params (missing params show as a dash, never "undefined")
      for (const locale of ["zh-CN", "en"] as const) {
        for (const [code, template] of Object.entries(catalogs[locale])) {
          assert.notInclude(template({}), "undefined", `${locale} ${code}`)
        }
      }
    })
  }

  it("labels of grades, disposal forms and duty posts render in both locales", () => {
    assert.strictEqual(Messages.renderCode("appraisal.grade.basicallyQualified", {}, "zh-CN"), "基本合格")
    assert.strictEqual(
      Messages.renderCode("appraisal.form.adviseToWithdraw", {}, "en"),
      "advice to withdraw (劝其退党)"
    )
    assert.strictEqual(Messages.renderCode("points.postKind.environment", {}, "zh-CN"), "环境整治岗")
    assert.strictEqual(Messages.renderCode("roles.cadreSource.retained", {}, "zh-CN"), "留用一批")
  })
})
