/**
 * The route of the appraisal aggregate for the kernel's command loop (`CommandHandler.run`): an appraisal
 * command reads the appraisal stream, the organization's stream and, for a grade or a disposal, the member's
 * stream; it appends to the appraisal stream only. The organization and the member take part in the append
 * with their expected versions and get no events: no appraisal command changes a member's status (R63).
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
import type { AppraisalCommand } from "./commands.ts"
import { AppraisalCommand as AppraisalCommandSchema } from "./commands.ts"
import { decide, requiredMember } from "./decide.ts"
import type { AppraisalState } from "./state.ts"
import { fold } from "./state.ts"
import { streamId } from "./stream.ts"

/**
 * Appraisal commands: the appraisal, its organization, and the member a grade or a disposal names.
 *
 * @category routes
 * @since 0.3.0
 */
export const route: Route<AppraisalCommand, Policies, DomainError> = {
  tags: tagsOf(AppraisalCommandSchema),
  fold: (id) => memberIdOf(id) !== undefined ? memberFold : orgIdOf(id) !== undefined ? organizationFold : fold,
  streams: (command) => {
    const memberId = requiredMember(command)
    return [
      streamId(command.orgId, command.year),
      organizationStreamId(command.orgId),
      ...(memberId === undefined ? [] : [memberStreamId(memberId)])
    ]
  },
  decide: (command, states, policies) => {
    const stream = streamId(command.orgId, command.year)
    const memberId = requiredMember(command)
    return Result.map(
      decide(policies, command, {
        appraisal: states.get(stream) as AppraisalState,
        org: states.get(organizationStreamId(command.orgId)) as OrganizationState | undefined,
        member: memberId === undefined ? undefined : states.get(memberStreamId(memberId)) as MemberState | undefined
      }),
      (events) => [{ streamId: stream, events }]
    )
  }
}
