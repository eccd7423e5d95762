import { EventDefinition } from "@dangjian/core/kernel"
import { EventCodec, EventStore } from "@dangjian/core/store"
import { assert, describe, it } from "@effect/vitest"
import { Effect, Layer, Redacted, Result, Schema } from "effect"
import { PostgresStore, StoreConfig } from "../src/index.ts"

const codec = EventCodec.make([EventDefinition.define("Pinged", Schema.TaggedStruct("Pinged", {}))])

describe("StoreConfig", () => {
  it("accepts plain lower-case names and builds quoted, qualified identifiers", () => {
    const names = StoreConfig.names({ schema: "dangjian_prod", tablePrefix: "dj_" })
    assert.isTrue(Result.isSuccess(names))
    const n = (names as Result.Success<StoreConfig.Names, never>).success
    assert.strictEqual(n.events, `"dangjian_prod"."dj_events"`)
    assert.strictEqual(n.migrationsTable, "dangjian_prod.dj_migrations")
    assert.strictEqual(n.channel, "dangjian_dangjian_prod_dj_events")
    assert.strictEqual(Result.getOrThrow(StoreConfig.names({})).schemaIdent, `"dangjian"`)
  })

  const hostile: ReadonlyArray<readonly [string, { schema?: string; tablePrefix?: string }]> = [
    ["a quote", { schema: `x"; DROP SCHEMA public CASCADE; --` }],
    ["a semicolon", { schema: "x;drop" }],
    ["upper case", { schema: "Public" }],
    ["a dot", { schema: "a.b" }],
    ["a space", { schema: "a b" }],
    ["empty", { schema: "" }],
    ["too long", { schema: "a".repeat(49) }],
    ["a leading digit", { schema: "1abc" }],
    ["a reserved pg_ name", { schema: "pg_catalog" }],
    ["information_schema", { schema: "information_schema" }],
    ["a non-ASCII letter", { schema: "dangjiän" }],
    ["a hostile prefix", { tablePrefix: `x"."y` }],
    ["a prefix with a dash", { tablePrefix: "dj-" }]
  ]
  for (const [title, settings] of hostile) {
    it(`refuses ${title} with InvalidStoreConfig, without echoing it`, () => {
      const result = StoreConfig.names(settings)
      assert.isTrue(Result.isFailure(result))
      const error = (result as Result.Failure<never, StoreConfig.InvalidStoreConfig>).failure
      assert.strictEqual(error._tag, "InvalidStoreConfig")
      assert.strictEqual(error.code, "store.invalidConfig")
      const value = settings.schema ?? settings.tablePrefix!
      if (value.length > 0) assert.notInclude(error.message, value)
      assert.isString(StoreConfig.storeMessages["zh-CN"][error.code]?.(error.params))
    })
  }

  it.effect("a layer with a hostile schema fails before it opens any connection", () =>
    Effect.gen(function*() {
      // Nothing listens on port 1: a connection attempt would fail with StoreUnavailable instead.
      const layer = PostgresStore.layer({
        url: Redacted.make("postgres://nobody@127.0.0.1:1/none"),
        schema: `dangjian"; DROP TABLE x; --`,
        codec
      })
      const result = yield* Effect.result(
        EventStore.EventStore.use((s) => s.head).pipe(Effect.provide(Layer.fresh(layer)))
      )
      assert.strictEqual(Result.isFailure(result) ? result.failure._tag : "Success", "InvalidStoreConfig")
    }))
})
