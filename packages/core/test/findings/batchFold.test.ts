// Projection.applyBatch must be an optimisation only: folding a batch gives what `apply` gives event by event,
// for every projection that defines it, at any batch size and for any as-of date.
import { Arbitraries } from "@dangjian/testing"
import { assert, describe, it } from "@effect/vitest"
import { Effect } from "effect"
import fc from "fast-check"
import {
  Compliance,
  Dangjian,
  Finding,
  GovernancePolicy,
  MemberRoster,
  MemoryStore,
  OrganizationTree
} from "../../src/index.ts"
import type { Envelope } from "../../src/kernel/index.ts"
import { EventStore, Projection } from "../../src/kernel/index.ts"

const policies = GovernancePolicy.national

const logOf = (commands: ReadonlyArray<Dangjian.Command>) =>
  Effect.runPromise(
    Effect.gen(function*() {
      for (const command of commands) yield* Effect.result(Dangjian.execute(command, { policies }))
      const store = yield* EventStore.EventStore
      return yield* store.readAll({ after: 0, limit: 1_000_000 })
    }).pipe(Effect.provide(MemoryStore.layer({ codec: Dangjian.codec })))
  )

const oneByOne = <S>(projection: Projection.Projection<S>, log: ReadonlyArray<Envelope.Envelope>): S =>
  log.reduce(projection.apply, projection.initialState)

// Frozen in depth, so that a batch fold writing into the state it was given (say the shared initial state)
// throws instead of passing.
const deepFreeze = <A>(value: A): A => {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const child of Object.values(value)) deepFreeze(child)
  }
  return value
}

const inBatches = <S>(projection: Projection.Projection<S>, log: ReadonlyArray<Envelope.Envelope>, size: number) => {
  let state = projection.initialState
  for (let i = 0; i < log.length; i += size) {
    state = Projection.foldEnvelopes(projection, deepFreeze(state), log.slice(i, i + size))
  }
  return state
}

describe("Projection.applyBatch", () => {
  it("equals apply event by event: tree, roster, compliance view (as of any date), at any batch size", async () => {
    let compared = 0
    await fc.assert(
      fc.asyncProperty(
        Arbitraries.townshipHistory(),
        fc.integer({ min: 1, max: 64 }),
        fc.constantFrom("2022-06-30", "2024-03-01", "2025-12-31", "2030-01-01"),
        async (history, size, asOf) => {
          const log = await logOf(history.accepted)
          const projections: ReadonlyArray<Projection.Projection<unknown>> = [
            OrganizationTree.projection,
            OrganizationTree.asOf(asOf),
            MemberRoster.projection,
            MemberRoster.asOf(asOf),
            Compliance.projection(asOf)
          ] as ReadonlyArray<Projection.Projection<unknown>>
          for (const projection of projections) {
            assert.isDefined(projection.applyBatch, projection.name)
            assert.deepStrictEqual(inBatches(projection, log, size), oneByOne(projection, log), projection.name)
          }
          const view = inBatches(Compliance.projection(asOf), log, size)
          const found = Compliance.findings(view, policies)
          assert.deepStrictEqual(found, Compliance.findings(oneByOne(Compliance.projection(asOf), log), policies))
          // `assess` is the same findings before sorting.
          assert.deepStrictEqual(Finding.sort(Compliance.assess(view, policies)), found)
          compared += log.length
        }
      ),
      { numRuns: 25 }
    )
    assert.isAbove(compared, 200)
  }, 120_000)
})
