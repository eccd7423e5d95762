// A pure, in-memory world of streams for the development and leadership tests: a command runs through its
// aggregate's route (organization tree and single-stream, member, development, leadership), with the streams it
// discovers read from this world (the kernel's own discovery, `CommandHandler.discover`), and accepted events are
// applied with each stream's fold. The fixtures build a township with branches of every kind the approval rules
// name, and the commands of the 25 steps with dates.
import { Result } from "effect"
import * as Development from "../../src/development/Development.ts"
import type { DecisionMeeting, Tally } from "../../src/development/model.ts"
import { GovernancePolicy, Organization } from "../../src/index.ts"
import { CommandHandler } from "../../src/kernel/index.ts"
import type { Decider } from "../../src/kernel/index.ts"
import * as Leadership from "../../src/leadership/Leadership.ts"
import * as Member from "../../src/member/Member.ts"
import type { Policies } from "../../src/organization/decide.ts"
import type { DomainError } from "../../src/rules/RuleViolation.ts"

export const policy = GovernancePolicy.national

export type Command =
  | Organization.TreeCommand
  | Organization.OrganizationCommand
  | Member.MemberCommand
  | Development.DevelopmentCommand
  | Leadership.LeadershipCommand

type AnyRoute = Decider.Route<Command, Policies, DomainError>

const routes = [
  Organization.treeRoute,
  Organization.route,
  Member.route,
  Development.route,
  Leadership.route
] as unknown as ReadonlyArray<AnyRoute>

const routeOf = (tag: string): AnyRoute => {
  const route = routes.find((r) => (r.tags as ReadonlyArray<string>).includes(tag))
  if (route === undefined) throw new Error(`no route for ${tag}`)
  return route
}

export interface World {
  readonly states: ReadonlyMap<string, unknown>
  readonly log: ReadonlyArray<{ readonly streamId: string; readonly event: { readonly _tag: string } }>
}

export const emptyWorld: World = { states: new Map(), log: [] }

/** Decides a command in the world (judged by the policy in force on its date) and applies its events. */
export const run = (world: World, command: Command, policies: Policies = policy): Result.Result<World, DomainError> => {
  const route = routeOf(command._tag)
  const initial = (id: string) => route.fold(id).initialState
  const states = CommandHandler.discover(
    route,
    command,
    (id) => world.states.has(id) ? world.states.get(id) : initial(id)
  )
  return Result.map(route.decide(command, states, policies), (decided) => {
    const next = new Map(world.states)
    const log = [...world.log]
    for (const { streamId, events } of decided) {
      if (events.length === 0) continue
      const fold = route.fold(streamId)
      next.set(streamId, events.reduce(fold.evolve, states.get(streamId) ?? fold.initialState))
      for (const event of events) log.push({ streamId, event })
    }
    return { states: next, log }
  })
}

/** Runs commands that must all be accepted; throws (in tests only) with the rejection otherwise. */
export const runAll = (
  commands: ReadonlyArray<Command>,
  world: World = emptyWorld,
  policies: Policies = policy
): World => {
  let current = world
  for (const command of commands) {
    const result = run(current, command, policies)
    if (Result.isFailure(result)) {
      throw new Error(`${command._tag} rejected: ${result.failure.message}`)
    }
    current = result.success
  }
  return current
}

/** The rejection of a command (fails the test if it was accepted). */
export const rejection = (world: World, command: Command, policies: Policies = policy): DomainError => {
  const result = run(world, command, policies)
  if (Result.isSuccess(result)) throw new Error(`${command._tag} was accepted`)
  return result.failure
}

/** The events a command appends, by stream (fails the test if it was rejected). */
export const eventsOf = (world: World, command: Command, policies: Policies = policy) => {
  const result = run(world, command, policies)
  if (Result.isFailure(result)) throw new Error(`${command._tag} rejected: ${result.failure.message}`)
  return result.success.log.slice(world.log.length)
}

export const ruleOf = (error: DomainError): ReadonlyArray<string | undefined> => [
  (error as { readonly ruleId?: string }).ruleId,
  error.code
]

export const development = (world: World, applicantId: string): Development.DevelopmentState =>
  (world.states.get(Development.streamId(applicantId)) as Development.DevelopmentState | undefined)
    ?? Development.initialState

export const member = (world: World, memberId: string): Member.MemberState =>
  (world.states.get(Member.streamId(memberId)) as Member.MemberState | undefined) ?? Member.initialState

export const org = (world: World, orgId: string): Organization.OrganizationState =>
  (world.states.get(Organization.streamId(orgId)) as Organization.OrganizationState | undefined)
    ?? Organization.initialState

export const leadership = (world: World, orgId: string): Leadership.LeadershipState =>
  (world.states.get(Leadership.streamId(orgId)) as Leadership.LeadershipState | undefined) ?? Leadership.initialState

/** A copy of the world with one stream's state replaced (to put a person in a state the test needs). */
export const withState = (world: World, streamId: string, state: unknown): World => {
  const states = new Map(world.states)
  states.set(streamId, state)
  return { ...world, states }
}

// ---------------------------------------------------------------------------------------------------------
// The township
// ---------------------------------------------------------------------------------------------------------

const approval = (level: Organization.Approval["level"], at = "2020-01-01"): Organization.Approval => ({
  by: "approver",
  level,
  at
})

const full = (orgId: string, n: number) =>
  Array.from({ length: n }, (_, i) => ({ memberId: `${orgId}-f${i + 1}`, status: "full" as const }))

const establish = (
  orgId: string,
  kind: Organization.OrgKind,
  parentId: string | undefined,
  members: number,
  options: Partial<typeof Organization.EstablishOrganization.Type> = {}
): Organization.TreeCommand => ({
  _tag: "EstablishOrganization",
  orgId,
  name: orgId,
  kind,
  formation: "standalone",
  locus: "village",
  ...(parentId === undefined ? {} : { parentId }),
  approval: approval(
    kind === "primaryCommittee" || kind === "townshipCommittee" || kind === "subdistrictCommittee"
      ? "county"
      : "township"
  ),
  initialMembers: full(orgId, members),
  at: "2020-01-01",
  ...options
})

const register = (orgId: string, n: number): ReadonlyArray<Member.MemberCommand> =>
  full(orgId, n).map((m) => ({ _tag: "RegisterMember", memberId: m.memberId, orgId, status: "full", at: "2020-01-02" }))

/**
 * The township `town` (2020-01-01) with:
 * - `v1`: a village branch of 5 full members (no committee), `v1-f1` … `v1-f3` registered as members;
 * - `v20`: a village branch of 20 full members, `v20-f1` … `v20-f3` registered;
 * - `v7`: a village branch of 8 full members with an elected committee (its committee decides);
 * - `vc`: a village Party committee (二级党委) with the branch `vcb` (6 full) below it;
 * - `gb`: a general branch with the branch `gbb` (6 full) below it;
 * - `tmp`: a temporary branch; `sub`: a subdistrict committee with the community branch `c1` (6 full);
 * - `other`: a second township with the branch `o1` (4 full).
 */
export const townshipCommands: ReadonlyArray<Command> = [
  establish("town", "townshipCommittee", undefined, 0, { locus: "township" }),
  establish("other", "townshipCommittee", undefined, 0, { locus: "township" }),
  establish("sub", "subdistrictCommittee", undefined, 0, { locus: "subdistrict" }),
  establish("v1", "branch", "town", 5),
  establish("v20", "branch", "town", 20),
  establish("v7", "branch", "town", 8),
  establish("vc", "primaryCommittee", "town", 100, { secondTier: true }),
  establish("vcb", "branch", "vc", 6),
  establish("gb", "generalBranch", "town", 6, { workNeed: true }),
  establish("gbb", "branch", "gb", 6),
  establish("tmp", "temporaryBranch", "town", 0, { hostBodyId: "project-1", projectMonths: 12 }),
  establish("c1", "branch", "sub", 6, { locus: "community" }),
  establish("o1", "branch", "other", 4),
  {
    _tag: "ElectCommittee",
    orgId: "v7",
    body: "generalMeeting",
    seats: 3,
    candidates: ["v7-f1", "v7-f2", "v7-f3", "v7-f4"].map((memberId, i) => ({ memberId, yes: 8 - i })),
    entitled: 8,
    present: 8,
    ballotsIssued: 8,
    ballotsCollected: 8,
    at: "2020-02-01"
  },
  ...["v1", "v20", "v7", "vcb", "gbb", "c1", "o1", "tmp"].flatMap((
    orgId
  ) => (orgId === "tmp" ? [] : register(orgId, 3)))
]

/** The township of {@link townshipCommands}, built in the pure world. */
export const township = (): World => runAll(townshipCommands)

// ---------------------------------------------------------------------------------------------------------
// The 25 steps
// ---------------------------------------------------------------------------------------------------------

/** The dates of a development path; each step defaults to a date after the one before. */
export interface PathDates {
  readonly applied: string
  readonly activist: string
  readonly developmentObject: string
  readonly vote: string
}

export const defaultDates: PathDates = {
  applied: "2023-01-10",
  activist: "2023-03-01",
  developmentObject: "2024-03-01",
  vote: "2024-06-01"
}

export const tally = (entitled: number, present: number, yes: number, written = 0, writtenYes = written): Tally => ({
  entitled,
  present,
  yes,
  writtenOpinions: written,
  writtenYes
})

export const meeting = (applicantId: string, id = "m1"): DecisionMeeting => ({
  meetingId: id,
  candidateIds: [applicantId]
})

const cmd = <C extends Development.DevelopmentCommand>(c: C): C => c

/**
 * The commands of steps 1–15 for `applicantId` at `orgId` (`upTo` the step given), decided by the general meeting
 * (or the committee for `v7`), with two of the organization's registered full members as contact person and
 * introducers, pre-reviewed by `approverOrgId`, and voted by the whole branch (`entitled` of them present).
 */
export const path = (
  applicantId: string,
  orgId = "v1",
  options: {
    readonly dates?: Partial<PathDates>
    readonly upTo?: number
    readonly approverOrgId?: string
    readonly voteTally?: Tally
    /** The contact person and the second introducer (default: the organization's `-f1` and `-f2`). */
    readonly people?: readonly [string, string]
  } = {}
): ReadonlyArray<Development.DevelopmentCommand> => {
  const d = { ...defaultDates, ...options.dates }
  const decidedBy = orgId === "v7" ? "branchCommittee" : "generalMeeting"
  const approverOrgId = options.approverOrgId ?? (orgId === "c1" ? "sub" : "town")
  const fullCount = (org: string) => (org === "v20" ? 20 : org === "v7" ? 8 : org === "v1" ? 5 : org === "o1" ? 4 : 6)
  const n = fullCount(orgId)
  const [first, second] = options.people ?? [`${orgId}-f1`, `${orgId}-f2`]
  const steps: ReadonlyArray<readonly [number, Development.DevelopmentCommand]> = [
    [1, cmd({ _tag: "SubmitApplication", applicantId, orgId, bornOn: "2000-01-01", at: d.applied })],
    [2, cmd({ _tag: "InterviewApplicant", applicantId, at: d.applied })],
    [3, cmd({ _tag: "DesignateActivist", applicantId, decidedBy, at: d.activist })],
    [4, cmd({ _tag: "FileActivist", applicantId, at: d.activist })],
    [5, cmd({ _tag: "AssignContactPersons", applicantId, contactPersonIds: [first], at: d.activist })],
    [7, cmd({ _tag: "DesignateDevelopmentObject", applicantId, decidedBy, at: d.developmentObject })],
    [8, cmd({ _tag: "FileDevelopmentObject", applicantId, at: d.developmentObject })],
    [9, cmd({ _tag: "AssignIntroducers", applicantId, introducerIds: [first, second], at: d.developmentObject })],
    [10, cmd({ _tag: "ConcludePoliticalReview", applicantId, result: "pass", at: d.developmentObject })],
    [11, cmd({ _tag: "CompleteTraining", applicantId, days: 3, hours: 24, at: d.developmentObject })],
    [12, cmd({ _tag: "ReviewByBranchCommittee", applicantId, at: d.developmentObject })],
    [13, cmd({ _tag: "PassPreReview", applicantId, approverOrgId, at: d.developmentObject })],
    [13, cmd({ _tag: "IssueApplicationForm", applicantId, at: d.developmentObject })],
    [14, cmd({ _tag: "CompleteApplicationForm", applicantId, at: d.developmentObject })],
    [
      15,
      cmd({
        _tag: "VoteOnAdmission",
        applicantId,
        meetingId: `${applicantId}-vote`,
        candidateIds: [applicantId],
        tally: options.voteTally ?? tally(n, n, n),
        at: d.vote
      })
    ]
  ]
  const upTo = options.upTo ?? 15
  return steps.filter(([step]) => step <= upTo).map(([, command]) => command)
}

/** Steps 16 and 17 after a passed vote: the report, the interview and the approval by `approverOrgId` on `at`. */
export const approve = (
  applicantId: string,
  at: string,
  options: { readonly approverOrgId?: string; readonly reportedAt?: string; readonly delayReason?: string } = {}
): ReadonlyArray<Development.DevelopmentCommand> => {
  const approverOrgId = options.approverOrgId ?? "town"
  return [
    ...(options.reportedAt === undefined
      ? []
      : [cmd({ _tag: "ReportResolution", applicantId, approverOrgId, at: options.reportedAt })]),
    cmd({ _tag: "HoldApprovalInterview", applicantId, interviewerRole: "organizer", at: options.reportedAt ?? at }),
    cmd({
      _tag: "ApproveAdmission",
      applicantId,
      approverOrgId,
      meeting: meeting(applicantId),
      ...(options.delayReason === undefined ? {} : { delayReason: options.delayReason }),
      at
    })
  ]
}

/** A township with `p1` admitted as probationary at `v1` (vote 2024-06-01, approval 2024-07-01). */
export const admitted = (applicantId = "p1", orgId = "v1"): World =>
  runAll([...path(applicantId, orgId), ...approve(applicantId, "2024-07-01", { reportedAt: "2024-06-03" })], township())
