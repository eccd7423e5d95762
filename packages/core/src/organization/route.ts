/**
 * The routes of the organization aggregate for the kernel's command loop (`CommandHandler.run`): the
 * single-stream commands on `organization-<id>`, and the tree commands (establish, upgrade, downgrade, move,
 * split, merge, dissolve), which read the organizations they name and those their states name (the parent,
 * the children) and append to all of them atomically.
 *
 * @since 0.2.0
 */
import { Result } from "effect"
import type { Route, StreamStates } from "../kernel/Decider.ts"
import { dictionary } from "../kernel/records.ts"
import { tagsOf } from "../kernel/tags.ts"
import type { DomainError } from "../rules/RuleViolation.ts"
import type { OrganizationCommand, TreeCommand } from "./commands.ts"
import { OrganizationCommand as OrganizationCommandSchema, TreeCommand as TreeCommandSchema } from "./commands.ts"
import type { Policies } from "./decide.ts"
import { decider } from "./decide.ts"
import type { OrganizationState } from "./state.ts"
import { fold } from "./state.ts"
import { orgIdOf, streamId } from "./stream.ts"
import type { TreeStates } from "./tree.ts"
import { decideTree, requiredStreams } from "./tree.ts"

/**
 * The organizations loaded so far, by organization id (a record without a prototype, so an id such as
 * `constructor` names no organization until one is loaded).
 *
 * @category routes
 * @since 0.2.0
 */
export const organizationsIn = (states: StreamStates): TreeStates => {
  const orgs = dictionary<OrganizationState>()
  for (const [id, state] of states) {
    const orgId = orgIdOf(id)
    if (orgId !== undefined) orgs[orgId] = state as OrganizationState
  }
  return orgs
}

/**
 * The single-stream organization commands: each reads and writes its own organization.
 *
 * @category routes
 * @since 0.2.0
 */
export const route: Route<OrganizationCommand, Policies, DomainError> = {
  tags: tagsOf(OrganizationCommandSchema),
  fold: () => fold,
  streams: (command) => [streamId(command.orgId)],
  decide: (command, states, policies) => {
    const stream = streamId(command.orgId)
    return Result.map(
      decider(policies).decide(command, states.get(stream) as OrganizationState),
      (events) => [{ streamId: stream, events }]
    )
  }
}

/**
 * The tree commands: the organizations a command names, then those their states name
 * (`requiredStreams`), decided together by `decideTree`.
 *
 * @category routes
 * @since 0.2.0
 */
export const treeRoute: Route<TreeCommand, Policies, DomainError> = {
  tags: tagsOf(TreeCommandSchema),
  fold: () => fold,
  streams: (command, states) => requiredStreams(command, organizationsIn(states)).map(streamId),
  decide: (command, states, policies) =>
    Result.map(
      decideTree(policies, command, organizationsIn(states)),
      (events) => Object.entries(events).map(([orgId, list]) => ({ streamId: streamId(orgId), events: list }))
    )
}
