/**
 * The decisions of the points aggregate (R52, R53). A points command is decided over the points stream and
 * the organization's stream (active, its party groups), and, for recording points and taking a post, the
 * member's stream (a member of the organization; probationary or not); the route (`route.ts`) runs them
 * through the kernel's command loop, so the organization and the member take part in the append with their
 * exact expected versions and get no events.
 *
 * R52 HARD: the scheme must not change membership status. No decision here returns an event for any stream
 * but the points stream, so no sequence of points commands changes a member (a property test holds it).
 *
 * One function per command, in the order of `PointsCommand`; {@link decide} dispatches over every tag (a
 * `never` check closes the switch). Each is judged by the points policy in force on the command's date.
 *
 * @since 0.3.0
 */
import { Result } from "effect"
import type { Decider } from "../kernel/Decider.ts"
import { lookup } from "../kernel/records.ts"
import { exhaustive } from "../kernel/tags.ts"
import type { MemberState } from "../member/state.ts"
import { initialState as memberInitial, isActive as memberIsActive } from "../member/state.ts"
import type { Policies } from "../organization/decide.ts"
import { toTimeline } from "../organization/decide.ts"
import { requireActive } from "../organization/roster.ts"
import type { OrganizationState } from "../organization/state.ts"
import { initialState as organizationInitial } from "../organization/state.ts"
import type { PointsPolicy } from "../policy/PointsPolicy.ts"
import { policyAt } from "../policy/PolicyTimeline.ts"
import type { DomainError } from "../rules/RuleViolation.ts"
import { invalid, unknownCommand, violation } from "../rules/RuleViolation.ts"
import type {
  AbolishDutyPost,
  AssignDutyPost,
  DefinePointsScheme,
  EstablishDutyPost,
  PointsCommand,
  PublishPointsPeriod,
  RecordPoints,
  ReleaseDutyPost,
  RevokePointsEntry
} from "./commands.ts"
import type { PointsEvent } from "./events.ts"
import {
  DutyPostAbolished,
  DutyPostAssigned,
  DutyPostEstablished,
  DutyPostReleased,
  PointsEntryRevoked,
  PointsPeriodPublished,
  PointsRecorded,
  PointsSchemeDefined
} from "./events.ts"
import { periodEnd, periodOf, publicationOf } from "./model.ts"
import type { PointsState } from "./state.ts"
import { evolve, initialState, isPublished } from "./state.ts"

type Decision = Result.Result<ReadonlyArray<PointsEvent>, DomainError>

const fail = (error: DomainError): Decision => Result.fail(error)
const ok = (events: ReadonlyArray<PointsEvent>): Decision => Result.succeed(events)

/**
 * The states a points decision reads: the points stream's, the organization's and (recording points, taking
 * a post) the member's. A missing state reads as one that does not exist.
 *
 * @category models
 * @since 0.3.0
 */
export interface PointsStates {
  readonly points: PointsState
  readonly org?: OrganizationState | undefined
  readonly member?: MemberState | undefined
}

const sameJson = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b)

const requireMemberOf = (member: MemberState | undefined, orgId: string, memberId: string): DomainError | undefined => {
  const state = member ?? memberInitial
  if (!memberIsActive(state)) return invalid("member.notActive", { memberId, status: state.status })
  return state.orgId === orgId ? undefined : invalid("points.notMemberOfOrg", { orgId, memberId })
}

// ---------------------------------------------------------------------------------------------------------
// Decisions
// ---------------------------------------------------------------------------------------------------------

const define = (states: PointsStates, cmd: typeof DefinePointsScheme.Type): Decision => {
  const state = states.points
  const inactive = requireActive(states.org ?? organizationInitial, cmd.orgId, cmd.at)
  if (inactive !== undefined) return fail(inactive)
  const seen = new Set<string>()
  for (const item of cmd.scheme.items) {
    // R52 CONF: the scheme is data; each item is named once
    if (seen.has(item.itemId)) return fail(invalid("points.duplicateItem", { orgId: cmd.orgId, itemId: item.itemId }))
    seen.add(item.itemId)
  }
  if (state.schemeSince !== undefined && cmd.at < state.schemeSince) {
    return fail(invalid("domain.dateBeforeLast", { id: cmd.orgId, at: cmd.at, last: state.schemeSince }))
  }
  if (state.scheme !== undefined && sameJson(state.scheme, cmd.scheme)) return ok([])
  return ok([PointsSchemeDefined.make({ orgId: cmd.orgId, scheme: cmd.scheme, at: cmd.at })])
}

const record = (states: PointsStates, cmd: typeof RecordPoints.Type): Decision => {
  const state = states.points
  const { memberId, orgId } = cmd
  const previous = lookup(state.entries, cmd.entryId)
  if (previous !== undefined) {
    return previous.memberId === memberId && previous.itemId === cmd.itemId && previous.at === cmd.at
      ? ok([])
      : fail(invalid("domain.alreadyExists", { entity: "points entry", id: cmd.entryId }))
  }
  const scheme = state.scheme
  if (scheme === undefined || state.schemeSince === undefined) return fail(invalid("points.noScheme", { orgId }))
  if (cmd.at < state.schemeSince) {
    return fail(invalid("points.beforeScheme", { orgId, at: cmd.at, since: state.schemeSince }))
  }
  const item = scheme.items.find((i) => i.itemId === cmd.itemId)
  if (item === undefined) return fail(invalid("points.unknownItem", { orgId, itemId: cmd.itemId }))
  const notMember = requireMemberOf(states.member, orgId, memberId)
  if (notMember !== undefined) return fail(notMember)
  const period = periodOf(cmd.at, scheme.publication)
  // R52: a published period's results are final
  if (isPublished(state, period)) return fail(invalid("points.periodPublished", { orgId, period }))
  if (item.maxPerPeriod !== undefined) {
    const used = Object.values(state.entries).filter((e) =>
      e.revokedAt === undefined && e.memberId === memberId && e.itemId === item.itemId && e.period === period
    ).length
    // R52 CONF (the scheme is data): an item counts at most `maxPerPeriod` times per member and period
    if (used >= item.maxPerPeriod) {
      return fail(
        violation("R52", "points.itemLimitReached", {
          orgId,
          memberId,
          itemId: item.itemId,
          period,
          max: item.maxPerPeriod
        })
      )
    }
  }
  return ok([
    PointsRecorded.make({
      orgId,
      entryId: cmd.entryId,
      memberId,
      itemId: item.itemId,
      points: item.direction === "deduction" ? -item.points : item.points,
      period,
      probationary: (states.member ?? memberInitial).status === "probationary",
      at: cmd.at
    })
  ])
}

const revoke = (states: PointsStates, cmd: typeof RevokePointsEntry.Type): Decision => {
  const entry = lookup(states.points.entries, cmd.entryId)
  if (entry === undefined) return fail(invalid("domain.notFound", { entity: "points entry", id: cmd.entryId }))
  if (entry.revokedAt !== undefined) return ok([])
  // R52: a published period's results are final
  if (isPublished(states.points, entry.period)) {
    return fail(invalid("points.periodPublished", { orgId: cmd.orgId, period: entry.period }))
  }
  if (cmd.at < entry.at) return fail(invalid("domain.dateBeforeLast", { id: cmd.entryId, at: cmd.at, last: entry.at }))
  return ok([PointsEntryRevoked.make({ orgId: cmd.orgId, entryId: cmd.entryId, reason: cmd.reason, at: cmd.at })])
}

const publish = (states: PointsStates, cmd: typeof PublishPointsPeriod.Type): Decision => {
  const state = states.points
  const { orgId, period } = cmd
  const scheme = state.scheme
  if (scheme === undefined || state.schemeSince === undefined) return fail(invalid("points.noScheme", { orgId }))
  if (isPublished(state, period)) return ok([])
  // R52 CONF: results are published by the scheme's cadence, monthly or quarterly
  if (publicationOf(period) !== scheme.publication) {
    return fail(invalid("points.periodMismatch", { orgId, period, publication: scheme.publication }))
  }
  const end = periodEnd(period)
  if (end < state.schemeSince) return fail(invalid("points.beforeScheme", { orgId, at: end, since: state.schemeSince }))
  if (cmd.at < end) return fail(invalid("points.periodNotEnded", { orgId, period, end }))
  return ok([PointsPeriodPublished.make({ orgId, period, at: cmd.at })])
}

const establish = (states: PointsStates, policy: PointsPolicy, cmd: typeof EstablishDutyPost.Type): Decision => {
  const org = states.org ?? organizationInitial
  const inactive = requireActive(org, cmd.orgId, cmd.at)
  if (inactive !== undefined) return fail(inactive)
  const previous = lookup(states.points.posts, cmd.postId)
  if (previous !== undefined) {
    return previous.abolishedAt === undefined && previous.kind === cmd.kind && previous.groupId === cmd.groupId
        && previous.areaId === cmd.areaId
      ? ok([])
      : fail(invalid("domain.alreadyExists", { entity: "duty post", id: cmd.postId }))
  }
  if (cmd.groupId !== undefined && lookup(org.groups, cmd.groupId) === undefined) {
    return fail(invalid("points.unknownGroup", { orgId: cmd.orgId, groupId: cmd.groupId }))
  }
  // R53 CONF: "以党小组为单位进行设岗定责,划分责任片区" when the policy sets posts up by party group
  if (policy.postsByPartyGroup && cmd.groupId === undefined) {
    return fail(violation("R53", "points.postNeedsGroup", { orgId: cmd.orgId, postId: cmd.postId }))
  }
  return ok([
    DutyPostEstablished.make({
      orgId: cmd.orgId,
      postId: cmd.postId,
      kind: cmd.kind,
      ...(cmd.groupId === undefined ? {} : { groupId: cmd.groupId }),
      areaId: cmd.areaId,
      at: cmd.at
    })
  ])
}

const assign = (states: PointsStates, policy: PointsPolicy, cmd: typeof AssignDutyPost.Type): Decision => {
  const post = lookup(states.points.posts, cmd.postId)
  if (post === undefined) return fail(invalid("domain.notFound", { entity: "duty post", id: cmd.postId }))
  if (post.abolishedAt !== undefined) {
    return fail(invalid("domain.closed", { entity: "duty post", id: cmd.postId, state: "abolished" }))
  }
  if (post.holderIds.includes(cmd.memberId)) return ok([])
  const notMember = requireMemberOf(states.member, cmd.orgId, cmd.memberId)
  if (notMember !== undefined) return fail(notMember)
  if (cmd.at < post.establishedAt) {
    return fail(invalid("points.beforePost", { postId: cmd.postId, at: cmd.at, establishedAt: post.establishedAt }))
  }
  const group = post.groupId === undefined
    ? undefined
    : lookup((states.org ?? organizationInitial).groups, post.groupId)
  // R53 CONF: a post set up by party group is held by a member of that group
  if (
    policy.postsByPartyGroup && post.groupId !== undefined
    && !(group !== undefined && (group.memberIds.includes(cmd.memberId) || group.leaderId === cmd.memberId))
  ) {
    return fail(
      violation("R53", "points.notInGroup", {
        orgId: cmd.orgId,
        postId: cmd.postId,
        memberId: cmd.memberId,
        groupId: post.groupId
      })
    )
  }
  return ok([DutyPostAssigned.make({ orgId: cmd.orgId, postId: cmd.postId, memberId: cmd.memberId, at: cmd.at })])
}

const release = (states: PointsStates, cmd: typeof ReleaseDutyPost.Type): Decision => {
  const post = lookup(states.points.posts, cmd.postId)
  if (post === undefined) return fail(invalid("domain.notFound", { entity: "duty post", id: cmd.postId }))
  if (!post.holderIds.includes(cmd.memberId)) {
    return fail(invalid("points.notHolder", { orgId: cmd.orgId, postId: cmd.postId, memberId: cmd.memberId }))
  }
  return ok([DutyPostReleased.make({ orgId: cmd.orgId, postId: cmd.postId, memberId: cmd.memberId, at: cmd.at })])
}

const abolish = (states: PointsStates, cmd: typeof AbolishDutyPost.Type): Decision => {
  const post = lookup(states.points.posts, cmd.postId)
  if (post === undefined) return fail(invalid("domain.notFound", { entity: "duty post", id: cmd.postId }))
  if (post.abolishedAt !== undefined) return ok([])
  return ok([DutyPostAbolished.make({ orgId: cmd.orgId, postId: cmd.postId, at: cmd.at })])
}

/**
 * Decides a points command given the points stream's state and the states it reads (the organization's, and
 * the member's for recording points and taking a post; a missing one reads as one that does not exist), under
 * the policy in force on the command's date. Pure.
 *
 * @category decisions
 * @since 0.3.0
 */
export const decide = (policies: Policies, command: PointsCommand, states: PointsStates): Decision => {
  const policy = policyAt(toTimeline(policies), command.at).points
  switch (command._tag) {
    case "DefinePointsScheme":
      return define(states, command)
    case "RecordPoints":
      return record(states, command)
    case "RevokePointsEntry":
      return revoke(states, command)
    case "PublishPointsPeriod":
      return publish(states, command)
    case "EstablishDutyPost":
      return establish(states, policy, command)
    case "AssignDutyPost":
      return assign(states, policy, command)
    case "ReleaseDutyPost":
      return release(states, command)
    case "AbolishDutyPost":
      return abolish(states, command)
    default: {
      const _exhaustive: never = command
      return fail(unknownCommand(_exhaustive))
    }
  }
}

/**
 * The member a points command reads (recording points, taking a post), or undefined.
 *
 * @category decisions
 * @since 0.3.0
 */
export const requiredMember = (command: PointsCommand): string | undefined => {
  switch (command._tag) {
    case "RecordPoints":
    case "AssignDutyPost":
      return command.memberId
    case "DefinePointsScheme":
    case "RevokePointsEntry":
    case "PublishPointsPeriod":
    case "EstablishDutyPost":
    case "ReleaseDutyPost":
    case "AbolishDutyPost":
      return undefined
    default:
      return exhaustive(command, undefined)
  }
}

/**
 * The single-stream decider of the points stream (it sees no organization and no member: run points commands
 * through {@link route} or `Dangjian.execute` to read them).
 *
 * @category deciders
 * @since 0.3.0
 */
export const decider = (policies: Policies): Decider<PointsCommand, PointsEvent, PointsState, DomainError> => ({
  initialState,
  evolve,
  decide: (command, state) => decide(policies, command, { points: state })
})
