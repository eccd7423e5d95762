// Generates what the site builds from (gitignored): the English guides' copies, the rules pages and the API
// reference. `pnpm docs:build` and `pnpm docs:dev` run it first; `node docs/scripts/generate.mjs` runs it alone.
import { relative } from "node:path"
import { apiOut, generateApi } from "./api.mjs"
import { root } from "./entries.mjs"
import { copyGuides } from "./guides.mjs"
import { generateRules } from "./rules.mjs"

export const generate = async () => {
  const started = Date.now()
  const guides = copyGuides()
  const rules = await generateRules()
  const entries = await generateApi()
  console.log(
    `docs: ${guides} English guides, rules pages (${rules.rules} rules, ${rules.cited} cited in code) and the API of ${entries.length} entry points in ${
      relative(root, apiOut)
    }, ${((Date.now() - started) / 1000).toFixed(1)} s`
  )
}

if (import.meta.main) await generate()
