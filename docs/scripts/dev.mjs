// `pnpm docs:dev`: generates the pages made from the code, then runs VitePress's dev server with the English
// guides kept in step with docs/guide/.
import { join } from "node:path"
import { createServer } from "vitepress"
import { root } from "./entries.mjs"
import { generate } from "./generate.mjs"
import { watchGuides } from "./guides.mjs"

await generate()
watchGuides()
const server = await createServer(join(root, "docs"))
await server.listen()
server.printUrls()
