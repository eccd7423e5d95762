/**
 * The joint-building agreement aggregate (结对共建, 联建共建): one stream per agreement,
 * `agreement-<agreementId>`.
 *
 * The stream holds the agreement's parties (Party organizations or outside units, each with a liaison), its
 * form, its joint areas (五联), its term, its signing and signatories, the activities recorded under it, its
 * periodic reports and evaluations, its renewals (new rounds of the same agreement) and its termination or
 * expiry.
 *
 * - Signing and renewal are decided over the agreement and its party organizations' streams, which must
 *   exist and not be dissolved (R50), and over the linked joint organization (R48): {@link route} gives them to
 *   the kernel's command loop, and `Dangjian.execute` runs it.
 * - The other commands are decided on the agreement stream alone ({@link decider}).
 * - The register read model and its queries are `AgreementRegister` (in `projections/`); the findings as of a
 *   date (expiring, expired, idle, report overdue, party dissolved) are {@link assess}. The pairing part of the
 *   policy (`PairingPolicy`) is re-exported here.
 * - Coordination councils (R51: joint meetings 联席会议, coordination committees, Party-building communities,
 *   community grand committees) are an aggregate of their own: `Council`.
 *
 * Rules enforced here: R48, R49, R50. Figures RULES.md marks local (term, report cadence, idle interval) are
 * `PairingPolicy` fields.
 *
 * @since 0.1.0
 */

export * from "./commands.ts"
export * from "./decide.ts"
export * from "./events.ts"
export * from "./findings.ts"
export * from "./model.ts"
// The pairing part of the policy: it lives in policy/, which imports no aggregate.
export * from "../policy/PairingPolicy.ts"
export * from "./route.ts"
export * from "./state.ts"
export { agreementIdOf, streamId } from "./stream.ts"
