// Member development and leadership history, by model and by law:
// - a model-based test (fast-check `commands`): random steps of the 25 (and time passing) for two applicants,
//   run through Dangjian.execute on the in-memory store; a small model written from RULES.md R77, R81, R85–R88
//   (not from the decider) predicts whether each command is accepted, and after every command the stored record's
//   stage and the member stream agree with it;
// - the law that no command sequence skips a HARD step: random sequences (steps in any order, random dates), then,
//   on every applicant's stream, each event's HARD prerequisites are there before it, dated no later;
// - the arithmetic laws of the admission vote (R85) and of ballot records (R92, R23, R24);
// - the accepted-history generators: every command they keep is accepted again by the store.
import {
  Dangjian,
  Development,
  GovernancePolicy,
  Leadership,
  LegalDate,
  MemoryStore,
  PolicyTimeline
} from "@dangjian/core"
import type { Organization } from "@dangjian/core"
import { EventStore } from "@dangjian/core/kernel"
import { assert, describe, it } from "@effect/vitest"
import { Effect, Result, Schema } from "effect"
import fc from "fast-check"
import { Arbitraries } from "../src/index.ts"

const policies: Organization.Policies = PolicyTimeline.national

interface Real {
  readonly store: EventStore.EventStoreShape
}

const newStore = () => Effect.runPromise(MemoryStore.make({ codec: Dangjian.codec }))

const runIn = <A, E>(real: Real, effect: Effect.Effect<A, E, EventStore.EventStore>) =>
  Effect.runPromise(Effect.result(effect).pipe(Effect.provideService(EventStore.EventStore, real.store)))

const execute = (real: Real, command: Dangjian.Command) => runIn(real, Dangjian.execute(command, { policies }))

const streamEvents = async (real: Real, streamId: string) => {
  const read = await runIn(real, EventStore.EventStore.use((store) => store.readStream(streamId)))
  if (Result.isFailure(read)) throw new Error(`read ${streamId} failed`)
  return read.success.events.map((e) => e.data as Development.DevelopmentEvent)
}

const setup = async (): Promise<Real> => {
  const real: Real = { store: await newStore() }
  for (const command of Arbitraries.developmentTownship) {
    const outcome = await execute(real, command)
    if (Result.isFailure(outcome)) throw new Error(`setup ${command._tag} rejected`)
  }
  return real
}

// ---------------------------------------------------------------------------------------------------------
// The model
// ---------------------------------------------------------------------------------------------------------

// The steps the model drives, in the numbering of R77 ("13b" is the form issued after the pre-review).
type Step = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10 | 11 | 12 | 13 | "13b" | 14 | 15 | 16 | 17 | 18 | 20

const steps: ReadonlyArray<Step> = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, "13b", 14, 15, 16, 17, 18, 20]

// R77 HARD: what each step needs (written from the rules' list, independently of the decider).
const needs: Readonly<Record<string, ReadonlyArray<Step>>> = {
  "1": [],
  "2": [1],
  "3": [1],
  "4": [3],
  "5": [3],
  "6": [3],
  "7": [5],
  "8": [7],
  "9": [7],
  "10": [7],
  "11": [7],
  "12": [9, 10, 11],
  "13": [12],
  "13b": [13],
  "14": ["13b"],
  "15": [14],
  "16": [15],
  "17": [16],
  "18": [17],
  "20": [17]
}

interface ModelRecord {
  status: "none" | "open" | "admitted"
  readonly done: Map<Step, string>
}

interface Model {
  today: string
  readonly records: Record<string, ModelRecord>
  accepted: number
  rejected: number
}

const applicants = ["p1", "p2"] as const

const commandFor = (applicantId: string, step: Step, at: string): Dangjian.Command => {
  const c = { applicantId, at }
  switch (step) {
    case 1:
      return { _tag: "SubmitApplication", ...c, orgId: "v1", bornOn: "1990-01-01" }
    case 2:
      return { _tag: "InterviewApplicant", ...c }
    case 3:
      return { _tag: "DesignateActivist", ...c, decidedBy: "generalMeeting" }
    case 4:
      return { _tag: "FileActivist", ...c }
    case 5:
      return { _tag: "AssignContactPersons", ...c, contactPersonIds: ["v1-f1"] }
    case 6:
      return { _tag: "ReviewActivist", ...c }
    case 7:
      return { _tag: "DesignateDevelopmentObject", ...c, decidedBy: "generalMeeting" }
    case 8:
      return { _tag: "FileDevelopmentObject", ...c }
    case 9:
      return { _tag: "AssignIntroducers", ...c, introducerIds: ["v1-f1", "v1-f2"] }
    case 10:
      return { _tag: "ConcludePoliticalReview", ...c, result: "pass" }
    case 11:
      return { _tag: "CompleteTraining", ...c, days: 3, hours: 24 }
    case 12:
      return { _tag: "ReviewByBranchCommittee", ...c }
    case 13:
      return { _tag: "PassPreReview", ...c, approverOrgId: "town" }
    case "13b":
      return { _tag: "IssueApplicationForm", ...c }
    case 14:
      return { _tag: "CompleteApplicationForm", ...c }
    case 15:
      return {
        _tag: "VoteOnAdmission",
        ...c,
        meetingId: `vote-${at}`,
        candidateIds: [applicantId],
        tally: { entitled: 6, present: 6, yes: 6, writtenOpinions: 0, writtenYes: 0 }
      }
    case 16:
      return { _tag: "HoldApprovalInterview", ...c, interviewerRole: "organizer" }
    case 17:
      return {
        _tag: "ApproveAdmission",
        ...c,
        approverOrgId: "town",
        meeting: { meetingId: `approval-${at}`, candidateIds: [applicantId] }
      }
    case 18:
      return { _tag: "FileAdmission", ...c }
    case 20:
      return { _tag: "TakeOath", ...c }
  }
}

// Whether the model accepts the step today (R77 order; R81 a year as an activist; R85 a passed vote stands until
// its six months run out; R86 the talk after the vote; R87 the approval within six months of the vote).
const allowed = (model: Model, applicantId: string, step: Step): boolean => {
  const record = model.records[applicantId]!
  const today = model.today
  if (step === 1) return record.status === "none"
  if (step === 18 || step === 20) return record.status === "admitted"
  if (record.status !== "open") return false
  if (!needs[String(step)]!.every((n) => record.done.has(n))) return false
  const vote = record.done.get(15)
  switch (step) {
    case 7:
      return record.done.has(7) || today >= LegalDate.addMonths(record.done.get(3)!, 12)
    case 15:
      return vote === undefined || today > LegalDate.addMonths(vote, 6)
    case 17:
      return today <= LegalDate.addMonths(vote!, 6)
    default:
      return true
  }
}

const apply = (model: Model, applicantId: string, step: Step) => {
  const record = model.records[applicantId]!
  if (step === 1) record.status = "open"
  if (step === 15) record.done.delete(16)
  if (step === 17) record.status = "admitted"
  if (!record.done.has(step) || step === 15) record.done.set(step, model.today)
}

const stageOfModel = (record: ModelRecord): string | undefined =>
  record.status === "none"
    ? undefined
    : record.status === "admitted"
    ? "probationary"
    : record.done.has(7)
    ? "developmentObject"
    : record.done.has(3)
    ? "activist"
    : "applicant"

const check = async (model: Model, real: Real) => {
  for (const applicantId of applicants) {
    const record = model.records[applicantId]!
    const events = await streamEvents(real, Development.streamId(applicantId))
    const state = events.reduce(Development.evolve, Development.initialState)
    assert.strictEqual(Development.stageOf(state), stageOfModel(record), `stage of ${applicantId}`)
    const member = await runIn(real, EventStore.EventStore.use((store) => store.readStream(`member-${applicantId}`)))
    const admitted = Result.isSuccess(member) && member.success.events.some((e) => e.type === "MemberAdmitted")
    assert.strictEqual(admitted, record.status === "admitted", `member stream of ${applicantId}`)
  }
}

type DevelopmentCommand = fc.AsyncCommand<Model, Real>

// The first step of the order an applicant has not taken (the oath once approved).
const nextStepOf = (model: Model, applicantId: string): Step =>
  steps.find((step) => !model.records[applicantId]!.done.has(step)) ?? 20

const runStep = (applicantId: string, pick: (model: Model) => Step, label: string): DevelopmentCommand => ({
  check: () => true,
  run: async (model: Model, real: Real) => {
    const step = pick(model)
    const ok = allowed(model, applicantId, step)
    const outcome = await execute(real, commandFor(applicantId, step, model.today))
    if (ok !== Result.isSuccess(outcome)) {
      const why = Result.isFailure(outcome) ? JSON.stringify(outcome.failure) : "accepted"
      throw new Error(`step ${step} of ${applicantId} on ${model.today}: the model says ${ok}, the store ${why}`)
    }
    if (ok) {
      apply(model, applicantId, step)
      model.accepted++
    } else model.rejected++
    await check(model, real)
  },
  toString: () => label
})

// A step of the 25 for an applicant, any of them (often out of order).
const stepCommand: fc.Arbitrary<DevelopmentCommand> = fc
  .tuple(fc.constantFrom(...applicants), fc.constantFrom(...steps))
  .map(([applicantId, step]) => runStep(applicantId, () => step, `Step(${applicantId}, ${step})`))

// The applicant's next step in the order (so that runs get far).
const nextCommand: fc.Arbitrary<DevelopmentCommand> = fc
  .constantFrom(...applicants)
  .map((applicantId) => runStep(applicantId, (model) => nextStepOf(model, applicantId), `Next(${applicantId})`))

const waitCommand: fc.Arbitrary<DevelopmentCommand> = fc.integer({ min: 1, max: 13 }).map((months) => ({
  check: () => true,
  run: async (model: Model) => {
    model.today = LegalDate.addMonths(model.today, months)
  },
  toString: () => `Wait(${months})`
}))

const freshModel = (): Model => ({
  today: "2021-01-10",
  records: Object.fromEntries(applicants.map((a) => [a, { status: "none", done: new Map() }])),
  accepted: 0,
  rejected: 0
})

describe("Development model (fast-check commands against Dangjian.execute on the in-memory store)", () => {
  it(
    "R77 / R81 / R85–R88: every command is accepted exactly when the model says; stages and member streams agree",
    async () => {
      let accepted = 0
      let rejected = 0
      let admitted = 0
      await fc.assert(
        fc.asyncProperty(
          fc.commands([nextCommand, nextCommand, nextCommand, stepCommand, waitCommand], {
            maxCommands: 80,
            size: "max"
          }),
          async (cmds) => {
            const real = await setup()
            const model = freshModel()
            await fc.asyncModelRun(() => ({ model, real }), cmds)
            accepted += model.accepted
            rejected += model.rejected
            admitted += Object.values(model.records).filter((r) => r.status === "admitted").length
          }
        ),
        { numRuns: 100 }
      )
      // not vacuous: many steps accepted and rejected, and some applicants reached probation
      assert.isAbove(accepted, 1_000)
      assert.isAbove(rejected, 300)
      assert.isAbove(admitted, 6)
    },
    180_000
  )

  it("the model's check can fail: a model that lets a development object be named before the year is caught", async () => {
    const real = await setup()
    const model = freshModel()
    const run = async (applicantId: string, step: Step) => {
      const outcome = await execute(real, commandFor(applicantId, step, model.today))
      if (Result.isSuccess(outcome)) apply(model, applicantId, step)
      return outcome
    }
    for (const step of [1, 3, 5] as const) await run("p1", step)
    model.today = LegalDate.addMonths(model.today, 11)
    assert.isFalse(allowed(model, "p1", 7))
    // a broken model (no R81) would accept step 7 here; the store rejects it
    const outcome = await run("p1", 7)
    assert.isTrue(Result.isFailure(outcome))
    model.today = LegalDate.addMonths(model.today, 1)
    assert.isTrue(allowed(model, "p1", 7))
    assert.isTrue(Result.isSuccess(await run("p1", 7)))
  })
})

// ---------------------------------------------------------------------------------------------------------
// The law: no command sequence skips a HARD step
// ---------------------------------------------------------------------------------------------------------

// R77 HARD, on the events of one application (since its ApplicationSubmitted): the events each event needs
// before it.
const prerequisites: Readonly<Record<string, ReadonlyArray<string>>> = {
  ActivistDesignated: ["ApplicationSubmitted"],
  ContactPersonsAssigned: ["ActivistDesignated"],
  DevelopmentObjectDesignated: ["ActivistDesignated", "ContactPersonsAssigned"],
  IntroducersAssigned: ["DevelopmentObjectDesignated"],
  PoliticalReviewConcluded: ["DevelopmentObjectDesignated"],
  TrainingCompleted: ["DevelopmentObjectDesignated"],
  BranchCommitteeReviewed: ["IntroducersAssigned", "PoliticalReviewConcluded", "TrainingCompleted"],
  PreReviewPassed: ["BranchCommitteeReviewed"],
  ApplicationFormIssued: ["PreReviewPassed"],
  ApplicationFormCompleted: ["ApplicationFormIssued"],
  AdmissionVoted: ["ApplicationFormCompleted"],
  ApprovalInterviewHeld: ["AdmissionVoted"],
  AdmissionApproved: ["ApprovalInterviewHeld"],
  AdmissionFiled: ["AdmissionApproved"],
  AssignedToBranchAndGroup: ["AdmissionApproved"],
  OathTaken: ["AdmissionApproved"],
  ProbationReviewed: ["AdmissionApproved"],
  ConversionApplied: ["AdmissionApproved"],
  ConversionVoted: ["AdmissionApproved"],
  ConversionApproved: ["ConversionVoted"],
  RecordsArchived: ["ConversionApproved"]
}

// Checks one stream; returns the violations found (empty when the law holds).
const violations = (events: ReadonlyArray<Development.DevelopmentEvent>): ReadonlyArray<string> => {
  const out: Array<string> = []
  let seen = new Map<string, Development.DevelopmentEvent>()
  for (const event of events) {
    if (event._tag === "ApplicationSubmitted") seen = new Map()
    for (const needed of prerequisites[event._tag] ?? []) {
      const before = seen.get(needed)
      if (before === undefined) out.push(`${event._tag} without ${needed}`)
      else if (before.at > event.at) out.push(`${event._tag} dated before ${needed}`)
    }
    // R81: a year as an activist before the development object (no move in these histories)
    if (event._tag === "DevelopmentObjectDesignated") {
      const activist = seen.get("ActivistDesignated")
      if (activist !== undefined && event.at < LegalDate.addMonths(activist.at, 12)) out.push("R81 year")
    }
    // R85 / R86: the talk and the approval follow a vote that passed; R87: within six months of it
    if (event._tag === "ApprovalInterviewHeld" || event._tag === "AdmissionApproved") {
      const vote = seen.get("AdmissionVoted")
      if (vote?._tag === "AdmissionVoted" && !vote.passed) out.push(`${event._tag} after a failed vote`)
      if (event._tag === "AdmissionApproved" && vote !== undefined && event.at > LegalDate.addMonths(vote.at, 6)) {
        out.push("R87 six months")
      }
    }
    if (event._tag === "BranchCommitteeReviewed") {
      const review = seen.get("PoliticalReviewConcluded")
      if (review?._tag === "PoliticalReviewConcluded" && review.result !== "pass") out.push("R83 review")
    }
    if (event._tag === "ConversionApproved") {
      const vote = seen.get("ConversionVoted")
      if (vote?._tag === "ConversionVoted" && !vote.passed) out.push("conversion after a failed vote")
    }
    if (event._tag === "AdmissionVoted") {
      // a new vote: the talk and the approval of the last one no longer count
      seen.delete("ApprovalInterviewHeld")
    }
    seen.set(event._tag, event)
  }
  return out
}

// Random sequences: each applicant's 26 commands (every step), taken in a random order of the steps and dated
// along a random walk of months, so steps come too early, out of order, after failed votes, twice.
const randomSequence: fc.Arbitrary<ReadonlyArray<Dangjian.Command>> = fc
  .array(
    fc.record({
      applicant: fc.constantFrom("p1", "p2", "p3"),
      step: fc.nat({ max: 25 }),
      months: fc.nat({ max: 8 }),
      passing: fc.boolean()
    }),
    { minLength: 10, maxLength: 70 }
  )
  .map((picks) => {
    let at = "2021-01-10"
    return picks.map((pick) => {
      at = LegalDate.addMonths(at, pick.months)
      const all = Arbitraries.applicantCommands(pick.applicant, {
        orgIndex: 0,
        start: 0,
        upTo: 25,
        activistMonths: 0,
        objectMonths: 12,
        voteMonths: 1,
        approvalMonths: 1,
        swap: 99,
        passing: pick.passing
      })
      return { ...all[pick.step % all.length]!, at } as Dangjian.Command
    })
  })

describe("Development laws", () => {
  const histories = Arbitraries.developmentHistory({ policies }).map((h) => h.accepted)
  const applicants = ["p1", "p2", "p3", "p4"] as const

  /** The applicants' streams after the commands, on a fresh township. */
  const streamsAfter = async (commands: ReadonlyArray<Dangjian.Command>) => {
    const real = await setup()
    for (const command of commands) await execute(real, command)
    const streams: Array<ReadonlyArray<Development.DevelopmentEvent>> = []
    for (const applicantId of applicants) streams.push(await streamEvents(real, Development.streamId(applicantId)))
    return streams
  }
  const approved = (stream: ReadonlyArray<Development.DevelopmentEvent>) =>
    stream.some((e) => e._tag === "AdmissionApproved")

  it(
    "R77: no development command sequence skips a HARD step (every prerequisite is in the stream before, dated no later)",
    async () => {
      let events = 0
      let far = 0
      await fc.assert(
        fc.asyncProperty(fc.oneof(randomSequence, histories), async (commands) => {
          for (const [i, stream] of (await streamsAfter(commands)).entries()) {
            assert.deepStrictEqual(violations(stream), [], applicants[i])
            events += stream.length
            if (approved(stream)) far++
          }
        }),
        { numRuns: 120 }
      )
      assert.isAbove(events, 500)
      // some applicant reached admission in this run too; how many varies from run to run (4–16 in seven seeds)
      assert.isAbove(far, 0)
    },
    180_000
  )

  // Not vacuous, on a fixed sample: the law is checked down to the last steps. The count over a random run
  // varies too much for a fixed bound (it fell to 4 against a bound of 5 in one seed of seven), so the bound is
  // checked on the same 60 histories every time and the property above keeps its random seed.
  it(
    "the development histories reach admission: 60 fixed histories approve applicants, the law holds on them",
    async () => {
      let far = 0
      for (const commands of fc.sample(histories, { numRuns: 60, seed: 77 })) {
        for (const [i, stream] of (await streamsAfter(commands)).entries()) {
          assert.deepStrictEqual(violations(stream), [], applicants[i])
          if (approved(stream)) far++
        }
      }
      assert.isAbove(far, 5)
    },
    120_000
  )

  it("the law can fail: a stream with a step before its prerequisite is caught", () => {
    const at = "2024-01-01"
    const stream: ReadonlyArray<Development.DevelopmentEvent> = [
      Development.ApplicationSubmitted.make({ applicantId: "p", orgId: "v1", at }),
      Development.ContactPersonsAssigned.make({ applicantId: "p", orgId: "v1", contactPersonIds: ["v1-f1"], at })
    ]
    assert.deepStrictEqual(violations(stream), ["ContactPersonsAssigned without ActivistDesignated"])
  })

  it("R85: more yes-votes or written yes-opinions never turn a passing vote into a failing one; written opinions never change the quorum", () => {
    fc.assert(
      fc.property(Arbitraries.tally, (tally) => {
        const moreYes = { ...tally, yes: Math.min(tally.present, tally.yes + 1) }
        if (Development.passes(tally)) assert.isTrue(Development.passes(moreYes))
        const fewerWritten = { ...tally, writtenOpinions: 0, writtenYes: 0 }
        assert.strictEqual(Development.hasQuorum(fewerWritten), Development.hasQuorum(tally))
        // passing needs more than half of those entitled, never of those present
        assert.strictEqual(Development.passes(tally), 2 * (tally.yes + tally.writtenYes) > tally.entitled)
      }),
      { numRuns: 2_000 }
    )
  })
})

// ---------------------------------------------------------------------------------------------------------
// Ballot arithmetic (R92, R23, R24)
// ---------------------------------------------------------------------------------------------------------

const national = GovernancePolicy.national

describe("Ballot laws (R92)", () => {
  const members = (ballot: Leadership.Ballot, seats: number): ReadonlyArray<Leadership.TermMember> =>
    (ballot.counts ?? [])
      .filter((c) => Leadership.winsSeat(ballot.present, c.yes))
      .slice(0, seats)
      .map((c) => ({ memberId: c.memberId, role: "member" }))

  it("R92: whatever the ballot, an accepted one has issued ≤ present ≤ entitled, valid + invalid = collected ≤ issued, a quorum over 4/5, winners over half of those present, no ballot over the seats", () => {
    let accepted = 0
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 7 }),
        fc.constantFrom<Leadership.ElectionMode>("competitive", "nonCompetitive"),
        fc.oneof(Arbitraries.anyBallot, fc.integer({ min: 1, max: 7 }).chain(Arbitraries.consistentBallot)),
        fc.boolean(),
        (seats, mode, ballot, winnersOnly) => {
          const elected = winnersOnly
            ? members(ballot, seats)
            : (ballot.counts ?? []).slice(0, seats).map((c) => ({ memberId: c.memberId, role: "member" as const }))
          const error = Leadership.checkBallot(national, "o", mode, seats, elected, ballot)
          if (error !== undefined || Leadership.isVoid(ballot)) return
          accepted++
          assert.isAtMost(ballot.issued, ballot.present)
          assert.isAtMost(ballot.present, ballot.entitled)
          assert.isAtMost(ballot.collected, ballot.issued)
          assert.strictEqual(ballot.valid + ballot.invalid, ballot.collected)
          assert.isTrue(5 * ballot.present > 4 * ballot.entitled)
          if (mode === "competitive") {
            assert.isAtLeast(ballot.candidates, GovernancePolicy.minimumCandidates(national.election, seats))
          }
          if (ballot.counts !== undefined) {
            const yes = ballot.counts.reduce((n, c) => n + c.yes, 0)
            assert.isAtMost(yes, ballot.valid * seats)
            for (const m of elected) {
              const count = ballot.counts.find((c) => c.memberId === m.memberId)!
              assert.isTrue(2 * count.yes > ballot.present)
              assert.isAtMost(count.yes + count.no + count.abstain, ballot.valid)
            }
          }
        }
      ),
      { numRuns: 5_000 }
    )
    assert.isAbove(accepted, 100)
  })

  it("R92 / R23: a void ballot (collected > issued) is never accepted as an election; exactly half of those present never wins", () => {
    fc.assert(
      fc.property(Arbitraries.anyBallot, fc.integer({ min: 1, max: 60 }), (ballot, present) => {
        if (ballot.collected > ballot.issued) assert.isTrue(Leadership.isVoid(ballot))
        if (present % 2 === 0) assert.isFalse(Leadership.winsSeat(present, present / 2))
        assert.isTrue(Leadership.winsSeat(present, Math.floor(present / 2) + 1))
      }),
      { numRuns: 2_000 }
    )
  })
})

// ---------------------------------------------------------------------------------------------------------
// The accepted-history generators
// ---------------------------------------------------------------------------------------------------------

describe("developmentHistory and leadershipHistory", () => {
  it("every command they keep is accepted again by the store (the pure world and the store agree)", async () => {
    let commands = 0
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          Arbitraries.developmentHistory({ policies }).map((h) => h.accepted),
          Arbitraries.leadershipHistory({ policies }).map((h) => h.accepted)
        ),
        async (accepted) => {
          const real: Real = { store: await newStore() }
          for (const command of accepted) {
            const outcome = await execute(real, command)
            assert.isTrue(Result.isSuccess(outcome), command._tag)
          }
          commands += accepted.length
        }
      ),
      { numRuns: 40 }
    )
    assert.isAbove(commands, 600)
  }, 120_000)
})

describe("development and leadership generators", () => {
  const tagsOf = (
    union: { readonly members: ReadonlyArray<{ readonly fields: { readonly _tag: { readonly ast: unknown } } }> }
  ) => union.members.map((m) => (m.fields._tag.ast as { readonly literal: string }).literal).sort()

  const cases = [
    [Development.DevelopmentCommand, Arbitraries.developmentCommand(), Arbitraries.developmentCommandArbitraries(), 32],
    [Development.DevelopmentEvent, Arbitraries.developmentEvent(), Arbitraries.developmentEventArbitraries(), 32],
    [Leadership.LeadershipCommand, Arbitraries.leadershipCommand(), Arbitraries.leadershipCommandArbitraries(), 7],
    [Leadership.LeadershipEvent, Arbitraries.leadershipEvent(), Arbitraries.leadershipEventArbitraries(), 9]
  ] as const

  for (const [schema, arbitrary, byTag, count] of cases) {
    it(`${schema.ast.annotations?.["identifier"] as string}: every value decodes and all ${count} tags are generated (an event also round-trips through the codec)`, () => {
      const codec = schema as unknown as Schema.Codec<{ readonly _tag: string }, unknown>
      const decode = Schema.decodeUnknownSync(codec)
      const seen = new Set<string>()
      fc.assert(
        fc.property(arbitrary as fc.Arbitrary<{ readonly _tag: string }>, (value) => {
          assert.deepStrictEqual(decode(JSON.parse(JSON.stringify(value))), value)
          seen.add(value._tag)
          if (String(schema.ast.annotations?.["identifier"]).endsWith("Event")) {
            const encoded = Dangjian.codec.encode(value as never)
            assert.isTrue(Result.isSuccess(encoded))
            if (Result.isSuccess(encoded)) {
              assert.deepStrictEqual<unknown>(Dangjian.codec.decode(encoded.success), Result.succeed(value))
            }
          }
        }),
        { numRuns: 2_000, seed: 20261201 }
      )
      assert.deepStrictEqual([...seen].sort(), tagsOf(schema))
      assert.strictEqual(seen.size, count)
      assert.deepStrictEqual(Object.keys(byTag).sort(), [...seen].sort())
    })
  }
})
