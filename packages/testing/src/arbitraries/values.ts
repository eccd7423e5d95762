/**
 * The value objects organization commands and events are made of: opaque ids from small pools (so that
 * generated commands meet each other), approvals, votes and the literal enumerations of the model.
 *
 * @since 0.1.0
 */
import type { LegalDate } from "@dangjian/core"
import { GovernancePolicy, Organization } from "@dangjian/core"
import fc from "fast-check"
import { legalDate } from "./dates.ts"

/**
 * Where generated values take their ids and dates from.
 *
 * @since 0.1.0
 * @category models
 */
export interface ValueOptions {
  /** Organization ids to choose from (default `o1`, `o2`, `o3`). */
  readonly orgIds?: ReadonlyArray<string>
  /** Member ids are `m0` … `m<memberPool - 1>` (default 8). */
  readonly memberPool?: number
  /** Member ids to choose from instead of the `m0` … pool (the members of a seeded history, say). */
  readonly memberIds?: ReadonlyArray<string>
  /** Legal dates (default 2015-01-01 … 2030-12-31, across the 2018 policy switch). */
  readonly dates?: fc.Arbitrary<LegalDate.LegalDate>
}

/**
 * The arbitraries of one {@link ValueOptions}: ids, dates, counts, approvals and the model's enumerations.
 *
 * @since 0.1.0
 * @category models
 */
export interface Values {
  readonly orgId: fc.Arbitrary<string>
  readonly memberId: fc.Arbitrary<string>
  readonly memberIds: fc.Arbitrary<ReadonlyArray<string>>
  readonly entityId: (prefix: string) => fc.Arbitrary<string>
  readonly date: fc.Arbitrary<LegalDate.LegalDate>
  readonly count: fc.Arbitrary<number>
  readonly approval: fc.Arbitrary<Organization.Approval>
  readonly vote: fc.Arbitrary<Organization.Vote>
  readonly kind: fc.Arbitrary<Organization.OrgKind>
  readonly formation: fc.Arbitrary<Organization.FormationMode>
  readonly locus: fc.Arbitrary<Organization.Locus>
  readonly localConditions: fc.Arbitrary<ReadonlyArray<GovernancePolicy.LocalGuard>>
  readonly coveredUnits: fc.Arbitrary<ReadonlyArray<Organization.CoveredUnit>>
}

/**
 * Builds the {@link Values} of some options. Ids shrink towards the first of their pool, counts towards 0,
 * dates towards the earliest one.
 *
 * @since 0.1.0
 * @category constructors
 */
export const values = (options: ValueOptions = {}): Values => {
  const orgIds = options.orgIds ?? ["o1", "o2", "o3"]
  const listed = options.memberIds !== undefined && options.memberIds.length > 0 ? options.memberIds : undefined
  const pool = listed?.length ?? Math.max(1, options.memberPool ?? 8)
  const date = options.dates ?? legalDate({ min: "2015-01-01", max: "2030-12-31" })
  const memberId = listed === undefined
    ? fc.integer({ min: 0, max: pool - 1 }).map((n) => `m${n}`)
    : fc.constantFrom(...listed)
  const count = fc.integer({ min: 0, max: 120 })
  return {
    orgId: fc.constantFrom(...(orgIds.length === 0 ? ["o1"] : orgIds)),
    memberId,
    memberIds: fc.uniqueArray(memberId, { maxLength: Math.min(pool, 9) }),
    entityId: (prefix) => fc.integer({ min: 1, max: 3 }).map((n) => `${prefix}${n}`),
    date,
    count,
    approval: fc.record(
      {
        by: fc.constantFrom("approver", "county-org-1"),
        level: fc.constantFrom(...GovernancePolicy.ApprovalLevel.literals),
        at: date,
        appliedAt: date
      },
      { requiredKeys: ["by", "level", "at"] }
    ),
    vote: fc.record({ memberId, yes: count }),
    kind: fc.constantFrom(...Organization.OrgKind.literals),
    formation: fc.constantFrom(...Organization.FormationMode.literals),
    locus: fc.constantFrom(...Organization.Locus.literals),
    localConditions: fc.subarray([...GovernancePolicy.LocalGuard.literals]),
    coveredUnits: fc.uniqueArray(
      fc.record({
        unitId: fc.integer({ min: 1, max: 6 }).map((n) => `u${n}`),
        fullCount: fc.integer({ min: 0, max: 20 })
      }),
      { maxLength: 6, selector: (u) => u.unitId }
    )
  }
}
