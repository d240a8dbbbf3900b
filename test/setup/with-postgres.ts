/**
 * `npm run test:postgres`: the integration suite again, on PostgreSQL. Starts a throwaway cluster
 * (prisma/postgres-cluster.ts), runs `vitest run` with TEST_POSTGRES_URL pointing at it (each test
 * file then gets its own database, copied from a migrated template), and removes the cluster after.
 *
 * Without PostgreSQL installed it says so and exits 0, so `npm test` still runs on a machine with
 * only Node; with REQUIRE_POSTGRES=1 (as .ci/run sets) a missing PostgreSQL fails the run.
 * Extra arguments go to vitest (`npm run test:postgres -- test/integration/loops.test.ts`).
 */
import { spawnSync } from "node:child_process";
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
  status = spawnSync("npx", ["vitest", "run", ...process.argv.slice(2)], { stdio: "inherit", env: { ...process.env, TEST_POSTGRES_URL: cluster.url } }).status ?? 1;
} finally {
  cluster.stop();
}
process.exit(status);
