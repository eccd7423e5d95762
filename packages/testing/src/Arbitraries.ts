/**
 * fast-check 4 arbitraries for dangjian, all built from fast-check combinators so that they shrink:
 *
 * - every organization command and event, one arbitrary per `_tag` and per union;
 * - accepted histories (random command sequences resolved against a pure model of the streams) and valid
 *   township trees down to party groups;
 * - governance policies (national, every preset, random and valid local variants, timelines) and member
 *   counts;
 * - legal dates clustered around rule boundaries (month ends, deadlines, term ends, the 2018 switch).
 *
 * @since 0.1.0
 */
export * from "./arbitraries/commands.ts"
export * from "./arbitraries/dates.ts"
export * from "./arbitraries/events.ts"
export * from "./arbitraries/history.ts"
export * from "./arbitraries/policies.ts"
export * from "./arbitraries/store.ts"
export * from "./arbitraries/values.ts"
