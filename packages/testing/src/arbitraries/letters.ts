/**
 * Transfer letters between stores (R42, R43): `Member.TransferLetter` values, as a store receives a member whose
 * letter another store (another province's shard) issued. Values decode with the Schema: the origin and the
 * destination differ, the letter is valid from its issue for 1–180 days, and the member's standing is full or
 * probationary (with a probation end for most probationary members). They are not necessarily accepted: the
 * destination must exist and be active, and the receipt must fall within the letter's dates.
 *
 * @since 0.3.0
 */
import type { Member } from "@dangjian/core"
import { LegalDate } from "@dangjian/core"
import fc from "fast-check"
import type { ValueOptions } from "./values.ts"
import { values } from "./values.ts"

/**
 * A transfer letter from another store, over the organization ids and dates of `options`.
 *
 * @since 0.3.0
 * @category member values
 */
export const transferLetter = (options: ValueOptions = {}): fc.Arbitrary<Member.TransferLetter> => {
  const v = values(options)
  const pair = fc.tuple(v.orgId, v.orgId).filter(([from, to]) => from !== to)
  const dues = fc.option(v.date, { nil: undefined })
  return fc.record({
    ends: pair,
    issuedAt: v.date,
    days: fc.integer({ min: 1, max: 180 }),
    status: fc.constantFrom<"full" | "probationary">("full", "probationary"),
    joinedAt: v.date,
    probationEndsAt: fc.option(v.date, { nil: undefined }),
    extended: fc.boolean(),
    convertedAt: fc.option(v.date, { nil: undefined }),
    orgLife: dues,
    dues,
    work: dues
  }).map((r): Member.TransferLetter => ({
    fromOrgId: r.ends[0],
    toOrgId: r.ends[1],
    issuedAt: r.issuedAt,
    validUntil: LegalDate.addDays(r.issuedAt, r.days),
    status: r.status,
    joinedAt: r.joinedAt,
    ...(r.probationEndsAt === undefined ? {} : { probationEndsAt: r.probationEndsAt }),
    extended: r.extended,
    ...(r.convertedAt === undefined || r.status === "probationary" ? {} : { convertedAt: r.convertedAt }),
    lastParticipation: {
      ...(r.orgLife === undefined ? {} : { orgLife: r.orgLife }),
      ...(r.dues === undefined ? {} : { dues: r.dues }),
      ...(r.work === undefined ? {} : { work: r.work })
    }
  }))
}
