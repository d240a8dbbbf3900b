/**
 * db:copy's pure parts (database-copy.server.ts): the order tables and self-referring rows are
 * written in, and each SQLite value converted to its PostgreSQL column's type. No database here.
 */

/** A copy that cannot go ahead, or that failed, with a one-line message saying why (the CLI prints it alone). */
export class DbCopyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "DbCopyError";
  }
}

export type Column = { name: string; type: string };
export type ForeignKey = { table: string; columns: string[]; references: string; referencedColumns: string[] };
export type Row = Record<string, unknown>;

/** Parents before children (Kahn's algorithm, alphabetical among equals so the order is stable); a table's references to itself are ordered row by row. */
export function tableOrder(tables: readonly string[], keys: readonly ForeignKey[]): string[] {
  const parents = new Map(tables.map((t) => [t, new Set<string>()]));
  for (const key of keys) {
    if (key.table !== key.references && parents.has(key.table) && parents.has(key.references)) parents.get(key.table)!.add(key.references);
  }
  const order: string[] = [];
  const done = new Set<string>();
  while (order.length < tables.length) {
    const ready = [...parents.keys()].filter((t) => !done.has(t) && [...parents.get(t)!].every((p) => done.has(p))).sort();
    if (ready.length === 0) {
      const left = tables.filter((t) => !done.has(t));
      throw new DbCopyError(`Refused: the foreign keys between ${left.join(", ")} form a cycle, which db:copy cannot order. Nothing was copied.`);
    }
    for (const t of ready) {
      order.push(t);
      done.add(t);
    }
  }
  return order;
}

/** Rows of a table that refers to itself, each after the row it refers to. */
export function selfOrdered(rows: Row[], keys: ForeignKey[]): Row[] {
  if (keys.length === 0) return rows;
  // Integers come as BigInt (safeIntegers), which JSON cannot write.
  const keyOf = (row: Row, columns: string[]) => JSON.stringify(columns.map((c) => (typeof row[c] === "bigint" ? `${row[c]}n` : row[c])));
  const present = keys.map((k) => new Set(rows.map((r) => keyOf(r, k.referencedColumns))));
  const written = keys.map(() => new Set<string>());
  const ordered: Row[] = [];
  let pending = rows;
  while (pending.length > 0) {
    const later: Row[] = [];
    for (const row of pending) {
      const ready = keys.every((k, i) => {
        // A NULL in the key refers to nothing; a reference to a row not in the table is PostgreSQL's to refuse.
        if (k.columns.some((c) => row[c] === null || row[c] === undefined)) return true;
        const ref = keyOf(row, k.columns);
        return !present[i]!.has(ref) || written[i]!.has(ref);
      });
      if (!ready) {
        later.push(row);
        continue;
      }
      ordered.push(row);
      keys.forEach((k, i) => written[i]!.add(keyOf(row, k.referencedColumns)));
    }
    // Rows that refer to each other in a loop: write them as they are and let the foreign key say so.
    if (later.length === pending.length) return [...ordered, ...later];
    pending = later;
  }
  return ordered;
}

// ---------------------------------------------------------------------------------------------
// Values

/**
 * A SQLite value as the PostgreSQL column `column` of `table` takes it. Timestamps go as text in
 * UTC without a zone (what TIMESTAMP(3) holds), never as a Date: node-pg would send a Date in the
 * process's local zone, which a TIMESTAMP column silently drops.
 */
export function convertValue(value: unknown, column: Column, table: string): unknown {
  if (value === null || value === undefined) return null;
  const bad = (what: string) =>
    new DbCopyError(`Refused: ${table}.${column.name} holds ${JSON.stringify(typeof value === "bigint" ? String(value) : value)}, which is not ${what}. Nothing was copied.`);
  switch (column.type) {
    case "timestamp without time zone":
    case "timestamp with time zone": {
      const date = sqliteDate(value);
      if (date === null) throw bad("a date");
      const iso = date.toISOString();
      return column.type === "timestamp with time zone" ? iso : iso.slice(0, -1);
    }
    case "boolean":
      if (value === 1 || value === 1n || value === true || value === "1" || value === "true") return true;
      if (value === 0 || value === 0n || value === false || value === "0" || value === "false") return false;
      throw bad("a boolean (0 or 1)");
    case "smallint":
    case "integer":
    case "bigint": {
      const n = typeof value === "bigint" ? value : typeof value === "number" && Number.isInteger(value) ? BigInt(value) : typeof value === "string" && /^-?\d+$/.test(value) ? BigInt(value) : null;
      if (n === null) throw bad("a whole number");
      const limit = column.type === "smallint" ? 2n ** 15n : column.type === "integer" ? 2n ** 31n : 2n ** 63n;
      if (n < -limit || n >= limit) throw bad(`within the range of ${column.type}`);
      return column.type === "bigint" ? n.toString() : Number(n);
    }
    case "double precision":
    case "real":
    case "numeric": {
      const n = typeof value === "bigint" ? Number(value) : typeof value === "number" ? value : typeof value === "string" && value.trim() !== "" ? Number(value) : NaN;
      if (Number.isNaN(n)) throw bad("a number");
      return n;
    }
    case "text":
    case "character varying":
    case "character":
    case "json":
    case "jsonb":
      if (Buffer.isBuffer(value)) throw bad("text");
      return typeof value === "bigint" ? value.toString() : String(value);
    case "bytea":
      if (Buffer.isBuffer(value)) return value;
      throw bad("bytes");
    default:
      throw new DbCopyError(`Refused: ${table}.${column.name} is of type ${column.type} on PostgreSQL, which db:copy does not know how to fill. Nothing was copied.`);
  }
}

/**
 * A date as SQLite may hold it: the ORM's ISO text with its offset ("2027-07-01T08:00:00.000+00:00"),
 * ISO text without one or SQL's `CURRENT_TIMESTAMP` text ("2027-07-01 08:00:00"), both UTC, or
 * milliseconds since 1970 (what the ORM writes in its unixepoch-ms mode).
 */
export function sqliteDate(value: unknown): Date | null {
  let date: Date;
  if (typeof value === "bigint") date = new Date(Number(value));
  else if (typeof value === "number") date = new Date(value);
  else if (typeof value === "string") {
    const text = value.trim();
    if (/^\d{4}-\d\d-\d\d$/.test(text)) date = new Date(`${text}T00:00:00Z`);
    else if (/^\d{4}-\d\d-\d\d[T ]\d\d:\d\d(:\d\d(\.\d+)?)?$/.test(text)) date = new Date(`${text.replace(" ", "T")}Z`);
    else if (/^\d{4}-\d\d-\d\d[T ]\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:?\d\d)$/i.test(text)) date = new Date(text.replace(" ", "T"));
    else if (/^-?\d+$/.test(text)) date = new Date(Number(text));
    else return null;
  } else return null;
  return Number.isNaN(date.getTime()) ? null : date;
}

