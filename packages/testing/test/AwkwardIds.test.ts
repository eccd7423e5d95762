// Fuzzes the public API with awkward ids (issue 19): the names of Object.prototype's properties
// (`constructor`, `__proto__`, `toString`, …), empty, unicode, very long ids and ids with the stream separator,
// in every id field of every command, through `Dangjian.decodeAndExecute` and `PromiseClient.execute` on the
// in-memory store: on a store seeded with organizations, groups and members named like prototype properties,
// on seeded township histories, and as raw JSON with prototype-named keys and values. 100,000 inputs in all;
// every outcome is a success or a typed failure (never a defect or an unknown error), and the read models and
// findings over what was accepted are computed without a defect, also after a JSON round trip. A second test
// guards the lies: a command naming a prototype-named thing that does not exist is rejected, never accepted.
import {
  AgreementRegister,
  Compliance,
  CouncilRegister,
  Dangjian,
  DualRegistration,
  MemberRoster,
  MemoryStore,
  Messages,
  OrganizationTree,
  PolicyTimeline,
  PromiseClient,
  TransfersInTransit
} from "@dangjian/core"
import { Projection } from "@dangjian/core/kernel"
import { assert, describe, it } from "@effect/vitest"
import { Cause, Effect, Exit } from "effect"
import fc from "fast-check"
import { Arbitraries } from "../src/index.ts"

const SEEDED_STORE_INPUTS = 30_000
const TOWNSHIPS = 20
const PER_TOWNSHIP = 1_500
const RAW_JSON_INPUTS = 38_000
const PROMISE_INPUTS = 2_000

const policies = PolicyTimeline.national
const storeLayer = () => MemoryStore.layer({ codec: Dangjian.codec })

// Every error `decodeAndExecute` may fail with (DomainError, AppendError, ReadError, CommandDecodeError).
const knownErrors = new Set([
  "RuleViolation",
  "InvalidCommand",
  "VersionConflict",
  "EventIdConflict",
  "InvalidAppend",
  "UnknownEventType",
  "EventDecodeError",
  "EventEncodeError",
  "CorruptEvent",
  "StoreUnavailable",
  "CommandDecodeError"
])

interface Tally {
  inputs: number
  succeeded: number
  readonly typed: Map<string, number>
  readonly problems: Array<string>
}

const tally = (): Tally => ({ inputs: 0, succeeded: 0, typed: new Map(), problems: [] })

const describeInput = (input: unknown): string => {
  const text = JSON.stringify(input, (_, v) => (typeof v === "string" && v.length > 40 ? `${v.slice(0, 12)}…` : v))
  return text === undefined ? String(input) : text.slice(0, 400)
}

// One problem per kind (the error and where it was thrown), with its first input: a regression shows every
// distinct crash at once, not the same one eight times.
const problem = (t: Tally, text: string) => {
  const lines = text.split("\n")
  const error = lines.find((l) => /^\s*\w*Error\b/.test(l))?.trim().split(":")[0] ?? lines[0]
  const where = lines.find((l) => l.includes("/packages/"))?.trim() ?? ""
  const kind = `${error} ${where}`
  if (t.problems.length < 40 && !t.problems.some((p) => p.startsWith(`${kind}\n`))) t.problems.push(`${kind}\n${text}`)
}

// A failure is typed when its tag is known, and its message renders in both locales.
const checkFailure = (t: Tally, input: unknown, error: unknown) => {
  const tag = (error as { readonly _tag?: unknown } | null)?._tag
  if (typeof tag !== "string" || !knownErrors.has(tag)) {
    problem(t, `untyped failure ${String(error)} for ${describeInput(input)}`)
    return
  }
  t.typed.set(tag, (t.typed.get(tag) ?? 0) + 1)
  const localized = error as Parameters<typeof Messages.render>[0]
  if (typeof localized.code !== "string" || !Messages.isTranslated(localized.code)) {
    problem(t, `untranslated ${tag} ${String(localized.code)} for ${describeInput(input)}`)
  }
}

const classify = (t: Tally, input: unknown, exit: Exit.Exit<unknown, unknown>) => {
  t.inputs++
  if (Exit.isSuccess(exit)) {
    t.succeeded++
    return
  }
  if (Cause.hasDies(exit.cause) || !Cause.hasFails(exit.cause)) {
    problem(t, `${Cause.pretty(exit.cause).split("\n").slice(0, 8).join("\n")}\nfor ${describeInput(input)}`)
    return
  }
  checkFailure(t, input, Cause.squash(exit.cause))
}

const runAll = (t: Tally, inputs: ReadonlyArray<unknown>) =>
  Effect.forEach(
    inputs,
    (input) =>
      Effect.map(Effect.exit(Dangjian.decodeAndExecute(input, { policies })), (exit) => classify(t, input, exit)),
    { discard: true }
  )

// The read models and findings over the store, and their queries for every awkward id, live and after a JSON
// round trip (a persisted read model comes back as plain objects): a defect here is a problem too.
const readModels = (t: Tally, label: string) =>
  Effect.gen(function*() {
    const exit = yield* Effect.exit(Effect.gen(function*() {
      const { state: tree } = yield* Projection.replay(OrganizationTree.projection)
      const { state: roster } = yield* Projection.replay(MemberRoster.projection)
      const { state: ledger } = yield* Projection.replay(DualRegistration.projection)
      const { state: transfers } = yield* Projection.replay(TransfersInTransit.projection)
      const { state: register } = yield* Projection.replay(AgreementRegister.projection)
      const { state: councils } = yield* Projection.replay(CouncilRegister.projection)
      const { findings, view } = yield* Compliance.report(policies, "2027-12-31")
      const roundTrip = <A>(a: A): A => JSON.parse(JSON.stringify(a)) as A
      for (const copy of [false, true]) {
        const c = <A>(a: A): A => (copy ? roundTrip(a) : a)
        const treeView = c(tree)
        const rosterView = c(roster)
        const ledgerView = c(ledger)
        const registerView = c(register)
        const councilView = c(councils)
        OrganizationTree.render(treeView, "en")
        OrganizationTree.roots(treeView)
        MemberRoster.rosters(rosterView)
        MemberRoster.affiliations(rosterView)
        TransfersInTransit.list(c(transfers))
        TransfersInTransit.expiredAsOf(c(transfers), "2027-12-31")
        Compliance.findings(c(view), policies)
        AgreementRegister.activitiesByArea(registerView)
        AgreementRegister.activitiesByParty(registerView)
        AgreementRegister.withDissolvedParty(registerView)
        CouncilRegister.withDissolvedMember(councilView)
        for (const id of [...Arbitraries.prototypeNames, ...Arbitraries.awkwardStrings.slice(0, 30)]) {
          OrganizationTree.children(treeView, id)
          OrganizationTree.subtreeCounts(treeView, id)
          MemberRoster.rosterOf(rosterView, id)
          MemberRoster.countsOf(rosterView, id)
          DualRegistration.activeAt(ledgerView, id)
          DualRegistration.unitsAt(ledgerView, id)
          AgreementRegister.activitiesByArea(registerView, id)
          AgreementRegister.activitiesByParty(registerView, id)
        }
      }
      for (const f of findings) {
        Messages.render(f, "zh-CN")
        Messages.render(f, "en")
      }
      return findings.length
    }))
    if (Exit.isFailure(exit)) {
      problem(t, `read models (${label}):\n${Cause.pretty(exit.cause).split("\n").slice(0, 6).join("\n")}`)
    }
  })

// A store seeded with organizations, party groups, hub households, units and members whose ids are prototype
// names (each command may be rejected: only what is accepted seeds the store).
const seedNames = ["constructor", "__proto__", "toString", "hasOwnProperty", "valueOf"]
const seedCommands = (): ReadonlyArray<Record<string, unknown>> => {
  const out: Array<Record<string, unknown>> = [{
    _tag: "EstablishOrganization",
    orgId: "prototype",
    name: "township",
    kind: "townshipCommittee",
    formation: "standalone",
    locus: "township",
    approval: { by: "county", level: "county", at: "2024-01-01" },
    initialMembers: [],
    at: "2024-01-01"
  }]
  seedNames.forEach((name, n) => {
    const members = [0, 1, 2, 3, 4].map((k) => (k === 0 ? name : `${name}-${k}`))
    out.push({
      _tag: "EstablishOrganization",
      orgId: name,
      name: `branch ${n}`,
      kind: "branch",
      formation: "standalone",
      locus: "village",
      parentId: "prototype",
      approval: { by: "county", level: "county", at: "2024-01-02" },
      initialMembers: members.map((memberId) => ({ memberId, status: "full" })),
      at: "2024-01-02"
    })
    for (const memberId of members) {
      out.push({ _tag: "RegisterMember", memberId, orgId: name, status: "full", at: "2024-01-03" })
    }
    out.push({
      _tag: "FormPartyGroup",
      orgId: name,
      groupId: seedNames[(n + 1) % seedNames.length],
      groupType: "general",
      leaderId: members[0],
      memberIds: members.slice(0, 3),
      at: "2024-01-04"
    })
    out.push({
      _tag: "DesignateHubHousehold",
      orgId: name,
      groupId: seedNames[(n + 1) % seedNames.length],
      hubId: seedNames[(n + 2) % seedNames.length],
      memberId: members[1],
      at: "2024-01-05"
    })
  })
  // A joint branch covering prototype-named units (R2: formed jointly, two units or more, FM ≥ 3 in all).
  out.push({
    _tag: "EstablishOrganization",
    orgId: "isPrototypeOf",
    name: "joint branch",
    kind: "jointBranch",
    formation: "joint",
    locus: "village",
    parentId: "prototype",
    approval: { by: "county", level: "county", at: "2024-01-02" },
    coveredUnits: [{ unitId: "constructor", fullCount: 1 }, { unitId: "__proto__", fullCount: 2 }],
    initialMembers: ["j1", "j2", "j3"].map((memberId) => ({ memberId, status: "full" })),
    at: "2024-01-02"
  })
  out.push({ _tag: "CoverUnit", orgId: "isPrototypeOf", unitId: "toString", fullCount: 1, at: "2024-01-05" })
  out.push({ _tag: "UncoverUnit", orgId: "isPrototypeOf", unitId: "constructor", at: "2024-01-06" })
  return out
}

const rawOwn = (text: string): unknown => JSON.parse(text)

// Raw JSON inputs: valid commands with a prototype-named key added (an own `__proto__` as JSON.parse makes
// it), a field replaced by a prototype-named value or by an object with prototype-named keys, a prototype
// name as the `_tag`, and objects made only of prototype-named keys.
const protoName = fc.constantFrom(...Arbitraries.prototypeNames)
const protoValue: fc.Arbitrary<unknown> = fc.oneof(
  protoName,
  protoName.map((k) => rawOwn(`{${JSON.stringify(k)}: 1}`)),
  fc.tuple(protoName, fc.jsonValue({ maxDepth: 1 })).map(([k, v]) =>
    rawOwn(`{${JSON.stringify(k)}: ${JSON.stringify(v)}}`)
  ),
  protoName.map((k) => [k]),
  fc.constant(rawOwn(`{"__proto__": {"_tag": "EstablishOrganization", "orgId": "o1"}}`))
)
const rawJson: fc.Arbitrary<unknown> = fc.oneof(
  fc.tuple(Arbitraries.dangjianCommand(), fc.nat(), protoValue, fc.integer({ min: 0, max: 3 }), protoName).map(
    ([command, n, value, how, key]) => {
      const text = JSON.stringify(command)
      const keys = Object.keys(command)
      const field = keys[n % keys.length] ?? "_tag"
      switch (how) {
        case 0:
          return rawOwn(`{${JSON.stringify(key)}: ${JSON.stringify(value) ?? "null"},${text.slice(1)}`)
        case 1:
          return rawOwn(`${text.slice(0, -1)},${JSON.stringify(field)}: ${JSON.stringify(value) ?? "null"}}`)
        case 2:
          return { ...command, _tag: key }
        default:
          return rawOwn(`${text.slice(0, -1)},"__proto__": ${JSON.stringify(command)}}`)
      }
    }
  ),
  fc.dictionary(protoName, fc.oneof(protoValue, fc.jsonValue({ maxDepth: 2 })), { maxKeys: 5 }).map((d) =>
    rawOwn(JSON.stringify(d))
  ),
  Arbitraries.awkwardCommand({ oneIn: 1 })
)

describe("fuzzing with awkward ids (Object.prototype names, empty, unicode, long, stream separators)", () => {
  it("100,000 inputs: zero defects, every failure typed; read models and findings computed", async () => {
    const seeded = tally()
    const township = tally()
    const raw = tally()
    const promise = tally()
    const dates = Arbitraries.legalDate({ min: "2024-01-01", max: "2027-12-31" })

    // 1. A store seeded with prototype-named organizations, groups, hubs, units and members.
    const seedTally = tally()
    const seedFailures: Array<string> = []
    const seedIds = seedNames.flatMap((name) => [name, ...[1, 2, 3, 4].map((k) => `${name}-${k}`)])
    const seededInputs = fc.sample(
      Arbitraries.awkwardCommand({
        orgIds: ["prototype", "isPrototypeOf", ...seedNames, "o1"],
        memberIds: seedIds,
        dates,
        oneIn: 3
      }),
      { numRuns: SEEDED_STORE_INPUTS, seed: 19_001 }
    )
    await Effect.runPromise(Effect.provide(
      Effect.gen(function*() {
        for (const command of seedCommands()) {
          const exit = yield* Effect.exit(Dangjian.decodeAndExecute(command, { policies }))
          classify(seedTally, command, exit)
          if (Exit.isFailure(exit)) seedFailures.push(`${String(command._tag)}: ${String(Cause.squash(exit.cause))}`)
        }
        yield* runAll(seeded, seededInputs)
        yield* readModels(seeded, "seeded store")
      }),
      storeLayer()
    ))

    // 2. Seeded township histories, then awkward commands with the histories' own ids.
    const histories = fc.sample(Arbitraries.townshipHistory({ members: 30, agreements: 12 }), {
      numRuns: TOWNSHIPS,
      seed: 19_002
    })
    for (const [n, history] of histories.entries()) {
      const orgIds = Object.keys(history.world.orgs.states)
      const memberIds = Object.keys(history.world.members)
      const inputs = fc.sample(Arbitraries.awkwardCommand({ orgIds, memberIds, dates, oneIn: 3 }), {
        numRuns: PER_TOWNSHIP,
        seed: 19_100 + n
      })
      await Effect.runPromise(Effect.provide(
        Effect.gen(function*() {
          const setup = tally()
          yield* runAll(setup, history.accepted)
          assert.strictEqual(setup.succeeded, history.accepted.length)
          yield* runAll(township, inputs)
          yield* readModels(township, `township ${n}`)
        }),
        storeLayer()
      ))
    }

    // 3. Raw JSON with prototype-named keys and values.
    const rawInputs = fc.sample(rawJson, { numRuns: RAW_JSON_INPUTS, seed: 19_003 })
    await Effect.runPromise(Effect.provide(
      Effect.gen(function*() {
        yield* runAll(seedTally, seedCommands())
        yield* runAll(raw, rawInputs)
        yield* readModels(raw, "raw JSON")
      }),
      storeLayer()
    ))

    // 4. The Promise facade: a rejection is a typed error, never a TypeError.
    const client = PromiseClient.make({ store: storeLayer(), policies })
    try {
      const inputs = [
        ...seedCommands(),
        ...fc.sample(
          Arbitraries.awkwardCommand({ orgIds: ["prototype", ...seedNames], memberIds: seedIds, dates }),
          { numRuns: PROMISE_INPUTS, seed: 19_004 }
        )
      ]
      for (const [n, input] of inputs.entries()) {
        try {
          await client.execute(input)
          if (n >= seedCommands().length) promise.succeeded++
        } catch (error) {
          if (n >= seedCommands().length) checkFailure(promise, input, error)
        }
        if (n >= seedCommands().length) promise.inputs++
      }
      await client.tree()
      await client.findings("2027-12-31")
    } catch (error) {
      problem(promise, `Promise facade: ${String(error)}`)
    } finally {
      await client.close()
    }

    const summary = Object.fromEntries(
      Object.entries({ seeded, township, raw, promise }).map(([name, t]) => [name, {
        inputs: t.inputs,
        succeeded: t.succeeded,
        typed: Object.fromEntries([...t.typed].sort(([a], [b]) => a.localeCompare(b))),
        problems: t.problems.length
      }])
    )
    console.log(JSON.stringify(summary))
    const all = [seeded, township, raw, promise]
    assert.deepStrictEqual([...seedTally.problems, ...all.flatMap((t) => t.problems)], [])
    // The seed is not vacuous: the township, the prototype-named branches, groups, hubs and units exist.
    assert.deepStrictEqual(seedFailures, [])
    assert.strictEqual(all.reduce((n, t) => n + t.inputs, 0), 100_000)
    // Not vacuous: awkward commands are accepted on every path, and rules reject others.
    for (const t of all) assert.isAbove(t.succeeded, 0)
    assert.isAbove(seeded.typed.get("RuleViolation") ?? 0, 0)
    assert.isAbove(township.succeeded, 1_000)
  }, 180_000)

  // Commands that name a thing that does not exist, by a prototype name, on organizations, members, an
  // agreement and a council that do exist: each is rejected (a lie would be a success, with events for nothing
  // or with none, "already done"). And a new thing named by a prototype name is a thing like any other: each
  // such command is accepted, with its events.
  it(
    "a prototype-named id never finds an inherited property: missing things are rejected, new ones accepted",
    async () => {
      const orgId = "o1"
      const at = "2024-02-01"
      const approval = { by: "county", level: "county", at }
      const branch = (id: string, locus: string, members: ReadonlyArray<string>) => ({
        _tag: "EstablishOrganization",
        orgId: id,
        name: `branch ${id}`,
        kind: "branch",
        formation: "standalone",
        locus,
        parentId: "t1",
        approval: { ...approval, at: "2024-01-02" },
        initialMembers: members.map((memberId) => ({ memberId, status: "full" })),
        at: "2024-01-02"
      })
      const party = (id: string) => ({ _tag: "OrganizationParty", orgId: id, liaison: { liaisonId: `${id}-liaison` } })
      const setup: ReadonlyArray<Record<string, unknown>> = [
        {
          _tag: "EstablishOrganization",
          orgId: "t1",
          name: "township",
          kind: "townshipCommittee",
          formation: "standalone",
          locus: "township",
          approval: { ...approval, at: "2024-01-01" },
          initialMembers: [],
          at: "2024-01-01"
        },
        branch(orgId, "village", ["m0", "m1", "m2", "m3"]),
        branch("e1", "enterprise", ["e0", "e1", "e2"]),
        ...["m0", "m1", "m2", "m3"].map((memberId) => ({
          _tag: "RegisterMember",
          memberId,
          orgId,
          status: "full",
          at: "2024-01-03"
        })),
        {
          _tag: "FormPartyGroup",
          orgId,
          groupId: "g1",
          groupType: "general",
          leaderId: "m0",
          memberIds: ["m0", "m1", "m2"],
          at: "2024-01-04"
        },
        {
          _tag: "SignAgreement",
          agreementId: "pa",
          parties: [party(orgId), party("e1")],
          form: "villageEnterprise",
          areas: ["economy", "publicSecurity"],
          term: { startDate: "2024-01-10", endDate: "2025-01-09" },
          signatories: [
            { partyId: orgId, signatoryId: "o1-secretary", role: "secretary" },
            { partyId: "e1", signatoryId: "e1-secretary", role: "secretary" }
          ],
          at: "2024-01-10"
        },
        { _tag: "SubmitAgreementReport", agreementId: "pa", reportId: "r1", at: "2024-01-20" },
        {
          _tag: "FormCouncil",
          councilId: "jm",
          kind: "jointMeeting",
          convenerOrgId: "t1",
          memberOrgIds: ["t1", orgId, "e1"],
          at: "2024-01-10"
        }
      ]
      const missing = (name: string): ReadonlyArray<Record<string, unknown>> => [
        { _tag: "DisbandPartyGroup", orgId, groupId: name, at },
        { _tag: "ReorganizePartyGroup", orgId, groupId: name, memberIds: ["m0", "m1", "m2"], at },
        { _tag: "DesignateHubHousehold", orgId, groupId: name, hubId: "h1", memberId: "m1", at },
        { _tag: "RevokeHubHousehold", orgId, groupId: name, hubId: "h1", at },
        { _tag: "RevokeHubHousehold", orgId, groupId: "g1", hubId: name, at },
        { _tag: "UncoverUnit", orgId, unitId: name, at },
        { _tag: "RemoveRosterMember", orgId, memberId: name, reason: "transferredOut", at },
        { _tag: "ChangeRosterStatus", orgId, memberId: name, status: "suspended", at },
        { _tag: "AppointLeadership", orgId, secretaryId: name, deputyIds: [], committeeIds: [], approval, at },
        { _tag: "MergeOrganization", orgId: name, intoOrgId: orgId, approval, at },
        { _tag: "MergeOrganization", orgId, intoOrgId: name, approval, at },
        { _tag: "MoveOrganization", orgId: name, toParentId: "t1", approval, at },
        { _tag: "MoveOrganization", orgId, toParentId: name, approval, at },
        { _tag: "DissolveOrganization", orgId: name, reason: "conditionsLapsed", approval, at },
        { _tag: "UpgradeOrganization", orgId: name, to: "generalBranch", approval, at },
        { _tag: "AddRosterMember", orgId: name, memberId: "m9", status: "full", reason: "transferredIn", at },
        { _tag: "ConvertMember", memberId: name, meeting: { entitled: 4, present: 4, yes: 4, at }, approval, at },
        { _tag: "RestoreContact", memberId: name, at },
        { _tag: "IssueTransferLetter", memberId: "m0", transferId: "t-1", toOrgId: name, at },
        {
          _tag: "RecordAgreementActivity",
          agreementId: name,
          activityId: "a1",
          area: "economy",
          partyIds: [orgId],
          participants: 3,
          description: "activity",
          at
        },
        // The first period is reported and the next has not begun: "already submitted" would be a lie.
        { _tag: "SubmitAgreementReport", agreementId: "pa", reportId: name, at },
        { _tag: "SubmitAgreementReport", agreementId: name, reportId: "r1", at },
        { _tag: "EvaluateAgreement", agreementId: name, evaluationId: "ev1", rating: "good", at },
        { _tag: "TerminateAgreement", agreementId: name, reason: "mutualConsent", at },
        { _tag: "HoldJointMeeting", councilId: name, meetingId: "c1", attendingOrgIds: [orgId], at },
        { _tag: "AddCouncilMember", councilId: name, orgId, at },
        { _tag: "DissolveCouncil", councilId: name, at }
      ]
      const fresh = (name: string, n: number): ReadonlyArray<Record<string, unknown>> => {
        const day = `2024-03-${String(n + 1).padStart(2, "0")}`
        return [
          { _tag: "RegisterMember", memberId: name, orgId, status: "probationary", at: day },
          {
            _tag: "RecordAgreementActivity",
            agreementId: "pa",
            activityId: name,
            area: "economy",
            partyIds: [orgId, "e1"],
            participants: 3,
            description: "activity",
            at: day
          },
          { _tag: "EvaluateAgreement", agreementId: "pa", evaluationId: name, rating: "good", at: day },
          { _tag: "HoldJointMeeting", councilId: "jm", meetingId: name, attendingOrgIds: [orgId], at: day }
        ]
      }
      const lies: Array<string> = []
      const defects: Array<string> = []
      const refused: Array<string> = []
      let rejected = 0
      let created = 0
      const show = (command: Record<string, unknown>) => JSON.stringify(command)
      await Effect.runPromise(Effect.provide(
        Effect.gen(function*() {
          for (const command of setup) {
            const exit = yield* Effect.exit(Dangjian.decodeAndExecute(command, { policies }))
            assert.isTrue(Exit.isSuccess(exit), `setup ${String(command._tag)}: ${String(exit)}`)
          }
          for (const [n, name] of Arbitraries.prototypeNames.entries()) {
            for (const command of missing(name)) {
              const exit = yield* Effect.exit(Dangjian.decodeAndExecute(command, { policies }))
              if (Exit.isSuccess(exit)) lies.push(show(command))
              else if (Cause.hasDies(exit.cause)) {
                defects.push(`${show(command)}: ${Cause.pretty(exit.cause).split("\n")[0]}`)
              } else if ((Cause.squash(exit.cause) as { readonly _tag: string })._tag === "CommandDecodeError") {
                // The command decodes: what rejects it is the domain, not the decoder.
                defects.push(`${show(command)} does not decode`)
              } else rejected++
            }
            for (const command of fresh(name, n)) {
              const exit = yield* Effect.exit(Dangjian.decodeAndExecute(command, { policies }))
              if (Exit.isSuccess(exit) && exit.value.events.length > 0) created++
              else if (Exit.isSuccess(exit)) lies.push(`no events: ${show(command)}`)
              else if (Cause.hasDies(exit.cause)) {
                defects.push(`${show(command)}: ${Cause.pretty(exit.cause).split("\n")[0]}`)
              } else refused.push(`${show(command)}: ${String(Cause.squash(exit.cause))}`)
            }
          }
        }),
        storeLayer()
      ))
      assert.deepStrictEqual({ defects, lies, refused }, { defects: [], lies: [], refused: [] })
      assert.strictEqual(rejected, Arbitraries.prototypeNames.length * missing("x").length)
      assert.strictEqual(created, Arbitraries.prototypeNames.length * fresh("x", 0).length)
    },
    60_000
  )
})
