import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    pool: "threads",
    // Stops the throwaway PostgreSQL cluster that tests start on first use (packages/server/test/postgres.ts).
    globalSetup: ["packages/server/test/postgres.ts"],
    projects: [
      {
        extends: true,
        test: { name: "sqlite", include: ["packages/*/src/**/*.test.ts", "packages/*/test/**/*.test.ts"] },
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
    ],
  },
});
