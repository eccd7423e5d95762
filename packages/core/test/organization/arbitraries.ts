// fast-check arbitraries for the organization pillar. Policies, thresholds and counts now live in
// @dangjian/testing (`Arbitraries.randomPolicy`, `Arbitraries.threshold`, `Arbitraries.counts`).
//
// - `intents`: sequences of commands expressed against a small pool of organization ids; `resolve` turns an
//   intent into a concrete command for the current world (picking members from the roster when needed).
import fc from "fast-check"
import { Organization } from "../../src/index.ts"
import type { World } from "./fixtures.ts"
import { stateOf } from "./fixtures.ts"

// ---------------------------------------------------------------------------------------------------------
// Command intents over a pool of organizations
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
 * A command in the abstract: which organizations it touches are picks among the organizations that exist
 * when it runs (`pick % count`), so that most commands reach real organizations.
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

/** Sequences of intents that start by setting up a township and a subdistrict committee. */
export const intents = (maxLength: number): fc.Arbitrary<ReadonlyArray<Intent>> =>
  fc.array(intent, { minLength: Math.min(10, maxLength), maxLength }).map((xs) => [
    townshipLevel("townshipCommittee"),
    townshipLevel("subdistrictCommittee"),
    ...xs
  ])

const at = (step: number): string => {
  const day = 1 + (step % 28)
  const month = 1 + Math.floor(step / 28) % 12
  return `2024-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`
}

const approvalAt = (date: string, levelOf: Organization.Approval["level"] = "county"): Organization.Approval => ({
  by: "approver",
  level: levelOf,
  at: date
})

const rosterIds = (world: World, id: string) => Object.keys(stateOf(world, id).roster).sort()

// Established organizations (active first, then dissolved ones, so that a few commands hit closed streams).
const orgs = (world: World): ReadonlyArray<string> => {
  const all = Object.values(world.states).filter((s) => s.status !== "none")
  const active = all.filter((s) => s.status === "active").map((s) => s.orgId).sort()
  const closed = all.filter((s) => s.status === "dissolved").map((s) => s.orgId).sort()
  return [...active, ...closed]
}

const choose = (ids: ReadonlyArray<string>, n: number, fallback: string): string =>
  ids[n % Math.max(ids.length, 1)] ?? fallback

/** A concrete command for an intent in the current world, dated by its step. */
export const resolve = (
  world: World,
  step: number,
  i: Intent
): Organization.OrganizationCommand | Organization.TreeCommand => {
  const date = at(step)
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
  }
}
