import { defineConfig } from "vitest/config"

export default defineConfig({
  test: {
    // packages/bench is the benchmark (run by hand): it has no tests and is no project.
    projects: ["packages/*", "!packages/bench", "examples/*", "docs", "artifacts"]
  }
})
