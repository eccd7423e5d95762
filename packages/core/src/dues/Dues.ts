/**
 * The dues aggregate (党费, R65–R76): one stream per member's dues account, `dues-<memberId>`. The account
 * records the member's category and declared base per year (R65), the monthly amount fixed at the start of
 * the year (R66–R69: one rate on the whole base, or a fixed amount, rounded as the policy names), payments
 * with back-payment and advance payment within the policy's window, proxy payments and voluntary extras
 * (R70, R72), hardship reductions and exemptions approved above the branch (R71), quarterly arrangements
 * (R70), and owes from the month of the admission vote for a probationary member (R73). Amounts are whole
 * fen; no stored amount is a binary fraction.
 *
 * - Commands read the member stream (standing, affiliation, admission vote, mobile host, open transfer) and
 *   the organizations a rule needs, in the same atomic append: {@link route} gives them to the kernel's
 *   command loop, and `Dangjian.execute` runs it.
 * - The figures are the dated policy `GovernancePolicy.dues`, national preset {@link cn2008}; a policy
 *   without `rounding` (no official rule, [NF]) refuses bracket amounts until a local policy names one.
 * - {@link paidThrough} is the month a transfer letter states (R74, `IssueTransferLetter.duesPaidThrough`);
 *   {@link ledger} and {@link unpaidRuns} are the ledger and the six-months-unpaid runs (R75, feeding R39).
 * - The register read model is `DuesRegister` (in `projections/`): a ledger per member and a summary per
 *   organization and month; the findings as of a date are {@link assess}.
 * - PRIVACY: a base is a member's income. It is held by `DuesBaseDeclared` only, and no error, finding,
 *   message, log or span carries it, nor any amount computed from it.
 *
 * Rules enforced here: R65–R76 (with R9 for temporary branches). The message catalog (`dues.*`) is part of
 * `Messages`.
 *
 * @since 0.3.0
 */

export * from "./commands.ts"
export * from "./decide.ts"
export * from "./events.ts"
export * from "./findings.ts"
export * from "./model.ts"
// The dues part of the policy: it lives in policy/, which imports no aggregate.
export * from "../policy/DuesPolicy.ts"
export * from "./route.ts"
export * from "./state.ts"
export { duesMemberIdOf, streamId } from "./stream.ts"
