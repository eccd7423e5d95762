// Commands of the library's own domain for the kernel tests that run it whole (metrics, read-model catch-ups): a
// township committee and the village branches under it, each with four full members.

/** `EstablishOrganization` of a township committee (no parent) or of a village branch under `parentId`. */
export const establish = (orgId: string, parentId?: string) => ({
  _tag: "EstablishOrganization",
  orgId,
  name: `Org ${orgId}`,
  kind: parentId === undefined ? "townshipCommittee" : "branch",
  formation: "standalone",
  locus: parentId === undefined ? "township" : "village",
  ...(parentId === undefined ? {} : { parentId }),
  approval: parentId === undefined
    ? { by: "county", level: "county", at: "2024-01-01" }
    : { by: parentId, level: "township", at: "2024-01-01" },
  initialMembers: parentId === undefined
    ? []
    : Array.from({ length: 4 }, (_, i) => ({ memberId: `${orgId}-m${i}`, status: "full" })),
  at: "2024-01-01"
})
