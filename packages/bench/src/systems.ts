/**
 * The systems the bench compares, by kind of store. Each kind has its raw driver (the practical limit), its
 * Emmett store (the peer) and one or more dangjian stores.
 */
import type { Workload } from "./workload.ts"
import { workloads } from "./workload.ts"

export const kinds = ["memory", "sqlite", "postgres"] as const

export type Kind = (typeof kinds)[number]

export type Role = "raw" | "emmett" | "dangjian"

export interface System {
  readonly id: string
  readonly kind: Kind
  readonly role: Role
  readonly label: string
  /** The workloads this system can run; the others are reported as n/a with `missing`. */
  readonly workloads: ReadonlyArray<Workload>
  readonly missing?: string
}

const reads = workloads.filter((w) => w !== "W4c")

export const systems: ReadonlyArray<System> = [
  {
    id: "raw-js",
    kind: "memory",
    role: "raw",
    label: "raw JS (Map + array)",
    workloads: reads,
    missing: "no consumer machinery"
  },
  {
    id: "emmett-memory",
    kind: "memory",
    role: "emmett",
    label: "Emmett in-memory",
    workloads: ["W1", "W2", "W3"],
    missing: "no global read or consumer on the in-memory store"
  },
  { id: "dangjian-memory", kind: "memory", role: "dangjian", label: "dangjian MemoryStore", workloads },
  {
    id: "dangjian-memory-codec",
    kind: "memory",
    role: "dangjian",
    label: "dangjian MemoryStore + codec",
    workloads
  },
  {
    id: "raw-sqlite",
    kind: "sqlite",
    role: "raw",
    label: "raw SQLite",
    workloads: reads,
    missing: "no consumer machinery"
  },
  { id: "emmett-sqlite", kind: "sqlite", role: "emmett", label: "Emmett SQLite", workloads },
  { id: "dangjian-sqlite", kind: "sqlite", role: "dangjian", label: "dangjian store-sqlite", workloads },
  {
    id: "raw-postgres",
    kind: "postgres",
    role: "raw",
    label: "raw PostgreSQL (pg)",
    workloads: reads,
    missing: "no consumer machinery"
  },
  { id: "emmett-postgres", kind: "postgres", role: "emmett", label: "Emmett PostgreSQL", workloads },
  { id: "dangjian-postgres", kind: "postgres", role: "dangjian", label: "dangjian store-postgres", workloads }
]

export const systemById = (id: string): System | undefined => systems.find((s) => s.id === id)
