/**
 * Accepted organization histories: random command sequences resolved against a pure model of the streams
 * ({@link OrganizationWorld}), valid township trees down to party groups built with the real establish and
 * group commands, and roster command sequences.
 *
 * @since 0.1.0
 */
import { GovernancePolicy, LegalDate, Organization } from "@dangjian/core"
import fc from "fast-check"
import * as OrganizationWorld from "../OrganizationWorld.ts"
import { rosterCommand } from "./commands.ts"

// ---------------------------------------------------------------------------------------------------------
// Intents: commands in the abstract, resolved against the world
// ---------------------------------------------------------------------------------------------------------

const pick = fc.nat({ max: 1_000 })
// Weighted towards the kinds and places that are accepted often, so that sequences build real trees; every
// kind and locus still occurs.
const kind = fc.oneof(
  { arbitrary: fc.constantFrom<Organization.OrgKind>("branch", "generalBranch", "primaryCommittee"), weight: 6 },
  {
    arbitrary: fc.constantFrom<Organization.OrgKind>(
      "townshipCommittee",
      "subdistrictCommittee",
      "jointBranch",
      "temporaryBranch",
      "mobileMemberBranch",
      "functionalBranch"
    ),
    weight: 2
  }
)
const locus = fc.oneof(
  { arbitrary: fc.constantFrom<Organization.Locus>("village", "community"), weight: 4 },
  { arbitrary: fc.constantFrom<Organization.Locus>("enterprise", "township", "subdistrict"), weight: 1 }
)
const level = fc.oneof(
  { arbitrary: fc.constant<Organization.Approval["level"]>("county"), weight: 4 },
  { arbitrary: fc.constantFrom<Organization.Approval["level"]>("primaryCommittee", "township"), weight: 1 }
)

/**
 * A command in the abstract: the organizations and members it touches are picks (`pick % count`) among those
 * that exist when it runs, so that most commands reach real organizations. {@link resolve} makes it
 * concrete.
 *
 * @since 0.1.0
 * @category organization histories
 */
export type Intent =
  | {
    readonly _tag: "establish"
    readonly kind: Organization.OrgKind
    readonly locus: Organization.Locus
    readonly parent: number | undefined
    readonly full: number
    readonly probationary: number
    readonly level: Organization.Approval["level"]
    readonly workNeed: boolean
  }
  | { readonly _tag: "upgrade"; readonly org: number; readonly to: Organization.OrgKind; readonly workNeed: boolean }
  | { readonly _tag: "downgrade"; readonly org: number; readonly to: Organization.OrgKind }
  | { readonly _tag: "move"; readonly org: number; readonly to: number }
  | { readonly _tag: "merge"; readonly org: number; readonly into: number }
  | { readonly _tag: "dissolve"; readonly org: number }
  | { readonly _tag: "split"; readonly org: number; readonly take: number; readonly children: boolean }
  | { readonly _tag: "add"; readonly org: number; readonly member: number; readonly full: boolean }
  | { readonly _tag: "remove"; readonly org: number; readonly member: number }
  | {
    readonly _tag: "status"
    readonly org: number
    readonly member: number
    readonly status: Organization.RosterStatus
  }
  | { readonly _tag: "group"; readonly org: number; readonly skip: number; readonly take: number }

/**
 * One {@link Intent}: every tree command, roster changes and party groups, weighted so that sequences grow
 * real trees.
 *
 * @since 0.1.0
 * @category organization histories
 */
export const intent: fc.Arbitrary<Intent> = fc.oneof(
  {
    arbitrary: fc.record({
      _tag: fc.constant("establish" as const),
      kind,
      locus,
      parent: fc.option(pick, { nil: undefined, freq: 8 }),
      full: fc.integer({ min: 2, max: 12 }),
      probationary: fc.integer({ min: 0, max: 4 }),
      level,
      workNeed: fc.boolean()
    }),
    weight: 5
  },
  {
    arbitrary: fc.record({ _tag: fc.constant("upgrade" as const), org: pick, to: kind, workNeed: fc.boolean() }),
    weight: 2
  },
  { arbitrary: fc.record({ _tag: fc.constant("downgrade" as const), org: pick, to: kind }), weight: 2 },
  { arbitrary: fc.record({ _tag: fc.constant("move" as const), org: pick, to: pick }), weight: 3 },
  { arbitrary: fc.record({ _tag: fc.constant("merge" as const), org: pick, into: pick }), weight: 1 },
  { arbitrary: fc.record({ _tag: fc.constant("dissolve" as const), org: pick }), weight: 1 },
  {
    arbitrary: fc.record({
      _tag: fc.constant("split" as const),
      org: pick,
      take: fc.integer({ min: 1, max: 6 }),
      children: fc.boolean()
    }),
    weight: 1
  },
  {
    arbitrary: fc.record({
      _tag: fc.constant("add" as const),
      org: pick,
      member: fc.integer({ min: 0, max: 40 }),
      full: fc.boolean()
    }),
    weight: 3
  },
  { arbitrary: fc.record({ _tag: fc.constant("remove" as const), org: pick, member: pick }), weight: 2 },
  {
    arbitrary: fc.record({
      _tag: fc.constant("status" as const),
      org: pick,
      member: pick,
      status: fc.constantFrom<Organization.RosterStatus>("full", "probationary", "suspended")
    }),
    weight: 1
  },
  {
    arbitrary: fc.record({
      _tag: fc.constant("group" as const),
      org: pick,
      skip: fc.integer({ min: 0, max: 6 }),
      take: fc.integer({ min: 1, max: 5 })
    }),
    weight: 1
  }
)

const townshipLevel = (k: Organization.OrgKind): Intent => ({
  _tag: "establish",
  kind: k,
  locus: k === "townshipCommittee" ? "township" : "subdistrict",
  parent: undefined,
  full: 0,
  probationary: 0,
  level: "county",
  workNeed: false
})

/**
 * Sequences of intents (at least `min(10, maxLength)`, at most `maxLength` random ones) that start by setting
 * up a township and a subdistrict committee. Shrinks towards fewer and simpler intents.
 *
 * @since 0.1.0
 * @category organization histories
 */
export const intents = (maxLength: number): fc.Arbitrary<ReadonlyArray<Intent>> =>
  fc.array(intent, { minLength: Math.min(10, maxLength), maxLength }).map((xs) => [
    townshipLevel("townshipCommittee"),
    townshipLevel("subdistrictCommittee"),
    ...xs
  ])

const dateOf = (step: number): LegalDate.LegalDate => {
  const day = 1 + (step % 28)
  const month = 1 + Math.floor(step / 28) % 12
  return `2024-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`
}

const approvalAt = (date: string, levelOf: Organization.Approval["level"] = "county"): Organization.Approval => ({
  by: "approver",
  level: levelOf,
  at: date
})

const rosterIds = (world: OrganizationWorld.World, id: string) =>
  Object.keys(OrganizationWorld.stateOf(world, id).roster).sort()

// Established organizations (active first, then dissolved ones, so that a few commands hit closed streams).
const orgs = (world: OrganizationWorld.World): ReadonlyArray<string> => {
  const all = Object.values(world.states).filter((s) => s.status !== "none")
  const active = all.filter((s) => s.status === "active").map((s) => s.orgId).sort()
  const closed = all.filter((s) => s.status === "dissolved").map((s) => s.orgId).sort()
  return [...active, ...closed]
}

const choose = (ids: ReadonlyArray<string>, n: number, fallback: string): string =>
  ids[n % Math.max(ids.length, 1)] ?? fallback

/**
 * The concrete command of an intent in the current world, dated by its step (steps are days of 2024, so the
 * national rules apply). Organization ids are `o<step>`, member ids `<orgId>-f<n>` and `<orgId>-p<n>`.
 *
 * @since 0.1.0
 * @category organization histories
 */
export const resolve = (world: OrganizationWorld.World, step: number, i: Intent): OrganizationWorld.Command => {
  const date = dateOf(step)
  const ids = orgs(world)
  const org = "org" in i ? choose(ids, i.org, "none") : `o${step}`
  switch (i._tag) {
    case "establish":
      return {
        _tag: "EstablishOrganization",
        orgId: org,
        name: org,
        kind: i.kind,
        formation: i.kind === "jointBranch" ? "joint" : "standalone",
        locus: i.locus,
        ...(i.parent === undefined || ids.length === 0 ? {} : { parentId: choose(ids, i.parent, "none") }),
        approval: approvalAt(date, i.level),
        initialMembers: i.kind === "temporaryBranch" ? [] : [
          ...Array.from({ length: i.full }, (_, n) => ({ memberId: `${org}-f${n}`, status: "full" as const })),
          ...Array.from(
            { length: i.probationary },
            (_, n) => ({ memberId: `${org}-p${n}`, status: "probationary" as const })
          )
        ],
        coveredUnits: i.kind === "jointBranch" ? [{ unitId: "u1", fullCount: 1 }, { unitId: "u2", fullCount: 2 }] : [],
        workNeed: i.workNeed,
        localConditions: ["goodFoundation", "venue"],
        hostBodyId: "host-body",
        originOrgId: "origin",
        hostOrgId: "host",
        hostConsentAt: date,
        at: date
      }
    case "upgrade":
      return {
        _tag: "UpgradeOrganization",
        orgId: org,
        to: i.to,
        approval: approvalAt(date),
        workNeed: i.workNeed,
        localConditions: ["goodFoundation", "venue"],
        at: date
      }
    case "downgrade":
      return { _tag: "DowngradeOrganization", orgId: org, to: i.to, approval: approvalAt(date), at: date }
    case "move":
      return {
        _tag: "MoveOrganization",
        orgId: org,
        toParentId: choose(ids, i.to, "none"),
        approval: approvalAt(date),
        at: date
      }
    case "merge":
      return {
        _tag: "MergeOrganization",
        orgId: org,
        intoOrgId: choose(ids, i.into, "none"),
        approval: approvalAt(date),
        at: date
      }
    case "dissolve":
      return {
        _tag: "DissolveOrganization",
        orgId: org,
        reason: "conditionsLapsed",
        approval: approvalAt(date),
        at: date
      }
    case "split":
      return {
        _tag: "SplitOrganization",
        orgId: org,
        placement: i.children ? "children" : "siblings",
        parts: [{ orgId: `o${step}`, name: `o${step}`, memberIds: rosterIds(world, org).slice(0, i.take) }],
        approval: approvalAt(date),
        at: date
      }
    case "add":
      return {
        _tag: "AddRosterMember",
        orgId: org,
        memberId: `m${i.member}`,
        status: i.full ? "full" : "probationary",
        reason: i.full ? "transferredIn" : "admitted",
        at: date
      }
    case "remove":
      return {
        _tag: "RemoveRosterMember",
        orgId: org,
        memberId: choose(rosterIds(world, org), i.member, "nobody"),
        reason: "transferredOut",
        at: date
      }
    case "status":
      return {
        _tag: "ChangeRosterStatus",
        orgId: org,
        memberId: choose(rosterIds(world, org), i.member, "nobody"),
        status: i.status,
        at: date
      }
    case "group": {
      const state = OrganizationWorld.stateOf(world, org)
      const grouped = new Set(Object.values(state.groups).flatMap((g) => g.memberIds))
      const free = rosterIds(world, org).filter((m) => !grouped.has(m) && state.roster[m] !== "suspended")
      const memberIds = free.slice(i.skip % Math.max(free.length, 1)).slice(0, i.take)
      const leaderId = memberIds.find((m) => state.roster[m] === "full")
      return {
        _tag: "FormPartyGroup",
        orgId: org,
        groupId: `g${step}`,
        groupType: "general",
        ...(leaderId === undefined ? {} : { leaderId }),
        memberIds,
        at: date
      }
    }
  }
}

/**
 * A generated history: every resolved command (accepted or not) and the accepted ones, with the world they
 * reach.
 *
 * @since 0.1.0
 * @category organization histories
 */
export interface History {
  readonly intents: ReadonlyArray<Intent>
  /** Every resolved command, in order. */
  readonly commands: ReadonlyArray<OrganizationWorld.Command>
  /** The accepted commands, in order: run one after the other from nothing, every one is accepted again. */
  readonly accepted: ReadonlyArray<OrganizationWorld.Command>
  readonly world: OrganizationWorld.World
}

/**
 * Random organization histories of up to `maxLength` intents, resolved step by step against the
 * {@link OrganizationWorld} under `policies` (default `GovernancePolicy.national`; the dates are in 2024).
 * Shrinking works on the intents, so a failing history shrinks to a short one that is still resolved
 * consistently.
 *
 * @since 0.1.0
 * @category organization histories
 */
export const organizationHistory = (
  options: { readonly maxLength?: number; readonly policies?: Organization.Policies } = {}
): fc.Arbitrary<History> => {
  const policies = options.policies ?? GovernancePolicy.national
  return intents(options.maxLength ?? 30).map((is) => {
    let world = OrganizationWorld.empty
    const commands: Array<OrganizationWorld.Command> = []
    const accepted: Array<OrganizationWorld.Command> = []
    is.forEach((i, step) => {
      const command = resolve(world, step, i)
      commands.push(command)
      const played = OrganizationWorld.play(policies, [command], world)
      if (played.accepted.length > 0) accepted.push(command)
      world = played.world
    })
    return { intents: is, commands, accepted, world }
  })
}

// ---------------------------------------------------------------------------------------------------------
// Township trees down to party groups
// ---------------------------------------------------------------------------------------------------------

/**
 * A range of counts, both ends inclusive.
 *
 * @since 0.1.0
 * @category organization histories
 */
export interface Range {
  readonly min: number
  readonly max: number
}

/**
 * The shape of a generated township tree.
 *
 * @since 0.1.0
 * @category organization histories
 */
export interface TreeShape {
  /** Villages and communities under the township (each a general branch). */
  readonly units: Range
  /** Branches under each village or community. */
  readonly branchesPerUnit: Range
  /** Party groups in each branch (absent: none; {@link defaultTreeShape}: none to two). */
  readonly groupsPerBranch?: Range
}

/**
 * The default tree shape: one to four villages or communities, one to three branches each, up to two party
 * groups per branch.
 *
 * @since 0.1.0
 * @category organization histories
 */
export const defaultTreeShape: TreeShape = {
  units: { min: 1, max: 4 },
  branchesPerUnit: { min: 1, max: 3 },
  groupsPerBranch: { min: 0, max: 2 }
}

/**
 * A valid township tree as the commands that build it, in order: the township committee (`t`), then each
 * village or community as a general branch (`t.<u>`, established on work need, with three full members),
 * then its branches (`t.<u>.<b>`, at least three full members and up to two probationary ones) and in each
 * branch its party groups (`t.<u>.<b>.g<k>`, three to five full members led by the first, formed with
 * `FormPartyGroup`). Member ids are unique across the tree; dates advance by a day per command from `from`.
 * Run in order (with `Dangjian.execute` or {@link OrganizationWorld.play}) under the national rules, every
 * command is accepted. Shrinks towards fewer units, branches, groups and members.
 *
 * @since 0.1.0
 * @category organization histories
 */
export const organizationTree = (
  shape: TreeShape = defaultTreeShape,
  from: LegalDate.LegalDate = "2024-01-01"
): fc.Arbitrary<ReadonlyArray<OrganizationWorld.Command>> => {
  const groups = shape.groupsPerBranch ?? { min: 0, max: 0 }
  const branch = fc.record({
    groupSizes: fc.array(fc.integer({ min: 3, max: 5 }), { minLength: groups.min, maxLength: groups.max }),
    extraFull: fc.integer({ min: 0, max: 3 }),
    probationary: fc.integer({ min: 0, max: 2 }),
    groupType: fc.constantFrom(...Organization.GroupType.literals)
  })
  return fc
    .array(
      fc.record({
        locus: fc.constantFrom<Organization.Locus>("village", "community"),
        branches: fc.array(branch, { minLength: shape.branchesPerUnit.min, maxLength: shape.branchesPerUnit.max })
      }),
      { minLength: shape.units.min, maxLength: shape.units.max }
    )
    .map((units) => {
      const commands: Array<OrganizationWorld.Command> = []
      let date = from
      const next = () => {
        const at = date
        date = LegalDate.addDays(date, 1)
        return at
      }
      const members = (orgId: string, full: number, probationary = 0) => [
        ...Array.from({ length: full }, (_, n) => ({ memberId: `${orgId}-m${n}`, status: "full" as const })),
        ...Array.from(
          { length: probationary },
          (_, n) => ({ memberId: `${orgId}-p${n}`, status: "probationary" as const })
        )
      ]
      const at0 = next()
      commands.push({
        _tag: "EstablishOrganization",
        orgId: "t",
        name: "t",
        kind: "townshipCommittee",
        formation: "standalone",
        locus: "township",
        approval: { by: "county", level: "county", at: at0 },
        initialMembers: [],
        at: at0
      })
      units.forEach((unit, u) => {
        const unitId = `t.${u}`
        const atU = next()
        commands.push({
          _tag: "EstablishOrganization",
          orgId: unitId,
          name: unitId,
          kind: "generalBranch",
          formation: "standalone",
          locus: unit.locus,
          parentId: "t",
          approval: { by: "county", level: "county", at: atU },
          initialMembers: members(unitId, 3),
          workNeed: true,
          localConditions: ["goodFoundation", "venue"],
          at: atU
        })
        unit.branches.forEach((b, k) => {
          const branchId = `${unitId}.${k}`
          const grouped = b.groupSizes.reduce((sum, n) => sum + n, 0)
          const full = Math.max(3, grouped + b.extraFull)
          const atB = next()
          commands.push({
            _tag: "EstablishOrganization",
            orgId: branchId,
            name: branchId,
            kind: "branch",
            formation: "standalone",
            locus: unit.locus,
            parentId: unitId,
            approval: { by: "county", level: "county", at: atB },
            initialMembers: members(branchId, full, b.probationary),
            at: atB
          })
          let offset = 0
          b.groupSizes.forEach((size, g) => {
            const memberIds = Array.from({ length: size }, (_, n) => `${branchId}-m${offset + n}`)
            offset += size
            commands.push({
              _tag: "FormPartyGroup",
              orgId: branchId,
              groupId: `${branchId}.g${g}`,
              groupType: b.groupType,
              leaderId: memberIds[0] ?? `${branchId}-m0`,
              memberIds,
              at: next()
            })
          })
        })
      })
      return commands
    })
}

/**
 * A sequence of {@link rosterCommand}s on one organization in date order (dates never go backwards, starting
 * at `from`, default 2024-06-01), up to `maxLength` long.
 *
 * @since 0.1.0
 * @category organization commands
 */
export const rosterCommands = (
  orgId: string,
  options: { readonly memberPool?: number; readonly maxLength?: number; readonly from?: LegalDate.LegalDate } = {}
): fc.Arbitrary<ReadonlyArray<Organization.OrganizationCommand>> =>
  fc
    .array(fc.tuple(rosterCommand(orgId, options), fc.integer({ min: 0, max: 40 })), {
      maxLength: options.maxLength ?? 20
    })
    .map((steps) => {
      let date = options.from ?? "2024-06-01"
      return steps.map(([command, gap]) => {
        date = LegalDate.addDays(date, gap)
        return { ...command, at: date }
      })
    })
