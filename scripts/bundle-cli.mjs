// Bundles the command line (packages/cli/dist/main.js, as tsc built it, with Effect, the stores and the roster readers)
// into one file, packages/cli/dist/dangjian.js, which `bin.js` loads when it is there. Resolving and loading the few
// hundred modules one by one took half a second of every command's start (packages/bench/RESULTS.md, run 14).
// `node:` specifiers stay as written (`node:sqlite` must not become `sqlite`), and the dependencies' bare built-ins
// (`require("stream")`) get the prefix; CommonJS dependencies (pg) get a `require` of their own; `pg-native`, which pg
// loads only when asked for, stays out.
import { build } from "esbuild"
import { builtinModules } from "node:module"
import { join, resolve } from "node:path"

const builtins = new Set(builtinModules)
const nodePrefix = {
  name: "node-prefix",
  setup: (plugin) =>
    plugin.onResolve(
      { filter: /^[a-z_]/ },
      (args) =>
        !args.path.startsWith("node:") && (builtins.has(args.path) || builtins.has(args.path.split("/")[0]))
          ? { path: `node:${args.path}`, external: true }
          : undefined
    )
}

const dist = join(resolve(import.meta.dirname, ".."), "packages", "cli", "dist")
await build({
  entryPoints: [join(dist, "main.js")],
  outfile: join(dist, "dangjian.js"),
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node22",
  external: ["pg-native"],
  banner: {
    js: "import { createRequire as __dangjianRequire } from \"node:module\"; "
      + "const require = __dangjianRequire(import.meta.url);"
  },
  plugins: [nodePrefix],
  legalComments: "eof",
  logLevel: "warning"
})
