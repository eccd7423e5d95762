/**
 * fast-check 4 arbitraries for dangjian, all built from fast-check combinators so that they shrink:
 *
 * - every command and event of the five aggregates (organizations, members, unit check-ins, agreements,
 *   councils), one arbitrary per `_tag` and per union;
 * - accepted histories (random command sequences resolved against a pure model of the streams): organization
 *   histories, valid township trees down to party groups, and township histories across the five aggregates;
 * - governance policies (national, every preset, random and valid local variants, timelines) and member
 *   counts;
 * - legal dates clustered around rule boundaries (month ends, deadlines, term ends, the 2018 switch);
 * - awkward ids (`constructor`, `__proto__`, empty, unicode, very long, with the stream separator) in every
 *   id field of every command, for fuzzing.
 *
 * @since 0.1.0
 */
export * from "./arbitraries/agreement.ts"
export * from "./arbitraries/all.ts"
export * from "./arbitraries/appraisal.ts"
export * from "./arbitraries/awkward.ts"
export * from "./arbitraries/commands.ts"
export * from "./arbitraries/council.ts"
export * from "./arbitraries/dates.ts"
export * from "./arbitraries/development.ts"
export * from "./arbitraries/dues.ts"
export * from "./arbitraries/events.ts"
export * from "./arbitraries/history.ts"
export * from "./arbitraries/leadership.ts"
export * from "./arbitraries/letters.ts"
export * from "./arbitraries/meeting.ts"
export * from "./arbitraries/member.ts"
export * from "./arbitraries/policies.ts"
export * from "./arbitraries/readModel.ts"
export * from "./arbitraries/store.ts"
export * from "./arbitraries/township.ts"
export * from "./arbitraries/unitCheckIn.ts"
export * from "./arbitraries/values.ts"
