/**
 * The body of the `dangjian` executable: runs the command line on Node.js. `bin.ts` loads it only once the
 * running Node.js is known to be recent enough for `@effect/platform-node`.
 *
 * The locale comes first (`--lang`, else `LANG`), so that the help, the usage errors and every message are in
 * the user's language. The exit code is set here from how the command ended: a usage error is 2, with the
 * errors and the help on stderr; a command's own failure carries its code and its lines (printed on stderr
 * with any password masked); anything else is 1.
 *
 * @since 0.1.0
 */
import { NodeRuntime, NodeServices } from "@effect/platform-node"
import { Cause, Effect, Layer } from "effect"
import { CliConfig, Command, GlobalFlag } from "effect/cli"
import { readFileSync } from "node:fs"
import { getHeapSpaceStatistics, setFlagsFromString } from "node:v8"
import { CliExit, ExitCode, make } from "./Cli.ts"
import * as Help from "./Help.ts"
import { localeOfArgs, t } from "./messages.ts"
import { mask } from "./Store.ts"

// `--version` prints the version of the installed package. `../package.json` is the CLI's own from src/ (run
// from source) and from dist/ (installed) alike, and npm always ships package.json.
const { version } = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as {
  readonly version: string
}

const locale = localeOfArgs(process.argv.slice(2), process.env)

// `import` and `roster sync` hold a province's roster while they work (about 300 MiB alive at a million members),
// and V8 lets its heap grow to up to four times what is alive before it collects: such an import peaked at 1.7 GiB.
// For these two, and for `replay`, the executable lets it grow to twice what is alive: 0.94 GiB for that import,
// and 0.75× the peak of a rebuild, each in about the same time (packages/bench/RESULTS.md, runs 9 and 10). Not for
// `report`, which it made 1.8× slower. A growth the user gave Node (`node --heap-growing-percent=N`) is kept. The
// command is the first argument that names one.
const commandNames = new Set(["demo", "import", "roster", "exec", "report", "tree", "replay", "schema", "rules"])
const command = process.argv.slice(2).find((argument) => commandNames.has(argument))
// A V8 flag the user gave Node, on its command line or in `NODE_OPTIONS` (which takes `--max-semi-space-size`, not
// the other two); V8 takes `_` as `-`.
const userGave = (flag: string) =>
  [...process.execArgv, ...(process.env["NODE_OPTIONS"] ?? "").split(/\s+/)].some((given) =>
    given.replaceAll("_", "-").startsWith(flag)
  )
if ((command === "import" || command === "roster" || command === "replay") && !userGave("--heap-growing-percent")) {
  setFlagsFromString("--heap-growing-percent=100")
}

// V8 sizes its young generation from the machine's memory: on a machine with memory to spare it grows to 128 MiB,
// which an import fills with short-lived rows and commands, few of them alive at a collection. For `import` and
// `roster sync` it grows no further than about 16 MiB: a county's import peaks at 0.78× what it did, in the same
// time, a million members' at 0.96× (packages/bench/RESULTS.md, run 15). Its largest size is fixed when Node starts,
// but V8 reads its growth factor each time it grows it: the factor is set to 1 once it is that large (looked at each
// time the command yields to the event loop). A young generation the user sized (`--max-semi-space-size`,
// `--semi-space-growth-factor`) is kept.
const youngGenerationBytes = 16 * 2 ** 20
if (
  (command === "import" || command === "roster")
  && !userGave("--max-semi-space-size") && !userGave("--semi-space-growth-factor")
) {
  const grown = () =>
    (getHeapSpaceStatistics().find((space) => space.space_name === "new_space")?.space_size ?? 0)
      >= youngGenerationBytes
  const check = setInterval(() => {
    if (!grown()) return
    setFlagsFromString("--semi-space-growth-factor=1")
    clearInterval(check)
  }, 5)
  check.unref()
}

// `dangjian report | head`: a reader that stops early is not a failure.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(process.exitCode ?? 0)
    throw error
  })
}

const setExit = (code: number) => Effect.sync(() => void (process.exitCode = code))

Command.run(make(locale), { version }).pipe(
  Effect.catch((error: unknown) => {
    if (error instanceof CliExit) {
      const text = error.lines.filter((line) => line.length > 0).join("\n")
      return Effect.andThen(
        Effect.sync(() => text.length > 0 && process.stderr.write(`${mask(text)}\n`)),
        setExit(error.code)
      )
    }
    // A usage error: the presenter has shown the errors and the help on stderr.
    if ((error as { readonly _tag?: string })._tag === "ShowHelp") return setExit(ExitCode.usage)
    return Effect.andThen(
      Effect.sync(() =>
        process.stderr.write(
          `${mask(t("cli.error.unexpected", { message: String((error as Error)?.message ?? error) }, locale))}\n`
        )
      ),
      setExit(ExitCode.failure)
    )
  }),
  Effect.catchCause((cause) =>
    Effect.andThen(
      Effect.sync(() =>
        process.stderr.write(`${mask(t("cli.error.unexpected", { message: Cause.pretty(cause) }, locale))}\n`)
      ),
      setExit(ExitCode.failure)
    )
  ),
  Effect.provide(Layer.mergeAll(
    Help.layer(locale),
    CliConfig.layer({ builtIns: [GlobalFlag.Help, GlobalFlag.Version] })
  )),
  Effect.provide(NodeServices.layer),
  (effect) => NodeRuntime.runMain(effect, { disableErrorReporting: true })
)
