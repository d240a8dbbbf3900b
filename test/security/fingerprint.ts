/**
 * "Was anything written?", cheaply and exactly. The app reaches SQLite through one better-sqlite3
 * connection (Prisma's driver adapter holds a single `Database`), and SQLite's `total_changes()`
 * counts every row that connection has inserted, updated or deleted since it opened (an UPDATE
 * that rewrites a row with the same values counts too). Two readings taken around a request
 * differ exactly when the request changed a row. A content hash of every table backs it up at
 * coarser points (before and after a whole run), in case something ever wrote through another
 * connection.
 */
import { createHash } from "node:crypto";
import { prisma } from "~/data/db.server";

export async function changeCounter(): Promise<number> {
  const rows = await prisma.$queryRawUnsafe<Array<{ changes: bigint | number }>>("SELECT total_changes() AS changes");
  return Number(rows[0]!.changes);
}

/** Runs `work` and says how many rows it changed. */
export async function rowsChangedBy<T>(work: () => Promise<T>): Promise<{ result: T; changed: number }> {
  const before = await changeCounter();
  const result = await work();
  return { result, changed: (await changeCounter()) - before };
}

/** SHA-256 over every row of every table (in a fixed order): equal hashes, equal contents. */
export async function contentHash(): Promise<string> {
  const tables = await prisma.$queryRawUnsafe<Array<{ name: string }>>(
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
  );
  const hash = createHash("sha256");
  for (const { name } of tables) {
    const rows = await prisma.$queryRawUnsafe<unknown[]>(`SELECT * FROM "${name.replace(/"/g, '""')}" ORDER BY rowid`);
    hash.update(name);
    hash.update(JSON.stringify(rows, (_, v: unknown) => (typeof v === "bigint" ? v.toString() : v instanceof Uint8Array ? Buffer.from(v).toString("hex") : v)));
  }
  return hash.digest("hex");
}
