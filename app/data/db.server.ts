import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import type { SqlDriverAdapter } from "@prisma/driver-adapter-utils";
import { PrismaClient } from "~/generated/prisma/client";
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

export function createPrismaClient(databaseUrl: string): PrismaClient {
  return new PrismaClient({ adapter: new SQLiteWithForeignKeys({ url: databaseUrl }) });
}

declare global {
  // One client per process, shared by the server entry and the app bundle, and kept
  // across Vite's module reloads in development.
  var __prisma: PrismaClient | undefined;
}

export const prisma: PrismaClient = (globalThis.__prisma ??= createPrismaClient(getConfig().databaseUrl));
