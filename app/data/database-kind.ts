/**
 * Which database a DATABASE_URL names. `file:` is SQLite, the embedded default (one instance);
 * `postgresql:` (or `postgres:`) is PostgreSQL, for several instances sharing one database.
 */
export type DatabaseKind = "sqlite" | "postgresql";

export function databaseKind(databaseUrl: string): DatabaseKind {
  if (databaseUrl.startsWith("file:")) return "sqlite";
  if (/^postgres(ql)?:\/\//.test(databaseUrl)) return "postgresql";
  throw new Error(`DATABASE_URL must be a file: URL (SQLite) or a postgresql:// URL (PostgreSQL), got "${redactedUrl(databaseUrl)}"`);
}

/** The URL with any password replaced, for messages and logs. */
export function redactedUrl(databaseUrl: string): string {
  return databaseUrl.replace(/^([a-z]+:\/\/[^:/@]+:)[^@]*@/i, "$1***@");
}
