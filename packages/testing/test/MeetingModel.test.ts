// The meeting model (fast-check `commands`): random sequences of plans, new dates, cancellations, records (with
// absences, leave, delegated and wrong chairs, late records and imports), talks, corrections and days passing,
// run through Dangjian.execute on the in-memory store under each late-recording policy (R60). A small model
// predicts, on its own, whether each command is accepted (R36, R58, R59, R60) and what the meeting then holds;
// after every command the MeetingRegister replayed from the store must equal the model, every stored record must
// hold together (R58), and no finding may judge a period that has not ended (R59). The model can be wrong: a
// broken one is caught and shrunk.
import { Dangjian, GovernancePolicy, LegalDate, Meeting, MeetingRegister, MemoryStore } from "@dangjian/core"
import type { Organization } from "@dangjian/core"
import { EventStore, Projection } from "@dangjian/core/kernel"
import { assert, describe, it } from "@effect/vitest"
import { Effect, Result } from "effect"
import fc from "fast-check"
import { Arbitraries, DangjianWorld } from "../src/index.ts"

// v1: six full members and one probationary; secretary v1-f1, deputy v1-f2 (no committee: fewer than 7 full);
// Party group g1 (leader v1-f3). v2: three full members (they take part at v1 as members of another branch).
const everyone = ["v1-f1", "v1-f2", "v1-f3", "v1-f4", "v1-f5", "v1-f6", "v1-p1"]
const group = ["v1-f3", "v1-f4", "v1-p1"]
const committee = ["v1-f1", "v1-f2"]
const pool = ["m0", "m1", "m2", "m3", "m4", "m5"]

type Kind = "generalMeeting" | "themedPartyDay" | "partyLecture" | "groupMeeting" | "committeeMeeting"
const kinds: ReadonlyArray<Kind> = [
  "generalMeeting",
  "themedPartyDay",
  "partyLecture",
  "groupMeeting",
  "committeeMeeting"
]
const entitledOf = (
  kind: Kind
) => (kind === "groupMeeting" ? group : kind === "committeeMeeting" ? committee : everyone)

interface Real {
  readonly store: EventStore.EventStoreShape
  readonly policies: GovernancePolicy.GovernancePolicy
}

interface ModelMeeting {
  status: "none" | "planned" | "cancelled" | "held"
  kind: Kind | "heartToHeartTalk" | undefined
  plannedOn: string | undefined
  planAt: string | undefined
  schedule: number
  record: Meeting.RecordMeeting | undefined
  late: boolean
  corrections: number
}

interface Model {
  today: string
  readonly lateRecording: Meeting.LateRecording
  readonly meetings: Record<string, ModelMeeting>
  accepted: number
  rejected: number
}

const policyFor = (lateRecording: Meeting.LateRecording): GovernancePolicy.GovernancePolicy => ({
  ...GovernancePolicy.national,
  orgLife: {
    ...GovernancePolicy.national.orgLife,
    lateRecording,
    ...(lateRecording === "allowWithReason" ? { lateRecordingGraceDays: 2 } : {})
  }
})

const run = <A, E>(real: Real, effect: Effect.Effect<A, E, EventStore.EventStore>) =>
  Effect.runPromise(Effect.result(effect).pipe(Effect.provideService(EventStore.EventStore, real.store)))

const approval = (at: string): Organization.Approval => ({ by: "town", level: "township", at })

const setupCommands: ReadonlyArray<unknown> = [
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
  ...["v1", "v2"].map((orgId) => ({
    _tag: "EstablishOrganization",
    orgId,
    name: orgId,
    kind: "branch",
    formation: "standalone",
    locus: "village",
    parentId: "town",
    approval: approval("2024-01-01"),
    initialMembers: orgId === "v1"
      ? everyone.map((memberId) => ({ memberId, status: memberId.includes("-p") ? "probationary" : "full" }))
      : ["v2-f1", "v2-f2", "v2-f3"].map((memberId) => ({ memberId, status: "full" })),
    at: "2024-01-01"
  })),
  {
    _tag: "AppointLeadership",
    orgId: "v1",
    secretaryId: "v1-f1",
    deputyIds: ["v1-f2"],
    committeeIds: [],
    approval: approval("2024-01-01"),
    at: "2024-01-01"
  },
  {
    _tag: "FormPartyGroup",
    orgId: "v1",
    groupId: "g1",
    groupType: "general",
    leaderId: "v1-f3",
    memberIds: group,
    at: "2024-01-01"
  }
]

const setup = async (lateRecording: Meeting.LateRecording) => {
  const real: Real = {
    store: await Effect.runPromise(MemoryStore.make({ codec: Dangjian.codec })),
    policies: policyFor(lateRecording)
  }
  for (const command of setupCommands) {
    const outcome = await run(real, Dangjian.execute(command as Dangjian.Command, { policies: real.policies }))
    if (Result.isFailure(outcome)) throw new Error(`setup rejected: ${JSON.stringify(outcome.failure)}`)
  }
  const meetings: Record<string, ModelMeeting> = {}
  for (const id of pool) {
    meetings[id] = {
      status: "none",
      kind: undefined,
      plannedOn: undefined,
      planAt: undefined,
      schedule: 0,
      record: undefined,
      late: false,
      corrections: 0
    }
  }
  return { model: { today: "2024-01-10", lateRecording, meetings, accepted: 0, rejected: 0 } as Model, real }
}

// A record's content as the model compares it: what makes two records the same record.
const signature = (r: Meeting.RecordMeeting | Meeting.CorrectMeetingRecord) =>
  JSON.stringify([r.heldOn, r.present, r.absent, r.chairId, r.delegated === true, r.recorderId, r.guestMembers ?? []])

const check = async (model: Model, real: Real) => {
  const replayed = await run(real, Projection.replay(MeetingRegister.projection))
  if (Result.isFailure(replayed)) throw new Error("MeetingRegister replay failed")
  const view = replayed.success.state
  for (const [id, m] of Object.entries(model.meetings)) {
    const state = view.meetings[id] ?? Meeting.initialState
    const stored = [
      state.status,
      state.status === "none" ? undefined : state.kind,
      Meeting.plannedOn(state),
      state.schedule.length,
      Meeting.heldOn(state),
      state.record?.present.length,
      state.record?.absent.length,
      state.lateRecorded,
      state.corrections
    ]
    const expected = [
      m.status,
      m.kind,
      m.plannedOn,
      m.schedule,
      m.record?.heldOn,
      m.record?.present.length,
      m.record?.absent.length,
      m.late,
      m.corrections
    ]
    assert.deepStrictEqual(stored, expected, `meeting ${id} on ${model.today}`)
    const record = state.record
    if (state.status === "held" && record !== undefined) {
      // R58: present and absent are disjoint and make up the entitled; the chair is present and holds a role
      const listed = [...record.present, ...record.absent.map((a) => a.memberId)]
      assert.strictEqual(new Set(listed).size, listed.length, id)
      assert.deepStrictEqual([...listed].sort(), [...record.entitled].sort(), id)
      if (state.kind !== "heartToHeartTalk") {
        assert.include(record.present, record.chairId, id)
        assert.isDefined(record.chairRole, id)
      }
    }
  }
  // R59: no period is judged before it ends, and a finding is never due after the date it is judged on
  const findings = Meeting.assess(view, real.policies, model.today)
  for (const f of findings) {
    if (f.code === "meeting.finding.orgLifeMeetingDue") continue
    if (f.due !== undefined) assert.isTrue(f.due < model.today, `${f.code} due ${f.due} as of ${model.today}`)
  }
}

type Cmd = fc.AsyncCommand<Model, Real>

const step = (
  label: string,
  command: (model: Model) => unknown,
  allowed: (model: Model) => boolean,
  apply: (model: Model) => void
): Cmd => ({
  check: () => true,
  run: async (model, real) => {
    const ok = allowed(model)
    const outcome = await run(real, Dangjian.execute(command(model) as Dangjian.Command, { policies: real.policies }))
    if (ok && Result.isFailure(outcome)) {
      throw new Error(`${label} on ${model.today}: rejected (${JSON.stringify(outcome.failure)}), the model accepts it`)
    }
    if (!ok && Result.isSuccess(outcome)) throw new Error(`${label} on ${model.today}: accepted, the model rejects it`)
    if (ok) {
      apply(model)
      model.accepted++
    } else {
      model.rejected++
    }
    await check(model, real)
  },
  toString: () => label
})

const meetingId = fc.constantFrom(...pool)
const kind = fc.constantFrom(...kinds)

const plan = fc.tuple(meetingId, kind, fc.integer({ min: -1, max: 10 })).map(([id, k, offset]) =>
  step(
    `Plan(${id}, ${k}, ${offset})`,
    (model) => ({
      _tag: "PlanMeeting",
      meetingId: id,
      orgId: "v1",
      kind: k,
      ...(k === "groupMeeting" ? { groupId: "g1" } : {}),
      plannedOn: LegalDate.addDays(model.today, offset),
      at: model.today
    }),
    (model) => {
      const m = model.meetings[id]!
      const date = LegalDate.addDays(model.today, offset)
      if (m.status === "none") return offset >= 0
      return m.status === "planned" && m.kind === k && m.schedule === 1 && m.plannedOn === date
    },
    (model) => {
      const m = model.meetings[id]!
      if (m.status !== "none") return
      Object.assign(m, {
        status: "planned",
        kind: k,
        plannedOn: LegalDate.addDays(model.today, offset),
        planAt: model.today,
        schedule: 1
      })
    }
  )
)

const reschedule = fc.tuple(meetingId, fc.integer({ min: -1, max: 10 })).map(([id, offset]) =>
  step(
    `Reschedule(${id}, ${offset})`,
    (model) => ({
      _tag: "RescheduleMeeting",
      meetingId: id,
      plannedOn: LegalDate.addDays(model.today, offset),
      at: model.today
    }),
    (model) => {
      const m = model.meetings[id]!
      if (m.status !== "planned") return false
      return m.plannedOn === LegalDate.addDays(model.today, offset) || offset >= 0
    },
    (model) => {
      const m = model.meetings[id]!
      const date = LegalDate.addDays(model.today, offset)
      if (m.plannedOn === date) return
      m.plannedOn = date
      m.schedule++
    }
  )
)

const cancel = meetingId.map((id) =>
  step(
    `Cancel(${id})`,
    (model) => ({ _tag: "CancelMeeting", meetingId: id, at: model.today }),
    (model) => ["planned", "cancelled"].includes(model.meetings[id]!.status),
    (model) => {
      model.meetings[id]!.status = "cancelled"
    }
  )
)

// The chairs a record may name: the secretary; the deputy with or without the secretary's delegation; an
// ordinary member "delegated" (never allowed, R36); and for a group meeting its leader or another member.
const chairs = ["secretary", "deputyDelegated", "deputy", "memberDelegated"] as const

const recordOf = (
  model: Model,
  id: string,
  k: Kind,
  absentMask: number,
  excusedMask: number,
  chair: typeof chairs[number],
  daysAgo: number,
  guest: boolean
): Meeting.RecordMeeting => {
  const entitled = entitledOf(k)
  const absent = entitled.flatMap((memberId, i) =>
    ((absentMask >> i) & 1) === 0
      ? []
      : [
        ((excusedMask >> i) & 1) === 1
          ? { memberId, excused: true, reason: "work" as const }
          : { memberId, excused: false }
      ]
  )
  const away = new Set(absent.map((a) => a.memberId))
  const chairId = k === "groupMeeting"
    ? (chair === "secretary" ? "v1-f3" : "v1-f4")
    : chair === "secretary"
    ? "v1-f1"
    : chair === "memberDelegated"
    ? "v1-f5"
    : "v1-f2"
  const heldOn = LegalDate.addDays(model.today, -daysAgo)
  return {
    _tag: "RecordMeeting",
    meetingId: id,
    orgId: "v1",
    kind: k,
    ...(k === "groupMeeting" ? { groupId: "g1" } : {}),
    heldOn,
    chairId,
    ...(chair === "deputyDelegated" || chair === "memberDelegated" ? { delegated: true } : {}),
    recorderId: "v1-f1",
    entitled,
    present: entitled.filter((m) => !away.has(m)),
    absent,
    ...(guest ? { guestMembers: ["v2-f1"] } : {}),
    at: model.today
  }
}

// `lenient`: a broken model that lets an ordinary member chair when "delegated" (R36 allows only a deputy or a
// committee member).
const chairAllowed = (r: Meeting.RecordMeeting, lenient: boolean): boolean => {
  if (!r.present.includes(r.chairId ?? "")) return false
  if (r.kind === "groupMeeting") return r.chairId === "v1-f3"
  return r.chairId === "v1-f1"
    || ((r.chairId === "v1-f2" || (lenient && r.chairId === "v1-f5")) && r.delegated === true)
}

const lateAllowed = (model: Model, m: ModelMeeting, r: Meeting.RecordMeeting, imported: boolean, reason: boolean) => {
  const days = LegalDate.daysBetween(r.heldOn, r.at)
  if (days === 0 || imported) return true
  switch (model.lateRecording) {
    case "allow":
      return true
    case "allowWithReason":
      return days <= 2 || reason
    case "forbid":
      return m.status === "planned" && m.planAt !== undefined && m.planAt <= r.heldOn
  }
}

const recordCommand = (lenient: boolean) =>
  fc.record({
    id: meetingId,
    k: kind,
    absentMask: fc.nat({ max: 127 }),
    excusedMask: fc.nat({ max: 127 }),
    chair: fc.constantFrom(...chairs),
    daysAgo: fc.integer({ min: 0, max: 4 }),
    imported: fc.boolean(),
    reason: fc.boolean(),
    guest: fc.boolean()
  }).map(({ absentMask, chair, daysAgo, excusedMask, guest, id, imported, k, reason }) => {
    const build = (model: Model) => recordOf(model, id, k, absentMask, excusedMask, chair, daysAgo, guest)
    return step(
      `Record(${id}, ${k}, absent ${absentMask}/${excusedMask}, ${chair}, ${daysAgo} days late${
        imported ? ", import" : ""
      }${reason ? ", reason" : ""}${guest ? ", guest" : ""})`,
      (model) => ({
        ...build(model),
        ...(imported ? { source: "import" } : {}),
        ...(reason ? { lateReason: "entered from the paper book" } : {})
      }),
      (model) => {
        const m = model.meetings[id]!
        const r = build(model)
        if (m.status === "cancelled") return false
        if (m.status !== "none" && m.kind !== k) return false
        if (!chairAllowed(r, lenient)) return false
        if (m.status === "held") return m.record !== undefined && signature(m.record) === signature(r)
        return lateAllowed(model, m, r, imported, reason)
      },
      (model) => {
        const m = model.meetings[id]!
        if (m.status === "held") return
        const r = build(model)
        Object.assign(m, { status: "held", kind: k, record: r, late: r.heldOn < r.at })
      }
    )
  })

const record = recordCommand(false)

const talk = fc.tuple(meetingId, fc.integer({ min: 0, max: 3 })).map(([id, daysAgo]) => {
  const build = (model: Model): Meeting.RecordHeartToHeartTalk => ({
    _tag: "RecordHeartToHeartTalk",
    meetingId: id,
    orgId: "v1",
    participantIds: ["v1-f1", "v1-f6"],
    heldOn: LegalDate.addDays(model.today, -daysAgo),
    at: model.today
  })
  return step(
    `Talk(${id}, ${daysAgo} days late)`,
    build,
    (model) => {
      const m = model.meetings[id]!
      if (m.status === "none") return true
      return m.status === "held" && m.kind === "heartToHeartTalk"
        && m.record?.heldOn === LegalDate.addDays(model.today, -daysAgo) && m.record.absent.length === 0
    },
    (model) => {
      const m = model.meetings[id]!
      if (m.status === "held") return
      const t = build(model)
      Object.assign(m, {
        status: "held",
        kind: "heartToHeartTalk",
        late: t.heldOn < t.at,
        record: {
          _tag: "RecordMeeting",
          meetingId: id,
          orgId: "v1",
          kind: "heartToHeartTalk",
          heldOn: t.heldOn,
          entitled: t.participantIds,
          present: t.participantIds,
          absent: [],
          at: t.at
        }
      })
    }
  )
})

// A correction marks the first member present (other than the chair) absent with leave.
const correctionOf = (model: Model, id: string): Meeting.CorrectMeetingRecord | undefined => {
  const r = model.meetings[id]?.record
  if (r === undefined) return undefined
  const moved = r.present.find((m) => m !== r.chairId)
  return {
    _tag: "CorrectMeetingRecord",
    meetingId: id,
    heldOn: r.heldOn,
    ...(r.chairId === undefined ? {} : { chairId: r.chairId }),
    ...(r.delegated === undefined ? {} : { delegated: r.delegated }),
    ...(r.recorderId === undefined ? {} : { recorderId: r.recorderId }),
    entitled: r.entitled,
    present: r.present.filter((m) => m !== moved),
    absent: moved === undefined ? r.absent : [...r.absent, { memberId: moved, excused: true, reason: "illness" }],
    ...(r.guestMembers === undefined ? {} : { guestMembers: r.guestMembers }),
    reason: "an absence was not recorded",
    at: model.today
  }
}

const correct = meetingId.map((id) =>
  step(
    `Correct(${id})`,
    (model) =>
      correctionOf(model, id)
        ?? {
          _tag: "CorrectMeetingRecord",
          meetingId: id,
          heldOn: model.today,
          entitled: [],
          present: [],
          absent: [],
          reason: "none",
          at: model.today
        },
    (model) => model.meetings[id]!.status === "held",
    (model) => {
      const m = model.meetings[id]!
      const c = correctionOf(model, id)!
      if (c.present.length === m.record!.present.length) return
      m.record = { ...m.record!, present: c.present, absent: c.absent }
      m.corrections++
    }
  )
)

const wait = fc.integer({ min: 1, max: 40 }).map((days): Cmd => ({
  check: () => true,
  run: async (model, real) => {
    model.today = LegalDate.addDays(model.today, days)
    await check(model, real)
  },
  toString: () => `Wait(${days})`
}))

const commands = fc.commands([plan, reschedule, cancel, record, record, talk, correct, wait], {
  maxCommands: 40,
  size: "max"
})

describe("the meeting model (R36, R58–R60)", () => {
  for (const lateRecording of Meeting.LateRecording.literals) {
    it(`random sequences under lateRecording = ${lateRecording}: the store does what the model predicts`, async () => {
      let accepted = 0
      let rejected = 0
      await fc.assert(
        fc.asyncProperty(commands, async (cmds) => {
          const world = await setup(lateRecording)
          await fc.asyncModelRun(() => world, cmds)
          accepted += world.model.accepted
          rejected += world.model.rejected
        }),
        { numRuns: 60 }
      )
      // not vacuous: many commands were accepted and many rejected
      assert.isAbove(accepted, 200)
      assert.isAbove(rejected, 150)
    }, 120_000)
  }

  it("the check can fail: a model that lets an ordinary member chair when delegated is caught and shrunk", async () => {
    const out = await fc.check(
      fc.asyncProperty(fc.commands([recordCommand(true), wait], { maxCommands: 20 }), async (cmds) => {
        const world = await setup("allow")
        await fc.asyncModelRun(() => world, cmds)
      }),
      { numRuns: 100, seed: 11 }
    )
    assert.isTrue(out.failed)
    const shrunk = [...(out.counterexample?.[0] ?? [])].map(String)
    assert.strictEqual(shrunk.length, 1)
    assert.match(shrunk[0] ?? "", /memberDelegated/)
  }, 120_000)
})

describe("meeting generators", () => {
  it("township histories reach every meeting command, records with absences, leave and guests", () => {
    const tags = new Set<string>()
    let absences = 0
    let leave = 0
    let guests = 0
    for (const history of fc.sample(Arbitraries.townshipHistory(), { numRuns: 40, seed: 20261201 })) {
      for (const c of history.accepted) {
        tags.add(c._tag)
        if (c._tag === "RecordMeeting") {
          absences += c.absent.length
          leave += c.absent.filter((a) => a.excused).length
          guests += c.guestMembers?.length ?? 0
        }
      }
      // the pure world agrees with a replay of the accepted commands
      assert.deepStrictEqual(
        DangjianWorld.play(GovernancePolicy.national, history.accepted).world.meetings,
        history.world.meetings
      )
    }
    const meetingTags = Meeting.MeetingCommand.members.map((m) =>
      (m.fields._tag.ast as { readonly literal: string }).literal
    )
    assert.strictEqual(meetingTags.length, 6)
    for (const tag of meetingTags) assert.isTrue(tags.has(tag), tag)
    assert.isAbove(absences, 20)
    assert.isAbove(leave, 5)
    assert.isAbove(guests, 5)
  })

  it("meetingRecord: attendance makes up the entitled, the chair is present; it shrinks to everyone present", () => {
    fc.assert(
      fc.property(
        Arbitraries.meetingRecord(everyone, Arbitraries.legalDate({ min: "2024-01-01", max: "2024-12-31" })),
        (r) => {
          const listed = [...r.present, ...r.absent.map((a) => a.memberId)]
          assert.deepStrictEqual([...listed].sort(), [...everyone].sort())
          for (const a of r.absent) if (a.excused) assert.isDefined(a.reason)
          if (r.chairId !== undefined) assert.include(r.present, r.chairId)
        }
      ),
      { numRuns: 200 }
    )
    const out = fc.check(
      fc.property(Arbitraries.meetingRecord(everyone, fc.constant("2024-03-01")), (r) => r.absent.length === 0),
      { seed: 3 }
    )
    assert.isTrue(out.failed)
    assert.strictEqual(out.counterexample?.[0]?.absent.length, 1)
  })
})
