/**
 * The route of the dues aggregate for the kernel's command loop (`CommandHandler.run`): a dues command reads
 * the member's dues stream and member stream, then the organizations its rules need (a payment's collecting
 * organization; the branch and the committees above it for a hardship decision), and appends to the dues
 * stream only. The member and organization streams take part in the append with their expected versions and
 * get no events.
 *
 * @since 0.3.0
 */
import { Result } from "effect"
import type { Route } from "../kernel/Decider.ts"
import { tagsOf } from "../kernel/tags.ts"
import type { MemberState } from "../member/state.ts"
import { fold as memberFold } from "../member/state.ts"
import { memberIdOf, streamId as memberStreamId } from "../member/stream.ts"
import type { Policies } from "../organization/decide.ts"
import { organizationsIn } from "../organization/route.ts"
import { fold as organizationFold } from "../organization/state.ts"
import { streamId as organizationStreamId } from "../organization/stream.ts"
import type { DomainError } from "../rules/RuleViolation.ts"
import type { DuesCommand } from "./commands.ts"
import { DuesCommand as DuesCommandSchema } from "./commands.ts"
import { decide, requiredOrganizations } from "./decide.ts"
import type { DuesState } from "./state.ts"
import { fold } from "./state.ts"
import { duesMemberIdOf, streamId } from "./stream.ts"

/**
 * Dues commands: the dues account and the member, then the organizations the command needs.
 *
 * @category routes
 * @since 0.3.0
 */
export const route: Route<DuesCommand, Policies, DomainError> = {
  tags: tagsOf(DuesCommandSchema),
  fold: (id) => duesMemberIdOf(id) !== undefined ? fold : memberIdOf(id) !== undefined ? memberFold : organizationFold,
  streams: (command, states) => {
    const own = [streamId(command.memberId), memberStreamId(command.memberId)]
    const member = states.get(memberStreamId(command.memberId)) as MemberState | undefined
    return member === undefined
      ? own
      : [...own, ...requiredOrganizations(command, member, organizationsIn(states)).map(organizationStreamId)]
  },
  decide: (command, states, policies) => {
    const stream = streamId(command.memberId)
    return Result.map(
      decide(policies, command, {
        account: states.get(stream) as DuesState,
        member: states.get(memberStreamId(command.memberId)) as MemberState,
        orgs: organizationsIn(states)
      }),
      (events) => [{ streamId: stream, events }]
    )
  }
}
