import { randomUUID } from "node:crypto";
import path from "node:path";
import pg from "pg";
import { StartupError } from "~/utils/startup-error";
import { readMigrations, type Migration } from "./migrate.server";
import { redactedUrl } from "./database-kind";

/** PostgreSQL's migrations: generated from the same schema (prisma/provider-schema.ts), kept apart. */
export const POSTGRES_MIGRATIONS_DIR = path.resolve("prisma", "postgresql", "migrations");

const LEDGER_DDL = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

/** Any number; the same in every instance, so that instances starting together migrate one at a time. */
const MIGRATION_LOCK = 7_304_211;

/**
 * Applies the pending PostgreSQL migrations, each in its own transaction with its ledger row
 * (Prisma's `_prisma_migrations`, so `prisma migrate status` agrees). Instances starting at the
 * same moment take turns on an advisory lock: the first applies, the others find nothing to do.
 * Returns the names applied now.
 */
export async function migratePostgres(databaseUrl: string, migrations: Migration[] = readMigrations(POSTGRES_MIGRATIONS_DIR)): Promise<string[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  try {
    await client.connect();
  } catch (error) {
    throw new StartupError(`DATABASE_URL: cannot connect to PostgreSQL at ${redactedUrl(databaseUrl)} (${(error as Error).message}).`);
  }
  try {
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK]);
    await client.query(LEDGER_DDL);
    const { rows } = await client.query<{ migration_name: string; checksum: string }>(
      `SELECT migration_name, checksum FROM "_prisma_migrations" WHERE rolled_back_at IS NULL AND finished_at IS NOT NULL`,
    );
    const applied = new Map(rows.map((r) => [r.migration_name, r.checksum]));
    const done: string[] = [];
    for (const migration of migrations) {
      const previous = applied.get(migration.name);
      if (previous !== undefined) {
        if (previous !== migration.checksum) {
          throw new StartupError(
            `Migration ${migration.name} was changed after it was applied to the PostgreSQL database. ` +
              "Migrations are append-only: revert the edit and write a new migration (npm run db:migration).",
          );
        }
        continue;
      }
      const startedAt = new Date();
      await client.query("BEGIN");
      try {
        await client.query(migration.sql);
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, started_at, applied_steps_count) VALUES ($1, $2, now(), $3, $4, 1)`,
          [randomUUID(), migration.checksum, migration.name, startedAt],
        );
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw error;
      }
      done.push(migration.name);
    }
    return done;
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK]).catch(() => undefined);
    await client.end();
  }
}
