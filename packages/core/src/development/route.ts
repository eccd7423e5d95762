/**
 * The route of the development aggregate for the kernel's command loop (`CommandHandler.run`): a development
 * command reads the development stream, then the member streams it names or its record names (contact persons,
 * introducers, the candidate), then the organizations (the one named, the one holding the record, the chain
 * above the branch, round by round as the parents become known). It appends the record's events, and for the
 * approval and the conversion decision the member's and the branch roster's events, atomically (R88).
 *
 * @since 0.3.0
 */
import { Result } from "effect"
import type { Route, StreamStates } from "../kernel/Decider.ts"
import { dictionary } from "../kernel/records.ts"
import { tagsOf } from "../kernel/tags.ts"
import type { MemberState } from "../member/state.ts"
import { fold as memberFold } from "../member/state.ts"
import { memberIdOf, streamId as memberStreamId } from "../member/stream.ts"
import type { Policies } from "../organization/decide.ts"
import { organizationsIn } from "../organization/route.ts"
import { fold as organizationFold } from "../organization/state.ts"
import { streamId as organizationStreamId } from "../organization/stream.ts"
import type { DomainError } from "../rules/RuleViolation.ts"
import type { DevelopmentCommand } from "./commands.ts"
import { DevelopmentCommand as DevelopmentCommandSchema } from "./commands.ts"
import { decide, requiredMembers, requiredOrganizations } from "./decide.ts"
import type { DevelopmentState } from "./state.ts"
import { fold } from "./state.ts"
import { applicantIdOf, streamId } from "./stream.ts"

/**
 * The members loaded so far, by member id (a record without a prototype, so an id such as `constructor` names
 * no member until one is loaded).
 *
 * @category routes
 * @since 0.3.0
 */
export const membersIn = (states: StreamStates): Readonly<Record<string, MemberState>> => {
  const members = dictionary<MemberState>()
  for (const [id, state] of states) {
    const memberId = memberIdOf(id)
    if (memberId !== undefined) members[memberId] = state as MemberState
  }
  return members
}

/**
 * Development commands: the record, the members and the organizations it needs; the approval and the
 * conversion decision also write the member and the branch roster.
 *
 * @category routes
 * @since 0.3.0
 */
export const route: Route<DevelopmentCommand, Policies, DomainError> = {
  tags: tagsOf(DevelopmentCommandSchema),
  fold: (id) => applicantIdOf(id) !== undefined ? fold : memberIdOf(id) !== undefined ? memberFold : organizationFold,
  streams: (command, states) => {
    const stream = streamId(command.applicantId)
    const development = states.get(stream) as DevelopmentState | undefined
    if (development === undefined) return [stream]
    const members = membersIn(states)
    return [
      stream,
      ...requiredMembers(command, development).map(memberStreamId),
      ...requiredOrganizations(command, development, organizationsIn(states), members).map(organizationStreamId)
    ]
  },
  decide: (command, states, policies) => {
    const stream = streamId(command.applicantId)
    return Result.map(
      decide(policies, command, {
        development: states.get(stream) as DevelopmentState,
        orgs: organizationsIn(states),
        members: membersIn(states)
      }),
      (events) => [
        { streamId: stream, events: events.development },
        ...Object.entries(events.members).map(([memberId, list]) => ({
          streamId: memberStreamId(memberId),
          events: list
        })),
        ...Object.entries(events.orgs).map(([orgId, list]) => ({ streamId: organizationStreamId(orgId), events: list }))
      ]
    )
  }
}
