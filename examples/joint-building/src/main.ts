// `pnpm start`: records the pairing's year and prints the register and findings on three dates, in Chinese
// and English: after the missed second-quarter report, a month before the term ends, and after the renewal.
import { Effect } from "effect"
import { render, renderMessage, run } from "./scenario.ts"

const { rejections, reports } = await Effect.runPromise(run(["2024-07-01", "2024-12-01", "2025-01-15"]))
for (const locale of ["zh-CN", "en"] as const) {
  console.log(locale === "en" ? "Rejected commands:" : "被拒绝的命令:")
  for (const { error, what } of rejections) {
    console.log(`  - ${what[locale]}: [${error.ruleId ?? "-"}] ${renderMessage(error, locale)}`)
  }
  for (const report of reports) console.log("\n" + render(report, locale))
  console.log("")
}
