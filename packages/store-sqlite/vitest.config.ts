import { defineProject } from "vitest/config"

export default defineProject({
  test: {
    name: "store-sqlite",
    include: ["test/**/*.test.ts"],
    // The fault tests start child processes: keep at most two files at once on small machines.
    maxWorkers: 2,
    testTimeout: 120_000,
    hookTimeout: 60_000
  }
})
