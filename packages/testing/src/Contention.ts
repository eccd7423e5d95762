/**
 * The command loop under contention, on any store: eight writers at once transfer members into one
 * organization (each receipt is one atomic append to the member, the origin and the destination, R42), and
 * every command succeeds under the default retry policy (`CommandHandler.CommandRetry`, a jittered exponential
 * backoff). Afterwards the destination's count equals a replay of the log, and at every commit each member is
 * on exactly one roster (R38).
 *
 * @since 0.2.0
 */
import { Dangjian, MemberRoster, Organization, PolicyTimeline } from "@dangjian/core"
import type { Envelope, EventStore } from "@dangjian/core/kernel"
import { CommandHandler, EventStore as EventStoreModule, Projection } from "@dangjian/core/kernel"
import type { EventCodec } from "@dangjian/core/kernel"
import { assert, describe, it } from "@effect/vitest"
import type { Layer } from "effect"
import { Effect } from "effect"

/**
 * @category models
 * @since 0.2.0
 */
export interface ContentionOptions {
  /** A fresh, empty store for one test, built with the given codec. */
  readonly makeStore: (codec: EventCodec.EventCodec<any>) => Layer.Layer<EventStore.EventStore, unknown>
  /** Concurrent writers (default 8). */
  readonly writers?: number
  /** Members each writer transfers (default 4). */
  readonly transfersPerWriter?: number
  /** Test timeout in milliseconds (default 120,000). */
  readonly timeout?: number
}

const approval = { by: "town", level: "township" as const, at: "2024-01-01" }

const branch = (orgId: string, memberIds: ReadonlyArray<string>): Dangjian.Command => ({
  _tag: "EstablishOrganization",
  orgId,
  name: `Branch ${orgId}`,
  kind: "branch",
  formation: "standalone",
  locus: "village",
  parentId: "town",
  approval,
  initialMembers: memberIds.map((memberId) => ({ memberId, status: "full" as const })),
  at: "2024-01-01"
})

// Each member's organizations after every commit, from the roster events of the log (one commit = one command,
// told apart by its command id).
const affiliationsAtEveryCommit = (log: ReadonlyArray<Envelope.Envelope>): ReadonlyArray<string> => {
  const orgsOf = new Map<string, Set<string>>()
  const problems: Array<string> = []
  const check = (commandId: string | undefined) => {
    for (const [memberId, orgs] of orgsOf) {
      if (orgs.size > 1) problems.push(`after ${commandId}: ${memberId} on ${[...orgs].sort().join(", ")}`)
    }
  }
  let current: string | undefined
  for (const envelope of log) {
    if (envelope.metadata.commandId !== current) check(current)
    current = envelope.metadata.commandId
    const data = envelope.data as { readonly orgId?: string; readonly memberId?: string }
    if (data.memberId === undefined || data.orgId === undefined) continue
    const orgs = orgsOf.get(data.memberId) ?? new Set<string>()
    orgsOf.set(data.memberId, orgs)
    if (envelope.type === "RosterMemberAdded") orgs.add(data.orgId)
    if (envelope.type === "RosterMemberRemoved") orgs.delete(data.orgId)
  }
  check(current)
  return problems
}

/**
 * Registers the contention test for a store.
 *
 * @example
 * ```ts no-run
 * import { commandContention } from "@dangjian/testing"
 *
 * commandContention("in-memory", { makeStore: (codec) => MemoryStore.layer({ codec }) })
 * ```
 *
 * @category suites
 * @since 0.2.0
 */
export const commandContention = (name: string, options: ContentionOptions): void => {
  const writers = options.writers ?? 8
  const perWriter = options.transfersPerWriter ?? 4
  const origins = Array.from({ length: writers }, (_, i) => `origin${i}`)
  const movers = (origin: string) => Array.from({ length: perWriter }, (_, j) => `${origin}-m${j}`)
  // Three members stay at every origin and three are at the destination from the start.
  const stayers = (orgId: string) => Array.from({ length: 3 }, (_, j) => `${orgId}-s${j}`)
  let commandSeq = 0
  const execute = (command: Dangjian.Command) =>
    Dangjian.execute(command, { policies: PolicyTimeline.national, commandId: `c${commandSeq++}` })

  describe(`Command loop under contention: ${name}`, () => {
    it.live(
      `${writers} writers transferring ${writers * perWriter} members into one organization all succeed`,
      () =>
        Effect.gen(function*() {
          yield* execute({
            _tag: "EstablishOrganization",
            orgId: "town",
            name: "Town committee",
            kind: "townshipCommittee",
            formation: "standalone",
            locus: "township",
            approval: { by: "county", level: "county", at: "2024-01-01" },
            initialMembers: [],
            at: "2024-01-01"
          })
          yield* execute(branch("destination", stayers("destination")))
          for (const origin of origins) {
            yield* execute(branch(origin, [...movers(origin), ...stayers(origin)]))
            for (const memberId of movers(origin)) {
              yield* execute({ _tag: "RegisterMember", memberId, orgId: origin, status: "full", at: "2024-01-02" })
            }
          }
          // Every writer issues and receives its members' letters; the receipts all append to the destination.
          const outcomes = yield* Effect.forEach(
            origins,
            (origin) =>
              Effect.forEach(movers(origin), (memberId) =>
                Effect.gen(function*() {
                  yield* execute({
                    _tag: "IssueTransferLetter",
                    memberId,
                    transferId: `t-${memberId}`,
                    toOrgId: "destination",
                    at: "2024-03-01"
                  })
                  return yield* execute({
                    _tag: "ReceiveTransfer",
                    memberId,
                    transferId: `t-${memberId}`,
                    at: "2024-03-05"
                  })
                }).pipe(Effect.result)),
            { concurrency: "unbounded" }
          )
          const failures = outcomes.flat().filter((r) => r._tag === "Failure")
          assert.deepStrictEqual(failures.map((r) => r._tag === "Failure" ? r.failure._tag : ""), [])

          const destination = yield* CommandHandler.load(Organization.fold, Organization.streamId("destination"))
          assert.strictEqual(Organization.fullCount(destination.state), 3 + writers * perWriter)
          const replayed = yield* Projection.replay(MemberRoster.projection)
          assert.strictEqual(MemberRoster.countsOf(replayed.state, "destination").full, writers * perWriter)
          for (const origin of origins) {
            const state = yield* CommandHandler.load(Organization.fold, Organization.streamId(origin))
            assert.strictEqual(Organization.fullCount(state.state), 3)
          }
          const log = yield* EventStoreModule.EventStore.use((store) => store.readAll({ after: 0, limit: 1_000_000 }))
          assert.deepStrictEqual(affiliationsAtEveryCommit(log), [])
        }).pipe(Effect.provide(options.makeStore(Dangjian.codec))),
      options.timeout ?? 120_000
    )
  })
}
