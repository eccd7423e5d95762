/**
 * Child processes for the fault tests: real `node` processes running the fixtures (Node runs TypeScript by
 * stripping types), with their output collected and a hard time limit.
 */
import type { ChildProcess } from "node:child_process"
import { spawn } from "node:child_process"
import { fileURLToPath } from "node:url"
import { databaseUrl } from "./database.ts"

export interface Child {
  readonly process: ChildProcess
  /** Everything written to stdout so far. */
  readonly stdout: () => string
  readonly stderr: () => string
  /** Resolves with the exit code (or the signal's name) when the process ends. */
  readonly exited: Promise<number | string>
}

/** Starts `test/fixtures/<name>.ts` with the store schema and extra environment variables. */
export const start = (name: string, schema: string, env: Record<string, string>, limitMs = 120_000): Child => {
  const file = fileURLToPath(new URL(`../fixtures/${name}.ts`, import.meta.url))
  const child = spawn(process.execPath, [file], {
    env: { ...process.env, ...env, DATABASE_URL: databaseUrl, STORE_SCHEMA: schema },
    stdio: ["ignore", "pipe", "pipe"]
  })
  let out = ""
  let err = ""
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => (out += chunk))
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => (err += chunk))
  const timer = setTimeout(() => child.kill("SIGKILL"), limitMs)
  const exited = new Promise<number | string>((resolve) =>
    child.on("exit", (code, signal) => {
      clearTimeout(timer)
      resolve(code ?? signal ?? "unknown")
    })
  )
  return { process: child, stdout: () => out, stderr: () => err, exited }
}

/** Waits until `predicate` holds on the child's output, or fails after `timeoutMs`. */
export const waitFor = async (child: Child, predicate: (stdout: string) => boolean, timeoutMs = 60_000) => {
  const started = Date.now()
  while (!predicate(child.stdout())) {
    if (child.process.exitCode !== null) {
      throw new Error(`child exited early with ${child.process.exitCode}: ${child.stderr().slice(-2000)}`)
    }
    if (Date.now() - started > timeoutMs) throw new Error(`timed out; stderr: ${child.stderr().slice(-2000)}`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

/** The numbers a child printed, one per line. */
export const numbers = (stdout: string): Array<number> =>
  stdout.split("\n").filter((line) => /^\d+$/.test(line)).map(Number)
