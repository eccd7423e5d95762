// The root scripts run TypeScript directly, which an older Node.js refuses with a loader error
// (ERR_UNKNOWN_FILE_EXTENSION ".ts"). This check runs first and says what to do in one line instead. Plain
// JavaScript that any Node.js can parse.
import { readFileSync } from "node:fs"

const manifest = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"))
const [needMajor, needMinor] = manifest.engines.node.replace(/^>=\s*/, "").split(".").map(Number)
const [major, minor] = process.versions.node.split(".").map(Number)
if (major < needMajor || (major === needMajor && minor < needMinor)) {
  const need = `${needMajor}.${needMinor}`
  process.stderr.write(
    `此仓库需要 Node.js ≥ ${need}(当前是 v${process.versions.node});请运行 sh scripts/bootstrap.sh <命令>,`
      + `它会把 Node.js 24 和 pnpm 装到缓存目录,不改动系统 / this repository needs Node.js ≥ ${need} `
      + `(this is v${process.versions.node}): run sh scripts/bootstrap.sh <script>, which puts Node.js 24 and pnpm `
      + `in a cache folder without touching the system\n`
  )
  process.exit(1)
}
