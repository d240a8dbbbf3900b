/**
 * Runs before each test file: a fresh SQLite file with every migration applied (~15 ms),
 * pointed at by DATABASE_URL before anything imports the Prisma client.
 */
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll } from "vitest";
import { migrateDatabase } from "~/data/migrate.server";

const file = path.join(os.tmpdir(), `builder-ladder-test-${randomUUID()}.db`);
process.env.DATABASE_URL = `file:${file}`;
process.env.SESSION_SECRET = "test-session-secret-0123456789abcdef";
globalThis.__prisma = undefined;
migrateDatabase(file);

afterAll(async () => {
  await globalThis.__prisma?.$disconnect();
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
});
