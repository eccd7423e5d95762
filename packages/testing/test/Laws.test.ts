import type { Decider } from "@dangjian/core"
import { assert, describe, it } from "@effect/vitest"
import { Result } from "effect"
import fc from "fast-check"
import { Laws } from "../src/index.ts"

// The kernel's counter fixture: an organization is established, members join and leave.
type Command =
  | { readonly _tag: "Establish" }
  | { readonly _tag: "Join"; readonly memberId: string }
  | { readonly _tag: "Leave"; readonly memberId: string }
type Event =
  | { readonly _tag: "Established" }
  | { readonly _tag: "Joined"; readonly memberId: string }
  | { readonly _tag: "Left"; readonly memberId: string }
interface State {
  readonly established: boolean
  readonly members: ReadonlyArray<string>
}

const evolve = (state: State, event: Event): State => {
  switch (event._tag) {
    case "Established":
      return { established: true, members: [] }
    case "Joined":
      return { ...state, members: [...state.members, event.memberId] }
    case "Left":
      return { ...state, members: state.members.filter((m) => m !== event.memberId) }
  }
}

const good: Decider.Decider<Command, Event, State, "notEstablished" | "notAMember"> = {
  initialState: { established: false, members: [] },
  evolve,
  decide: (command, state) => {
    switch (command._tag) {
      case "Establish":
        return Result.succeed(state.established ? [] : [{ _tag: "Established" }])
      case "Join":
        if (!state.established) return Result.fail("notEstablished")
        return Result.succeed(
          state.members.includes(command.memberId) ? [] : [{ _tag: "Joined", memberId: command.memberId }]
        )
      case "Leave":
        if (!state.members.includes(command.memberId)) return Result.fail("notAMember")
        return Result.succeed([{ _tag: "Left", memberId: command.memberId }])
    }
  }
}

// Broken: Join is not idempotent (a member joins twice), and Leave throws on a non-member.
const broken: Decider.Decider<Command, Event, State, "notEstablished"> = {
  ...good,
  decide: (command, state) => {
    switch (command._tag) {
      case "Establish":
        return Result.succeed(state.established ? [] : [{ _tag: "Established" }])
      case "Join":
        if (!state.established) return Result.fail("notEstablished")
        return Result.succeed([{ _tag: "Joined", memberId: command.memberId }])
      case "Leave":
        if (!state.members.includes(command.memberId)) throw new Error("not a member")
        return Result.succeed([{ _tag: "Left", memberId: command.memberId }])
    }
  }
}

// Broken differently: Join always records a join, even for a member already on the roster.
const nonIdempotent: Decider.Decider<Command, Event, State, "notEstablished" | "notAMember"> = {
  ...good,
  decide: (command, state) =>
    command._tag === "Join" && state.established
      ? Result.succeed([{ _tag: "Joined", memberId: command.memberId }])
      : good.decide(command, state)
}

const member = fc.constantFrom("m1", "m2", "m3")
const command: fc.Arbitrary<Command> = fc.oneof(
  fc.constant({ _tag: "Establish" as const }),
  fc.record({ _tag: fc.constant("Join" as const), memberId: member }),
  fc.record({ _tag: fc.constant("Leave" as const), memberId: member })
)
const commands = fc.array(command, { maxLength: 30 })
const events: fc.Arbitrary<ReadonlyArray<Event>> = fc.array(
  fc.oneof(
    fc.constant({ _tag: "Established" as const }),
    fc.record({ _tag: fc.constant("Joined" as const), memberId: member }),
    fc.record({ _tag: fc.constant("Left" as const), memberId: member })
  ),
  { maxLength: 30 }
)
const isJoin = (c: Command) => c._tag === "Join" || c._tag === "Establish"

describe("Laws", () => {
  it("a sound decider obeys every law", () => {
    fc.assert(Laws.decideNeverThrows(good, commands), { numRuns: 200 })
    fc.assert(Laws.replayDeterminism(good, commands), { numRuns: 200 })
    fc.assert(Laws.idempotentReapply(good, commands, isJoin), { numRuns: 200 })
    fc.assert(Laws.projectionIsFold({ initialState: good.initialState, apply: evolve }, events), { numRuns: 200 })
  })

  it("catches a decider that throws, with a shrunk counterexample of one command", () => {
    const out = fc.check(Laws.decideNeverThrows(broken, commands), { seed: 42, numRuns: 500 })
    assert.isTrue(out.failed)
    const [shrunk] = out.counterexample ?? [[]]
    assert.deepStrictEqual(shrunk, [{ _tag: "Leave", memberId: "m1" }])
  })

  it("catches a non-idempotent decision, shrunk to establish then join", () => {
    const out = fc.check(Laws.idempotentReapply(nonIdempotent, commands, isJoin), { seed: 42, numRuns: 500 })
    assert.isTrue(out.failed)
    const [shrunk] = out.counterexample ?? [[]]
    assert.deepStrictEqual(shrunk, [{ _tag: "Establish" }, { _tag: "Join", memberId: "m1" }])
  })

  it("catches a projection that is not a fold (it depends on how often it is called)", () => {
    let calls = 0
    const impure = {
      initialState: 0,
      apply: (n: number, _e: Event) => n + 1 + (calls++ % 2)
    }
    const out = fc.check(Laws.projectionIsFold(impure, events), { seed: 1, numRuns: 200 })
    assert.isTrue(out.failed)
    const [shrunk] = out.counterexample ?? [[]]
    assert.isTrue(shrunk.length <= 2)
  })
})
