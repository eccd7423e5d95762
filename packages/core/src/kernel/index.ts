/**
 * @dangjian/core/kernel: generic event sourcing for Effect users who write their own aggregates (event
 * definitions, the codec, envelopes, deciders, the `EventStore` contract, command handling, projections,
 * snapshots, the in-memory store, typed errors and message catalogs). It never imports a domain module.
 *
 * @since 0.1.0
 */
export * as AppendRequest from "./AppendRequest.ts"
export * as CommandHandler from "./CommandHandler.ts"
export * as Decider from "./Decider.ts"
export * as Envelope from "./Envelope.ts"
export type { EventMetadata, ExpectedVersion, NewEvent } from "./Envelope.ts"
export * from "./errors.ts"
export * as EventCodec from "./EventCodec.ts"
export * as EventDefinition from "./EventDefinition.ts"
export * as EventStore from "./EventStore.ts"
export * as MemoryStore from "./MemoryStore.ts"
export * as Message from "./Message.ts"
export type { Catalog, Catalogs, Locale, Localized, MessageParams } from "./Message.ts"
export * as Projection from "./Projection.ts"
export * as ReadModel from "./ReadModel.ts"
export * as Snapshot from "./Snapshot.ts"
export * as UnitOfWork from "./UnitOfWork.ts"
export * as Uuid from "./Uuid.ts"
