import { defineProject } from "vitest/config"

export default defineProject({
  test: {
    name: "store-postgres",
    include: ["test/**/*.test.ts"],
    // Every test works in its own schema, so files may run in parallel; the fault tests start child
    // processes, so keep at most two files at once on small machines.
    maxWorkers: 2,
    testTimeout: 120_000,
    hookTimeout: 60_000
  }
})
