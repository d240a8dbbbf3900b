/**
 * npm run seed             seeds the demo organisation into an empty database (creating it)
 * npm run seed -- --reset  deletes the database file first, then migrates and seeds
 * Seeding never writes into a database that already has users unless --reset is given.
 */
import fs from "node:fs";
import { databaseFilePath } from "~/data/database-file";
import { migrateDatabase } from "~/data/migrate.server";
import { publishRubrics } from "~/server/startup";
import { loadEnvFile } from "~/utils/env-file";
import { getConfig } from "~/utils/env.server";

loadEnvFile();
const config = getConfig();
const file = databaseFilePath(config.databaseUrl);
if (config.deployment === "strict") {
  console.error("DEPLOYMENT=strict: the demo organisation (whose accounts share a published password) is never seeded. Nothing was changed.");
  process.exit(1);
}

if (process.argv.includes("--reset")) {
  for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(file + suffix, { force: true });
  console.log(`Deleted ${file}`);
}
migrateDatabase(file);
await publishRubrics((line) => console.log(line));

// Loaded after .env and the configuration: the seed reaches the database client, which reads the configuration as it loads.
const { DEMO_LOGINS, DEMO_PASSWORD, isDatabaseEmpty, seedDemoOrganisation } = await import("./seed/demo-organisation");
const { prisma } = await import("~/data/db.server");
if (!(await isDatabaseEmpty(prisma))) {
  console.error(
    `${file} already holds data; nothing was changed.\n` +
      "To wipe it and load the demo organisation: npm run seed -- --reset",
  );
  process.exit(1);
}
await seedDemoOrganisation(prisma, new Date());
console.log(`Seeded the demo organisation into ${file}. Sign in with password "${DEMO_PASSWORD}" as:`);
for (const login of DEMO_LOGINS) console.log(`  ${login.email}`);
await prisma.$disconnect();
