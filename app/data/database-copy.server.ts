/**
 * `npm run db:copy`: moves a whole organisation from its SQLite file into an empty PostgreSQL
 * database, for a deployment that grows from one instance to several.
 *
 * What it guarantees: the source is only read (opened read-only, one read transaction, so one
 * consistent moment even if something still writes to it); the source is up to date (every SQLite
 * migration of this version applied); the target holds nothing of anyone's (refused before anything
 * is written, not even the schema); the copy is one transaction (a failure leaves the target's
 * tables empty); every table's row count matches the source's before the commit; and after the
 * commit the audit trail's hash chain verifies on the target, entry by entry, as `npm run
 * audit:verify` would.
 *
 * It reads nothing from DATABASE_URL and never loads the app's Prisma client: both databases are
 * named by the caller. Values are converted by the type of the PostgreSQL column
 * (information_schema), since SQLite keeps dates as ISO text, booleans as 0/1.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import Database from "better-sqlite3";
import pg from "pg";
import { walkChain, type AuditKind, type ChainedEntry, type ChainVerification } from "~/domain/audit/chain";
import { redactedUrl } from "./database-kind";
import { migratePostgres } from "./migrate-postgres.server";
import { readMigrations, type Migration } from "./migrate.server";
import { DbCopyError, selfOrdered, sqliteDate, tableOrder, convertValue, type Column, type ForeignKey, type Row } from "./database-copy-rows";
import { LEDGER, advanceSequences, connect, firstLine, foreignKeys, quote, refuseUsedTarget, targetColumns, targetTables } from "./database-copy-target.server";

export { DbCopyError } from "./database-copy-rows";

export type CopyOptions = {
  /** The SQLite database file (a path, not a URL). */
  from: string;
  /** The PostgreSQL database, a postgresql:// URL. */
  to: string;
  log?: (line: string) => void;
  /** Rows per INSERT statement (fewer when a table has many columns: PostgreSQL takes at most 65,535 parameters). */
  batchSize?: number;
  /** The SQLite migrations the source must have (default: this version's). */
  sqliteMigrations?: Migration[];
  /** The PostgreSQL migrations applied to the target (default: this version's). */
  postgresMigrations?: Migration[];
};

const MAX_PARAMETERS = 65_535;
const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

export type AuditHead = { seq: number; hash: string };

export type CopyResult = {
  /** Every table copied, in the order written (parents before the tables that refer to them). */
  tables: Array<{ name: string; rows: number }>;
  rows: number;
  /** The audit trail as verified on the target after the commit. */
  audit: { entries: number; head: AuditHead | null };
  /** Migrations applied to the target by this copy (none when its schema was already there). */
  migrated: string[];
  milliseconds: number;
};


/** Copies every table of the SQLite file `from` into the empty PostgreSQL database `to`. */
export async function copySqliteToPostgres(options: CopyOptions): Promise<CopyResult> {
  const started = performance.now();
  const log = options.log ?? (() => {});
  const { from, to } = options;
  const target = redactedUrl(to);

  const source = openSource(from);
  try {
    checkSourceMigrations(source, from, options.sqliteMigrations ?? readMigrations());
    const sourceTables = listSourceTables(source);

    // Before anything is written, not even the schema: the target must be a database nothing lives in yet.
    const client = await connect(to);
    try {
      await refuseUsedTarget(client, target, sourceTables, "before");
    } finally {
      await client.end();
    }

    const migrated = await migratePostgres(to, options.postgresMigrations).catch((error: unknown) => {
      throw new DbCopyError(`Refused: could not create the schema in ${target}: ${firstLine(error)}. Nothing was copied.`);
    });
    if (migrated.length > 0) log(`Created the schema in ${target} (${migrated.length} migration(s)).`);

    const writer = await connect(to);
    let tables: Array<{ name: string; rows: number }>;
    try {
      tables = await copyInOneTransaction(source, writer, { sourceTables, target, log, batchSize: options.batchSize ?? 500 });
      // Statistics for the planner now, not whenever autovacuum gets to the new rows: until then it
      // plans from table sizes alone (no distributions), and autovacuum's analyse runs under the
      // app's first requests.
      await writer.query("ANALYZE");
    } finally {
      await writer.end();
    }
    const rows = tables.reduce((sum, t) => sum + t.rows, 0);

    const audit = await verifyTargetAudit(source, to, target, rows, tables.length);
    return { tables, rows, audit, migrated, milliseconds: Math.round(performance.now() - started) };
  } finally {
    source.close();
  }
}

// ---------------------------------------------------------------------------------------------
// The source

function openSource(file: string): Database.Database {
  if (!fs.existsSync(file)) throw new DbCopyError(`Refused: there is no SQLite database at ${file}. Nothing was copied.`);
  if (!fs.statSync(file).isFile()) throw new DbCopyError(`Refused: ${file} is not a file. Nothing was copied.`);
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    // Reading the schema is where a file that is not a database fails.
    db.prepare("SELECT count(*) FROM sqlite_schema").get();
    return db;
  } catch (error) {
    db?.close();
    const code = (error as { code?: string }).code ?? "";
    const why = code === "SQLITE_NOTADB" ? "it is not a SQLite database" : code.startsWith("SQLITE_CORRUPT") ? "the file is damaged" : firstLine(error);
    throw new DbCopyError(`Refused: ${file} cannot be read: ${why}${code ? ` (${code})` : ""}. Nothing was copied.`);
  }
}

/** Copy only from a database this version would start on without migrating: the schemas then match by construction. */
function checkSourceMigrations(db: Database.Database, file: string, migrations: Migration[]): void {
  const refuse = (why: string) => new DbCopyError(`Refused: ${file} ${why}. Nothing was copied.`);
  const hasLedger = db.prepare(`SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?`).get(LEDGER) !== undefined;
  if (!hasLedger) throw refuse(`is not a Builder Ladder database (it has no ${LEDGER} table)`);
  const applied = new Map(
    (
      db.prepare(`SELECT migration_name, checksum FROM "${LEDGER}" WHERE rolled_back_at IS NULL AND finished_at IS NOT NULL`).all() as Array<{
        migration_name: string;
        checksum: string;
      }>
    ).map((r) => [r.migration_name, r.checksum]),
  );
  const known = new Map(migrations.map((m) => [m.name, m.checksum]));
  const unknown = [...applied.keys()].filter((name) => !known.has(name)).sort();
  if (unknown.length > 0) throw refuse(`holds migration(s) this version of the app does not have (${unknown.join(", ")}): copy it with the version that wrote it`);
  const pending = migrations.filter((m) => !applied.has(m.name)).map((m) => m.name);
  if (pending.length > 0) {
    throw refuse(
      `is not up to date: ${pending.length} migration(s) not applied (${pending.join(", ")}). ` +
        "Start the app once on it (npm start with DATABASE_URL pointing at it), then copy",
    );
  }
  const edited = migrations.filter((m) => applied.get(m.name) !== m.checksum).map((m) => m.name);
  if (edited.length > 0) throw refuse(`records migration(s) whose SQL differs from this version's (${edited.join(", ")})`);
}

function listSourceTables(db: Database.Database): string[] {
  return (db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND name <> ? ORDER BY name`).all(LEDGER) as Array<{ name: string }>).map(
    (r) => r.name,
  );
}

function sourceColumns(db: Database.Database, table: string): string[] {
  return (db.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as Array<{ name: string }>).map((r) => r.name);
}

function sourceCount(db: Database.Database, table: string): number {
  return (db.prepare(`SELECT count(*) AS n FROM ${quote(table)}`).get() as { n: number }).n;
}

// ---------------------------------------------------------------------------------------------
// ---------------------------------------------------------------------------------------------
// The copy

async function copyInOneTransaction(
  source: Database.Database,
  client: pg.Client,
  options: { sourceTables: string[]; target: string; log: (line: string) => void; batchSize: number },
): Promise<Array<{ name: string; rows: number }>> {
  const { sourceTables, target, log } = options;
  // One read transaction on the source: every table as of one moment, even if the app still writes.
  source.exec("BEGIN");
  await client.query("BEGIN");
  try {
    const tables = (await targetTables(client)).filter((t) => t !== LEDGER);
    // Nobody else writes to the target until the copy commits (readers are not held up).
    if (tables.length > 0) await client.query(`LOCK TABLE ${tables.map(quote).join(", ")} IN EXCLUSIVE MODE`);
    await refuseUsedTarget(client, target, sourceTables, "during");

    const missing = sourceTables.filter((t) => !tables.includes(t));
    const extra = tables.filter((t) => !sourceTables.includes(t));
    if (missing.length > 0 || extra.length > 0) {
      throw new DbCopyError(
        `Refused: the two schemas differ (${[...missing.map((t) => `${t} only in the SQLite file`), ...extra.map((t) => `${t} only in PostgreSQL`)].join(", ")}). ` +
          "Both must come from the same version of the app. Nothing was copied.",
      );
    }
    const columns = await targetColumns(client);
    for (const table of tables) {
      const there = columns.get(table)!.map((c) => c.name);
      const here = sourceColumns(source, table);
      const differ = [...here.filter((c) => !there.includes(c)).map((c) => `${table}.${c} only in the SQLite file`), ...there.filter((c) => !here.includes(c)).map((c) => `${table}.${c} only in PostgreSQL`)];
      if (differ.length > 0) throw new DbCopyError(`Refused: the two schemas differ (${differ.join(", ")}). Both must come from the same version of the app. Nothing was copied.`);
    }

    const keys = await foreignKeys(client);
    const copied: Array<{ name: string; rows: number }> = [];
    for (const table of tableOrder(tables, keys)) {
      const since = performance.now();
      const rows = await copyTable(source, client, table, columns.get(table)!, keys.filter((k) => k.table === table && k.references === table), options.batchSize);
      const expected = sourceCount(source, table);
      if (rows !== expected) throw new DbCopyError(`Copy failed: read ${rows} rows of ${table} but it has ${expected}. The target was left empty.`);
      copied.push({ name: table, rows });
      log(`  ${table}: ${rows} row${rows === 1 ? "" : "s"} (${Math.round(performance.now() - since)} ms)`);
    }

    // Counted again on the target, in the transaction: what will commit is what the source holds.
    for (const { name } of copied) {
      const { rows } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${quote(name)}`);
      const there = Number(rows[0]!.n);
      const here = sourceCount(source, name);
      if (there !== here) throw new DbCopyError(`Copy failed: ${name} has ${there} rows in PostgreSQL but ${here} in the SQLite file. The target was left empty.`);
    }
    // Columns numbered by a sequence (SERIAL) carry on after the highest copied value. Last, as
    // a sequence's position is not rolled back with the transaction.
    await advanceSequences(client, tables);
    await client.query("COMMIT");
    return copied;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    if (error instanceof DbCopyError) throw error;
    throw new DbCopyError(`Copy failed: ${firstLine(error)}. The copy was rolled back: the target's tables are empty.`);
  } finally {
    source.exec("ROLLBACK");
  }
}

async function copyTable(source: Database.Database, client: pg.Client, table: string, columns: Column[], selfKeys: ForeignKey[], batchSize: number): Promise<number> {
  const perStatement = Math.max(1, Math.min(batchSize, Math.floor(MAX_PARAMETERS / columns.length)));
  const select = source.prepare(`SELECT ${columns.map((c) => quote(c.name)).join(", ")} FROM ${quote(table)}`).safeIntegers(true);
  const list = columns.map((c) => quote(c.name)).join(", ");
  let count = 0;
  let batch: Row[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    const values: unknown[] = [];
    const tuples = batch.map((row) => `(${columns.map((c) => `$${values.push(convertValue(row[c.name], c, table))}`).join(", ")})`);
    try {
      await client.query(`INSERT INTO ${quote(table)} (${list}) VALUES ${tuples.join(", ")}`, values);
    } catch (error) {
      throw new DbCopyError(`Copy failed while writing ${table}: ${firstLine(error)}. The copy was rolled back: the target's tables are empty.`);
    }
    count += batch.length;
    batch = [];
  };
  // A table that refers to itself is read whole and ordered; the others stream.
  const rows: Iterable<Row> = selfKeys.length > 0 ? selfOrdered(select.all() as Row[], selfKeys) : (select.iterate() as IterableIterator<Row>);
  for (const row of rows) {
    batch.push(row);
    if (batch.length >= perStatement) await flush();
  }
  await flush();
  return count;
}

// ---------------------------------------------------------------------------------------------
// The audit trail

const AUDIT_COLUMNS = ["seq", "at", "actorId", "kind", "action", "recordType", "recordId", "candidateId", "subjectUserId", "address", "reason", "detail", "personalHash", "prevHash", "hash", "redactedAt"];


const entryOf = (row: Row, date: (v: unknown) => Date | null): ChainedEntry => ({
  seq: Number(row.seq),
  at: date(row.at)!,
  actorId: row.actorId as string | null,
  kind: row.kind as AuditKind,
  action: row.action as string,
  recordType: row.recordType as string,
  recordId: row.recordId as string,
  candidateId: row.candidateId as string | null,
  subjectUserId: row.subjectUserId as string | null,
  address: row.address as string | null,
  reason: row.reason as string | null,
  detail: row.detail as string | null,
  personalHash: row.personalHash as string,
  prevHash: row.prevHash as string,
  hash: row.hash as string,
  redactedAt: date(row.redactedAt),
});

async function verifyTargetAudit(source: Database.Database, url: string, target: string, rows: number, tables: number): Promise<{ entries: number; head: AuditHead | null }> {
  const list = AUDIT_COLUMNS.map(quote).join(", ");
  const client = await connect(url);
  let result: ChainVerification;
  try {
    result = await walkChain(sha256, async (after, limit) => {
      const page = await client.query<Row>(`SELECT ${list} FROM "AuditEntry" WHERE seq > $1 ORDER BY seq LIMIT $2`, [after, limit]);
      return page.rows.map((r) => entryOf(r, (v) => (v instanceof Date ? v : null)));
    });
  } finally {
    await client.end();
  }
  if (!result.broken) return { entries: result.entries, head: result.head };

  // Broken: was it so in the source already (the copy is faithful), or did the copy change something?
  const page = source.prepare(`SELECT ${list} FROM "AuditEntry" WHERE seq > ? ORDER BY seq LIMIT ?`);
  const inSource = await walkChain(sha256, (after, limit) => (page.all(after, limit) as Row[]).map((r) => entryOf(r, sqliteDate)));
  const where = `entry ${result.broken.seq} ${result.broken.problem}; ${result.entries} entries before it verify`;
  throw new DbCopyError(
    `Copied ${rows} rows in ${tables} tables to ${target}, but its audit trail does NOT verify: ${where}. ` +
      (inSource.broken?.seq === result.broken.seq
        ? "The SQLite file's trail breaks at the same entry: the copy is faithful; investigate the source (npm run audit:verify on it)."
        : "The SQLite file's trail does not break there: the copy changed it. Do not use the target; drop it and report this."),
  );
}
