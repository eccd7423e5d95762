import { assert, describe, it } from "vitest"
import type { RuleViolation } from "../../src/index.ts"
import { Dangjian, MemoryStore, Messages, PromiseClient } from "../../src/index.ts"
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
})
