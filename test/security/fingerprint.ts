/**
 * "Was anything written?", cheaply and exactly, on either database.
 *
 * - SQLite: the app reaches it through one better-sqlite3 connection (Prisma's driver adapter holds
 *   a single `Database`), and `total_changes()` counts every row that connection has inserted,
 *   updated or deleted since it opened (rolled back or not; an UPDATE that rewrites a row with the
 *   same values counts too).
 * - PostgreSQL: the test template database (test/setup/postgres-template.ts) has a trigger on every
 *   table that counts each row inserted, updated or deleted in `_test_row_changes`; committed
 *   changes only, which is what "written" means there.
 *
 * Two readings taken around a request differ exactly when the request changed a row. A content
 * hash of every table backs it up at coarser points (before and after a whole run).
 */
import { createHash } from "node:crypto";
import { prisma } from "~/data/db.server";

const onPostgres = () => Boolean(process.env.TEST_POSTGRES_URL);

export async function changeCounter(): Promise<number> {
  const sql = onPostgres() ? `SELECT "n" AS changes FROM "_test_row_changes"` : "SELECT total_changes() AS changes";
  const rows = await prisma.$queryRawUnsafe<Array<{ changes: bigint | number }>>(sql);
  return Number(rows[0]!.changes);
}

/** Runs `work` and says how many rows it changed. */
export async function rowsChangedBy<T>(work: () => Promise<T>): Promise<{ result: T; changed: number }> {
  const before = await changeCounter();
  const result = await work();
  return { result, changed: (await changeCounter()) - before };
}

/** The app's tables (not the test's own bookkeeping), by name. */
export async function tableNames(): Promise<string[]> {
  const sql = onPostgres()
    ? `SELECT table_name::text AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name NOT LIKE '\\_test%' ORDER BY table_name`
    : "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name";
  return (await prisma.$queryRawUnsafe<Array<{ name: string }>>(sql)).map((r) => r.name);
}

const asText = (rows: unknown[]) =>
  rows.map((row) => JSON.stringify(row, (_, v: unknown) => (typeof v === "bigint" ? v.toString() : v instanceof Uint8Array ? Buffer.from(v).toString("hex") : v))).sort();

/** Every row of a table as text, in a fixed order (sorted: neither database's physical order is kept by both). */
export async function tableContent(name: string): Promise<string> {
  return JSON.stringify(asText(await prisma.$queryRawUnsafe<unknown[]>(`SELECT * FROM "${name.replace(/"/g, '""')}"`)));
}

/** SHA-256 over every row of every table (in a fixed order): equal hashes, equal contents. */
export async function contentHash(): Promise<string> {
  const hash = createHash("sha256");
  for (const name of await tableNames()) {
    hash.update(name);
    hash.update(await tableContent(name));
  }
  return hash.digest("hex");
}
