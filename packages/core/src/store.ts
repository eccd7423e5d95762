/**
 * @dangjian/core/store: what a store package implements and calls. The `EventStore` contract with its read
 * shapes, append validation, envelopes, the codec, the projection and snapshot store contracts, event ids,
 * the typed errors a store returns and the message helpers for its own errors.
 *
 * @since 0.1.0
 */
export * as AppendRequest from "./kernel/AppendRequest.ts"
export * as Envelope from "./kernel/Envelope.ts"
export type { EventMetadata, ExpectedVersion, NewEvent } from "./kernel/Envelope.ts"
export * from "./kernel/errors.ts"
export * as EventCodec from "./kernel/EventCodec.ts"
export * as EventStore from "./kernel/EventStore.ts"
export * as Message from "./kernel/Message.ts"
export type { Catalog, Catalogs, Locale, Localized, MessageParams } from "./kernel/Message.ts"
export * as Projection from "./kernel/Projection.ts"
export * as ReadModel from "./kernel/ReadModel.ts"
export * as Snapshot from "./kernel/Snapshot.ts"
export * as Uuid from "./kernel/Uuid.ts"
