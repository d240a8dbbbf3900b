/**
 * The migrations, applied in order, must produce exactly the database that schema.prisma
 * describes; and the newest migration's copy of the schema (what `npm run db:migration`
 * diffs against) must match it too. A schema edit without its migration fails here.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { migrateDatabase, MIGRATIONS_DIR, readMigrations } from "~/data/migrate.server";

const prismaBin = path.resolve("node_modules", ".bin", "prisma");
const env = { ...process.env, DATABASE_URL: "file::memory:" };
const temp: string[] = [];
const tempFile = () => {
  const file = path.join(os.tmpdir(), `builder-ladder-drift-${randomUUID()}.db`);
  temp.push(file);
  return file;
};
afterAll(() => temp.forEach((f) => fs.rmSync(f, { force: true })));

/** Tables, columns, indexes and foreign keys, in a stable order. */
function shapeOf(file: string) {
  const db = new Database(file, { readonly: true });
  try {
    const tables = db
      .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '_prisma_migrations' ORDER BY name`)
      .all() as { name: string }[];
    return tables.map(({ name }) => ({
      table: name,
      columns: db.prepare(`PRAGMA table_info("${name}")`).all(),
      indexes: (db.prepare(`PRAGMA index_list("${name}")`).all() as { name: string; unique: number; origin: string }[])
        .map((index) => ({
          name: index.name,
          unique: index.unique,
          origin: index.origin,
          columns: (db.prepare(`PRAGMA index_info("${index.name}")`).all() as { name: string }[]).map((c) => c.name),
        }))
        .sort((a, b) => a.name.localeCompare(b.name)),
      foreignKeys: db.prepare(`PRAGMA foreign_key_list("${name}")`).all(),
    }));
  } finally {
    db.close();
  }
}

describe("migrations", () => {
  it("produce exactly the database schema.prisma describes", () => {
    const migrated = tempFile();
    migrateDatabase(migrated);

    const sql = execFileSync(
      prismaBin,
      ["migrate", "diff", "--from-empty", "--to-schema-datamodel", "prisma/schema.prisma", "--script"],
      { encoding: "utf8", env, stdio: ["ignore", "pipe", "pipe"] },
    );
    const expected = tempFile();
    const db = new Database(expected);
    db.exec(sql);
    db.close();

    expect(shapeOf(migrated)).toEqual(shapeOf(expected));
  });

  it("keep a copy of schema.prisma in the newest migration that matches the current schema", () => {
    const newest = readMigrations().at(-1);
    expect(newest).toBeDefined();
    const result = spawnSync(
      prismaBin,
      [
        "migrate",
        "diff",
        "--from-schema-datamodel",
        path.join(MIGRATIONS_DIR, newest!.name, "schema.prisma"),
        "--to-schema-datamodel",
        "prisma/schema.prisma",
        "--exit-code",
      ],
      { encoding: "utf8", env },
    );
    // Exit code 0: no difference. 2: schema.prisma changed without `npm run db:migration`.
    expect(result.status, result.stdout).toBe(0);
  });

  it("apply once: a second run applies nothing, and an edited applied migration is refused", () => {
    const file = tempFile();
    expect(migrateDatabase(file).length).toBe(readMigrations().length);
    expect(migrateDatabase(file)).toEqual([]);

    const edited = readMigrations().map((m, i) => (i === 0 ? { ...m, checksum: "edited" } : m));
    expect(() => migrateDatabase(file, edited)).toThrow(/was changed after it was applied/);
  });
});
