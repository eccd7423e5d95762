/**
 * Transfers in transit (组织关系转接): every issued letter not yet received, rejected or expired, with its
 * origin, destination and expiry date (R42, R43). Until received, the member counts at the origin.
 *
 * @since 0.1.0
 */
import type { Envelope } from "../../kernel/Envelope.ts"
import * as Projection from "../../kernel/Projection.ts"
import { without } from "../../kernel/records.ts"
import type { LegalDate } from "../../LegalDate.ts"
import type { MemberEvent } from "../events.ts"
import { memberIdOf } from "../stream.ts"

/**
 * An open letter.
 *
 * @category models
 * @since 0.1.0
 */
export interface InTransit {
  readonly memberId: string
  readonly transferId: string
  readonly fromOrgId: string
  readonly toOrgId: string
  readonly issuedAt: LegalDate
  readonly validUntil: LegalDate
}

/**
 * Open letters by member id (a member has at most one).
 *
 * @category models
 * @since 0.1.0
 */
export interface TransfersView {
  readonly open: Readonly<Record<string, InTransit>>
}

/**
 * @category constructors
 * @since 0.1.0
 */
export const empty: TransfersView = { open: {} }

const close = (view: TransfersView, memberId: string): TransfersView => {
  const open = without(view.open, memberId)
  return open === view.open ? view : { open }
}

/**
 * Applies one envelope.
 *
 * @category folding
 * @since 0.1.0
 */
export const apply = (view: TransfersView, envelope: Envelope): TransfersView => {
  const memberId = memberIdOf(envelope.streamId)
  if (memberId === undefined) return view
  const event = envelope.data as MemberEvent
  switch (event._tag) {
    case "TransferLetterIssued":
      return {
        open: {
          ...view.open,
          [memberId]: {
            memberId,
            transferId: event.transferId,
            fromOrgId: event.fromOrgId,
            toOrgId: event.toOrgId,
            issuedAt: event.at,
            validUntil: event.validUntil
          }
        }
      }
    case "TransferReceived":
    case "TransferRejected":
    case "TransferLetterExpired":
    case "MemberRemoved":
    case "ProbationCancelled":
      return close(view, memberId)
    default:
      return view
  }
}

/**
 * The transfers-in-transit projection.
 *
 * @category projections
 * @since 0.1.0
 */
export const projection: Projection.Projection<TransfersView> = Projection.make({
  name: "member.transfersInTransit",
  version: 1,
  initialState: empty,
  apply
})

/**
 * Open letters, soonest expiry first.
 *
 * @category queries
 * @since 0.1.0
 */
export const list = (view: TransfersView): ReadonlyArray<InTransit> =>
  Object.values(view.open).sort((a, b) =>
    a.validUntil !== b.validUntil ? (a.validUntil < b.validUntil ? -1 : 1) : a.memberId < b.memberId ? -1 : 1
  )

/**
 * R43: open letters whose validity ran out before `asOf` (a new letter is needed).
 *
 * @category queries
 * @since 0.1.0
 */
export const expiredAsOf = (view: TransfersView, asOf: LegalDate): ReadonlyArray<InTransit> =>
  list(view).filter((t) => t.validUntil < asOf)
