import { defineConfig } from "vitest/config";
import tsconfigPaths from "vite-tsconfig-paths";

// Unit and integration tests. Every test file gets a fresh, migrated database (test/setup/database.ts:
// SQLite, or PostgreSQL with TEST_POSTGRES_URL), so files run in parallel without sharing state.
/**
 * Files about SQLite itself (its file, its migration runner, its backups): they run on SQLite
 * only, and are left out when the suite runs on PostgreSQL (TEST_POSTGRES_URL). (The files that
 * build the benchmark's organisation run on both: test/helpers/generated-organisation.ts.)
 */
const SQLITE_ONLY = [
  "test/integration/migrations.test.ts",
  "test/integration/backup.test.ts",
  "test/integration/private-files.test.ts",
];

export default defineConfig({
  plugins: [tsconfigPaths()],
  test: {
    include: ["test/**/*.test.ts", "test/**/*.test.tsx"],
    exclude: ["**/node_modules/**", ...(process.env.TEST_POSTGRES_URL ? SQLITE_ONLY : [])],
    setupFiles: ["test/setup/database.ts"],
    globalSetup: ["test/setup/postgres-template.ts"],
    environment: "node",
    pool: "forks",
    testTimeout: 20_000,
  },
});
