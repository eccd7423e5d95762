// `pnpm docs:build`: generates the pages made from the code (generate.mjs), then builds the static site into
// docs/.vitepress/dist with VitePress.
import { join } from "node:path"
import { build } from "vitepress"
import { root } from "./entries.mjs"
import { generate } from "./generate.mjs"

await generate()
await build(join(root, "docs"))
