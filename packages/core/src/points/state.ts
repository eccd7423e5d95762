/**
 * The state of one points stream, its total `evolve`, and the pure queries over it.
 *
 * @since 0.3.0
 */
import type { Fold } from "../kernel/Decider.ts"
import { lookup } from "../kernel/records.ts"
import type { LegalDate } from "../LegalDate.ts"
import type { PointsEvent } from "./events.ts"
import type { DutyPostKind, Period, PointsScheme } from "./model.ts"

/**
 * One points entry: the member, the item, the signed points, the period, whether the member was probationary
 * when it was recorded, and when it was revoked (if it was).
 *
 * @category models
 * @since 0.3.0
 */
export interface PointsEntry {
  readonly memberId: string
  readonly itemId: string
  readonly points: number
  readonly period: Period
  readonly probationary: boolean
  readonly at: LegalDate
  readonly revokedAt: LegalDate | undefined
}

/**
 * A duty post (R53) and the members holding it.
 *
 * @category models
 * @since 0.3.0
 */
export interface DutyPost {
  readonly kind: DutyPostKind
  readonly groupId: string | undefined
  readonly areaId: string
  readonly establishedAt: LegalDate
  readonly holderIds: ReadonlyArray<string>
  readonly abolishedAt: LegalDate | undefined
}

/**
 * @category models
 * @since 0.3.0
 */
export interface PointsState {
  readonly orgId: string
  readonly scheme: PointsScheme | undefined
  /** When the scheme in force was defined. */
  readonly schemeSince: LegalDate | undefined
  /** Entries by entry id. */
  readonly entries: Readonly<Record<string, PointsEntry>>
  /** Published periods with their publication date. */
  readonly published: Readonly<Record<string, LegalDate>>
  /** Duty posts by post id. */
  readonly posts: Readonly<Record<string, DutyPost>>
}

/**
 * The state before the first event.
 *
 * @category models
 * @since 0.3.0
 */
export const initialState: PointsState = {
  orgId: "",
  scheme: undefined,
  schemeSince: undefined,
  entries: {},
  published: {},
  posts: {}
}

const withPost = (state: PointsState, postId: string, update: (post: DutyPost) => DutyPost): PointsState => {
  const post = lookup(state.posts, postId)
  // A spread with a computed key defines an own entry, even for a post id such as `__proto__`.
  return post === undefined ? state : { ...state, posts: { ...state.posts, [postId]: update(post) } }
}

/**
 * Applies one event. Total and pure; never throws on a stored event.
 *
 * @category folding
 * @since 0.3.0
 */
export const evolve = (state: PointsState, event: PointsEvent): PointsState => {
  switch (event._tag) {
    case "PointsSchemeDefined":
      return { ...state, orgId: event.orgId, scheme: event.scheme, schemeSince: event.at }
    case "PointsRecorded":
      return {
        ...state,
        orgId: event.orgId,
        entries: {
          ...state.entries,
          [event.entryId]: {
            memberId: event.memberId,
            itemId: event.itemId,
            points: event.points,
            period: event.period,
            probationary: event.probationary,
            at: event.at,
            revokedAt: undefined
          }
        }
      }
    case "PointsEntryRevoked": {
      const entry = lookup(state.entries, event.entryId)
      return entry === undefined
        ? state
        : { ...state, entries: { ...state.entries, [event.entryId]: { ...entry, revokedAt: event.at } } }
    }
    case "PointsPeriodPublished":
      return { ...state, orgId: event.orgId, published: { ...state.published, [event.period]: event.at } }
    case "DutyPostEstablished":
      return {
        ...state,
        orgId: event.orgId,
        posts: {
          ...state.posts,
          [event.postId]: {
            kind: event.kind,
            groupId: event.groupId,
            areaId: event.areaId,
            establishedAt: event.at,
            holderIds: [],
            abolishedAt: undefined
          }
        }
      }
    case "DutyPostAssigned":
      return withPost(
        state,
        event.postId,
        (post) =>
          post.holderIds.includes(event.memberId) ? post : { ...post, holderIds: [...post.holderIds, event.memberId] }
      )
    case "DutyPostReleased":
      return withPost(state, event.postId, (post) => ({
        ...post,
        holderIds: post.holderIds.filter((id) => id !== event.memberId)
      }))
    case "DutyPostAbolished":
      return withPost(state, event.postId, (post) => ({ ...post, holderIds: [], abolishedAt: event.at }))
    default:
      return state
  }
}

/**
 * The fold of the points stream.
 *
 * @category folding
 * @since 0.3.0
 */
export const fold: Fold<PointsEvent, PointsState> = { initialState, evolve }

// ---------------------------------------------------------------------------------------------------------
// Queries
// ---------------------------------------------------------------------------------------------------------

/**
 * Whether a period's results were published.
 *
 * @category queries
 * @since 0.3.0
 */
export const isPublished = (state: PointsState, period: Period): boolean =>
  lookup(state.published, period) !== undefined

/**
 * The entries not revoked, in entry-id order.
 *
 * @category queries
 * @since 0.3.0
 */
export const liveEntries = (state: PointsState): ReadonlyArray<PointsEntry & { readonly entryId: string }> =>
  Object.keys(state.entries).sort().flatMap((entryId) => {
    const entry = state.entries[entryId]!
    return entry.revokedAt === undefined ? [{ ...entry, entryId }] : []
  })

/**
 * The posts not abolished, in post-id order.
 *
 * @category queries
 * @since 0.3.0
 */
export const activePosts = (state: PointsState): ReadonlyArray<DutyPost & { readonly postId: string }> =>
  Object.keys(state.posts).sort().flatMap((postId) => {
    const post = state.posts[postId]!
    return post.abolishedAt === undefined ? [{ ...post, postId }] : []
  })

/**
 * The members holding at least one duty post, in id order.
 *
 * @category queries
 * @since 0.3.0
 */
export const postHolders = (state: PointsState): ReadonlyArray<string> =>
  [...new Set(activePosts(state).flatMap((post) => post.holderIds))].sort()
