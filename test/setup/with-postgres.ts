/**
 * `npm run test:postgres`: the integration suite again, on PostgreSQL. Starts a throwaway cluster
 * (prisma/postgres-cluster.ts), runs `vitest run` with TEST_POSTGRES_URL pointing at it (each test
 * file then gets its own database, copied from a migrated template), then the end-to-end tests
 * that need PostgreSQL (playwright.postgres.config.ts: two instances on one database), and removes
 * the cluster after.
 *
 * Without PostgreSQL installed it says so and exits 0, so `npm test` still runs on a machine with
 * only Node; with REQUIRE_POSTGRES=1 (as .ci/run sets) a missing PostgreSQL fails the run.
 * Extra arguments go to vitest (`npm run test:postgres -- test/integration/loops.test.ts`).
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { startCluster } from "../../prisma/postgres-cluster";

const cluster = await startCluster();
if (!cluster) {
  const message = "PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb): the PostgreSQL run of the tests is skipped. On Debian: apt-get install postgresql";
  if (process.env.REQUIRE_POSTGRES === "1") {
    console.error(message);
    process.exit(1);
  }
  console.warn(`\n*** ${message} ***\n`);
  process.exit(0);
}
let status = 1;
try {
  console.log(`PostgreSQL ${cluster.version} test cluster at ${cluster.url}`);
  const env = { ...process.env, TEST_POSTGRES_URL: cluster.url };
  const only = process.argv.slice(2);
  status = spawnSync("npx", ["vitest", "run", ...only], { stdio: "inherit", env }).status ?? 1;
  // Then the end-to-end tests that need PostgreSQL (two instances on one database), on the
  // production build (`npm test` has made it for the other end-to-end tests by then).
  if (status === 0 && only.length === 0) {
    if (!fs.existsSync("build/server/index.js")) status = spawnSync("npm", ["run", "build"], { stdio: "inherit" }).status ?? 1;
    if (status === 0) status = spawnSync("npx", ["playwright", "test", "--config", "playwright.postgres.config.ts"], { stdio: "inherit", env }).status ?? 1;
  }
} finally {
  cluster.stop();
}
process.exit(status);
