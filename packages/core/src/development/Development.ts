/**
 * The member-development aggregate (发展党员, RULES.md §K, R77–R90): one stream per person,
 * `development-<applicantId>`, through the five stages and 25 steps of R77, from the written application to the
 * archived materials after conversion. A candidate is not a member: the record counts in no organization's
 * figures until the approval hands over to the member stream (R88).
 *
 * - **Order.** The steps the rules make HARD reject a command that comes too early (1 → 3 → 5 → 7; 7 before 9,
 *   10 and 11, all three before 12; 12 → 13 → 14 → 15 → 16 → 17 strictly; 18–24 after 17; 25 after 24); the
 *   others (the talk, the filings, the reviews, the placement, the oath, the archiving) never block and are
 *   findings when missing or late ({@link assess}).
 * - **Time rules.** The talk within a month (R79), a year or more as an activist counted by the anniversary
 *   (R81), training of three days or 24 学时 (R83), the approval within three months and never after six
 *   (R87), the conversion not before the probation ends (R89): each figure is `DevelopmentPolicy`.
 * - **People.** One or two contact persons (R80) and exactly two introducers (R82), each a full member as the
 *   library knows them when named (and, for the introducers, when the vote is recorded): the route reads their
 *   member streams.
 * - **Votes.** The branch general meeting votes on one candidate at a time, more than half of those entitled
 *   present, passing with yes-votes and written yes-opinions over half of those entitled (R85, {@link passes}).
 * - **Who approves.** A township or subdistrict committee above the branch (or a primary committee a policy
 *   authorises), never a village or community committee, a general branch, a branch or a temporary
 *   organization (R87); the route reads the organization tree from the branch up.
 * - **Hand-over.** {@link ApproveAdmission} appends `AdmissionApproved` with the member's `MemberAdmitted` and the
 *   branch roster's `RosterMemberAdded`, atomically; the probation, 党籍 and dues run from the vote (R88).
 *   {@link ApproveConversion} runs the member aggregate's own conversion, extension or cancellation (R37, R89)
 *   in the same way.
 * - **Moves.** {@link TransferDevelopmentRecord} moves an applicant's, activist's or development object's record
 *   (R90); whether time as an activist carries over is policy, with no default.
 * - The register read model is `DevelopmentRegister` (in `projections/`), with the pipeline of each
 *   organization; the findings as of a date are {@link assess}. The development part of the policy
 *   (`DevelopmentPolicy`) is re-exported here.
 *
 * Rules enforced here: R77–R90 (with R9, R20, R37, R38 through the roster and the member aggregate). The
 * message catalog (`development.*`) is part of `Messages`.
 *
 * @since 0.3.0
 */

export * from "./commands.ts"
export * from "./decide.ts"
export * from "./events.ts"
export * from "./findings.ts"
export * from "./model.ts"
// The development part of the policy: it lives in policy/, which imports no aggregate.
export * from "../policy/DevelopmentPolicy.ts"
export * from "./route.ts"
export * from "./state.ts"
export { applicantIdOf, streamId } from "./stream.ts"
