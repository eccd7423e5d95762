// A small counter domain used by the kernel tests: an organization is established, members join and leave.
import { Result, Schema } from "effect"
import type { Decider } from "../../src/kernel/Decider.ts"
import { EventCodec, EventDefinition } from "../../src/kernel/index.ts"

export const Established = EventDefinition.define(
  "Established",
  Schema.TaggedStruct("Established", { orgId: Schema.String, name: Schema.String })
)

// Version 2 of Joined added `role`; version 1 stored `{ orgId, memberId }` only.
export const JoinedV1 = Schema.Struct({ _tag: Schema.Literal("Joined"), orgId: Schema.String, memberId: Schema.String })
export const Joined = EventDefinition.define(
  "Joined",
  Schema.TaggedStruct("Joined", { orgId: Schema.String, memberId: Schema.String, role: Schema.String }),
  {
    version: 2,
    upcasters: [EventDefinition.upcaster(1, JoinedV1, (old) => ({ ...old, role: "member" }))]
  }
)

export const Left = EventDefinition.define(
  "Left",
  Schema.TaggedStruct("Left", { orgId: Schema.String, memberId: Schema.String })
)

export const codec = EventCodec.make([Established, Joined, Left])

export type Event = typeof Established.schema.Type | typeof Joined.schema.Type | typeof Left.schema.Type

export type Command =
  | { readonly _tag: "Establish"; readonly orgId: string }
  | { readonly _tag: "Join"; readonly orgId: string; readonly memberId: string }
  | { readonly _tag: "Leave"; readonly orgId: string; readonly memberId: string }

export interface State {
  readonly established: boolean
  readonly members: ReadonlyArray<string>
}

export type Rejection = "notEstablished" | "notAMember"

export const evolve = (state: State, event: Event): State => {
  switch (event._tag) {
    case "Established":
      return { established: true, members: [] }
    case "Joined":
      return { ...state, members: [...state.members, event.memberId] }
    case "Left":
      return { ...state, members: state.members.filter((m) => m !== event.memberId) }
  }
}

export const decider: Decider<Command, Event, State, Rejection> = {
  initialState: { established: false, members: [] },
  evolve,
  decide: (command, state) => {
    switch (command._tag) {
      case "Establish":
        return Result.succeed(
          state.established ? [] : [Established.schema.make({ orgId: command.orgId, name: `Org ${command.orgId}` })]
        )
      case "Join":
        if (!state.established) return Result.fail("notEstablished")
        return Result.succeed(
          state.members.includes(command.memberId)
            ? []
            : [Joined.schema.make({ orgId: command.orgId, memberId: command.memberId, role: "member" })]
        )
      case "Leave":
        if (!state.members.includes(command.memberId)) return Result.fail("notAMember")
        return Result.succeed([Left.schema.make({ orgId: command.orgId, memberId: command.memberId })])
    }
  }
}

export const context = { occurredAt: "2024-03-15", actor: "clerk-1" }
