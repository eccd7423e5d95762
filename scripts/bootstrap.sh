#!/bin/sh
# Runs a script of the repository (`sh scripts/bootstrap.sh demo`, `sh scripts/bootstrap.sh verify`) on a
# machine that may have an older Node.js and no pnpm: what is missing (Node.js 24, pnpm 12) is installed from the
# npm registry into a cache folder of the user's, never into the system, the dependencies are installed with the
# frozen lockfile, then `pnpm <script> …` runs. It changes nothing outside the repository and that folder
# (${DANGJIAN_TOOLS:-${XDG_CACHE_HOME:-$HOME/.cache}/dangjian-tools}); it needs only an `npm` of any version.
# Whatever would change the system (installing PostgreSQL for the PostgreSQL tests, say) is left to you: the
# README says how.
set -eu
cd "$(dirname "$0")/.."

tools="${DANGJIAN_TOOLS:-${XDG_CACHE_HOME:-$HOME/.cache}/dangjian-tools}"
say() { printf '%s\n' "bootstrap: $*" >&2; }

node_major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

if [ "$(node_major)" -lt 24 ] || ! command -v pnpm >/dev/null 2>&1 || ! pnpm -v >/dev/null 2>&1; then
  case "$(uname -s)-$(uname -m)" in
    Linux-x86_64) platform=linux-x64 ;;
    Linux-aarch64 | Linux-arm64) platform=linux-arm64 ;;
    Darwin-arm64) platform=darwin-arm64 ;;
    Darwin-x86_64) platform=darwin-x64 ;;
    *)
      say "不支持的平台 $(uname -s)-$(uname -m):请自行安装 Node.js 24 和 pnpm 12 / unsupported platform: install Node.js 24 and pnpm 12 yourself"
      exit 1
      ;;
  esac
  if [ ! -x "$tools/node_modules/node-$platform/bin/node" ] || [ ! -x "$tools/node_modules/.bin/pnpm" ]; then
    if ! command -v npm >/dev/null 2>&1; then
      say "需要 npm(随任意版本的 Node.js 提供)来安装 Node.js 24 和 pnpm / npm (from any Node.js) is needed to fetch Node.js 24 and pnpm"
      exit 1
    fi
    say "正在把 Node.js 24 和 pnpm 安装到 $tools / installing Node.js 24 and pnpm into $tools"
    mkdir -p "$tools"
    npm install --prefix "$tools" --no-save --no-audit --no-fund --loglevel=error "node-$platform@24" pnpm@12 >/dev/null
  fi
  PATH="$tools/node_modules/node-$platform/bin:$tools/node_modules/.bin:$PATH"
  export PATH
fi
say "node $(node -v), pnpm $(pnpm -v)"

pnpm install --frozen-lockfile --reporter=silent
if [ "$#" -gt 0 ]; then exec pnpm "$@"; fi
