// Differential test: the same random accepted history (organization histories, and township histories across
// the three pillars), written into the in-memory store, the SQLite store (`:memory:`) and the PostgreSQL
// store (a fresh schema per run, dropped afterwards), gives the same log, the same projections
// (OrganizationTree, MemberRoster, UnitCheckInRegister, AgreementRegister, CouncilRegister) and the same Compliance
// views and findings. PostgreSQL tests are
// skipped, with the reason in their title, only when the server is unreachable (set DATABASE_URL).
import {
  AgreementRegister,
  Compliance,
  CouncilRegister,
  Dangjian,
  DevelopmentRegister,
  DuesRegister,
  GovernancePolicy,
  LeadershipRegister,
  MeetingRegister,
  MemberRoster,
  MemoryStore,
  OrganizationTree,
  UnitCheckInRegister
} from "@dangjian/core"
import type { Envelope } from "@dangjian/core/kernel"
import { EventStore, Projection, ReadModel } from "@dangjian/core/kernel"
import { PostgresStore } from "@dangjian/store-postgres"
import { SqliteStore } from "@dangjian/store-sqlite"
import { PgClient } from "@effect/sql-pg"
import { assert, describe, it } from "@effect/vitest"
import { Effect, Layer, Option, Redacted } from "effect"
import { SqlClient } from "effect/sql"
import fc from "fast-check"
import { randomBytes } from "node:crypto"
import { connect } from "node:net"
import { Arbitraries, DangjianWorld, Laws } from "../src/index.ts"

const databaseUrl = process.env["DATABASE_URL"] ?? "postgres://postgres@127.0.0.1:5432/test"

const probe = (url: string): Promise<string | undefined> =>
  new Promise((resolve) => {
    let host = "127.0.0.1"
    let port = 5432
    try {
      const parsed = new URL(url)
      host = parsed.hostname || host
      port = parsed.port === "" ? 5432 : Number(parsed.port)
    } catch {
      resolve("DATABASE_URL is not a URL")
      return
    }
    const socket = connect({ host, port })
    const done = (reason: string | undefined) => {
      socket.destroy()
      resolve(reason)
    }
    socket.setTimeout(2_000, () => done(`no answer from ${host}:${port} within 2 s`))
    socket.once("connect", () => done(undefined))
    socket.once("error", (error) => done(`${host}:${port} refused the connection (${error.message})`))
  })

const unreachable = await probe(databaseUrl)
const pgIt = unreachable === undefined ? it : it.skip
const pgTitle = (title: string) =>
  unreachable === undefined ? title : `${title} [skipped: PostgreSQL unreachable (${unreachable}); set DATABASE_URL]`

type StoreLayer = Layer.Layer<EventStore.EventStore, unknown>

const memory = (): StoreLayer => MemoryStore.layer({ codec: Dangjian.codec })
const sqlite = (): StoreLayer => SqliteStore.layer({ filename: ":memory:", codec: Dangjian.codec })
const postgres = (): StoreLayer => {
  const schema = `dj_diff_${randomBytes(6).toString("hex")}`
  const dropOnRelease = Layer.effectDiscard(
    Effect.gen(function*() {
      const sql = yield* SqlClient.SqlClient
      yield* Effect.addFinalizer(() => sql.unsafe(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`).raw.pipe(Effect.ignore))
    })
  )
  return PostgresStore.layerClient({ codec: Dangjian.codec, schema }).pipe(
    Layer.provideMerge(dropOnRelease),
    Layer.provideMerge(PgClient.layer({ url: Redacted.make(databaseUrl), maxConnections: 2 }))
  )
}

const policies = GovernancePolicy.national
const asJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value))
const asOfDates = ["2024-07-01", "2031-12-31"] as const

// What a store holds after a history: the log (without the ids and times each store mints), the tree,
// roster and agreement register projections, and the compliance views and findings as of two dates
// (mid-history, and after every term has run out).
const observe = (layer: StoreLayer, commands: ReadonlyArray<Dangjian.Command>) =>
  Effect.runPromise(
    Effect.gen(function*() {
      const rejected: Array<string> = []
      for (const command of commands) {
        const outcome = yield* Effect.result(Dangjian.execute(command, { policies }))
        if (outcome._tag === "Failure") rejected.push(`${command._tag}: ${outcome.failure._tag}`)
      }
      const store = yield* EventStore.EventStore
      const log = (yield* store.readAll({ after: 0, limit: 1_000_000 })).map((e: Envelope.Envelope) => ({
        streamId: e.streamId,
        streamPosition: e.streamPosition,
        globalPosition: e.globalPosition,
        type: e.type,
        schemaVersion: e.schemaVersion,
        data: e.data,
        occurredAt: e.metadata.occurredAt
      }))
      const { state: tree } = yield* Projection.replay(OrganizationTree.projection)
      const { state: roster } = yield* Projection.replay(MemberRoster.projection)
      const { state: register } = yield* Projection.replay(AgreementRegister.projection)
      const { state: councils } = yield* Projection.replay(CouncilRegister.projection)
      const { state: unitCheckIns } = yield* Projection.replay(UnitCheckInRegister.projection)
      const { state: developments } = yield* Projection.replay(DevelopmentRegister.projection)
      const { state: leaderships } = yield* Projection.replay(LeadershipRegister.projection)
      const { state: meetings } = yield* Projection.replay(MeetingRegister.projection)
      const { state: dues } = yield* Projection.replay(DuesRegister.projection)
      // The views replayed from the log, and the same views from the keyed read models after a catch-up: a
      // read-model row is JSON, so both are compared as JSON data (an `undefined` field is an absent field).
      const reports = yield* Effect.forEach(asOfDates, (asOf) =>
        Effect.map(Projection.replay(Compliance.projection(asOf)), ({ state }) => ({
          view: state,
          findings: Compliance.findings(state, policies)
        })))
      const readModels = yield* Effect.serviceOption(ReadModel.ReadModelStore)
      if (Option.isSome(readModels)) {
        yield* Effect.provideService(Compliance.catchUp({ batchSize: 7 }), ReadModel.ReadModelStore, readModels.value)
        for (const [i, asOf] of asOfDates.entries()) {
          const view = yield* Effect.provideService(
            Compliance.viewFromReadModels(asOf),
            ReadModel.ReadModelStore,
            readModels.value
          )
          assert.deepStrictEqual(asJson(view), asJson(reports[i]!.view), `read-model view as of ${asOf}`)
          assert.deepStrictEqual(
            asJson(Compliance.findings(view, policies)),
            asJson(reports[i]!.findings),
            `read-model findings as of ${asOf}`
          )
        }
      }
      return {
        rejected,
        log,
        tree,
        roster,
        register,
        councils,
        unitCheckIns,
        developments,
        leaderships,
        meetings,
        dues,
        views: reports.map((r) =>
          r.view
        ),
        findings: reports.map((r) => r.findings)
      }
    }).pipe(Effect.provide(layer))
  )

// Random accepted histories: township trees down to party groups; histories of every tree command (moves,
// splits, merges, dissolutions, upgrades) with roster changes; and township histories across the three
// pillars (members registered, admitted, transferred, mobile and checked in; agreements signed with
// activities and reports; councils), all resolved against the pure models.
const history: fc.Arbitrary<ReadonlyArray<Dangjian.Command>> = fc.oneof(
  Arbitraries.organizationTree(Arbitraries.defaultTreeShape),
  Arbitraries.organizationHistory({ maxLength: 30, policies }).map((h) => h.accepted),
  { arbitrary: Arbitraries.townshipHistory({ policies }).map((h) => h.accepted), weight: 3 }
)

// Township histories only: every run reaches the three pillars, so a short run is never vacuous.
const townships: fc.Arbitrary<ReadonlyArray<Dangjian.Command>> = Arbitraries.townshipHistory({ policies }).map((h) =>
  h.accepted
)

const differential = async (
  name: string,
  stores: ReadonlyArray<() => StoreLayer>,
  numRuns: number,
  histories: fc.Arbitrary<ReadonlyArray<Dangjian.Command>> = history
) => {
  const counts = {
    runs: 0,
    commands: 0,
    events: 0,
    orgs: 0,
    members: 0,
    agreements: 0,
    meetings: 0,
    duesPayments: 0,
    findings: 0
  }
  await fc.assert(
    fc.asyncProperty(histories, async (commands) => {
      const [reference, ...others] = await Promise.all(stores.map((store) => observe(store(), commands)))
      assert.deepStrictEqual(reference?.rejected, [], "every command of an accepted history is accepted")
      // the pure model's states are the reference store's projections
      const { world } = DangjianWorld.play(policies, commands)
      assert.deepStrictEqual(
        reference?.tree,
        OrganizationTree.fromStates(Object.values(world.orgs.states).filter((state) => state.status !== "none"))
      )
      assert.deepStrictEqual(reference?.roster.members, world.members)
      for (const [id, state] of Object.entries(world.agreements)) {
        assert.deepStrictEqual(reference?.register.agreements[id], state, id)
      }
      for (const [id, state] of Object.entries(world.councils)) {
        assert.deepStrictEqual(reference?.councils.councils[id], state, id)
      }
      for (const [id, state] of Object.entries(world.unitCheckIns)) {
        assert.deepStrictEqual(reference?.unitCheckIns.units[id], state, id)
      }
      for (const [id, state] of Object.entries(world.developments)) {
        assert.deepStrictEqual(reference?.developments.developments[id], state, id)
      }
      for (const [id, state] of Object.entries(world.leaderships)) {
        assert.deepStrictEqual(reference?.leaderships.leaderships[id], state, id)
      }
      for (const [id, state] of Object.entries(world.meetings)) {
        assert.deepStrictEqual(reference?.meetings.meetings[id], state, id)
      }
      for (const [id, state] of Object.entries(world.dues)) {
        assert.deepStrictEqual(reference?.dues.accounts[id], state, id)
      }
      for (const other of others) {
        assert.deepStrictEqual(other.rejected, reference?.rejected, name)
        assert.deepStrictEqual(other.log, reference?.log, `${name}: log`)
        assert.deepStrictEqual(other.tree, reference?.tree, `${name}: OrganizationTree`)
        assert.deepStrictEqual(other.roster, reference?.roster, `${name}: MemberRoster`)
        assert.deepStrictEqual(other.register, reference?.register, `${name}: AgreementRegister`)
        assert.deepStrictEqual(other.councils, reference?.councils, `${name}: CouncilRegister`)
        assert.deepStrictEqual(other.unitCheckIns, reference?.unitCheckIns, `${name}: UnitCheckInRegister`)
        assert.deepStrictEqual(other.developments, reference?.developments, `${name}: DevelopmentRegister`)
        assert.deepStrictEqual(other.leaderships, reference?.leaderships, `${name}: LeadershipRegister`)
        assert.deepStrictEqual(other.meetings, reference?.meetings, `${name}: MeetingRegister`)
        assert.deepStrictEqual(other.dues, reference?.dues, `${name}: DuesRegister`)
        assert.deepStrictEqual(other.views, reference?.views, `${name}: Compliance views`)
        assert.deepStrictEqual(other.findings, reference?.findings, `${name}: findings`)
      }
      counts.runs++
      counts.commands += commands.length
      counts.events += reference?.log.length ?? 0
      counts.orgs += Object.keys(reference?.tree.orgs ?? {}).length
      counts.members += Object.keys(reference?.roster.members ?? {}).length
      counts.agreements += Object.keys(reference?.register.agreements ?? {}).length
      counts.meetings += Object.values(reference?.meetings.meetings ?? {}).filter((m) => m.status === "held").length
      counts.duesPayments += Object.values(reference?.dues.accounts ?? {}).reduce((n, a) => n + a.payments.length, 0)
      counts.findings += reference?.findings.reduce((n, f) => n + f.length, 0) ?? 0
    }),
    { numRuns }
  )
  console.log(JSON.stringify({ differential: name, ...counts }))
  return counts
}

// Development and leadership histories (R77–R96): applicants along the 25 steps, handed over to the member
// streams; terms, void elections, approvals, extensions and renewal steps.
const developmentAndLeadership: fc.Arbitrary<ReadonlyArray<Dangjian.Command>> = fc.oneof(
  Arbitraries.developmentHistory({ policies }).map((h) => h.accepted),
  Arbitraries.leadershipHistory({ policies }).map((h) => h.accepted)
)

describe("differential: in-memory, SQLite and PostgreSQL stores", () => {
  it("development and leadership histories: in-memory and SQLite give the same log, registers and views", async () => {
    const counts = await differential("memory/sqlite development", [memory, sqlite], 30, developmentAndLeadership)
    assert.isAbove(counts.events, 600)
    assert.isAbove(counts.members, 30)
  }, 120_000)

  it("in-memory and SQLite give the same log, projections, compliance views and findings", async () => {
    const counts = await differential("memory/sqlite", [memory, sqlite], 100)
    // not vacuous: real trees, members and agreements with findings were compared
    assert.isAbove(counts.events, 2_000)
    assert.isAbove(counts.members, 150)
    assert.isAbove(counts.agreements, 30)
    assert.isAbove(counts.meetings, 100)
    assert.isAbove(counts.duesPayments, 30)
    assert.isAbove(counts.findings, 500)
  }, 120_000)

  pgIt(pgTitle("in-memory, SQLite and PostgreSQL give the same log, projections, views and findings"), async () => {
    const counts = await differential("memory/sqlite/postgres", [memory, sqlite, postgres], 30, townships)
    assert.isAbove(counts.events, 300)
    assert.isAbove(counts.members, 10)
    assert.isAbove(counts.agreements, 3)
    assert.isAbove(counts.findings, 50)
  }, 300_000)

  pgIt(pgTitle("Laws.idempotentReappend holds for the PostgreSQL store"), async () => {
    await fc.assert(
      Laws.idempotentReappend(
        postgres,
        Arbitraries.appendBatch(Arbitraries.dangjianEvent(), { streamPrefix: "organization" })
      ),
      { numRuns: 10 }
    )
  }, 120_000)

  it("the comparison can fail: a store that drops the last event of every append differs", async () => {
    const lossy = (): StoreLayer =>
      Layer.effect(
        EventStore.EventStore,
        Effect.map(MemoryStore.make({ codec: Dangjian.codec }), (inner) => ({
          ...inner,
          append: (request) =>
            inner.append(
              request.map((part) => ({ ...part, events: part.events.slice(0, Math.max(1, part.events.length - 1)) }))
            )
        }))
      )
    const out = await fc.check(
      fc.asyncProperty(history, async (commands) => {
        const [a, b] = await Promise.all([observe(memory(), commands), observe(lossy(), commands)])
        assert.deepStrictEqual([b.tree, b.roster, b.register], [a.tree, a.roster, a.register])
      }),
      { numRuns: 20, seed: 5 }
    )
    assert.isTrue(out.failed)
  })
})
