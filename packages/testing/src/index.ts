/**
 * @dangjian/testing: property-based testing for dangjian, and the event-store conformance suite.
 *
 * @since 0.1.0
 */
export * from "./Conformance.ts"
/**
 * fast-check arbitraries: policies, counts and legal dates.
 *
 * @since 0.1.0
 * @category arbitraries
 */
export * as Arbitraries from "./Arbitraries.ts"
/**
 * Laws for deciders and projections as reusable fast-check properties.
 *
 * @since 0.1.0
 * @category laws
 */
export * as Laws from "./Laws.ts"
/**
 * Given/when/then specifications for deciders and projections.
 *
 * @since 0.1.0
 * @category specifications
 */
export * as Specification from "./Specification.ts"
