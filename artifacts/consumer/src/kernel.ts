// An Effect user's own aggregate on `@dangjian/core/kernel`, and a type from `@dangjian/core/store`.
import { MemoryStore } from "@dangjian/core"
import { CommandHandler, EventCodec, EventDefinition } from "@dangjian/core/kernel"
import type { EventStore } from "@dangjian/core/store"
import { Effect, Result, Schema } from "effect"
import assert from "node:assert/strict"

const Planted = EventDefinition.define("TreePlanted", Schema.TaggedStruct("TreePlanted", { treeId: Schema.String }))
type State = { readonly trees: number }
const decider = {
  initialState: { trees: 0 } as State,
  evolve: (state: State) => ({ trees: state.trees + 1 }),
  decide: (command: { readonly _tag: "Plant"; readonly treeId: string }, _state: State) =>
    Result.succeed([Planted.schema.make({ treeId: command.treeId })])
}
const readHead = (store: EventStore.EventStoreShape) => store.head
const program = Effect.gen(function*() {
  const handled = yield* CommandHandler.handle(decider, "grove-1", { _tag: "Plant", treeId: "pine" }, {
    context: { occurredAt: "2024-03-15" }
  })
  return handled.state.trees
})
const trees = await Effect.runPromise(
  program.pipe(Effect.provide(MemoryStore.layer({ codec: EventCodec.make([Planted]) })))
)
assert.strictEqual(trees, 1)
void readHead
console.log(JSON.stringify({ ok: true, trees }))
