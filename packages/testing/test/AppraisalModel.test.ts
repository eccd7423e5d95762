// The appraisal, points and roles aggregates against Dangjian.execute on the in-memory store:
//
// 1. A model-based test (fast-check `commands`) of one branch's democratic appraisal (R62–R64): a model that
//    predicts on its own whether each command is accepted, which grades stand and whether the 优秀 cap finding
//    is raised; after every command the store's register and findings must equal the model's.
// 2. R52 HARD (and R63 HARD): random points, appraisal and roles commands interleaved with member commands
//    leave every member exactly as the same run without them does.
// 3. Random township histories: every appraisal, points and roles register replayed from the store equals the
//    pure world's states, and the findings are computed on them.
import type { Appraisal as AppraisalNs } from "@dangjian/core"
import {
  Appraisal,
  AppraisalRegister,
  Dangjian,
  GovernancePolicy,
  LegalDate,
  MemberRoster,
  MemoryStore,
  OrganizationTree,
  Points,
  PointsRegister,
  Roles,
  RolesRegister
} from "@dangjian/core"
import { EventStore, Projection } from "@dangjian/core/kernel"
import { assert, describe, it } from "@effect/vitest"
import { Effect, Result } from "effect"
import fc from "fast-check"
import { Arbitraries, DangjianWorld } from "../src/index.ts"

const policies = GovernancePolicy.national

const newStore = () => Effect.runPromise(MemoryStore.make({ codec: Dangjian.codec }))

type Store = Awaited<ReturnType<typeof newStore>>

const runIn = <A, E>(store: Store, effect: Effect.Effect<A, E, EventStore.EventStore>) =>
  Effect.runPromise(Effect.result(effect).pipe(Effect.provideService(EventStore.EventStore, store)))

const execute = (store: Store, command: Dangjian.Command) => runIn(store, Dangjian.execute(command, { policies }))

const replay = <S>(store: Store, projection: Projection.Projection<S>) =>
  Effect.runPromise(Projection.replay(projection).pipe(Effect.provideService(EventStore.EventStore, store))).then((c) =>
    c.state
  )

// ---------------------------------------------------------------------------------------------------------
// 1. The appraisal model
// ---------------------------------------------------------------------------------------------------------

// Branch v1: six full members and one probationary (AM 7, FM 6); w1 belongs to branch v2.
const fullMembers = ["v1-f1", "v1-f2", "v1-f3", "v1-f4", "v1-f5", "v1-f6"] as const
const pool = [...fullMembers, "v1-p1", "v2-f1"] as const
const at: LegalDate.LegalDate = "2025-01-10"

const setup: ReadonlyArray<Dangjian.Command> = [
  {
    _tag: "EstablishOrganization",
    orgId: "town",
    name: "Town",
    kind: "townshipCommittee",
    formation: "standalone",
    locus: "township",
    approval: { by: "county", level: "county", at: "2024-01-01" },
    initialMembers: [],
    at: "2024-01-01"
  },
  ...(["v1", "v2"] as const).map((orgId): Dangjian.Command => ({
    _tag: "EstablishOrganization",
    orgId,
    name: orgId,
    kind: "branch",
    formation: "standalone",
    locus: "village",
    parentId: "town",
    approval: { by: "town", level: "township", at: "2024-01-01" },
    initialMembers: orgId === "v1"
      ? [...fullMembers.map((memberId) => ({ memberId, status: "full" as const })), {
        memberId: "v1-p1",
        status: "probationary" as const
      }]
      : ["v2-f1", "v2-f2", "v2-f3"].map((memberId) => ({ memberId, status: "full" as const })),
    at: "2024-01-01"
  })),
  ...pool.map((memberId): Dangjian.Command => ({
    _tag: "RegisterMember",
    memberId,
    orgId: memberId.slice(0, 2),
    status: memberId.includes("-p") ? "probationary" : "full",
    ...(memberId.includes("-p") ? { probationEndsAt: "2025-06-01" } : {}),
    at: "2024-01-01"
  }))
]

interface Model {
  status: "none" | "open" | "closed"
  grades: Map<string, AppraisalNs.Grade>
  disposals: Map<string, { readonly form: AppraisalNs.DisposalForm; outcome: AppraisalNs.DisposalOutcome | undefined }>
  accepted: number
  rejected: number
}

interface Real {
  readonly store: Store
}

// Runs a command and checks that the store accepts it exactly when the model does.
const runExpecting = async (model: Model, real: Real, command: Dangjian.Command, allowed: boolean, label: string) => {
  const outcome = await execute(real.store, command)
  if (allowed && Result.isFailure(outcome)) {
    throw new Error(`${label}: rejected (${JSON.stringify(outcome.failure)}), the model accepts it`)
  }
  if (!allowed && Result.isSuccess(outcome)) throw new Error(`${label}: accepted, the model rejects it`)
  if (allowed) model.accepted++
  else model.rejected++
}

// The store's register and findings are the model's.
const checkState = async (model: Model, real: Real, label: string) => {
  const view = await replay(real.store, AppraisalRegister.projection)
  const state = AppraisalRegister.appraisalOf(view, "v1", 2024)
  const grades = Object.fromEntries(Object.entries(state?.grades ?? {}).map(([id, g]) => [id, g.grade]))
  assert.deepStrictEqual(grades, Object.fromEntries([...model.grades].sort(([a], [b]) => a.localeCompare(b))), label)
  assert.strictEqual(state?.status ?? "none", model.status, label)
  const excellent = [...model.grades.values()].filter((g) => g === "excellent").length
  const capFound = Appraisal.assess(view, policies, at).some((f) => f.code === "appraisal.finding.excellentOverCap")
  // R62 REC: over the cap when 3 × excellent > AM (7)
  assert.strictEqual(capFound, 3 * excellent > 7, `${label}: cap finding with ${excellent} excellent`)
}

type AppraisalCommand = fc.AsyncCommand<Model, Real>

const command = (
  label: string,
  build: (model: Model) => Dangjian.Command,
  allowed: (model: Model) => boolean,
  apply: (model: Model) => void
): AppraisalCommand => ({
  check: () => true,
  run: async (model, real) => {
    const ok = allowed(model)
    await runExpecting(model, real, build(model), ok, label)
    if (ok) apply(model)
    await checkState(model, real, label)
  },
  toString: () => label
})

const running = (model: Model, memberId: string) => {
  const d = model.disposals.get(memberId)
  return d !== undefined && d.outcome === undefined
}

const memberArb = fc.constantFrom(...pool)
const gradeArb = fc.constantFrom(...Appraisal.Grade.literals)

const gradeCommand = fc.tuple(memberArb, gradeArb).map(([memberId, grade]) =>
  command(
    `Grade(${memberId}, ${grade})`,
    () => ({ _tag: "GradeMember", orgId: "v1", year: 2024, memberId, grade, at }),
    (m) =>
      m.status === "open" && memberId.startsWith("v1") && !(memberId === "v1-p1" && grade === "excellent")
      && (m.grades.get(memberId) ?? grade) === grade,
    (m) => {
      m.grades.set(memberId, grade)
    }
  )
)

// Grading is listed three times, so that sequences grade most members before they close the appraisal.
const appraisalCommands = fc.commands([
  gradeCommand,
  gradeCommand,
  fc.constant(
    command(
      "Open",
      () => ({ _tag: "OpenAppraisal", orgId: "v1", year: 2024, at: "2025-01-05" }),
      (m) => m.status !== "closed",
      (m) => {
        if (m.status === "none") {
          m.status = "open"
        }
      }
    )
  ),
  gradeCommand,
  fc.tuple(memberArb, gradeArb).map(([memberId, grade]) =>
    command(
      `Correct(${memberId}, ${grade})`,
      () => ({ _tag: "CorrectAppraisalGrade", orgId: "v1", year: 2024, memberId, grade, reason: "appeal", at }),
      (m) =>
        m.status !== "none" && m.grades.has(memberId)
        && (m.grades.get(memberId) === grade
          || (!(memberId === "v1-p1" && grade === "excellent") && !running(m, memberId))),
      (m) => {
        m.grades.set(memberId, grade)
      }
    )
  ),
  fc.constant(
    command(
      "Close",
      () => ({ _tag: "CloseAppraisal", orgId: "v1", year: 2024, at }),
      (m) => m.status !== "none",
      (m) => {
        m.status = "closed"
      }
    )
  ),
  fc.tuple(memberArb, fc.constantFrom(...Appraisal.DisposalForm.literals), fc.integer({ min: 3, max: 6 })).map((
    [memberId, form, yes]
  ) =>
    command(
      `Dispose(${memberId}, ${form}, ${yes} yes)`,
      () => ({
        _tag: "DecideDisposal",
        orgId: "v1",
        year: 2024,
        memberId,
        matterId: "matter-1",
        form,
        vote: { meetingId: "gm", entitled: 6, present: 6, yes, at },
        approval: { by: "town", level: "township", at },
        at
      }),
      (m) => {
        const last = m.disposals.get(memberId)
        return m.status !== "none" && m.grades.get(memberId) === "unqualified" && memberId !== "v1-p1"
          && !running(m, memberId) && last?.outcome !== "withdrew" && last?.outcome !== "removed" && yes >= 4
      },
      (m) => {
        m.disposals.set(memberId, { form, outcome: undefined })
      }
    )
  ),
  fc.tuple(memberArb, fc.constantFrom(...Appraisal.DisposalOutcome.literals)).map(([memberId, outcome]) =>
    command(
      `Conclude(${memberId}, ${outcome})`,
      () => ({ _tag: "ConcludeDisposal", orgId: "v1", year: 2024, memberId, outcome, at }),
      (m) => {
        const d = m.disposals.get(memberId)
        if (m.status === "none" || d === undefined) return false
        return d.outcome === undefined ? Appraisal.outcomesOf[d.form].includes(outcome) : d.outcome === outcome
      },
      (m) => {
        const d = m.disposals.get(memberId)
        if (d !== undefined) d.outcome = outcome
      }
    )
  )
], { maxCommands: 30, size: "max" })

describe("Appraisal against Dangjian.execute (model-based)", () => {
  it(
    "R62–R64: no command sequence reaches a state the model forbids; grades and the 优秀 cap finding equal the model",
    async () => {
      let accepted = 0
      let rejected = 0
      await fc.assert(
        fc.asyncProperty(appraisalCommands, async (cmds) => {
          const store = await newStore()
          for (const c of setup) {
            const outcome = await execute(store, c)
            assert.isTrue(Result.isSuccess(outcome), `setup ${c._tag}`)
          }
          const model: Model = { status: "none", grades: new Map(), disposals: new Map(), accepted: 0, rejected: 0 }
          await fc.asyncModelRun(() => ({ model, real: { store } }), cmds)
          accepted += model.accepted
          rejected += model.rejected
        }),
        { numRuns: 100 }
      )
      // not vacuous: many commands were accepted and many rejected
      assert.isAbove(accepted, 300)
      assert.isAbove(rejected, 150)
    },
    120_000
  )

  it("the model can fail: a model that lets a probationary member be rated 优秀 is caught", async () => {
    const store = await newStore()
    for (const c of setup) await execute(store, c)
    const model: Model = { status: "none", grades: new Map(), disposals: new Map(), accepted: 0, rejected: 0 }
    await runExpecting(
      model,
      { store },
      { _tag: "OpenAppraisal", orgId: "v1", year: 2024, at: "2025-01-05" },
      true,
      "open"
    )
    model.status = "open"
    await checkState(model, { store }, "open")
    // a wrong prediction: the store rejects it (R64), so the check throws
    const wrong = runExpecting(
      model,
      { store },
      { _tag: "GradeMember", orgId: "v1", year: 2024, memberId: "v1-p1", grade: "excellent", at },
      true,
      "wrong"
    )
    let failed = false
    await wrong.catch(() => {
      failed = true
    })
    assert.isTrue(failed)
    // and a wrong state is caught too
    model.grades.set("v1-f1", "excellent")
    let stateFailed = false
    await checkState(model, { store }, "wrong state").catch(() => {
      stateFailed = true
    })
    assert.isTrue(stateFailed)
  })
})

// ---------------------------------------------------------------------------------------------------------
// 2. R52 HARD: points (and appraisal and roles) commands never change a member
// ---------------------------------------------------------------------------------------------------------

const mine = new Set(["appraisal", "points", "roles"])

// A township tree, then member steps and appraisal/points/roles steps interleaved, each resolved against the
// pure world so that most are accepted (the rejected ones are run too).
const interleaved = fc.record({
  tree: Arbitraries.organizationTree({
    units: { min: 1, max: 2 },
    branchesPerUnit: { min: 1, max: 2 },
    groupsPerBranch: { min: 0, max: 1 }
  }),
  steps: fc.array(
    fc.oneof(
      Arbitraries.memberIntent.map((i) => ({ member: i })),
      { arbitrary: Arbitraries.appraisalIntent.map((i) => ({ appraisal: i })), weight: 2 }
    ),
    { minLength: 20, maxLength: 80 }
  )
}).map(({ steps, tree }) => {
  let world = DangjianWorld.play(policies, tree).world
  let date = tree.reduce((last, c) => (c.at > last ? c.at : last), "2024-01-01")
  // every member the tree lists gets its own stream first (member commands too)
  const registrations = Object.values(world.orgs.states).flatMap((org) =>
    Object.keys(org.roster).sort().flatMap((memberId): Array<Dangjian.Command> => {
      const status = org.roster[memberId]
      return status === "full" || status === "probationary"
        ? [{ _tag: "RegisterMember", memberId, orgId: org.orgId, status, at: date }]
        : []
    })
  )
  world = DangjianWorld.play(policies, registrations, world).world
  const commands: Array<Dangjian.Command> = [...tree, ...registrations]
  steps.forEach((s, n) => {
    const gap = "member" in s ? s.member.gap : s.appraisal.gap
    date = LegalDate.addDays(date, gap)
    const resolved = "member" in s
      ? Arbitraries.resolveMember(world, n, date, s.member)
      : Arbitraries.resolveAppraisal(world, n, date, s.appraisal)
    if (resolved === undefined) return
    commands.push(resolved)
    world = DangjianWorld.play(policies, [resolved], world).world
  })
  return commands
})

const observeMembers = async (commands: ReadonlyArray<Dangjian.Command>) => {
  const store = await newStore()
  const outcomes: Array<string> = []
  for (const c of commands) {
    const outcome = await execute(store, c)
    if (!mine.has(DangjianWorld.pillarOf(c))) {
      outcomes.push(`${c._tag}: ${Result.isSuccess(outcome) ? "ok" : outcome.failure._tag}`)
    }
  }
  const roster = await replay(store, MemberRoster.projection)
  const tree = await replay(store, OrganizationTree.projection)
  return { outcomes, members: roster.members, tree }
}

describe("R52 HARD: no points result changes a member's status", () => {
  it(
    "R52, R63: the members and rosters after points, appraisal and roles commands interleaved with member commands equal those of the same run without them",
    async () => {
      let ours = 0
      let acceptedOurs = 0
      let acceptedPoints = 0
      await fc.assert(
        fc.asyncProperty(interleaved, async (commands) => {
          const without = commands.filter((c) => !mine.has(DangjianWorld.pillarOf(c)))
          const [withOurs, alone] = await Promise.all([observeMembers(commands), observeMembers(without)])
          assert.deepStrictEqual(withOurs.outcomes, alone.outcomes)
          assert.deepStrictEqual(withOurs.members, alone.members)
          assert.deepStrictEqual(withOurs.tree, alone.tree)
          const played = DangjianWorld.play(policies, commands)
          ours += commands.length - without.length
          acceptedOurs += played.accepted.filter((c) => mine.has(DangjianWorld.pillarOf(c))).length
          acceptedPoints += played.accepted.filter((c) => DangjianWorld.pillarOf(c) === "points").length
        }),
        { numRuns: 40 }
      )
      // not vacuous: many of our commands ran, and many were accepted (points among them)
      assert.isAbove(ours, 300)
      assert.isAbove(acceptedOurs, 150)
      assert.isAbove(acceptedPoints, 60)
    },
    180_000
  )

  it("the comparison can fail: a run where a member command is dropped differs", async () => {
    const [commands] = fc.sample(interleaved.filter((cs) => cs.some((c) => c._tag === "AdmitMember")), {
      numRuns: 1,
      seed: 11
    })
    const all = commands ?? []
    const admitted = all.findIndex((c) => c._tag === "AdmitMember")
    const dropped = all.filter((_, i) => i !== admitted)
    const [a, b] = await Promise.all([observeMembers(all), observeMembers(dropped)])
    assert.notDeepEqual(a.members, b.members)
  })
})

// ---------------------------------------------------------------------------------------------------------
// 3. Township histories: the registers replayed from the store are the pure world's states
// ---------------------------------------------------------------------------------------------------------

describe("Township histories with appraisal, points and roles steps", () => {
  const histories = Arbitraries.townshipHistory({ policies, members: 25, agreements: 0, appraisals: 40 })
  const seenIn = (accepted: ReadonlyArray<Dangjian.Command>) => {
    const seen = { appraisal: 0, points: 0, roles: 0 }
    for (const c of accepted) {
      const pillar = DangjianWorld.pillarOf(c)
      if (pillar === "appraisal" || pillar === "points" || pillar === "roles") seen[pillar]++
    }
    return seen
  }

  // Not vacuous, on a fixed sample: the count over a random run of 30 histories varies too much for a fixed
  // bound (about 40 % of histories accept no appraisal command; a run's total ranged 21–92), so the bound is
  // checked on the same 30 histories every time and the property below keeps its random seed.
  it("the generator reaches every register: 30 fixed histories accept appraisal, points and roles commands", () => {
    const sample = fc.sample(histories, { numRuns: 30, seed: 2026 })
    const seen = seenIn(sample.flatMap((h) => h.accepted))
    assert.isAbove(seen.appraisal, 40)
    assert.isAbove(seen.points, 40)
    assert.isAbove(seen.roles, 10)
  })

  it("every accepted command is accepted by the store, and the registers equal the pure world", async () => {
    const seen = { appraisal: 0, points: 0, roles: 0 }
    await fc.assert(
      fc.asyncProperty(
        histories,
        async (h) => {
          const store = await newStore()
          for (const c of h.accepted) {
            const outcome = await execute(store, c)
            assert.isTrue(
              Result.isSuccess(outcome),
              `${c._tag}: ${Result.isFailure(outcome) ? outcome.failure._tag : ""}`
            )
            const pillar = DangjianWorld.pillarOf(c)
            if (pillar === "appraisal" || pillar === "points" || pillar === "roles") seen[pillar]++
          }
          const appraisals = await replay(store, AppraisalRegister.projection)
          const points = await replay(store, PointsRegister.projection)
          const roles = await replay(store, RolesRegister.projection)
          assert.deepStrictEqual(appraisals.appraisals, { ...h.world.appraisals })
          for (const [orgId, state] of Object.entries(h.world.points)) {
            assert.deepStrictEqual(points.ledgers[orgId], state)
          }
          for (const [orgId, state] of Object.entries(h.world.roles)) {
            assert.deepStrictEqual(roles.roles[orgId], state)
          }
          // the findings are computed on the replayed registers as of the last day and a year later
          const last = h.accepted.reduce((d, c) => (c.at > d ? c.at : d), "2024-01-01")
          for (const asOf of [last, `${Number(last.slice(0, 4)) + 1}${last.slice(4)}`]) {
            for (
              const f of [
                ...Appraisal.assess(appraisals, policies, asOf),
                ...Points.assess(points, policies, asOf),
                ...Roles.assess(roles, policies, asOf)
              ]
            ) {
              assert.isTrue(f.ruleId.startsWith("R"), f.code)
            }
          }
        }
      ),
      { numRuns: 30 }
    )
    // every aggregate saw accepted commands in this run too (each is missing from a history with p < 0.4)
    assert.isAbove(seen.appraisal, 0)
    assert.isAbove(seen.points, 0)
    assert.isAbove(seen.roles, 0)
  }, 180_000)
})
