// `pnpm start`: runs the story on the in-memory store and prints the rejected commands and the three reports
// (before anything moves, with the letters in transit, after receipt), in Chinese and English.
import { Effect } from "effect"
import { render, renderMessage, runInMemory } from "./scenario.ts"

const { rejections, reports } = await Effect.runPromise(runInMemory())
for (const locale of ["zh-CN", "en"] as const) {
  console.log(locale === "en" ? "Rejected commands:" : "被拒绝的命令:")
  for (const { error, what } of rejections) console.log(`  - ${what[locale]}: ${renderMessage(error, locale)}`)
  for (const report of reports) console.log("\n" + render(report, locale))
  console.log("")
}
