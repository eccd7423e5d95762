import { defineProject } from "vitest/config"

export default defineProject({
  test: {
    name: "example-property-testing",
    include: ["test/**/*.test.ts"]
  }
})
