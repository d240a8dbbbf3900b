import { Prisma } from "~/generated/prisma/client";
import { getConfig } from "~/utils/env.server";
import { databaseKind, type DatabaseKind } from "./database-kind";

/**
 * The SQL that is spelled differently on SQLite and on PostgreSQL, in one place: hand-written
 * statements in app/data use these fragments instead of either database's own functions, so that
 * running on the other database changes this file only. Everything else in those statements is
 * standard SQL with quoted identifiers.
 *
 * The database is the one DATABASE_URL names, read once (both spellings are tested: the
 * integration suite runs on each database).
 */
let kind: DatabaseKind | undefined;
/** True when the app runs on PostgreSQL. */
export const onPostgres = (): boolean => (kind ??= databaseKind(getConfig().databaseUrl)) === "postgresql";

const FIELD_NAME = /^[A-Za-z][A-Za-z0-9]*$/;

function objectOf(fields: Record<string, Prisma.Sql>): Prisma.Sql {
  const parts = Object.entries(fields).map(([name, value]) => {
    // Names are written in code, never taken from input; checked so that nothing else can slip in.
    if (!FIELD_NAME.test(name)) throw new Error(`Not a JSON field name: ${name}`);
    return Prisma.sql`${Prisma.raw(`'${name}'`)}, ${value}`;
  });
  return onPostgres() ? Prisma.sql`json_build_object(${Prisma.join(parts, ", ")})` : Prisma.sql`json_object(${Prisma.join(parts, ", ")})`;
}

/** The values of `value` over a group, as text separated by commas (NULL for none). */
export function commaList(value: Prisma.Sql): Prisma.Sql {
  return onPostgres() ? Prisma.sql`string_agg((${value})::text, ',')` : Prisma.sql`GROUP_CONCAT(${value})`;
}

/**
 * One JSON array over a group's rows, an object per row with the fields given (PostgreSQL:
 * json_agg(json_build_object(...))). Rows whose `when` is false (e.g. the NULL side of a LEFT JOIN)
 * are left out. Read the column with `jsonColumn`. The array's order is not defined: sort after reading.
 */
export function jsonObjects(fields: Record<string, Prisma.Sql>, when?: Prisma.Sql): Prisma.Sql {
  const object = objectOf(fields);
  if (onPostgres()) {
    return when ? Prisma.sql`COALESCE(json_agg(${object}) FILTER (WHERE ${when}), '[]'::json)` : Prisma.sql`COALESCE(json_agg(${object}), '[]'::json)`;
  }
  return when ? Prisma.sql`json_group_array(CASE WHEN ${when} THEN ${object} END)` : Prisma.sql`json_group_array(${object})`;
}

/** One JSON object of the fields given, for a single row. */
export function jsonObject(fields: Record<string, Prisma.Sql>): Prisma.Sql {
  return objectOf(fields);
}

/**
 * A JSON column as the app's value: SQLite hands JSON back as text, PostgreSQL as parsed values.
 * The NULLs that `jsonObjects` leaves for rows filtered out by `when` are dropped.
 */
export function jsonColumn<T>(value: unknown): T {
  const parsed = typeof value === "string" ? JSON.parse(value) : value;
  return (Array.isArray(parsed) ? parsed.filter((item) => item !== null) : parsed) as T;
}

/** A boolean column: SQLite stores 0/1 (sometimes as BigInt), PostgreSQL true/false. */
export function booleanColumn(value: unknown): boolean {
  return value === true || value === 1 || value === 1n || value === "1";
}

/**
 * A date column: SQLite stores ISO text with its offset, PostgreSQL hands back a Date, or inside
 * JSON the timestamp's text without an offset (the ORM's timestamps are UTC); NULL stays null.
 */
export function dateColumn(value: unknown): Date | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value;
  if (typeof value === "string" && /^\d{4}-\d\d-\d\dT[\d:.]+$/.test(value)) return new Date(`${value}Z`);
  return new Date(value as string | number);
}

/** A count or other integer: SQLite may hand back a BigInt. */
export function integerColumn(value: unknown): number {
  return typeof value === "bigint" ? Number(value) : Number(value ?? 0);
}

/**
 * A moment to compare a date column with. SQLite keeps the ORM's dates as text
 * ("2027-07-01T08:00:00.000+00:00"), which orders correctly only against text of the same shape;
 * PostgreSQL compares timestamps and takes the Date itself.
 */
export function dateParameter(moment: Date): Prisma.Sql {
  return onPostgres() ? Prisma.sql`${moment}` : Prisma.sql`${moment.toISOString().replace(/Z$/, "+00:00")}`;
}

