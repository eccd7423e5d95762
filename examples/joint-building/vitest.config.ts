import { defineProject } from "vitest/config"

export default defineProject({
  test: {
    name: "example-joint-building",
    include: ["test/**/*.test.ts"]
  }
})
