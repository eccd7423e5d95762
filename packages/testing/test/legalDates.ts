// The dates that matter to a history: each legal date an event takes effect on, the day before it, and dates before
// and after the whole history.
import { LegalDate, OrganizationTree } from "@dangjian/core"
import type { Envelope } from "@dangjian/core/kernel"

export const legalDates = (log: ReadonlyArray<Envelope.Envelope>): ReadonlyArray<string> => {
  const dates = new Set<string>()
  for (const envelope of log) {
    const date = OrganizationTree.legalDateOf(envelope)
    dates.add(date)
    dates.add(LegalDate.addDays(date, -1))
  }
  return [...dates, "1990-01-01", "2099-12-31"].sort()
}
