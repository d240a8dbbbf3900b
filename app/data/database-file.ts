import path from "node:path";

/** The SQLite file a `file:` DATABASE_URL points at, resolved against the working directory. */
export function databaseFilePath(databaseUrl: string): string {
  if (!databaseUrl.startsWith("file:")) {
    throw new Error(`DATABASE_URL must be a file: URL for SQLite, got "${databaseUrl}"`);
  }
  const withoutScheme = databaseUrl.slice("file:".length).split("?")[0]!;
  return path.resolve(withoutScheme);
}
