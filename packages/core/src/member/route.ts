/**
 * The route of the member aggregate for the kernel's command loop (`CommandHandler.run`): a member command
 * reads the member stream, then the organizations its state and the command name (`requiredOrgs`), and
 * appends the member's and the rosters' events atomically (R38, R42).
 *
 * @since 0.2.0
 */
import { Result } from "effect"
import type { Route } from "../kernel/Decider.ts"
import { tagsOf } from "../kernel/tags.ts"
import type { Policies } from "../organization/decide.ts"
import { organizationsIn } from "../organization/route.ts"
import { fold as organizationFold } from "../organization/state.ts"
import { orgIdOf, streamId as organizationStreamId } from "../organization/stream.ts"
import type { DomainError } from "../rules/RuleViolation.ts"
import type { MemberCommand } from "./commands.ts"
import { MemberCommand as MemberCommandSchema } from "./commands.ts"
import { decide, requiredOrgs } from "./decide.ts"
import type { MemberState } from "./state.ts"
import { fold } from "./state.ts"
import { streamId } from "./stream.ts"

/**
 * Member commands: the member, then the organizations it needs; roster events go to those organizations.
 *
 * @category routes
 * @since 0.2.0
 */
export const route: Route<MemberCommand, Policies, DomainError> = {
  tags: tagsOf(MemberCommandSchema),
  fold: (id) => orgIdOf(id) === undefined ? fold : organizationFold,
  streams: (command, states) => {
    const member = states.get(streamId(command.memberId)) as MemberState | undefined
    return member === undefined
      ? [streamId(command.memberId)]
      : [streamId(command.memberId), ...requiredOrgs(command, member).map(organizationStreamId)]
  },
  decide: (command, states, policies) => {
    const memberStream = streamId(command.memberId)
    return Result.map(
      decide(policies, command, { member: states.get(memberStream) as MemberState, orgs: organizationsIn(states) }),
      (events) => [
        { streamId: memberStream, events: events.member },
        ...Object.entries(events.orgs).map(([orgId, list]) => ({ streamId: organizationStreamId(orgId), events: list }))
      ]
    )
  }
}
