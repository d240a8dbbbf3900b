import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlDriverAdapter, SqlDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaClient } from "~/generated/prisma/client";
import { PrismaClient as PostgresPrismaClient } from "~/generated/prisma-postgresql/client";
import { databaseKind } from "./database-kind";
import { countingStatements } from "./statement-count";
import { getConfig } from "~/utils/env.server";

/**
 * SQLite leaves foreign keys unenforced unless each connection asks, and the adapter opens
 * its connection itself; so we ask as soon as it connects. Write-ahead logging with
 * synchronous=NORMAL is SQLite's recommended setting for a web server: readers never wait for the
 * writer, and a commit costs no fsync of the database file (a power cut can lose the last commits
 * but never corrupts the file). Every statement is reported to statement-count.ts, which counts
 * them for whoever asks (the statement budgets of the tests, the benchmark).
 */
class SQLiteWithForeignKeys extends PrismaBetterSQLite3 {
  override async connect(): Promise<SqlDriverAdapter> {
    const adapter = await super.connect();
    await adapter.executeScript("PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000; PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;");
    return countingStatements(adapter);
  }
}

/** Any number, the same in every instance: the key of the write-order lock. */
export const WRITE_ORDER_LOCK = 7_304_212;

/**
 * PostgreSQL through the pg driver, its statements counted like SQLite's. Every transaction first
 * takes one advisory lock, held until it commits or rolls back, so transactions run one at a time
 * across every instance, as SQLite runs its write transactions. The app's writes read before they
 * write (a version, the audit chain's head, the highest loop revision, the newest amendment) and
 * rely on nothing changing in between; under PostgreSQL's default isolation two of them could
 * both read the same state and one would fail on a unique index (a 500) or, worse, both succeed.
 * Reads outside transactions (every page) never wait for it.
 */
function countedPostgres(config: ConstructorParameters<typeof PrismaPg>[0]): SqlDriverAdapterFactory {
  const inner = new PrismaPg(config);
  const connect = async (): Promise<SqlDriverAdapter> => {
    const adapter = await inner.connect();
    const startTransaction = adapter.startTransaction.bind(adapter);
    adapter.startTransaction = async (isolationLevel) => {
      const transaction = await startTransaction(isolationLevel);
      await transaction.executeRaw({ sql: `SELECT pg_advisory_xact_lock(${WRITE_ORDER_LOCK})`, args: [], argTypes: [] });
      return transaction;
    };
    return countingStatements(adapter);
  };
  return { provider: inner.provider, adapterName: inner.adapterName, connect };
}

/**
 * The client for the database DATABASE_URL names. Each database has its own generated client
 * (its own query compiler), both from one schema (prisma/provider-schema.ts); the models and
 * their types are the same, so the app is typed against the SQLite one.
 */
export function createPrismaClient(databaseUrl: string, options: { poolSize?: number } = {}): PrismaClient {
  if (databaseKind(databaseUrl) === "postgresql") {
    const adapter = countedPostgres({ connectionString: databaseUrl, ...(options.poolSize ? { max: options.poolSize } : {}) });
    return new PostgresPrismaClient({ adapter }) as unknown as PrismaClient;
  }
  return new PrismaClient({ adapter: new SQLiteWithForeignKeys({ url: databaseUrl }) });
}

declare global {
  // One client per process, shared by the server entry and the app bundle, and kept
  // across Vite's module reloads in development.
  var __prisma: PrismaClient | undefined;
}

export const prisma: PrismaClient = (globalThis.__prisma ??= createPrismaClient(getConfig().databaseUrl, { poolSize: getConfig().databasePoolSize }));
