import { defineConfig } from "vitest/config";
import tsconfigPaths from "vite-tsconfig-paths";

// Unit and integration tests. Every test file gets a fresh, migrated SQLite database
// (test/setup/database.ts), so files run in parallel without sharing state.
export default defineConfig({
  plugins: [tsconfigPaths()],
  test: {
    include: ["test/**/*.test.ts", "test/**/*.test.tsx"],
    setupFiles: ["test/setup/database.ts"],
    environment: "node",
    pool: "forks",
    testTimeout: 20_000,
  },
});
