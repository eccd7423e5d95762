/**
 * The body of the `dangjian` executable: runs the command line on Node.js. `bin.ts` loads it only once the
 * running Node.js is known to be recent enough for `@effect/platform-node`.
 *
 * @since 0.1.0
 */
import { NodeRuntime, NodeServices } from "@effect/platform-node"
import { Effect } from "effect"
import { Command } from "effect/cli"
import { readFileSync } from "node:fs"
import { cli } from "./Cli.ts"

// `--version` prints the version of the installed package. `../package.json` is the CLI's own from src/ (run
// from source) and from dist/ (installed) alike, and npm always ships package.json.
const { version } = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as {
  readonly version: string
}

Command.run(cli, { version }).pipe(
  Effect.provide(NodeServices.layer),
  NodeRuntime.runMain
)
