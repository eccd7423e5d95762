/**
 * A local rule of one county: every resettlement community (易地扶贫搬迁安置社区) whose members reach the
 * threshold (50 by default, on the basis and inclusivity the county's policy gives) has its own Party
 * organization or is attached to one that exists.
 *
 * @since 0.1.0
 */
import { GovernancePolicy } from "@dangjian/core"

/**
 * A community as the county's register sees it: counts of members, and the organization that covers it.
 *
 * @since 0.1.0
 * @category models
 */
export interface Community {
  readonly communityId: string
  readonly resettlement: boolean
  readonly full: number
  readonly probationary: number
  /** Its own Party organization, if any. */
  readonly orgId?: string
  /** The Party organization it is attached to, if any. */
  readonly attachedTo?: string
}

/**
 * The county's threshold: 50 members, inclusive, on all members (FM + probationary).
 *
 * @since 0.1.0
 * @category policy
 */
export const countyThreshold: GovernancePolicy.Threshold = {
  value: 50,
  inclusive: true,
  basis: "AM",
  mandatory: true,
  source: "county notice"
}

/**
 * The communities that break the rule, sorted by id: resettlement communities reaching the threshold with no
 * organization of their own and no attachment to an existing one.
 *
 * @since 0.1.0
 * @category rules
 */
export const uncovered = (
  communities: ReadonlyArray<Community>,
  existingOrgs: ReadonlySet<string>,
  threshold: GovernancePolicy.Threshold = countyThreshold
): ReadonlyArray<string> =>
  communities
    .filter((c) =>
      c.resettlement && GovernancePolicy.reachedBy(threshold, { full: c.full, all: c.full + c.probationary })
    )
    .filter((c) =>
      !(c.orgId !== undefined && existingOrgs.has(c.orgId))
      && !(c.attachedTo !== undefined && existingOrgs.has(c.attachedTo))
    )
    .map((c) => c.communityId)
    .sort()
