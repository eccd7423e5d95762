import { assert, describe, it } from "@effect/vitest"
import { InvalidAppend, Messages, VersionConflict } from "../../src/index.ts"
import { kernelMessages } from "../../src/kernel/messages.ts"

describe("kernel messages", () => {
  it("every kernel code renders in zh-CN and en", () => {
    const codes = Object.keys(kernelMessages.en)
    assert.deepStrictEqual(Object.keys(kernelMessages["zh-CN"]).sort(), [...codes].sort())
    for (const code of codes) assert.isTrue(Messages.isTranslated(code), code)
  })

  it("a version conflict renders in both locales with its versions", () => {
    const error = new VersionConflict({ streamId: "organization-o", expected: "noStream", actual: 3 })
    assert.strictEqual(error.message, "Version conflict on stream organization-o: expected noStream, actual version 3")
    assert.strictEqual(Messages.render(error, "zh-CN"), "流 organization-o 版本冲突:期望流不存在,实际版本 3")
  })

  it("every reason of an invalid append says what is wrong in both locales", () => {
    const reasons = InvalidAppend.fields.reason.literals
    assert.isAtLeast(reasons.length, 9)
    for (const reason of reasons) {
      const error = new InvalidAppend({ reason, detail: "" })
      for (const rendered of [error.message, Messages.render(error, "zh-CN")]) {
        assert.notInclude(rendered, reason, rendered)
      }
    }
    const duplicate = new InvalidAppend({ reason: "duplicateStream", detail: "organization-o" })
    assert.strictEqual(duplicate.message, "Invalid append: a stream appears more than once (organization-o)")
    assert.strictEqual(Messages.render(duplicate, "zh-CN"), "追加请求无效:同一个流出现了多次(organization-o)")
  })

  it("an unknown code renders as the code and its params, losing nothing", () => {
    assert.strictEqual(Messages.renderCode("no.such.code", { a: 1 }, "en"), "no.such.code (a=1)")
  })
})
