/**
 * @dangjian/testing: property-based testing for dangjian, and the event-store conformance suite.
 *
 * @since 0.1.0
 */
export * from "./Conformance.ts"
export * from "./Contention.ts"
/**
 * fast-check arbitraries: every organization command and event, accepted histories and township trees,
 * policies, counts and legal dates around rule boundaries.
 *
 * @since 0.1.0
 * @category arbitraries
 */
export * as Arbitraries from "./Arbitraries.ts"
/**
 * Laws for deciders, projections, event definitions and stores as reusable fast-check properties.
 *
 * @since 0.1.0
 * @category laws
 */
export * as Laws from "./Laws.ts"
/**
 * A pure in-memory model of every stream of the three pillars: decides any `Dangjian.Command` like
 * `Dangjian.execute` does against a store.
 *
 * @since 0.1.0
 * @category models
 */
export * as DangjianWorld from "./DangjianWorld.ts"
/**
 * Model-based tests (fast-check `commands`) of the member and organization aggregates against
 * `Dangjian.execute` on any event store.
 *
 * @since 0.1.0
 * @category models
 */
export * as Models from "./Models.ts"
/**
 * A pure in-memory model of the organization streams: decides commands like the store-backed handlers do.
 *
 * @since 0.1.0
 * @category models
 */
export * as OrganizationWorld from "./OrganizationWorld.ts"
/**
 * Given/when/then specifications for deciders and projections.
 *
 * @since 0.1.0
 * @category specifications
 */
export * as Specification from "./Specification.ts"
