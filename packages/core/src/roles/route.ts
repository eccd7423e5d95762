/**
 * The route of the roles aggregate for the kernel's command loop (`CommandHandler.run`): a roles command
 * reads the roles stream, the keeping organization's stream and, appointing a first secretary, the village or
 * community organization's stream; it appends to the roles stream only.
 *
 * @since 0.3.0
 */
import { Result } from "effect"
import type { Route } from "../kernel/Decider.ts"
import { tagsOf } from "../kernel/tags.ts"
import type { Policies } from "../organization/decide.ts"
import type { OrganizationState } from "../organization/state.ts"
import { fold as organizationFold } from "../organization/state.ts"
import { orgIdOf, streamId as organizationStreamId } from "../organization/stream.ts"
import type { DomainError } from "../rules/RuleViolation.ts"
import type { RolesCommand } from "./commands.ts"
import { RolesCommand as RolesCommandSchema } from "./commands.ts"
import { decide, requiredVillage } from "./decide.ts"
import type { RolesState } from "./state.ts"
import { fold } from "./state.ts"
import { streamId } from "./stream.ts"

/**
 * Roles commands: the roles stream, its keeping organization, and the village a first secretary is sent to.
 *
 * @category routes
 * @since 0.3.0
 */
export const route: Route<RolesCommand, Policies, DomainError> = {
  tags: tagsOf(RolesCommandSchema),
  fold: (id) => orgIdOf(id) !== undefined ? organizationFold : fold,
  streams: (command) => {
    const village = requiredVillage(command)
    return [
      streamId(command.orgId),
      ...new Set([
        organizationStreamId(command.orgId),
        ...(village === undefined ? [] : [organizationStreamId(village)])
      ])
    ]
  },
  decide: (command, states, policies) => {
    const stream = streamId(command.orgId)
    const village = requiredVillage(command)
    return Result.map(
      decide(policies, command, {
        roles: states.get(stream) as RolesState,
        org: states.get(organizationStreamId(command.orgId)) as OrganizationState | undefined,
        village: village === undefined
          ? undefined
          : states.get(organizationStreamId(village)) as OrganizationState | undefined
      }),
      (events) => [{ streamId: stream, events }]
    )
  }
}
