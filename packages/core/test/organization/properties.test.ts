import { Arbitraries } from "@dangjian/testing"
import { assert, describe, it } from "@effect/vitest"
import { Effect, Result } from "effect"
import fc from "fast-check"
import { GovernancePolicy, MemoryStore, Organization, OrganizationTree } from "../../src/index.ts"
import type { Envelope } from "../../src/kernel/Envelope.ts"
import { CommandHandler, EventCodec, Projection } from "../../src/kernel/index.ts"
import * as arb from "./arbitraries.ts"
import type { World } from "./fixtures.ts"
import { emptyWorld, run } from "./fixtures.ts"

// A tree command through the organization's route, as `Dangjian.execute` runs it.
const handleTree = (
  policies: Organization.Policies,
  command: Organization.TreeCommand,
  options: CommandHandler.HandleOptions
) => CommandHandler.run(Organization.treeRoute, command, policies, options)

const policy = GovernancePolicy.national

const isTreeCommand = (c: Organization.OrganizationCommand | Organization.TreeCommand): c is Organization.TreeCommand =>
  [
    "EstablishOrganization",
    "UpgradeOrganization",
    "DowngradeOrganization",
    "MoveOrganization",
    "SplitOrganization",
    "MergeOrganization",
    "DissolveOrganization"
  ].includes(c._tag)

const play = (intents: ReadonlyArray<arb.Intent>, check?: (world: World) => void): World => {
  let world = emptyWorld
  intents.forEach((intent, step) => {
    const result = run(policy, world, arb.resolve(world, step, intent))
    if (Result.isSuccess(result)) world = result.success
    check?.(world)
  })
  return world
}

// The tree invariants: every edge is kind-compatible (R15) and recorded on both ends, the tree has no cycle,
// dissolved organizations hold no members or children, and the counts match the roster.
const checkTree = (world: World) => {
  for (const [id, state] of Object.entries(world.states)) {
    if (state.status === "none") continue
    const roster = Object.values(state.roster)
    assert.strictEqual(state.full, roster.filter((s) => s === "full").length)
    assert.strictEqual(state.probationary, roster.filter((s) => s === "probationary").length)
    assert.strictEqual(state.suspended, roster.filter((s) => s === "suspended").length)
    if (state.status === "dissolved") {
      assert.deepStrictEqual(state.roster, {}, `${id} dissolved with members`)
      assert.deepStrictEqual(state.children, {}, `${id} dissolved with children`)
      continue
    }
    if (state.parentId !== undefined) {
      const parent = world.states[state.parentId]!
      assert.strictEqual(parent.status, "active", `${id}'s parent ${state.parentId} is not active`)
      assert.isTrue(Organization.canContain(parent.kind, state.kind), `${parent.kind} ⊅ ${state.kind}`)
      assert.strictEqual(parent.children[id], state.kind, `${state.parentId} does not record ${id}`)
    }
    for (const [childId, childKind] of Object.entries(state.children)) {
      const child = world.states[childId]!
      assert.strictEqual(child.status, "active")
      assert.strictEqual(child.parentId, id)
      assert.strictEqual(child.kind, childKind)
    }
    const seen = new Set<string>([id])
    let up = state.parentId
    while (up !== undefined) {
      assert.isFalse(seen.has(up), `cycle through ${up}`)
      seen.add(up)
      up = world.states[up]?.parentId
    }
  }
}

const envelopes = (world: World): ReadonlyArray<Envelope> =>
  world.log.map(({ orgId, event }, i) => ({
    eventId: `00000000-0000-7000-8000-${String(i).padStart(12, "0")}`,
    streamId: Organization.streamId(orgId),
    streamPosition: 0,
    globalPosition: i + 1,
    type: event._tag,
    schemaVersion: 1,
    data: event,
    metadata: { occurredAt: event.at, recordedAt: "2024-01-01T00:00:00.000Z" }
  }))

describe("Organization properties", () => {
  it("R15: under any sequence of accepted commands the tree is kind-compatible and acyclic", () => {
    let accepted = 0
    fc.assert(
      fc.property(arb.intents(40), (intents) => {
        const world = play(intents, checkTree)
        accepted += world.log.length
      }),
      { numRuns: 300 }
    )
    // the generator reaches the interesting states (many events accepted), so the property is not vacuous
    assert.isAbove(accepted, 3_000)
  })

  it("decide and evolve are total: no command or event throws", () => {
    fc.assert(
      fc.property(arb.intents(30), (intents) => {
        let world = emptyWorld
        intents.forEach((intent, step) => {
          const command = arb.resolve(world, step, intent)
          const result = run(policy, world, command)
          if (Result.isSuccess(result)) world = result.success
          else assert.isString(result.failure.code)
        })
      }),
      { numRuns: 200 }
    )
  })

  it("the tree projection's counts equal a replay of each stream", () => {
    fc.assert(
      fc.property(arb.intents(40), (intents) => {
        const world = play(intents)
        const view = Projection.foldEnvelopes(
          OrganizationTree.projection,
          OrganizationTree.projection.initialState,
          envelopes(world)
        )
        for (const id of Object.keys(world.states)) {
          const replayed = Organization.fold.initialState
          const events = world.log.filter((e) => e.orgId === id).map((e) => e.event)
          const state = events.reduce(Organization.fold.evolve, replayed)
          const projected = view.orgs[id]
          if (state.status === "none") {
            assert.isUndefined(projected)
            continue
          }
          assert.strictEqual(projected!.full, state.full)
          assert.strictEqual(Organization.allCount(projected!), Organization.allCount(state))
          assert.strictEqual(projected!.kind, state.kind)
          assert.strictEqual(projected!.parentId, state.parentId)
        }
      }),
      { numRuns: 200 }
    )
  })

  it.effect("the same commands against the event store give the same streams as the pure decisions", () =>
    Effect.promise(() =>
      fc.assert(
        fc.asyncProperty(arb.intents(25), (intents) => {
          const program = Effect.gen(function*() {
            let world = emptyWorld
            for (let step = 0; step < intents.length; step++) {
              const command = arb.resolve(world, step, intents[step]!)
              const pure = run(policy, world, command)
              const context = { context: { occurredAt: command.at } }
              const stored = yield* Effect.result(
                isTreeCommand(command)
                  ? Effect.asVoid(handleTree(policy, command, context))
                  : Effect.asVoid(
                    CommandHandler.handle(
                      Organization.decider(policy),
                      Organization.streamId(command.orgId),
                      command,
                      context
                    )
                  )
              )
              assert.strictEqual(Result.isSuccess(stored), Result.isSuccess(pure), command._tag)
              if (Result.isSuccess(pure)) world = pure.success
            }
            const { state: view } = yield* Projection.replay(OrganizationTree.projection)
            for (const id of Object.keys(world.states)) {
              const loaded = yield* CommandHandler.load(Organization.fold, Organization.streamId(id))
              const expected = world.states[id]
              assert.strictEqual(loaded.state.full, expected?.full ?? 0)
              assert.strictEqual(loaded.state.status, expected?.status ?? "none")
              assert.strictEqual(view.orgs[id]?.full ?? 0, loaded.state.full)
            }
          })
          return Effect.runPromise(
            program.pipe(Effect.provide(MemoryStore.layer({ codec: EventCodec.make(Organization.organizationEvents) })))
          )
        }),
        { numRuns: 25 }
      )
    ))
})

// ---------------------------------------------------------------------------------------------------------
// assess against an independent oracle
// ---------------------------------------------------------------------------------------------------------

// Written from RULES.md §2 without the library's helpers: a threshold "N人以上" is ≥, "超过N" is >.
const crosses = (t: GovernancePolicy.Threshold, full: number, all: number): boolean => {
  const n = t.basis === "FM" ? full : all
  return t.inclusive ? n >= t.value : n > t.value
}

const oracleBranch = (
  p: GovernancePolicy.GovernancePolicy,
  full: number,
  all: number,
  // A general branch's own branches can become neither a general branch nor a committee where they are.
  underGeneralBranch = false
): ReadonlyArray<string> => {
  const out: Array<string> = []
  if (!crosses(p.branchMinFull, full, all)) out.push("R7 organization.finding.dissolutionDue")
  if (crosses(p.branchSoftMax, full, all)) out.push("R3 organization.finding.splitSuggested")
  if (!underGeneralBranch && crosses(p.generalBranchThreshold, full, all)) {
    out.push(
      p.generalBranchThreshold.mandatory === true
        ? "R4 organization.finding.generalBranchDue"
        : "R4 organization.finding.generalBranchPossible"
    )
  }
  if (!underGeneralBranch && crosses(p.committeeThreshold, full, all)) {
    out.push("R5 organization.finding.committeePossible")
  }
  if (crosses(p.branchCommitteeAtFull, full, all)) out.push("R16 organization.finding.committeeRequired")
  return out.sort()
}

const thresholdCodes = new Set([
  "organization.finding.dissolutionDue",
  "organization.finding.splitSuggested",
  "organization.finding.generalBranchDue",
  "organization.finding.generalBranchPossible",
  "organization.finding.committeePossible",
  "organization.finding.committeeRequired",
  "organization.finding.downgradeSuggested"
])

const stateWith = (
  orgId: string,
  kind: Organization.OrgKind,
  full: number,
  probationary: number,
  parentId?: string
): Organization.OrganizationState => {
  const events: Array<Organization.OrganizationEvent> = [
    Organization.OrganizationEstablished.make({
      orgId,
      name: orgId,
      kind,
      formation: "standalone",
      locus: "village",
      ...(parentId === undefined ? {} : { parentId }),
      approval: { by: "a", level: "county", at: "2024-01-01" },
      coveredUnits: [],
      aliases: [],
      mergedLeadership: false,
      secondTier: false,
      workNeed: false,
      localConditions: [],
      at: "2024-01-01"
    })
  ]
  for (let i = 0; i < full; i++) {
    events.push(
      Organization.RosterMemberAdded.make({
        orgId,
        memberId: `${orgId}-f${i}`,
        status: "full",
        reason: "initial",
        at: "2024-01-01"
      })
    )
  }
  for (let i = 0; i < probationary; i++) {
    events.push(
      Organization.RosterMemberAdded.make({
        orgId,
        memberId: `${orgId}-p${i}`,
        status: "probationary",
        reason: "initial",
        at: "2024-01-01"
      })
    )
  }
  return events.reduce(Organization.evolve, Organization.initialState)
}

const thresholdFindings = (
  findings: ReadonlyArray<{ readonly ruleId: string; readonly code: string; readonly params: Record<string, unknown> }>,
  orgId: string
) =>
  findings.filter((f) => f.params["orgId"] === orgId && thresholdCodes.has(f.code)).map((f) => `${f.ruleId} ${f.code}`)
    .sort()

describe("assess against an independent oracle", () => {
  it("a branch crosses exactly the thresholds the oracle says, under random policies (inclusive/exclusive, FM/AM)", () => {
    fc.assert(
      fc.property(Arbitraries.randomPolicy, Arbitraries.counts, (p, c) => {
        const state = stateWith("b", "branch", c.full, c.probationary)
        const findings = Organization.assess(state, p, "2024-06-01")
        assert.deepStrictEqual(thresholdFindings(findings, "b"), oracleBranch(p, c.full, c.full + c.probationary))
      }),
      { numRuns: 500 }
    )
  })

  it("a general branch is judged on the members of its whole subtree", () => {
    fc.assert(
      fc.property(
        Arbitraries.randomPolicy,
        fc.array(Arbitraries.counts, { maxLength: 4 }),
        Arbitraries.counts,
        (p, branches, own) => {
          let gb = stateWith("g", "generalBranch", own.full, own.probationary)
          const states = [gb]
          branches.forEach((c, i) => {
            const child = stateWith(`g${i}`, "branch", c.full, c.probationary, "g")
            gb = Organization.evolve(
              gb,
              Organization.SubOrganizationAttached.make({
                orgId: "g",
                childId: `g${i}`,
                childKind: "branch",
                at: "2024-01-01"
              })
            )
            states.push(child)
          })
          states[0] = gb
          const view = OrganizationTree.fromStates(states)
          const findings = Organization.assess(view, p, "2024-06-01")
          const full = own.full + branches.reduce((s, c) => s + c.full, 0)
          const all = full + own.probationary + branches.reduce((s, c) => s + c.probationary, 0)
          const expected: Array<string> = []
          if (crosses(p.committeeThreshold, full, all)) expected.push("R5 organization.finding.committeePossible")
          if (!crosses(p.generalBranchThreshold, full, all)) expected.push("R7 organization.finding.downgradeSuggested")
          assert.deepStrictEqual(thresholdFindings(findings, "g"), expected.sort())
          branches.forEach((c, i) => {
            assert.deepStrictEqual(
              thresholdFindings(findings, `g${i}`),
              oracleBranch(p, c.full, c.full + c.probationary, true)
            )
          })
        }
      ),
      { numRuns: 300 }
    )
  })

  it("R5 / R7: a primary committee is due for adjustment exactly when its subtree is below the committee threshold", () => {
    fc.assert(
      fc.property(
        Arbitraries.randomPolicy,
        fc.array(Arbitraries.counts, { maxLength: 3 }),
        Arbitraries.counts,
        (p, branches, own) => {
          let committee = stateWith("c", "primaryCommittee", own.full, own.probationary)
          const states = branches.map((c, i) => {
            committee = Organization.evolve(
              committee,
              Organization.SubOrganizationAttached.make({
                orgId: "c",
                childId: `c${i}`,
                childKind: "branch",
                at: "2024-01-01"
              })
            )
            return stateWith(`c${i}`, "branch", c.full, c.probationary, "c")
          })
          const findings = Organization.assess(OrganizationTree.fromStates([committee, ...states]), p, "2024-06-01")
          const full = own.full + branches.reduce((s, c) => s + c.full, 0)
          const all = full + own.probationary + branches.reduce((s, c) => s + c.probationary, 0)
          const due = findings.filter((f) => f.code === "organization.finding.committeeAdjustmentDue")
          assert.deepStrictEqual(
            due.map((f) => [f.ruleId, f.params["orgId"], f.params["members"]]),
            crosses(p.committeeThreshold, full, all)
              ? []
              : [["R7", "c", p.committeeThreshold.basis === "FM" ? full : all]]
          )
        }
      ),
      { numRuns: 300 }
    )
  })
})
