import { databaseFilePath } from "~/data/database-file";
import { databaseKind } from "~/data/database-kind";
import { migrateDatabase } from "~/data/migrate.server";
import { migratePostgres } from "~/data/migrate-postgres.server";
import type { ServerConfig } from "~/utils/env.server";
import { fileProblem, isFileError } from "~/utils/startup-error";

/**
 * Brings the database up to date before the server listens: creates the file when missing,
 * applies pending migrations, publishes the rubric files (refusing a change to a version in
 * use), and seeds the demo organisation into an empty database when SEED_DEMO is on.
 * Never touches data in a database that already has users.
 */
export async function prepareDatabase(config: ServerConfig, log: (line: string) => void): Promise<{ seeded: boolean }> {
  const applied = await migrate(config.databaseUrl);
  if (applied.length > 0) log(`Applied ${applied.length} migration(s): ${applied.join(", ")}`);
  await publishRubrics(log);
  await pruneAuthRecords(new Date());
  if (!config.seedDemo) return { seeded: false };

  const { prisma } = await import("~/data/db.server");
  const { isDatabaseEmpty, seedDemoOrganisation } = await import("../../prisma/seed/demo-organisation");
  if (!(await isDatabaseEmpty(prisma))) return { seeded: false };
  await seedDemoOrganisation(prisma, new Date());
  log("Seeded the demo organisation (Northwind Labs) into the empty database.");
  return { seeded: true };
}

/** Applies pending migrations to the database DATABASE_URL names; returns their names. */
async function migrate(databaseUrl: string): Promise<string[]> {
  if (databaseKind(databaseUrl) === "postgresql") return migratePostgres(databaseUrl);
  const file = databaseFilePath(databaseUrl);
  try {
    return migrateDatabase(file);
  } catch (error) {
    // A path the app cannot write, or a file that is not a database: say which and why, in one line.
    if (isFileError(error)) throw fileProblem("DATABASE_URL", "open the database", file, error);
    throw error;
  }
}

export async function publishRubrics(log: (line: string) => void): Promise<void> {
  const { syncRubricFiles } = await import("~/data/rubrics.server");
  const report = await syncRubricFiles(new Date());
  const name = (v: { track: string; version: number }) => `${v.track} v${v.version}`;
  if (report.create.length > 0) log(`Published rubric versions: ${report.create.map(name).join(", ")}`);
  if (report.update.length > 0) log(`Updated unused rubric versions: ${report.update.map(name).join(", ")}`);
  if (report.remove.length > 0) log(`Removed unused rubric versions whose files are gone: ${report.remove.map(name).join(", ")}`);
}

/** Expired sessions, and sign-in attempts no throttle rule reads any more (successes are kept 30 days: known addresses). */
export async function pruneAuthRecords(now: Date): Promise<void> {
  const { deleteExpiredSessions } = await import("~/data/sessions.server");
  const { pruneLoginAttempts } = await import("~/data/login-attempts.server");
  const { pruneCutoffs } = await import("~/domain/login-throttle");
  await deleteExpiredSessions(now);
  await pruneLoginAttempts(pruneCutoffs(now));
}
