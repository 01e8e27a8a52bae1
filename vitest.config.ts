import { configDefaults, defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    pool: "threads",
    // Stops the throwaway PostgreSQL cluster that tests start on first use (packages/server/test/postgres.ts).
    globalSetup: ["packages/server/test/postgres.ts"],
    projects: [
      {
        extends: true,
        test: {
          name: "sqlite",
          include: ["packages/*/src/**/*.test.ts", "packages/*/test/**/*.test.ts"],
          exclude: [...configDefaults.exclude, "packages/desktop/**"],
        },
      },
      {
        // The server's black-box suite again, on PostgreSQL.
        extends: true,
        test: {
          name: "postgres",
          include: ["packages/server/test/**/*.test.ts"],
          env: { PARLEY_TEST_DB: "postgres" },
        },
      },
      {
        // The Agent Desktop: component tests in a simulated DOM; the end-to-end flow
        // (*.e2e.test.ts) asks for the node environment itself and drives Debian's Chromium.
        extends: true,
        test: {
          name: "desktop",
          include: ["packages/desktop/{src,test}/**/*.test.{ts,tsx}"],
          environment: "happy-dom",
          setupFiles: ["packages/desktop/test/setup.ts"],
        },
      },
    ],
  },
});
