/**
 * The demo township (城关镇): villages and a resettlement community whose member counts sit on the rules'
 * boundaries, so that the report shows what the library is for: a village over 50 members that may set up a
 * general branch, one at 100 that may set up a committee with county approval, a community with 7 full
 * members and no committee yet, a branch whose secretary's term has run out. Written as ordinary commands,
 * each judged by the rules in force on its date.
 *
 * @since 0.1.0
 */
import type { Dangjian as DangjianModule, EventStore } from "@dangjian/core"
import { Dangjian, EventStore as EventStoreModule } from "@dangjian/core"

const EventStoreService = EventStoreModule.EventStore
import { Effect } from "effect"

const members = (prefix: string, full: number, probationary = 0) => [
  ...Array.from(
    { length: full },
    (_, i) => ({ memberId: `${prefix}-${String(i + 1).padStart(3, "0")}`, status: "full" as const })
  ),
  ...Array.from({ length: probationary }, (_, i) => ({
    memberId: `${prefix}-p${String(i + 1).padStart(2, "0")}`,
    status: "probationary" as const
  }))
]

const branch = (
  orgId: string,
  name: string,
  locus: "village" | "community",
  full: number,
  probationary: number,
  at: string
): DangjianModule.Command => ({
  _tag: "EstablishOrganization",
  orgId,
  name,
  kind: "branch",
  formation: "standalone",
  locus,
  parentId: "chengguan",
  approval: { by: "城关镇党委", level: "township", at },
  initialMembers: members(orgId, full, probationary),
  at
})

/**
 * The demo's commands, in order.
 *
 * @category demo
 * @since 0.1.0
 */
export const commands: ReadonlyArray<DangjianModule.Command> = [
  {
    _tag: "EstablishOrganization",
    orgId: "chengguan",
    name: "城关镇党委",
    kind: "townshipCommittee",
    formation: "standalone",
    locus: "township",
    approval: { by: "县委", level: "county", at: "2018-03-01" },
    initialMembers: [],
    at: "2018-03-01"
  },
  branch("donghu", "东湖村党支部", "village", 47, 2, "2019-04-01"),
  branch("xiling", "西岭村党支部", "village", 97, 2, "2019-04-01"),
  branch("nanshan", "南山村党支部", "village", 5, 0, "2019-04-01"),
  branch("xingfu", "幸福社区党支部", "community", 6, 1, "2020-06-01"),
  // New members: 东湖 passes 50 (R3, R4), 西岭 reaches 100 (R5).
  {
    _tag: "AddRosterMember",
    orgId: "donghu",
    memberId: "donghu-p03",
    status: "probationary",
    reason: "admitted",
    at: "2024-07-01"
  },
  {
    _tag: "AddRosterMember",
    orgId: "donghu",
    memberId: "donghu-p04",
    status: "probationary",
    reason: "admitted",
    at: "2024-07-01"
  },
  {
    _tag: "AddRosterMember",
    orgId: "xiling",
    memberId: "xiling-p03",
    status: "probationary",
    reason: "admitted",
    at: "2025-01-10"
  },
  // 幸福社区 reaches 7 full members: a branch committee is now required (R16).
  { _tag: "ChangeRosterStatus", orgId: "xingfu", memberId: "xingfu-p01", status: "full", at: "2025-03-01" },
  // 南山村: the secretary elected by the general meeting in 2021; the 5-year term ends 2026-05-10 (R21).
  {
    _tag: "ElectSecretary",
    orgId: "nanshan",
    electedBy: "generalMeeting",
    secretary: { memberId: "nanshan-001", yes: 5 },
    deputies: [],
    entitled: 5,
    present: 5,
    at: "2021-05-10"
  },
  {
    _tag: "ApproveSecretary",
    orgId: "nanshan",
    approval: { by: "城关镇党委", level: "township", at: "2021-05-20" },
    at: "2021-05-20"
  }
] as ReadonlyArray<DangjianModule.Command>

/**
 * Writes the demo into the store; returns the number of events written.
 *
 * @category demo
 * @since 0.1.0
 */
export const run: Effect.Effect<number, DangjianModule.ExecuteError, EventStore.EventStore> = Effect.gen(function*() {
  // Running the demo again on the same store writes nothing: the township is already there.
  const existing = yield* EventStoreService.use((store) => store.readStream("organization-chengguan"))
  if (existing.version > 0) return 0
  let events = 0
  for (const command of commands) {
    const executed = yield* Dangjian.execute(command, { actor: "demo" })
    events += executed.events.length
  }
  return events
})
