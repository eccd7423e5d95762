// How a county team tests its own local rule with @dangjian/testing's generators.
import { GovernancePolicy } from "@dangjian/core"
import { Arbitraries, OrganizationWorld } from "@dangjian/testing"
import { assert, describe, it } from "@effect/vitest"
import fc from "fast-check"
import type { Community } from "../src/resettlement.ts"
import { countyThreshold, uncovered } from "../src/resettlement.ts"

const orgPool = ["org-a", "org-b", "org-c"]
const maybeOrg = fc.option(fc.constantFrom(...orgPool, "org-gone"), { nil: undefined })

// A community from the shared member-count generator, with or without an organization or attachment.
const community = (id: number): fc.Arbitrary<Community> =>
  fc.record({ counts: Arbitraries.counts, resettlement: fc.boolean(), orgId: maybeOrg, attachedTo: maybeOrg }).map(
    ({ attachedTo, counts, orgId, resettlement }) => ({
      communityId: `c${id}`,
      resettlement,
      full: counts.full,
      probationary: counts.probationary,
      ...(orgId === undefined ? {} : { orgId }),
      ...(attachedTo === undefined ? {} : { attachedTo })
    })
  )
const communities = fc.integer({ min: 0, max: 12 }).chain((n) =>
  fc.tuple(...Array.from({ length: n }, (_, i) => community(i)))
)
const existing = new Set(orgPool)

describe("local rule: resettlement communities of 50+ members are covered", () => {
  it("a covered community is never reported; an uncovered large one always is", () => {
    fc.assert(
      fc.property(communities, (cs) => {
        const reported = new Set(uncovered(cs, existing))
        for (const c of cs) {
          const large = c.full + c.probationary >= 50
          const covered = (c.orgId !== undefined && existing.has(c.orgId))
            || (c.attachedTo !== undefined && existing.has(c.attachedTo))
          assert.strictEqual(reported.has(c.communityId), c.resettlement && large && !covered)
        }
      }),
      { numRuns: 300 }
    )
  })

  it("the boundary: 49 members pass, 50 are reported (inclusive, all members)", () => {
    const at = (full: number, probationary: number): Community => ({
      communityId: "c",
      resettlement: true,
      full,
      probationary
    })
    assert.deepStrictEqual(uncovered([at(45, 4)], existing), [])
    assert.deepStrictEqual(uncovered([at(45, 5)], existing), ["c"])
  })

  it("under any county threshold (inclusive/exclusive, FM/AM), the rule follows GovernancePolicy.reachedBy", () => {
    fc.assert(
      fc.property(Arbitraries.threshold(30, 80), Arbitraries.counts, (threshold, counts) => {
        const c: Community = { communityId: "c", resettlement: true, ...counts }
        const reached = GovernancePolicy.reachedBy(threshold, {
          full: counts.full,
          all: counts.full + counts.probationary
        })
        assert.strictEqual(uncovered([c], existing, threshold).length === 1, reached)
      }),
      { numRuns: 300 }
    )
  })

  it("the report does not depend on the order of the register", () => {
    fc.assert(
      fc.property(communities, fc.nat(), (cs, n) => {
        const k = cs.length === 0 ? 0 : n % cs.length
        const rotated = [...cs.slice(k), ...cs.slice(0, k)]
        assert.deepStrictEqual(uncovered(rotated, existing), uncovered(cs, existing, countyThreshold))
      }),
      { numRuns: 200 }
    )
  })

  it("against a generated township tree: communities with their own organization pass, bare large ones are reported", () => {
    let communities = 0
    fc.assert(
      fc.property(Arbitraries.organizationTree(Arbitraries.defaultTreeShape), Arbitraries.counts, (commands, extra) => {
        // the tree the county's commands build, decided like the store would decide them
        const { rejected, world } = OrganizationWorld.play(GovernancePolicy.national, commands)
        assert.deepStrictEqual(rejected, [])
        const active = Object.values(world.states).filter((s) => s.status === "active")
        const existingOrgs = new Set(active.map((s) => s.orgId))
        const register: Array<Community> = active
          .filter((s) => s.kind === "generalBranch" && s.locus === "community")
          .map((s) => ({
            communityId: `c-${s.orgId}`,
            resettlement: true,
            full: s.full + extra.full,
            probationary: s.probationary + extra.probationary,
            orgId: s.orgId
          }))
        communities += register.length
        assert.deepStrictEqual(uncovered(register, existingOrgs), [])
        const bare = register.map(({ orgId: _orgId, ...rest }) => rest)
        const large = bare.filter((c) => c.full + c.probationary >= 50).map((c) => c.communityId).sort()
        assert.deepStrictEqual(uncovered(bare, existingOrgs), large)
      }),
      { numRuns: 200 }
    )
    assert.isAbove(communities, 100)
  })
})
