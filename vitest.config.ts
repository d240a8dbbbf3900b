import { defineConfig } from "vitest/config";
import tsconfigPaths from "vite-tsconfig-paths";

// Unit and integration tests. Every test file gets a fresh, migrated database (test/setup/database.ts:
// SQLite, or PostgreSQL with TEST_POSTGRES_URL), so files run in parallel without sharing state.
export default defineConfig({
  plugins: [tsconfigPaths()],
  test: {
    include: ["test/**/*.test.ts", "test/**/*.test.tsx"],
    setupFiles: ["test/setup/database.ts"],
    globalSetup: ["test/setup/postgres-template.ts"],
    environment: "node",
    pool: "forks",
    testTimeout: 20_000,
  },
});
