import { EventStore, Projection } from "@dangjian/core/store"
import { assert, describe, it } from "@effect/vitest"
import { Effect, Layer, Option } from "effect"
import { createHash } from "node:crypto"
import { balancesProjection, codec } from "./fixtures/domain.ts"
import type { Event } from "./fixtures/domain.ts"
import { start } from "./support/children.ts"
import { freshSchema, skipReason, storeLayer, unreachable } from "./support/database.ts"

const writers = 8
const commands = 1_000
const streams = 4
const total = writers * commands

describe.skipIf(unreachable !== undefined)("fault tests: torture (real processes)", () => {
  it.live(
    `${writers} writer processes × ${commands} commands on ${streams} hot streams, 2 consumer processes racing`,
    () => {
      const schema = freshSchema("torture")
      return Effect.gen(function*() {
        const store = yield* EventStore.EventStore
        const writing = Array.from(
          { length: writers },
          (_, w) => start("writer", schema, { WRITER: String(w), COMMANDS: String(commands), STREAMS: String(streams) })
        )
        const consuming = Array.from({ length: 2 }, () => start("consumer", schema, { EXPECTED: String(total) }))
        const codes = yield* Effect.promise(() => Promise.all([...writing, ...consuming].map((c) => c.exited)))
        for (const [i, code] of codes.entries()) {
          const child = [...writing, ...consuming][i]!
          assert.strictEqual(code, 0, `child ${i} failed: ${child.stderr().slice(-3000)}`)
        }

        // The log: every command exactly once, every stream gap-free, every decision on a fresh state.
        const all = yield* store.readAll({ after: 0, limit: total + 10 })
        assert.strictEqual(all.length, total)
        const commandsSeen = new Set(all.map((e) => {
          const data = e.data as Event & { _tag: "Deposited" }
          return `${data.writer}/${data.seq}`
        }))
        assert.strictEqual(commandsSeen.size, total)
        let versions = 0
        for (let s = 0; s < streams; s++) {
          const read = yield* store.readStream(`account-${s}`)
          assert.deepStrictEqual(read.events.map((e) => e.streamPosition), read.events.map((_, i) => i + 1))
          let balance = 0
          for (const e of read.events) {
            const data = e.data as Event & { _tag: "Deposited" }
            balance += data.amount
            assert.strictEqual(data.balanceAfter, balance)
          }
          versions += read.version
        }
        assert.strictEqual(versions, total)

        // Each consumer got every event once, in global order: the same sequence as a fresh read.
        const hash = createHash("sha256")
        for (const e of all) hash.update(e.eventId)
        const digest = hash.digest("hex")
        for (const consumer of consuming) {
          const summary = JSON.parse(consumer.stdout().trim().split("\n").pop()!)
          assert.deepStrictEqual(summary, {
            delivered: total,
            duplicates: 0,
            outOfOrder: 0,
            last: all[all.length - 1]!.globalPosition,
            hash: digest
          })
        }

        // The persisted projection the two consumers raced on equals a fresh replay.
        const projections = yield* Projection.ProjectionStore
        const saved = yield* projections.load(balancesProjection)
        const replayed = yield* Projection.replay(balancesProjection)
        assert.isTrue(Option.isSome(saved))
        assert.deepStrictEqual(Option.getOrThrow(saved), replayed)
        assert.isTrue(replayed.state.globalInOrder)
        assert.isTrue(Object.values(replayed.state.accounts).every((a) => a.inOrder))
      }).pipe(Effect.provide(Layer.fresh(storeLayer(codec, { schema }))))
    },
    180_000
  )
})

if (unreachable !== undefined) {
  describe("fault tests: torture (real processes)", () => {
    it.skip(skipReason, () => {})
  })
}
