#!/usr/bin/env node
/**
 * The `dangjian` executable. It checks the Node.js version before it loads anything else: the command line
 * runs on `@effect/platform-node` and `undici`, which need Node.js ≥ 22.19, and on an older Node loading them
 * would end in a loader error or a crash. Too old a Node gets one line on stderr and exit code 1 instead.
 *
 * This file imports nothing statically and uses nothing newer than ES2022, so that an old Node can parse
 * and run it.
 *
 * Then it turns on Node's compile cache (`module.enableCompileCache`, in the system's temporary folder unless
 * `NODE_COMPILE_CACHE` names another; `NODE_DISABLE_COMPILE_CACHE=1` turns it off): compiling the command line and
 * Effect is a fifth of every command's start, and a clerk runs many commands. The built package loads them as one
 * bundled file (`dangjian.js`, beside this one): finding and loading a few hundred modules one by one took half a
 * second of every start. Run from source, or built without the bundle, it loads the modules.
 *
 * @since 0.1.0
 */

const required = { major: 22, minor: 19 }
const [major = 0, minor = 0] = process.versions.node.split(".").map(Number)

if (major < required.major || (major === required.major && minor < required.minor)) {
  const need = `${required.major}.${required.minor}`
  const running = `v${process.versions.node}`
  // One line in both languages: the locale flags are parsed by the command line this Node cannot load.
  process.stderr.write(
    `dangjian 需要 Node.js ≥ ${need}(当前是 ${running}):@effect/platform-node 与 undici 需要它 / `
      + `dangjian needs Node.js ≥ ${need} (this is ${running}): @effect/platform-node and undici need it\n`
  )
  // 1 is the documented code of a failure that is neither usage, input, store nor rule (packages/cli/README.md).
  process.exitCode = 1
} else {
  // Never in the way: a cache Node cannot write is reported in the result, and the modules compile as before.
  const nodeModule = await import("node:module")
  nodeModule.enableCompileCache?.()
  const { existsSync } = await import("node:fs")
  const bundle = new URL("./dangjian.js", import.meta.url)
  await (existsSync(bundle) ? import(bundle.href) : import("./main.ts"))
}
