/**
 * Legal dates, clustered around rule boundaries: month ends and 29 February, deadlines, term ends and the
 * July 2018 switch of the national policy timeline.
 *
 * @since 0.1.0
 */
import type { GovernancePolicy } from "@dangjian/core"
import { LegalDate, Organization, PolicyTimeline } from "@dangjian/core"
import fc from "fast-check"

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
 * Shrinks towards the day before the boundary.
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

/**
 * The first day of the national rules (2018-07-01, when RQ set 5-year village and community terms): the
 * date the national `PolicyTimeline` switches from the pre-2018 policy.
 *
 * @since 0.1.0
 * @category dates
 */
export const policySwitchDate: LegalDate.LegalDate = PolicyTimeline.national.policies[1]?.effectiveFrom
  ?? "2018-07-01"

/**
 * A legal date around the July 2018 switch of the national policy timeline: 2018-06-30, 2018-07-01 and
 * 2018-07-02 most often, anywhere within `radiusDays` otherwise.
 *
 * @since 0.1.0
 * @category dates
 */
export const aroundPolicySwitch = (radiusDays = 31): fc.Arbitrary<LegalDate.LegalDate> =>
  nearDate(policySwitchDate, radiusDays)

/**
 * An election and a date around the end of its term (R21): `termEndsAt` is the election date plus the term
 * the policy in force on the election date gives the organization's kind and locus, and `at` is the day
 * before, of or after it (or within `radiusDays`). The elections fall on both sides of the 2018 switch, so
 * with the national timeline both the 3-year and the 5-year village terms occur.
 *
 * @since 0.1.0
 * @category dates
 */
export const aroundTermEnd = (
  options: {
    readonly policies?: PolicyTimeline.PolicyTimeline | GovernancePolicy.GovernancePolicy
    readonly kind?: fc.Arbitrary<Organization.OrgKind>
    readonly locus?: fc.Arbitrary<Organization.Locus>
    readonly electedAt?: fc.Arbitrary<LegalDate.LegalDate>
    readonly radiusDays?: number
  } = {}
): fc.Arbitrary<{
  readonly kind: Organization.OrgKind
  readonly locus: Organization.Locus
  readonly electedAt: LegalDate.LegalDate
  readonly termYears: number
  readonly termEndsAt: LegalDate.LegalDate
  readonly at: LegalDate.LegalDate
}> => {
  const timeline = Organization.toTimeline(options.policies ?? PolicyTimeline.national)
  return fc
    .record({
      kind: options.kind ?? fc.constantFrom<Organization.OrgKind>("branch", "generalBranch", "primaryCommittee"),
      locus: options.locus ?? fc.constantFrom<Organization.Locus>("village", "community", "enterprise"),
      electedAt: options.electedAt
        ?? fc.oneof(aroundPolicySwitch(400), legalDate({ min: "2010-01-01", max: "2030-12-31" }))
    })
    .chain(({ electedAt, kind, locus }) => {
      const termYears = Organization.termYearsFor(PolicyTimeline.policyAt(timeline, electedAt), kind, locus)
      const termEndsAt = LegalDate.addYears(electedAt, termYears)
      return nearDate(termEndsAt, options.radiusDays ?? 7).map((at) => ({
        kind,
        locus,
        electedAt,
        termYears,
        termEndsAt,
        at
      }))
    })
}
