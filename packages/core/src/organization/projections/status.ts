/**
 * What a register of another aggregate (agreements, councils) keeps of the Party organizations it names:
 * whether each is active or dissolved, and since when, from the organization streams' `OrganizationEstablished`,
 * `OrganizationDissolved` and `OrganizationMerged`. Both registers fold it with the same function, so they
 * never disagree on an organization. Not a read model of its own: no entry point exports this module.
 *
 * @since 0.2.0
 */
import type { Envelope } from "../../kernel/Envelope.ts"
import * as ReadModel from "../../kernel/ReadModel.ts"
import type { LegalDate } from "../../LegalDate.ts"
import { orgIdOf } from "../stream.ts"
import { legalDateOf } from "./OrganizationTree.ts"

/**
 * What a register knows of a Party organization.
 *
 * @category models
 * @since 0.1.0
 */
export interface OrganizationStatus {
  readonly status: "active" | "dissolved"
  readonly dissolvedAt: LegalDate | undefined
}

/**
 * Organization statuses by organization id.
 *
 * @category models
 * @since 0.2.0
 */
export type OrganizationStatuses = Readonly<Record<string, OrganizationStatus>>

/**
 * Applies one envelope to the statuses: an establishment makes its organization active, a dissolution or a
 * merger dissolved (on the event's legal date); any other envelope, or one of another stream, returns
 * `orgs` itself.
 *
 * @category folding
 * @since 0.2.0
 */
export const applyStatus = (orgs: OrganizationStatuses, envelope: Envelope): OrganizationStatuses => {
  const orgId = orgIdOf(envelope.streamId)
  if (orgId === undefined) return orgs
  switch ((envelope.data as { readonly _tag?: unknown })._tag) {
    case "OrganizationEstablished":
      return { ...orgs, [orgId]: { status: "active", dissolvedAt: undefined } }
    case "OrganizationDissolved":
    case "OrganizationMerged":
      return { ...orgs, [orgId]: { status: "dissolved", dissolvedAt: legalDateOf(envelope) } }
    default:
      return orgs
  }
}

/**
 * The statuses as a keyed read model, one row per organization (`null`: not established as of the date).
 *
 * @category read models
 * @since 0.3.0
 */
export const readModel: ReadModel.ReadModel<OrganizationStatus | null> = ReadModel.make<OrganizationStatus | null>({
  name: "organization.status",
  version: 1,
  mode: "inline",
  keyOf: (envelope) => orgIdOf(envelope.streamId),
  initial: null,
  evolve: (state, envelope) => {
    switch ((envelope.data as { readonly _tag?: unknown })._tag) {
      case "OrganizationEstablished":
        return { status: "active", dissolvedAt: undefined }
      case "OrganizationDissolved":
      case "OrganizationMerged":
        return { status: "dissolved", dissolvedAt: legalDateOf(envelope) }
      default:
        return state
    }
  },
  dateOf: legalDateOf
})

/**
 * The statuses as of a date, from the rows of {@link readModel}.
 *
 * @category read models
 * @since 0.3.0
 */
export const fromTimelines = (
  timelines: ReadonlyMap<string, ReadModel.Timeline<OrganizationStatus | null>>,
  date: LegalDate
): OrganizationStatuses =>
  ReadModel.recordAsOf(readModel, timelines, date, (status): status is OrganizationStatus => status !== null)
