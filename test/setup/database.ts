/**
 * Runs before each test file: a fresh database with every migration applied, pointed at by
 * DATABASE_URL before anything imports the Prisma client.
 *
 * - SQLite (the default): a new file, migrated (~15 ms).
 * - PostgreSQL (`TEST_POSTGRES_URL=postgresql://…/postgres`, as `npm run test:postgres` sets): a
 *   new database copied from the template database the global setup migrated
 *   (test/setup/postgres-template.ts), and dropped after the file.
 */
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, inject } from "vitest";
import { migrateDatabase } from "~/data/migrate.server";
import { adminQuery, databaseUrlFor } from "./postgres-admin";

process.env.SESSION_SECRET = "test-session-secret-0123456789abcdef";
globalThis.__prisma = undefined;

const postgresAdmin = process.env.TEST_POSTGRES_URL;
if (postgresAdmin) {
  const name = `bl_test_${randomUUID().replace(/-/g, "")}`;
  await adminQuery(postgresAdmin, `CREATE DATABASE "${name}" TEMPLATE "${inject("postgresTemplate")}"`);
  process.env.DATABASE_URL = databaseUrlFor(postgresAdmin, name);
  afterAll(async () => {
    await globalThis.__prisma?.$disconnect();
    await adminQuery(postgresAdmin, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  });
} else {
  const file = path.join(os.tmpdir(), `builder-ladder-test-${randomUUID()}.db`);
  process.env.DATABASE_URL = `file:${file}`;
  migrateDatabase(file);
  afterAll(async () => {
    await globalThis.__prisma?.$disconnect();
    for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
  });
}
