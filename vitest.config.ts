import path from "node:path";
import { defineConfig } from "vitest/config";

const alias = {
  "~": path.resolve(__dirname, "app"),
  "#server": path.resolve(__dirname, "server"),
  "#inngest": path.resolve(__dirname, "inngest"),
  "#locales": path.resolve(__dirname, "locales"),
  "#tests": path.resolve(__dirname, "tests"),
};

export default defineConfig({
  resolve: { alias },
  test: {
    // Two cores: keep parallelism modest so database-heavy files do not starve each other.
    maxWorkers: 2,
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          environment: "node",
          include: ["server/**/*.test.ts", "app/**/*.test.{ts,tsx}", "inngest/**/*.test.ts", "tests/unit/**/*.test.{ts,tsx}"],
          exclude: ["**/*.integration.test.ts", "node_modules/**"],
          setupFiles: ["tests/setup/unit-setup.ts"],
          // scrypt hashing and pino's redaction take a few seconds on a loaded 2-core machine.
          testTimeout: 20_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          environment: "node",
          include: ["tests/integration/**/*.test.ts", "server/**/*.integration.test.ts", "inngest/**/*.integration.test.ts"],
          globalSetup: ["tests/setup/db-global-setup.ts"],
          setupFiles: ["tests/setup/unit-setup.ts", "tests/setup/db-setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: "e2e",
          environment: "node",
          include: ["tests/e2e/**/*.e2e.test.ts"],
          globalSetup: ["tests/setup/e2e-global-setup.ts"],
          testTimeout: 180_000,
          hookTimeout: 240_000,
          fileParallelism: false,
          // After unit and integration: a browser and a server beside 50-way concurrency tests on
          // two cores made "Unable to start a transaction in the given time" (CI, issue 7).
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
