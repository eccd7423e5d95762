/**
 * The route of the points aggregate for the kernel's command loop (`CommandHandler.run`): a points command
 * reads the points stream, the organization's stream and, recording points or taking a post, the member's
 * stream; it appends to the points stream only (R52 HARD: no points result changes a member's status).
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
import type { OrganizationState } from "../organization/state.ts"
import { fold as organizationFold } from "../organization/state.ts"
import { orgIdOf, streamId as organizationStreamId } from "../organization/stream.ts"
import type { DomainError } from "../rules/RuleViolation.ts"
import type { PointsCommand } from "./commands.ts"
import { PointsCommand as PointsCommandSchema } from "./commands.ts"
import { decide, requiredMember } from "./decide.ts"
import type { PointsState } from "./state.ts"
import { fold } from "./state.ts"
import { streamId } from "./stream.ts"

/**
 * Points commands: the points stream, its organization, and the member an entry or a post names.
 *
 * @category routes
 * @since 0.3.0
 */
export const route: Route<PointsCommand, Policies, DomainError> = {
  tags: tagsOf(PointsCommandSchema),
  fold: (id) => memberIdOf(id) !== undefined ? memberFold : orgIdOf(id) !== undefined ? organizationFold : fold,
  streams: (command) => {
    const memberId = requiredMember(command)
    return [
      streamId(command.orgId),
      organizationStreamId(command.orgId),
      ...(memberId === undefined ? [] : [memberStreamId(memberId)])
    ]
  },
  decide: (command, states, policies) => {
    const stream = streamId(command.orgId)
    const memberId = requiredMember(command)
    return Result.map(
      decide(policies, command, {
        points: states.get(stream) as PointsState,
        org: states.get(organizationStreamId(command.orgId)) as OrganizationState | undefined,
        member: memberId === undefined ? undefined : states.get(memberStreamId(memberId)) as MemberState | undefined
      }),
      (events) => [{ streamId: stream, events }]
    )
  }
}
