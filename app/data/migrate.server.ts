import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { StartupError } from "~/utils/startup-error";
import { preparePrivateDatabaseFile } from "./private-files";

/**
 * Applies `prisma/migrations/*\/migration.sql` in order, recording each in Prisma's own
 * `_prisma_migrations` table so `prisma migrate status` agrees. We run the SQL ourselves
 * because `prisma migrate deploy` costs about a second per fresh database (tests make one
 * per file) and needs the CLI at run time.
 */
export const MIGRATIONS_DIR = path.resolve("prisma", "migrations");

const LEDGER_DDL = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" TEXT PRIMARY KEY NOT NULL,
  "checksum" TEXT NOT NULL,
  "finished_at" DATETIME,
  "migration_name" TEXT NOT NULL,
  "logs" TEXT,
  "rolled_back_at" DATETIME,
  "started_at" DATETIME NOT NULL DEFAULT current_timestamp,
  "applied_steps_count" INTEGER UNSIGNED NOT NULL DEFAULT 0
)`;

export type Migration = { name: string; sql: string; checksum: string };

export function readMigrations(dir = MIGRATIONS_DIR): Migration[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = fs.readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

/** Creates the file (and its folder) when missing, private to the app's user; returns the names of the migrations applied now. */
export function migrateDatabase(file: string, migrations = readMigrations()): string[] {
  preparePrivateDatabaseFile(file);
  const db = new Database(file);
  try {
    db.pragma("journal_mode = WAL");
    // Take the write lock once, so a database the app may read but not write stops the start here (SQLITE_READONLY).
    db.exec("BEGIN IMMEDIATE; ROLLBACK");
    db.exec(LEDGER_DDL);
    const applied = new Map(
      db
        .prepare(`SELECT migration_name, checksum FROM "_prisma_migrations" WHERE rolled_back_at IS NULL AND finished_at IS NOT NULL`)
        .all()
        .map((row) => {
          const r = row as { migration_name: string; checksum: string };
          return [r.migration_name, r.checksum] as const;
        }),
    );
    const done: string[] = [];
    for (const migration of migrations) {
      const previous = applied.get(migration.name);
      if (previous !== undefined) {
        if (previous !== migration.checksum) {
          throw new StartupError(
            `Migration ${migration.name} was changed after it was applied to ${file}. ` +
              "Migrations are append-only: revert the edit and write a new migration (npm run db:migration).",
          );
        }
        continue;
      }
      const startedAt = new Date().toISOString();
      db.exec(migration.sql);
      db.prepare(
        `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, started_at, applied_steps_count)
         VALUES (?, ?, ?, ?, ?, 1)`,
      ).run(randomUUID(), migration.checksum, new Date().toISOString(), migration.name, startedAt);
      done.push(migration.name);
    }
    return done;
  } finally {
    db.close();
  }
}
