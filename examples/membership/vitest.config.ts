import { defineProject } from "vitest/config"

export default defineProject({
  test: {
    name: "example-membership",
    include: ["test/**/*.test.ts"]
  }
})
