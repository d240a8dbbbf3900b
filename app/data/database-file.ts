import path from "node:path";
import { redactedUrl } from "./database-kind";

/** The SQLite file a `file:` DATABASE_URL points at, resolved against the working directory. */
export function databaseFilePath(databaseUrl: string): string {
  if (!databaseUrl.startsWith("file:")) {
    // Said by the SQLite-only commands (backup, restore) when the app runs on PostgreSQL.
    throw new Error(`DATABASE_URL names no SQLite file (this works on SQLite only; PostgreSQL is backed up with pg_dump), got "${redactedUrl(databaseUrl)}"`);
  }
  const withoutScheme = databaseUrl.slice("file:".length).split("?")[0]!;
  return path.resolve(withoutScheme);
}
