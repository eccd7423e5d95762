// Laws of the meeting aggregate (fast-check): the decider is total, deterministic on replay and idempotent (a
// command repeated after its events were applied is nothing to do); the register is a fold of the log; and the
// frequency findings agree with an independent oracle: a month (R32) or a quarter (R28) is reported exactly
// when it started on or after the first record, ended before the date judged on, and holds no meeting of its
// kind by the day held (R59).
import { Arbitraries, Laws } from "@dangjian/testing"
import { assert, describe, it } from "@effect/vitest"
import fc from "fast-check"
import { LegalDate, MeetingRegister } from "../../src/index.ts"
import type { Decider, Envelope } from "../../src/kernel/index.ts"
import * as Meeting from "../../src/meeting/Meeting.ts"
import type { DomainError } from "../../src/rules/RuleViolation.ts"
import { baseWorld, bodyMeeting, general, orgsOf, policy, runAll, v1Members, viewOf } from "./fixtures.ts"

const world = baseWorld()
const v1 = orgsOf(world)["v1"]!

// The meeting stream of one meeting `m` of v1, deciding over v1's state.
const decider: Decider.Decider<Meeting.MeetingCommand, Meeting.MeetingEvent, Meeting.MeetingState, DomainError> = {
  initialState: Meeting.initialState,
  evolve: Meeting.evolve,
  decide: (command, state) => Meeting.decide(policy, command, state, v1)
}

const dates = Arbitraries.legalDate({ min: "2024-01-01", max: "2024-12-31" })

// A consistent record of a themed Party day of v1 (the secretary chairs and is present), or any command at all.
const consistent: fc.Arbitrary<Meeting.MeetingCommand> = Arbitraries.meetingRecord(v1Members.slice(1), dates).map((
  r
) => ({
  _tag: "RecordMeeting",
  meetingId: "m",
  orgId: "v1",
  kind: "themedPartyDay",
  ...r,
  entitled: ["v1-f1", ...r.entitled],
  present: ["v1-f1", ...r.present],
  chairId: "v1-f1",
  recorderId: "v1-f1"
}))
const any: fc.Arbitrary<Meeting.MeetingCommand> = Arbitraries.meetingCommand({
  orgIds: ["v1", "v2"],
  memberIds: v1Members,
  dates
}).map((c) => ({ ...c, meetingId: "m" }) as Meeting.MeetingCommand)
const commands = fc.array(fc.oneof(consistent, any, consistent), { maxLength: 12 })

describe("laws of the meeting decider and register", () => {
  it("decide is total, replay is deterministic, and every command is idempotent once applied", () => {
    fc.assert(Laws.decideNeverThrows(decider, commands), { numRuns: 300 })
    fc.assert(Laws.replayDeterminism(decider, commands), { numRuns: 300 })
    fc.assert(Laws.idempotentReapply(decider, commands, () => true), { numRuns: 300 })
    // not vacuous: consistent records are accepted
    const accepted = fc.sample(consistent, { numRuns: 50, seed: 1 })
      .filter((c) => Meeting.decide(policy, c, Meeting.initialState, v1)._tag === "Success").length
    assert.isAbove(accepted, 45)
  })

  it("the register is a fold of the log", () => {
    const envelopes = fc.array(Arbitraries.meetingEvent({ dates }), { maxLength: 15 }).map((events) =>
      events.map((data, i): Envelope.Envelope => ({
        eventId: `00000000-0000-7000-8000-${String(i).padStart(12, "0")}`,
        streamId: Meeting.streamId(data.meetingId),
        streamPosition: i + 1,
        globalPosition: i + 1,
        type: data._tag,
        schemaVersion: 1,
        data,
        metadata: { occurredAt: data.at, recordedAt: `${data.at}T00:00:00.000Z` }
      }))
    )
    fc.assert(Laws.projectionIsFold(MeetingRegister.projection, envelopes), { numRuns: 200 })
  })
})

// The oracle: the periods of a unit that start on or after `from`, end before `asOf`, and hold no date of `held`.
const oracle = (unit: Meeting.PeriodUnit, from: string, asOf: string, held: ReadonlyArray<string>) => {
  const out: Array<string> = []
  let start = from
  while (true) {
    const period = Meeting.periodOf(unit, start)
    if (period.last >= asOf) break
    if (!held.some((d) => d >= period.start && d <= period.last)) out.push(period.label)
    start = LegalDate.addDays(period.last, 1)
  }
  return out
}

describe("frequencies against an oracle (R28, R32, R59)", () => {
  // v1's first record is a committee meeting on 2024-01-05; themed Party days and general meetings on random days
  // of 2024–2025, each recorded the day it was held; judged as of a random day.
  const scenario = fc.record({
    themed: fc.uniqueArray(Arbitraries.legalDate({ min: "2024-01-05", max: "2025-12-31" }), { maxLength: 14 }),
    general: fc.uniqueArray(Arbitraries.legalDate({ min: "2024-01-05", max: "2025-12-31" }), { maxLength: 6 }),
    asOf: Arbitraries.legalDate({ min: "2024-01-05", max: "2026-03-31" })
  })

  it("a month or quarter is reported exactly when it ended with no meeting of its kind held in it", () => {
    fc.assert(
      fc.property(scenario, ({ asOf, general: generals, themed }) => {
        const commands: Array<Meeting.MeetingCommand> = [
          bodyMeeting("cm", "committeeMeeting", "2024-01-05"),
          ...themed.map((d, i) => ({ ...general(`td${i}`, d), kind: "themedPartyDay" as const })),
          ...generals.map((d, i) => general(`gm${i}`, d))
        ].filter((c) => c.at <= asOf)
        const state = runAll(baseWorld(), commands)
        const found = Meeting.assess(viewOf(state), policy, asOf, { orgs: orgsOf(state) })
        const periods = (rule: string) =>
          found.filter((f) => f.ruleId === rule && f.subject.id === "v1").map((f) => f.params["period"])
        const heldBy = (dates: ReadonlyArray<string>) => dates.filter((d) => d <= asOf)
        assert.deepStrictEqual(periods("R32"), oracle("month", "2024-01-01", asOf, heldBy(themed)))
        assert.deepStrictEqual(periods("R28"), oracle("quarter", "2024-01-01", asOf, heldBy(generals)))
        // every such finding is due on its period's last day, before the date judged on
        for (const f of found) if (f.code === "meeting.finding.frequencyShort") assert.isTrue(f.due! < asOf)
      }),
      { numRuns: 200 }
    )
  })
})
