/**
 * fast-check 4 arbitraries for dangjian: governance policies (national, seed presets and random variants
 * with inclusive/exclusive thresholds on the FM or AM basis), member counts and legal dates clustered
 * around rule boundaries. Every arbitrary is built from fast-check combinators, so it shrinks.
 *
 * @since 0.1.0
 */
import { GovernancePolicy, LegalDate, Organization } from "@dangjian/core"
import fc from "fast-check"

/**
 * A policy threshold with a value in `[min, max]`, inclusive or exclusive, on the FM or AM basis, mandatory
 * or not. Shrinks towards `min`, exclusive, FM, non-mandatory.
 *
 * @since 0.1.0
 * @category policies
 */
export const threshold = (min: number, max: number): fc.Arbitrary<GovernancePolicy.Threshold> =>
  fc.record({
    value: fc.integer({ min, max }),
    inclusive: fc.boolean(),
    basis: fc.constantFrom("FM" as const, "AM" as const),
    mandatory: fc.boolean(),
    source: fc.constant("generated")
  })

/**
 * A random variant of the national policy: the branch minimum, branch soft maximum, general-branch,
 * committee and branch-committee thresholds vary in value, inclusivity, basis and mandatory flag.
 *
 * @since 0.1.0
 * @category policies
 */
export const randomPolicy: fc.Arbitrary<GovernancePolicy.GovernancePolicy> = fc
  .record({
    branchMinFull: threshold(1, 6),
    branchSoftMax: threshold(10, 60),
    generalBranchThreshold: threshold(10, 60),
    committeeThreshold: threshold(40, 120),
    branchCommitteeAtFull: threshold(3, 12)
  })
  .map((t) => ({
    ...GovernancePolicy.national,
    name: "generated",
    branchMinFull: t.branchMinFull,
    branchSoftMax: t.branchSoftMax,
    generalBranchThreshold: t.generalBranchThreshold,
    committeeThreshold: { ...GovernancePolicy.national.committeeThreshold, ...t.committeeThreshold },
    branchCommitteeAtFull: t.branchCommitteeAtFull
  }))

/**
 * One of the shipped presets: national, legacy (pre-2018) and the two seed local policies.
 *
 * @since 0.1.0
 * @category policies
 */
export const presetPolicy: fc.Arbitrary<GovernancePolicy.GovernancePolicy> = fc.constantFrom(
  GovernancePolicy.national,
  GovernancePolicy.legacyPre2018,
  GovernancePolicy.s001Village,
  GovernancePolicy.s002ResettlementArea
)

/**
 * Any policy: a preset (shrinks to national) or a random variant.
 *
 * @since 0.1.0
 * @category policies
 */
export const policy: fc.Arbitrary<GovernancePolicy.GovernancePolicy> = fc.oneof(presetPolicy, randomPolicy)

/**
 * Full and probationary member counts (0–130 full, 0–30 probationary); shrinks towards zero.
 *
 * @since 0.1.0
 * @category counts
 */
export const counts: fc.Arbitrary<{ readonly full: number; readonly probationary: number }> = fc.record({
  full: fc.integer({ min: 0, max: 130 }),
  probationary: fc.integer({ min: 0, max: 30 })
})

const epochDay = (date: LegalDate.LegalDate): number => LegalDate.daysBetween("1970-01-01", date)

/**
 * A legal date (`YYYY-MM-DD`) between `min` and `max` inclusive (defaults 1990-01-01 … 2060-12-31); shrinks
 * towards `min`.
 *
 * @since 0.1.0
 * @category dates
 */
export const legalDate = (
  options: { readonly min?: LegalDate.LegalDate; readonly max?: LegalDate.LegalDate } = {}
): fc.Arbitrary<LegalDate.LegalDate> => {
  const min = options.min ?? "1990-01-01"
  const max = options.max ?? "2060-12-31"
  return fc
    .integer({ min: 0, max: Math.max(0, epochDay(max) - epochDay(min)) })
    .map((n) => LegalDate.addDays(min, n))
}

/**
 * A legal date within `radiusDays` of a boundary date: the day before, the day itself and the day after are
 * the most likely, then anywhere in the radius. Use it for deadlines ("within 3 months", "every 5 years").
 *
 * @since 0.1.0
 * @category dates
 */
export const nearDate = (boundary: LegalDate.LegalDate, radiusDays = 31): fc.Arbitrary<LegalDate.LegalDate> =>
  fc.oneof(
    { arbitrary: fc.integer({ min: -1, max: 1 }), weight: 3 },
    { arbitrary: fc.integer({ min: -radiusDays, max: radiusDays }), weight: 1 }
  ).map((d) => LegalDate.addDays(boundary, d))

/**
 * Dates that stress month arithmetic: month ends, 29 February of leap years, year ends, and their
 * neighbours.
 *
 * @since 0.1.0
 * @category dates
 */
export const calendarEdgeDate: fc.Arbitrary<LegalDate.LegalDate> = fc
  .record({
    year: fc.integer({ min: 1990, max: 2060 }),
    month: fc.integer({ min: 1, max: 12 }),
    offset: fc.integer({ min: -1, max: 1 })
  })
  .map(({ month, offset, year }) => {
    const end = `${year}-${String(month).padStart(2, "0")}-${
      String(LegalDate.daysInMonth(year, month)).padStart(2, "0")
    }`
    return LegalDate.addDays(end, offset)
  })

/**
 * A date and a period in months, with the date placed just before, on or just after the period's end (the
 * pair `{start, at, months}` where `at` is near `addMonths(start, months)`). Use it for rule deadlines.
 *
 * @since 0.1.0
 * @category dates
 */
export const aroundDeadline = (
  months: fc.Arbitrary<number> = fc.integer({ min: 1, max: 60 })
): fc.Arbitrary<{ readonly start: LegalDate.LegalDate; readonly months: number; readonly at: LegalDate.LegalDate }> =>
  fc
    .record({ start: fc.oneof(legalDate({ min: "2000-01-01", max: "2040-12-31" }), calendarEdgeDate), months })
    .chain(({ months: m, start }) => nearDate(LegalDate.addMonths(start, m), 3).map((at) => ({ start, months: m, at })))

const memberIdOf = (pool: number): fc.Arbitrary<string> =>
  fc.integer({ min: 0, max: Math.max(0, pool - 1) }).map((n) => `m${n}`)

/**
 * Roster commands (`AddRosterMember`, `RemoveRosterMember`, `ChangeRosterStatus`) and covered-unit commands
 * (`CoverUnit`, `UncoverUnit`) on one organization, over a pool of `memberPool` member ids `m0…`, dated
 * within `dates`. Every value decodes with `Organization.OrganizationCommand`.
 *
 * @since 0.1.0
 * @category organization
 */
export const rosterCommand = (
  orgId: string,
  options: { readonly memberPool?: number; readonly dates?: fc.Arbitrary<LegalDate.LegalDate> } = {}
): fc.Arbitrary<Organization.OrganizationCommand> => {
  const memberId = memberIdOf(options.memberPool ?? 8)
  const at = options.dates ?? legalDate({ min: "2020-01-01", max: "2030-12-31" })
  const unitId = fc.constantFrom("u1", "u2", "u3")
  return fc.oneof(
    fc.record({
      _tag: fc.constant("AddRosterMember" as const),
      orgId: fc.constant(orgId),
      memberId,
      status: fc.constantFrom(...Organization.JoiningStatus.literals),
      reason: fc.constantFrom(...Organization.JoinReason.literals),
      at
    }),
    fc.record({
      _tag: fc.constant("RemoveRosterMember" as const),
      orgId: fc.constant(orgId),
      memberId,
      reason: fc.constantFrom(...Organization.LeaveReason.literals),
      at
    }),
    fc.record({
      _tag: fc.constant("ChangeRosterStatus" as const),
      orgId: fc.constant(orgId),
      memberId,
      status: fc.constantFrom(...Organization.RosterStatus.literals),
      at
    }),
    fc.record({
      _tag: fc.constant("CoverUnit" as const),
      orgId: fc.constant(orgId),
      unitId,
      fullCount: fc.integer({ min: 0, max: 20 }),
      at
    }),
    fc.record({ _tag: fc.constant("UncoverUnit" as const), orgId: fc.constant(orgId), unitId, at })
  )
}

/**
 * A sequence of {@link rosterCommand}s in date order (dates never go backwards), up to `maxLength` long.
 *
 * @since 0.1.0
 * @category organization
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

/**
 * The shape of a generated township tree.
 *
 * @since 0.1.0
 * @category organization
 */
export interface TreeShape {
  /** Villages and communities under the township (each a general branch). */
  readonly units: { readonly min: number; readonly max: number }
  /** Branches under each village or community. */
  readonly branchesPerUnit: { readonly min: number; readonly max: number }
}

/**
 * A valid township tree as the commands that build it, in order: the township committee, then each village
 * or community as a general branch (established on work need, with three full members), then its branches
 * (three to eight full members each). Member ids are unique across the tree; dates advance by a day per
 * command from `from`. Shrinks towards fewer units and branches.
 *
 * @since 0.1.0
 * @category organization
 */
export const organizationTree = (
  shape: TreeShape = { units: { min: 1, max: 4 }, branchesPerUnit: { min: 1, max: 3 } },
  from: LegalDate.LegalDate = "2024-01-01"
): fc.Arbitrary<ReadonlyArray<Organization.TreeCommand>> =>
  fc
    .array(
      fc.record({
        locus: fc.constantFrom<Organization.Locus>("village", "community"),
        branches: fc.array(fc.integer({ min: 3, max: 8 }), {
          minLength: shape.branchesPerUnit.min,
          maxLength: shape.branchesPerUnit.max
        })
      }),
      { minLength: shape.units.min, maxLength: shape.units.max }
    )
    .map((units) => {
      const commands: Array<Organization.TreeCommand> = []
      let date = from
      const next = () => {
        const at = date
        date = LegalDate.addDays(date, 1)
        return at
      }
      const members = (orgId: string, full: number) =>
        Array.from({ length: full }, (_, n) => ({ memberId: `${orgId}-m${n}`, status: "full" as const }))
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
        unit.branches.forEach((full, b) => {
          const branchId = `${unitId}.${b}`
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
            initialMembers: members(branchId, full),
            at: atB
          })
        })
      })
      return commands
    })
