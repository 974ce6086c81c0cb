import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // The adversarial timing test collects the garbage of earlier inputs before it measures.
    execArgv: ["--expose-gc"],
    // Test files share a worker's module cache: no test mocks modules or mutates globals, and
    // importing the library afresh into each of 175 files was half of the suite's time.
    isolate: false,
  },
});
