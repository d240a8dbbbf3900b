/**
 * db:copy's PostgreSQL side (database-copy.server.ts): connecting, what the target holds (tables,
 * columns, foreign keys), refusing a target that is not empty, and moving sequences past the
 * copied values.
 */
import pg from "pg";
import { StartupError } from "~/utils/startup-error";
import { DbCopyError, type Column, type ForeignKey } from "./database-copy-rows";
import { redactedUrl } from "./database-kind";

/** Prisma's migration ledger: present in an empty, migrated database, and never copied over. */
export const LEDGER = "_prisma_migrations";
export const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** node-pg reads a TIMESTAMP (no zone) as local time; the ORM's timestamps are UTC. */
const TIMESTAMP_OID = 1114;
const utcTimestamps = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    oid === TIMESTAMP_OID ? (text: string) => new Date(`${text.replace(" ", "T")}Z`) : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

export async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url, types: utcTimestamps });
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => undefined);
    throw new DbCopyError(`Refused: cannot connect to PostgreSQL at ${redactedUrl(url)} (${firstLine(error)}). Nothing was copied.`);
  }
  return client;
}

export async function targetTables(client: pg.ClientBase): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(
    `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name`,
  );
  return rows.map((r) => r.name);
}

/**
 * Refuses a target that holds rows in any table (ours or not), or tables that are not the app's:
 * the copy only ever fills an empty database, so it never mixes two organisations.
 */
export async function refuseUsedTarget(client: pg.ClientBase, target: string, appTables: readonly string[], when: "before" | "during"): Promise<void> {
  const app = new Set(appTables);
  const tables = (await targetTables(client)).filter((t) => t !== LEDGER);
  const foreign = tables.filter((t) => !app.has(t));
  if (foreign.length > 0) {
    throw new DbCopyError(
      `Refused: ${target} is not an empty Builder Ladder database: it has table(s) the app does not (${foreign.slice(0, 5).join(", ")}${foreign.length > 5 ? ", …" : ""}). ` +
        `Copy into a new, empty database. Nothing was ${when === "before" ? "written" : "copied"}.`,
    );
  }
  for (const table of tables) {
    const { rowCount } = await client.query(`SELECT 1 FROM ${quote(table)} LIMIT 1`);
    if ((rowCount ?? 0) > 0) {
      throw new DbCopyError(`Refused: ${target} is not empty: table "${table}" has rows. db:copy only fills an empty database. Nothing was ${when === "before" ? "written" : "copied"}.`);
    }
  }
}

export async function targetColumns(client: pg.ClientBase): Promise<Map<string, Column[]>> {
  const { rows } = await client.query<{ table_name: string; column_name: string; data_type: string }>(
    `SELECT table_name, column_name, data_type FROM information_schema.columns WHERE table_schema = current_schema() ORDER BY table_name, ordinal_position`,
  );
  const byTable = new Map<string, Column[]>();
  for (const r of rows) {
    const list = byTable.get(r.table_name) ?? [];
    list.push({ name: r.column_name, type: r.data_type });
    byTable.set(r.table_name, list);
  }
  return byTable;
}

export async function foreignKeys(client: pg.ClientBase): Promise<ForeignKey[]> {
  const { rows } = await client.query<{ table: string; columns: string[]; references: string; referenced_columns: string[] }>(
    `SELECT src.relname AS "table", dst.relname AS "references",
            ARRAY(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY AS k(num, i) JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.num ORDER BY k.i) AS columns,
            ARRAY(SELECT a.attname::text FROM unnest(c.confkey) WITH ORDINALITY AS k(num, i) JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.num ORDER BY k.i) AS referenced_columns
       FROM pg_constraint c
       JOIN pg_class src ON src.oid = c.conrelid
       JOIN pg_class dst ON dst.oid = c.confrelid
       JOIN pg_namespace n ON n.oid = src.relnamespace
      WHERE c.contype = 'f' AND n.nspname = current_schema()`,
  );
  return rows.map((r) => ({ table: r.table, columns: r.columns, references: r.references, referencedColumns: r.referenced_columns }));
}

export async function advanceSequences(client: pg.ClientBase, tables: string[]): Promise<void> {
  const { rows } = await client.query<{ table_name: string; column_name: string; sequence: string }>(
    `SELECT table_name, column_name, pg_get_serial_sequence(quote_ident(table_name), column_name) AS sequence
       FROM information_schema.columns
      WHERE table_schema = current_schema() AND pg_get_serial_sequence(quote_ident(table_name), column_name) IS NOT NULL`,
  );
  for (const r of rows) {
    if (!tables.includes(r.table_name)) continue;
    // With no rows, the next value is 1 (is_called false); otherwise the one after the highest.
    await client.query(
      `SELECT setval($1, COALESCE((SELECT max(${quote(r.column_name)}) FROM ${quote(r.table_name)}), 1), (SELECT count(*) > 0 FROM ${quote(r.table_name)}))`,
      [r.sequence],
    );
  }
}

/** An error's first line, for a one-line refusal. */
export function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return (error instanceof StartupError ? message : message.split("\n")[0]!).replace(/\.$/, "");
}
