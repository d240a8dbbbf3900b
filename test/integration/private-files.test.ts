import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { migrateDatabase } from "~/data/migrate.server";

// Found in a review: the database was created world-readable (0644). It holds evidence and pay.
const root = fs.mkdtempSync(path.join(os.tmpdir(), "ladder-private-"));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

const mode = (file: string) => fs.statSync(file).mode & 0o777;

describe("the database on disk", () => {
  it("is created readable and writable by the app's user only, in a folder only they can open", () => {
    const previous = process.umask(0o022); // a typical umask, under which files come out 0644
    try {
      const file = path.join(root, "fresh", "data", "ladder.db");
      migrateDatabase(file);
      // A write in WAL mode creates the -wal and -shm files beside it.
      const db = new Database(file);
      db.exec("CREATE TABLE IF NOT EXISTS probe (x); INSERT INTO probe VALUES (1);");
      expect(mode(file)).toBe(0o600);
      expect(mode(path.dirname(file))).toBe(0o700);
      expect(fs.existsSync(`${file}-wal`)).toBe(true);
      expect(mode(`${file}-wal`)).toBe(0o600);
      expect(mode(`${file}-shm`)).toBe(0o600);
      db.close();
    } finally {
      process.umask(previous);
    }
  });

  it("is tightened when an earlier version left it readable by others", () => {
    const file = path.join(root, "old", "ladder.db");
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o755 });
    fs.writeFileSync(file, "");
    fs.chmodSync(file, 0o644);
    migrateDatabase(file);
    expect(mode(file)).toBe(0o600);
    // A folder the app did not make, outside its data folder, is left as it is.
    expect(mode(path.dirname(file))).toBe(0o755);
  });
});
