// Reads what /readyz needs from the database the app itself uses: can it answer, and which migrations are applied.
import type { PrismaClient } from "~/generated/prisma/client";
import { migrationReadiness, type Readiness } from "~/domain/readiness";
import { readMigrations } from "./migrate.server";
import { POSTGRES_MIGRATIONS_DIR } from "./migrate-postgres.server";
import type { DatabaseKind } from "./database-kind";
import { onPostgres } from "./sql-dialect";

/**
 * The app's readiness through its own database client: a failed query (the file gone, locked for
 * longer than the busy timeout, not a database, PostgreSQL down) is "not ready", with a short
 * reason and no detail.
 * `expected` defaults to the migrations shipped with this code, read once; `database` to the
 * kind DATABASE_URL names.
 */
export async function databaseReadiness(
  db?: PrismaClient,
  expected: readonly string[] = shippedMigrations(),
  database: DatabaseKind = onPostgres() ? "postgresql" : "sqlite",
): Promise<Readiness> {
  const client = db ?? (await import("./db.server")).prisma;
  let applied: string[];
  try {
    const rows = await client.$queryRaw<Array<{ migration_name: string }>>`
      SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;
    applied = rows.map((r) => r.migration_name);
  } catch {
    return { ready: false, reason: "the database does not answer", database };
  }
  return { ...migrationReadiness(expected, applied), database };
}

let shipped: string[] | undefined;
/** The migrations this code ships for the database it runs on. */
export function shippedMigrations(): string[] {
  return (shipped ??= readMigrations(onPostgres() ? POSTGRES_MIGRATIONS_DIR : undefined).map((m) => m.name));
}
