// The findings index: the members' findings a count reads from it, with the members it leaves to be judged, are the
// whole view's, on every legal date of a random history, whether the index was built or caught up, and however far
// behind the log it is; a build that did not finish changes nothing; a report from a current index reads no member's
// row when no member needs judging.
import {
  Compliance,
  Dangjian,
  Finding,
  FindingsIndex,
  GovernancePolicy,
  MeetingRegister,
  Member,
  MemberRoster,
  MemoryStore
} from "@dangjian/core"
import { EventStore, ReadModel } from "@dangjian/core/kernel"
import { assert, describe, it } from "@effect/vitest"
import { Effect } from "effect"
import fc from "fast-check"
import { Arbitraries } from "../src/index.ts"
import { legalDates } from "./legalDates.ts"

const policies = GovernancePolicy.national

/** The findings as counted: rule, severity, code and the member (or the subject) of each, sorted. */
const tallyOf = (findings: ReadonlyArray<Finding.Finding>): Array<string> =>
  findings.map((f) => {
    const member = f.subject.kind === "member" ? f.subject.id : f.params["memberId"]
    const about = typeof member === "string" ? `member ${member}` : `${f.subject.kind} ${f.subject.id}`
    return `${f.ruleId}|${f.severity}|${f.code}|${about}`
  }).sort()

/**
 * The findings as a count by organization counts them: rule, severity, code and, for a member's finding, the member's
 * affiliation in the view (the subject of any other), sorted.
 */
const orgTallyOf = (findings: ReadonlyArray<Finding.Finding>, view: Compliance.ComplianceView): Array<string> =>
  findings.map((f) => {
    const member = f.subject.kind === "member" ? f.subject.id : f.params["memberId"]
    const about = typeof member === "string"
      ? `org ${view.members.members[member]?.orgId ?? "-"}`
      : `${f.subject.kind} ${f.subject.id}`
    return `${f.ruleId}|${f.severity}|${f.code}|${about}`
  }).sort()

/** The pages of `assessIndexedInPages`, as counted, with the members judged and those counted from the index. */
const indexedTally = (
  asOf: string,
  pageSize?: number,
  judgeIndexed?: Compliance.AssessIndexedOptions["judgeIndexed"],
  grouped?: { readonly whole: Compliance.ComplianceView }
) =>
  Effect.gen(function*() {
    const pages: Array<Compliance.IndexedFindingsPage> = []
    yield* Compliance.assessIndexedInPages(
      policies,
      asOf,
      (page) => Effect.sync(() => pages.push(page)),
      {
        ...(pageSize === undefined ? {} : { pageSize }),
        ...(judgeIndexed === undefined ? {} : { judgeIndexed }),
        ...(grouped === undefined ? {} : { grouped: true })
      }
    )
    if (grouped !== undefined) {
      // Counted by organization: the judged members' findings under their affiliation, the groups' as many times as
      // they have members.
      const tally = orgTallyOf(pages.flatMap((page) => page.findings), grouped.whole)
      for (const page of pages) {
        assert.deepStrictEqual(page.indexed, [], "with groups, no member comes one by one")
        for (const group of page.groups) {
          assert.isAbove(group.members, 0)
          for (let n = 0; n < group.members; n++) {
            for (const f of group.findings) tally.push(`${f.ruleId}|${f.severity}|${f.code}|org ${group.orgId}`)
          }
        }
      }
      return {
        tally: tally.sort(),
        indexed: [],
        groups: pages.flatMap((page) => page.groups),
        judged: pages.flatMap((page) => Object.keys(page.view.members.members))
      }
    }
    const tally = tallyOf(pages.flatMap((page) => page.findings))
    for (const page of pages) {
      for (const member of page.indexed) {
        for (const f of member.findings) tally.push(`${f.ruleId}|${f.severity}|${f.code}|member ${member.memberId}`)
      }
    }
    for (const page of pages) assert.deepStrictEqual(page.groups, [], "without groups, no member comes counted")
    return {
      tally: tally.sort(),
      indexed: pages.flatMap((page) => page.indexed),
      groups: [],
      judged: pages.flatMap((page) => Object.keys(page.view.members.members))
    }
  })

describe("the findings index", () => {
  it(
    "counts every member's findings as the whole view judges them, built or caught up, current or behind, with any members judged all the same, one by one or counted in groups; it tells the findings that name organizations",
    async () => {
      let compared = 0
      let fromIndex = 0
      let naming = 0
      let judgedAnyway = 0
      let grouped = 0
      let judgedGroups = 0
      await fc.assert(
        fc.asyncProperty(
          Arbitraries.townshipHistory({ policies }).map((h) => h.accepted),
          fc.double({ min: 0, max: 1, noNaN: true }),
          fc.double({ min: 0, max: 1, noNaN: true }),
          fc.integer({ min: 1, max: 600 }),
          fc.integer({ min: 2, max: 5 }),
          async (commands, first, second, pageSize, every) =>
            Effect.runPromise(
              Effect.gen(function*() {
                // Built after some commands, caught up after more, and behind the rest: those are judged by the query.
                const [built, caught] = [first, second].map((share) => Math.floor(commands.length * share))
                  .sort((a, b) => a - b)
                for (const [i, command] of commands.entries()) {
                  if (i === built || i === caught) yield* FindingsIndex.catchUp(policies)
                  yield* Dangjian.execute(command, { policies })
                }
                const log = yield* EventStore.EventStore.use((store) => store.readAll({ after: 0, limit: 1_000_000 }))
                for (const [n, asOf] of legalDates(log).entries()) {
                  const whole = yield* Compliance.viewFromReadModels(asOf)
                  const findings = Compliance.assess(whole, policies)
                  const expected = tallyOf(findings)
                  // On every other date, some of the members the index holds are judged all the same (a report of
                  // a subtree judges those whose findings name organizations, and the subtree's).
                  const picked = new Set<string>()
                  const pick = (member: FindingsIndex.IndexedMember | FindingsIndex.IndexedFindings) => {
                    assert.isTrue("memberId" in member, "without groups, each member is asked of")
                    const { memberId } = member as FindingsIndex.IndexedMember
                    const judged = memberId.length % every === 0 || member.findings.some((f) => f.namesOrganizations)
                    if (judged) picked.add(memberId)
                    return judged
                  }
                  const found = yield* indexedTally(asOf, pageSize, n % 2 === 0 ? undefined : pick)
                  assert.deepStrictEqual(found.tally, expected, `findings as of ${asOf}`)
                  // Counted in groups, the same findings under the same affiliations; a group picked is judged whole.
                  let pickedGroups = 0
                  const pickGroup = (group: FindingsIndex.IndexedMember | FindingsIndex.IndexedFindings) => {
                    assert.isFalse("memberId" in group, "with groups, no member's id")
                    const judged = group.orgId.length % every === 0 || group.findings.some((f) => f.namesOrganizations)
                    if (judged) pickedGroups++
                    return judged
                  }
                  const groups = yield* indexedTally(asOf, pageSize, n % 2 === 0 ? undefined : pickGroup, { whole })
                  assert.deepStrictEqual(groups.tally, orgTallyOf(findings, whole), `counts as of ${asOf}`)
                  for (const group of groups.groups) {
                    assert.isFalse(n % 2 === 1 && pickGroup(group), "a picked group is not counted")
                    grouped += group.members
                  }
                  judgedGroups += pickedGroups
                  // Each finding of the index says whether the finding it stands for names organizations.
                  const names = new Map<string, boolean>()
                  for (const f of findings) {
                    for (const memberId of Finding.membersOf(f)) {
                      names.set(`${memberId}|${f.ruleId}|${f.severity}|${f.code}`, Finding.namesOrganizations(f))
                    }
                  }
                  for (const member of found.indexed) {
                    assert.strictEqual(member.orgId, whole.members.members[member.memberId]?.orgId, member.memberId)
                    assert.isFalse(picked.has(member.memberId), `${member.memberId} was to be judged`)
                    for (const f of member.findings) {
                      const key = `${member.memberId}|${f.ruleId}|${f.severity}|${f.code}`
                      assert.strictEqual(f.namesOrganizations, names.get(key), key)
                      if (f.namesOrganizations) naming++
                    }
                    fromIndex += member.findings.length
                  }
                  for (const memberId of picked) if (found.judged.includes(memberId)) judgedAnyway++
                  compared++
                }
              }).pipe(Effect.provide(MemoryStore.layer({ codec: Dangjian.codec })))
            )
        ),
        { numRuns: 25 }
      )
      assert.isAbove(compared, 200)
      // The law is not only about the members judged from their rows, nor only about findings naming no organization.
      assert.isAbove(fromIndex, 100)
      assert.isAbove(naming, 0)
      assert.isAbove(judgedAnyway, 20)
      assert.isAbove(grouped, 100)
      assert.isAbove(judgedGroups, 20)
    },
    180_000
  )

  const town: Dangjian.Command = {
    _tag: "EstablishOrganization",
    orgId: "town",
    name: "Town",
    kind: "townshipCommittee",
    formation: "standalone",
    locus: "township",
    approval: { by: "county", level: "county", at: "2020-01-01" },
    initialMembers: [],
    at: "2020-01-01"
  }
  const branch = (orgId: string, members: ReadonlyArray<string>): Dangjian.Command => ({
    _tag: "EstablishOrganization",
    orgId,
    name: `Branch ${orgId}`,
    kind: "branch",
    formation: "standalone",
    locus: "village",
    parentId: "town",
    approval: { by: "town", level: "township", at: "2020-01-01" },
    initialMembers: members.map((memberId) => ({ memberId, status: "full" as const })),
    at: "2020-01-01"
  })
  const register = (memberId: string): Dangjian.Command => ({
    _tag: "RegisterMember",
    memberId,
    orgId: "v1",
    status: "full",
    at: "2020-01-01"
  })
  // Stream ids are at most 200 characters without unpaired surrogates; keys starting with "~" are kept escaped.
  const awkward = ["__proto__", "constructor", "toString", "~m", "~x0041", "~", "a".repeat(150), "党员", "é"]
  const ordinary = ["m1", "m2", "m3", "m4"]
  /** The town, its branch v1 with four full members, and these members registered there. */
  const branchWith = (members: ReadonlyArray<string>) =>
    Effect.gen(function*() {
      yield* Dangjian.execute(town, { policies })
      yield* Dangjian.execute(branch("v1", ordinary), { policies })
      for (const memberId of members) yield* Dangjian.execute(register(memberId), { policies })
    })

  it.effect("members with any id are counted from the index, ids that read models keep escaped included", () =>
    Effect.gen(function*() {
      yield* branchWith([...ordinary, ...awkward])
      const built = yield* FindingsIndex.catchUp(policies)
      assert.isTrue(built.rebuilt)
      assert.strictEqual(built.members, ordinary.length + awkward.length)
      for (const asOf of ["2020-01-01", "2020-07-01", "2021-01-01"]) {
        const found = yield* indexedTally(asOf)
        const expected = tallyOf(Compliance.assess(yield* Compliance.viewFromReadModels(asOf), policies))
        assert.deepStrictEqual(found.tally, expected, asOf)
        assert.deepStrictEqual(found.judged, [], "nobody judged from their rows")
      }
      const counted = (yield* indexedTally("2021-01-01")).indexed.map((m) => m.memberId).sort()
      assert.deepStrictEqual(counted, [...ordinary, ...awkward].sort())
    }).pipe(Effect.provide(MemoryStore.layer({ codec: Dangjian.codec }))))

  it.effect("one more event rewrites one bucket; a report from the current index reads no member's row", () =>
    Effect.gen(function*() {
      yield* branchWith(ordinary)
      yield* Compliance.catchUp()
      yield* FindingsIndex.catchUp(policies)
      yield* Dangjian.execute({ _tag: "RecordParticipation", memberId: "m2", kind: "orgLife", at: "2020-05-01" }, {
        policies
      })
      // m2 took part in organizational life on 2020-05-01: that lapse comes six months later than the others'. The
      // index is one event behind: m2 is judged from its row.
      const lapsed = (asOf: string) =>
        Effect.map(indexedTally(asOf), (t) => ({
          judged: t.judged,
          lapsed: t.indexed.map((
            m
          ) => [m.memberId, m.findings.filter((f) => f.code === "member.finding.lapsed").length])
        }))
      assert.deepStrictEqual(yield* lapsed("2020-07-01"), { judged: ["m2"], lapsed: [["m1", 2], ["m3", 2], ["m4", 2]] })
      const head = yield* EventStore.EventStore.use((s) => s.head)
      const caught = yield* FindingsIndex.catchUp(policies)
      assert.deepStrictEqual(caught, { position: head, members: 1, rebuilt: false })
      yield* Compliance.catchUp()
      // A store that counts the member rows read.
      const rows = yield* ReadModel.ReadModelStore
      const read = { roster: 0 }
      const counting: ReadModel.ReadModelStoreShape = {
        ...rows,
        get: (model, keys) => {
          if (model.name === MemberRoster.readModel.name) read.roster += keys.length
          return rows.get(model, keys)
        },
        scan: (model, options) => {
          if (model.name === MemberRoster.readModel.name) read.roster++
          return rows.scan(model, options)
        }
      }
      const found = yield* Effect.provideService(indexedTally("2021-01-01"), ReadModel.ReadModelStore, counting)
      assert.strictEqual(read.roster, 0)
      const expected = tallyOf(Compliance.assess(yield* Compliance.viewFromReadModels("2021-01-01"), policies))
      assert.deepStrictEqual(found.tally, expected)
      // A member to judge all the same (as a report of its branch would) is the one member row read.
      const picked = yield* Effect.provideService(
        indexedTally("2021-01-01", undefined, (member) => "memberId" in member && member.memberId === "m3"),
        ReadModel.ReadModelStore,
        counting
      )
      assert.strictEqual(read.roster, 1)
      assert.deepStrictEqual(picked.judged, ["m3"])
      assert.deepStrictEqual(picked.tally, expected)
      // Caught up: m2 is counted from the index.
      assert.deepStrictEqual(yield* lapsed("2020-07-01"), {
        judged: [],
        lapsed: [["m1", 2], ["m2", 1], ["m3", 2], ["m4", 2]]
      })
      assert.deepStrictEqual(yield* lapsed("2020-11-01"), {
        judged: [],
        lapsed: [["m1", 2], ["m2", 2], ["m3", 2], ["m4", 2]]
      })
    }).pipe(Effect.provide(MemoryStore.layer({ codec: Dangjian.codec }))))

  it.effect("R61: a member of an organization that records its meetings is judged with them, not counted", () =>
    Effect.gen(function*() {
      yield* branchWith(ordinary)
      yield* Dangjian.execute({
        _tag: "AppointLeadership",
        orgId: "v1",
        secretaryId: "m1",
        deputyIds: [],
        committeeIds: [],
        approval: { by: "town", level: "township", at: "2020-01-01" },
        at: "2020-01-01"
      }, { policies })
      yield* Dangjian.execute({
        _tag: "RecordMeeting",
        meetingId: "td-2020-02",
        orgId: "v1",
        kind: "themedPartyDay",
        heldOn: "2020-02-25",
        chairId: "m1",
        recorderId: "m2",
        entitled: ordinary,
        present: ordinary,
        absent: [],
        guestMembers: [],
        at: "2020-02-25"
      }, { policies })
      // m5 joins after the meeting: the register does not name it, but its organization records its meetings, so its
      // lapse waits for a meeting it misses (R61), which the index, judged without meetings, cannot know.
      yield* Dangjian.execute({ ...register("m5"), at: "2020-03-01" } as Dangjian.Command, { policies })
      yield* FindingsIndex.catchUp(policies)
      const found = yield* indexedTally("2020-10-01")
      assert.deepStrictEqual(found.indexed, [])
      assert.includeMembers(found.judged, ["m5"])
      const whole = yield* Compliance.viewFromReadModels("2020-10-01")
      assert.deepStrictEqual(found.tally, tallyOf(Compliance.assess(whole, policies)))
      // Without the register m5's organizational life would have lapsed: what the index holds is not what counts.
      const withoutMeetings = Member.assessMember(whole.members.members["m5"]!, policies, "2020-10-01", {
        attendance: MeetingRegister.empty
      })
      const counted = found.tally.filter((f) => f.endsWith("|member m5")).length
      assert.isAbove(withoutMeetings.length, counted)
    }).pipe(Effect.provide(MemoryStore.layer({ codec: Dangjian.codec }))))

  it.effect("a build that does not finish changes nothing; the next one deletes its rows", () =>
    Effect.gen(function*() {
      yield* branchWith(ordinary)
      yield* FindingsIndex.catchUp(policies)
      const rows = yield* ReadModel.ReadModelStore
      const model = FindingsIndex.modelOf(policies)
      const keys = Effect.map(rows.scan(model, { limit: 1_000 }), (page) => page.map(([key]) => key))
      const before = yield* keys
      yield* Dangjian.execute(register("m5"), { policies })
      // A rebuild whose last commit (the one that moves the checkpoint) fails: its rows are written, not counted.
      const failing: ReadModel.ReadModelStoreShape = {
        ...rows,
        commit: (m, commit) =>
          commit.to !== commit.from
            ? Effect.fail(new ReadModel.CheckpointMoved({ readModel: m.name, expected: commit.from, actual: -1 }))
            : rows.commit(m, commit)
      }
      const failed = yield* Effect.flip(
        Effect.provideService(FindingsIndex.rebuild(policies), ReadModel.ReadModelStore, failing)
      )
      assert.strictEqual(failed._tag, "StoreUnavailable")
      const during = yield* keys
      assert.isAbove(during.length, before.length, "the unfinished build's rows are there")
      const expected = tallyOf(Compliance.assess(yield* Compliance.viewFromReadModels("2021-01-01"), policies))
      const found = yield* indexedTally("2021-01-01")
      assert.deepStrictEqual(found.tally, expected)
      // m5 came after the checkpoint: judged from its row, the others counted from the index.
      assert.deepStrictEqual(found.judged, ["m5"])
      const rebuilt = yield* FindingsIndex.rebuild(policies)
      assert.isTrue(rebuilt.rebuilt)
      const after = yield* keys
      assert.strictEqual(after.length, 2, "one bucket and the meta row")
      assert.deepStrictEqual((yield* indexedTally("2021-01-01")).tally, expected)
    }).pipe(Effect.provide(MemoryStore.layer({ codec: Dangjian.codec }))))

  // The index keeps findings judged when it was built: a release that judges any member differently must raise
  // `FindingsIndex.version`, so that stores build their index again. This fingerprint of the schedules of a fixed set
  // of members changes with the judgement. When it fails: if the findings changed, raise the version and record the
  // new fingerprint under it; if only the generators changed, record the new fingerprint under the same version.
  // Versions 2 and 3 changed the rows' format (each finding says whether it names organizations; days as numbers), not
  // the judgement.
  const fingerprints: Record<number, string> = { 1: "76f5cd9", 2: "76f5cd9", 3: "76f5cd9" }
  it("the index's version changes with the members' findings", async () => {
    const histories = fc.sample(Arbitraries.townshipHistory({ policies }).map((h) => h.accepted), {
      numRuns: 8,
      seed: 2026
    })
    let text = ""
    for (const commands of histories) {
      await Effect.runPromise(
        Effect.gen(function*() {
          for (const command of commands) yield* Dangjian.execute(command, { policies })
          const { timelines } = yield* ReadModel.loadCurrent(MemberRoster.readModel)
          for (const [memberId, timeline] of timelines) {
            for (const [date, state] of timeline) {
              const schedule = Member.findingsSchedule(state, policies, date, { attendance: MeetingRegister.empty })
              text += `${memberId} ${date} ${JSON.stringify(schedule)}\n`
            }
          }
        }).pipe(Effect.provide(MemoryStore.layer({ codec: Dangjian.codec })))
      )
    }
    let hash = 0x811c9dc5
    for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193)
    assert.isAbove(text.length, 10_000)
    assert.strictEqual((hash >>> 0).toString(16), fingerprints[FindingsIndex.version])
  }, 60_000)

  it("another policy timeline has its own index", () => {
    const other = GovernancePolicy.national.membership
    assert.notStrictEqual(
      FindingsIndex.modelOf(policies).name,
      FindingsIndex.modelOf({ ...policies, membership: { ...other, lapseMonths: other.lapseMonths + 1 } }).name
    )
    assert.deepStrictEqual(FindingsIndex.modelOf(policies), FindingsIndex.modelOf(GovernancePolicy.national))
  })
})
