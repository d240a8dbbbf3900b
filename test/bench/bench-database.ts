/**
 * Which database the benchmark serves the generated organisations from: `--database sqlite` (the
 * default: the generated file itself) or `--database postgresql://user@host:5432/ladder_bench`.
 *
 * On PostgreSQL each organisation is generated as always (a SQLite file), then moved with the
 * production `npm run db:copy` into the named database, dropped and created afresh for each size.
 * Because it is dropped, its name must contain "bench": a typo never empties a real database.
 */
import Database from "better-sqlite3";
import pg from "pg";
import { databaseFilePath } from "~/data/database-file";
import { databaseKind, redactedUrl } from "~/data/database-kind";
import { runNode } from "./processes";

export type BenchDatabase = { kind: "sqlite" } | { kind: "postgresql"; url: string; name: string };

export function parseBenchDatabase(value: string): BenchDatabase {
  if (value === "sqlite") return { kind: "sqlite" };
  let kind: string;
  try {
    kind = databaseKind(value);
  } catch {
    kind = "unknown";
  }
  if (kind !== "postgresql") throw new Error(`--database must be "sqlite" or a postgresql:// URL, got "${redactedUrl(value)}"`);
  const name = decodeURIComponent(new URL(value).pathname.slice(1));
  if (!/bench/i.test(name)) throw new Error(`--database ${redactedUrl(value)}: the database is dropped and created for each size, so its name must contain "bench" (got "${name}")`);
  return { kind: "postgresql", url: value, name };
}

export const databaseLabel = (database: BenchDatabase) => (database.kind === "sqlite" ? "SQLite" : "PostgreSQL");

/** The same server's maintenance database, for dropping and creating the benchmark's. */
function maintenanceUrl(url: string): string {
  const u = new URL(url);
  u.pathname = "/postgres";
  return u.toString();
}

/** The DATABASE_URL to serve the organisation generated into `sqliteFile` from, copying it first when on PostgreSQL. */
export async function serveFrom(database: BenchDatabase, sqliteFile: string, log: (line: string) => void): Promise<string> {
  const source = `file:${sqliteFile}`;
  if (database.kind === "sqlite") return source;
  const admin = new pg.Client({ connectionString: maintenanceUrl(database.url) });
  await admin.connect();
  try {
    const quoted = `"${database.name.replaceAll('"', '""')}"`;
    await admin.query(`DROP DATABASE IF EXISTS ${quoted} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${quoted}`);
  } finally {
    await admin.end();
  }
  const started = Date.now();
  const output = await runNode(["--import", "tsx", "app/cli/db-copy.ts", "--from", source, "--to", database.url], {}, 20 * 60_000);
  log(`copied to ${redactedUrl(database.url)} in ${((Date.now() - started) / 1000).toFixed(1)} s: ${output.trim().split("\n").at(-1)}`);
  return database.url;
}

/**
 * Rows of one read-only query on either database. Write `?` for parameters and quote mixed-case
 * names ("interviewerId"): both databases then read the same text.
 */
export async function queryRows<T>(databaseUrl: string, sql: string, params: unknown[] = []): Promise<T[]> {
  if (databaseKind(databaseUrl) === "sqlite") {
    const db = new Database(databaseFilePath(databaseUrl), { readonly: true, fileMustExist: true });
    try {
      return db.prepare(sql).all(...params) as T[];
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    let n = 0;
    return (await client.query(sql.replace(/\?/g, () => `$${++n}`), params)).rows as T[];
  } finally {
    await client.end();
  }
}
