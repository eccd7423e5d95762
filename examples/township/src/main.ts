// `pnpm start`: records the township's history and prints the report in Chinese and English.
import { Effect } from "effect"
import { render, run } from "./scenario.ts"

const report = await Effect.runPromise(run())
console.log(render(report, "zh-CN"))
console.log("")
console.log(render(report, "en"))
