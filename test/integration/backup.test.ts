// npm run backup / npm run restore: a consistent online copy, verified, kept N deep; a restore that checks first and keeps the old database.
import { execFile, spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { checkBackupFile, databaseInUse, restoreBackup, takeBackup, type BackupManifest } from "~/data/backups.server";
import { createPrismaClient } from "~/data/db.server";
import { migrateDatabase } from "~/data/migrate.server";
import { backupFileName, manifestFileName } from "~/domain/backup-retention";

const ROOT = process.cwd();
const TSX = path.join(ROOT, "node_modules", "tsx", "dist", "loader.mjs");
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "builder-ladder-backup-"));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

let folders = 0;
/** A fresh folder with a migrated database in it. */
function freshInstance(): { folder: string; db: string; backups: string } {
  const folder = path.join(scratch, `instance-${++folders}`);
  const db = path.join(folder, "data", "builder-ladder.db");
  migrateDatabase(db);
  return { folder, db, backups: path.join(folder, "backups") };
}

const mode = (file: string) => fs.statSync(file).mode & 0o777;

function emailsIn(file: string): Set<string> {
  const db = new Database(file, { readonly: true });
  try {
    return new Set((db.prepare(`SELECT email FROM "LoginAttempt"`).all() as { email: string }[]).map((r) => r.email));
  } finally {
    db.close();
  }
}

function integrity(file: string): string {
  const db = new Database(file, { readonly: true });
  try {
    return db.pragma("integrity_check", { simple: true }) as string;
  } finally {
    db.close();
  }
}

/** Runs one of the command-line scripts as npm would, in its own process; never throws on a non-zero exit. */
async function cli(script: "backup" | "restore", args: string[], env: Record<string, string>) {
  const base = { ...process.env };
  for (const name of ["DATABASE_URL", "BACKUP_DIR", "BACKUP_KEEP", "BACKUP_EVERY_HOURS", "NODE_ENV"]) delete base[name];
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ["--import", TSX, path.join(ROOT, "app", "cli", `${script}.ts`), ...args], {
      cwd: ROOT,
      env: { ...base, TSX_TSCONFIG_PATH: path.join(ROOT, "tsconfig.json"), ...env },
      encoding: "utf8",
    });
    return { status: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout: string; stderr: string };
    return { status: typeof e.code === "number" ? e.code : -1, stdout: e.stdout, stderr: e.stderr };
  }
}

function expectOneErrorLine(result: { status: number; stdout: string; stderr: string }, line: RegExp) {
  expect(result.status, result.stderr).toBe(1);
  const lines = result.stderr.trim().split("\n");
  expect(lines, result.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(line);
  expect(result.stdout + result.stderr).not.toMatch(/^\s+at /m);
}

/**
 * Another process writing to the database the way the app does (WAL, synchronous=NORMAL, one
 * transaction per write): it prints each write's number once its commit has returned, and stops
 * when told (stdin) or after `limit` writes.
 */
function startWriter(file: string, limit: number) {
  const source = `
    const Database = require("better-sqlite3");
    const db = new Database(${JSON.stringify(file)}, { timeout: 5000 });
    db.pragma("journal_mode = WAL"); db.pragma("synchronous = NORMAL");
    const insert = db.prepare('INSERT INTO "LoginAttempt" (email, address, succeeded, at) VALUES (?, ?, 0, ?)');
    let stop = false;
    process.stdin.on("data", () => { stop = true; });
    (async () => {
      for (let i = 1; i <= ${limit} && !stop; i++) {
        insert.run("writer-" + i + "@probe.example", "10.0.0." + (i % 250), Date.now());
        process.stdout.write(i + "\\n");
        await new Promise((resolve) => setImmediate(resolve));
      }
      db.close();
      process.exit(0);
    })();`;
  const child = spawn(process.execPath, ["-e", source], { cwd: ROOT, stdio: ["pipe", "pipe", "inherit"] });
  let acknowledged = 0;
  let buffer = "";
  const waiters: { count: number; resolve: () => void }[] = [];
  child.stdout.setEncoding("utf8");
  child.stdout.on("data", (chunk: string) => {
    buffer += chunk;
    const lines = buffer.split("\n");
    buffer = lines.pop()!;
    if (lines.length > 0) acknowledged = Number(lines[lines.length - 1]);
    for (const w of waiters.splice(0)) (acknowledged >= w.count ? w.resolve : () => waiters.push(w))();
  });
  let ended = false;
  const exited = new Promise<number | null>((resolve) =>
    child.on("exit", (code) => {
      ended = true;
      for (const w of waiters.splice(0)) w.resolve();
      resolve(code);
    }),
  );
  return {
    acknowledged: () => acknowledged,
    /** Resolves once at least `count` writes are acknowledged (or the writer ended). */
    until: (count: number) => new Promise<void>((resolve) => (acknowledged >= count || ended ? resolve() : waiters.push({ count, resolve }))),
    stop: async () => {
      child.stdin.end("stop\n");
      await exited;
      return acknowledged;
    },
    exited,
  };
}

describe("a backup taken while writes go on", () => {
  it("restores to a sound database holding every write acknowledged before the backup began, and matches its manifest", async () => {
    const { db, backups } = freshInstance();
    // Some bulk first, so the copy takes a while next to the writer.
    const bulk = new Database(db);
    bulk.pragma("journal_mode = WAL");
    const insert = bulk.prepare(`INSERT INTO "LoginAttempt" (email, address, succeeded, at) VALUES (?, '10.9.9.9', 1, ?)`);
    bulk.transaction(() => {
      for (let i = 0; i < 20_000; i++) insert.run(`bulk-${i}@probe.example`, Date.now());
    })();
    bulk.close();

    const writer = startWriter(db, 50_000);
    await writer.until(300);
    const acknowledgedBefore = writer.acknowledged();
    const result = takeBackup({ databaseFile: db, folder: backups, keep: 7 });
    // Writes go on after the copy: a few hundred more are acknowledged, then the writer stops.
    await writer.until(acknowledgedBefore + 300);
    const total = await writer.stop();
    expect(acknowledgedBefore).toBeGreaterThanOrEqual(300);
    expect(total).toBeGreaterThanOrEqual(acknowledgedBefore + 300);

    // The copy, restored into another (stopped) instance.
    const target = path.join(scratch, "restored-from-live", "builder-ladder.db");
    restoreBackup({ backup: result.file, databaseFile: target });
    expect(integrity(target)).toBe("ok");
    const restored = emailsIn(target);
    const missing = Array.from({ length: acknowledgedBefore }, (_, i) => `writer-${i + 1}@probe.example`).filter((e) => !restored.has(e));
    expect(missing).toEqual([]);
    // A snapshot: the writes acknowledged after the copy finished are not in it.
    expect(restored.has(`writer-${total}@probe.example`)).toBe(false);

    // The manifest records the copy's rows per table, and they are the restored database's.
    const manifest = JSON.parse(fs.readFileSync(path.join(backups, manifestFileName(path.basename(result.file))), "utf8")) as BackupManifest;
    expect(manifest.integrityCheck).toBe("ok");
    expect(manifest.tables.LoginAttempt).toBe(restored.size);
    expect(manifest.tables).toEqual(checkBackupFile(target).tables);
    expect(manifest.migrations.length).toBeGreaterThan(0);
    expect(manifest.migrations).toEqual(checkBackupFile(db).migrations);
    expect(Number.isNaN(Date.parse(manifest.takenAt))).toBe(false);
  });
});

describe("npm run backup", () => {
  it("writes a private, verified backup with its manifest, one line per result, and never leaves a partial file", async () => {
    const { db, backups } = freshInstance();
    const result = await cli("backup", [], { DATABASE_URL: `file:${db}`, BACKUP_DIR: backups });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout.trim().split("\n")).toHaveLength(1);
    expect(result.stdout).toMatch(/^Backed up .*builder-ladder\.db to .*backups\/builder-ladder-[0-9T-]+Z\.db \(integrity_check ok, \d+ tables, \d+ rows, \d+ migrations/);
    const files = fs.readdirSync(backups).sort();
    expect(files).toHaveLength(2);
    expect(files[0]).toMatch(/^builder-ladder-.*Z\.db$/);
    expect(files[1]).toBe(manifestFileName(files[0]!));
    expect(mode(backups)).toBe(0o700);
    for (const f of files) expect(mode(path.join(backups, f))).toBe(0o600);
    expect(integrity(path.join(backups, files[0]!))).toBe("ok");
    // One self-contained file: no -wal to carry along.
    const copy = new Database(path.join(backups, files[0]!), { readonly: true });
    expect(copy.pragma("journal_mode", { simple: true })).toBe("delete");
    copy.close();
  });

  it("defaults to a backups folder beside the database", async () => {
    const { db } = freshInstance();
    const result = await cli("backup", [], { DATABASE_URL: `file:${db}` });
    expect(result.status, result.stderr).toBe(0);
    expect(fs.readdirSync(path.join(path.dirname(db), "backups")).filter((f) => f.endsWith(".db"))).toHaveLength(1);
  });

  it("fails with one line and status 1 when there is nothing to back up, or a bad setting", async () => {
    const missing = path.join(scratch, "nowhere", "builder-ladder.db");
    expectOneErrorLine(await cli("backup", [], { DATABASE_URL: `file:${missing}` }), /^DATABASE_URL: there is no database at .*nowhere\/builder-ladder\.db to back up\.$/);
    expect(fs.existsSync(path.dirname(missing))).toBe(false);
    expectOneErrorLine(await cli("backup", [], { BACKUP_KEEP: "0" }), /^Invalid configuration: BACKUP_KEEP must be a whole number of backups to keep/);
    const { db } = freshInstance();
    const aFile = path.join(scratch, "a-file");
    fs.writeFileSync(aFile, "");
    expectOneErrorLine(await cli("backup", [], { DATABASE_URL: `file:${db}`, BACKUP_DIR: path.join(aFile, "backups") }), /^Backup failed: .*a-file.*\(ENOTDIR\)\.$/);
  });

  it("keeps the newest BACKUP_KEEP backups and their manifests, and leaves other files alone", () => {
    const { db, backups } = freshInstance();
    fs.mkdirSync(backups, { recursive: true });
    fs.writeFileSync(path.join(backups, "notes.txt"), "mine");
    const days = ["2026-11-01", "2026-11-02", "2026-11-03", "2026-11-04", "2026-11-05"].map((d) => new Date(`${d}T03:00:00Z`));
    const deleted: string[][] = [];
    for (const day of days) deleted.push(takeBackup({ databaseFile: db, folder: backups, keep: 3, now: () => day }).deleted.map((f) => path.basename(f)));
    expect(deleted).toEqual([[], [], [], [backupFileName(days[0]!)], [backupFileName(days[1]!)]]);
    const kept = days.slice(2).map(backupFileName);
    expect(fs.readdirSync(backups).sort()).toEqual([...kept, ...kept.map(manifestFileName), "notes.txt"].sort());
  });
});

describe("npm run restore", () => {
  /** An instance with a few rows and one backup of it. */
  async function instanceWithBackup() {
    const instance = freshInstance();
    const db = new Database(instance.db);
    db.pragma("journal_mode = WAL");
    db.prepare(`INSERT INTO "LoginAttempt" (email, address, succeeded, at) VALUES ('in-backup@probe.example', '10.0.0.1', 1, 0)`).run();
    db.close();
    const { file } = takeBackup({ databaseFile: instance.db, folder: instance.backups, keep: 7 });
    return { ...instance, backup: file };
  }
  const env = (db: string) => ({ DATABASE_URL: `file:${db}` });
  const snapshot = (file: string) => fs.readFileSync(file);

  it("restores into a stopped instance and keeps the previous database (with what its -wal held) aside", async () => {
    const { db, backup } = await instanceWithBackup();
    // An app that died without closing: its last write is only in the -wal.
    const crashed = spawnSync(
      process.execPath,
      [
        "-e",
        `const db = new (require("better-sqlite3"))(${JSON.stringify(db)}); db.pragma("journal_mode = WAL"); db.pragma("wal_autocheckpoint = 0");
         db.prepare('INSERT INTO "LoginAttempt" (email, address, succeeded, at) VALUES (?, ?, 1, 0)').run("after-backup@probe.example", "10.0.0.2");
         process.exit(0);`,
      ],
      { cwd: ROOT, encoding: "utf8" },
    );
    expect(crashed.status, crashed.stderr).toBe(0);
    expect(fs.existsSync(`${db}-wal`)).toBe(true);

    const result = await cli("restore", [backup], env(db));
    expect(result.status, result.stderr).toBe(0);
    const lines = result.stdout.trim().split("\n");
    expect(lines[0]).toMatch(/^Checked .*: integrity_check ok, \d+ known migrations, \d+ rows, rows match its manifest\.$/);
    expect(lines.at(-1)).toMatch(/^Restored .*builder-ladder\.db\. Start the app/);
    // The old file, and SQLite's files beside it under its new name (the -wal was folded into it by the check).
    const aside = fs.readdirSync(path.dirname(db)).filter((f) => f.startsWith("builder-ladder.before-restore-") && f.endsWith(".db"));
    expect(aside, aside.join(", ")).toHaveLength(1);
    expect(aside[0]).toMatch(/^builder-ladder\.before-restore-[0-9T-]+Z\.db$/);
    expect(lines.find((l) => l.startsWith("Kept"))).toMatch(new RegExp(`^Kept the previous database aside: ${path.join(path.dirname(db), aside[0]!)}( \\(with its -shm\\))?$`));
    expect(fs.readdirSync(path.dirname(db)).filter((f) => f.endsWith("-wal"))).toEqual([]);
    // The old database, with the write its -wal held, is whole on its own.
    const old = path.join(path.dirname(db), aside[0]!);
    expect(integrity(old)).toBe("ok");
    expect(emailsIn(old)).toEqual(new Set(["in-backup@probe.example", "after-backup@probe.example"]));
    // The live database is the backup, with no -wal or -shm of the old one beside it.
    expect(emailsIn(db)).toEqual(new Set(["in-backup@probe.example"]));
    expect(fs.existsSync(`${db}-wal`)).toBe(false);
    expect(mode(db)).toBe(0o600);
    // And the app can start on it: the migrations are all there.
    expect(migrateDatabase(db)).toEqual([]);
  });

  it("refuses while the app has the database open, and goes ahead once it has stopped", async () => {
    const { db, backup } = await instanceWithBackup();
    // The app's own client, connected as the server is after its start.
    const app = createPrismaClient(`file:${db}`);
    await app.loginAttempt.count();
    try {
      // (Read through SQLite only: a plain fs open and close of the file in this process would
      // drop every POSIX lock the process holds on it, the app's included.)
      expect(databaseInUse(db)).toBe(true);
      await app.loginAttempt.create({ data: { email: "live@probe.example", address: "10.0.0.3", succeeded: true, at: new Date() } });
      expectOneErrorLine(await cli("restore", [backup], env(db)), /^Refused: the database .*builder-ladder\.db is in use \(is the app running\?\)\. Stop every instance, then restore again\. Nothing was changed\.$/);
      expect(emailsIn(db)).toEqual(new Set(["in-backup@probe.example", "live@probe.example"]));
      expect(fs.readdirSync(path.dirname(db)).filter((f) => f.includes("before-restore"))).toEqual([]);
    } finally {
      await app.$disconnect();
    }
    expect(databaseInUse(db)).toBe(false);
    expect((await cli("restore", [backup], env(db))).status).toBe(0);
    expect(emailsIn(db)).toEqual(new Set(["in-backup@probe.example"]));
  });

  it("refuses a damaged file", async () => {
    const { db, backup } = await instanceWithBackup();
    const damaged = path.join(scratch, "damaged.db");
    const bytes = fs.readFileSync(backup);
    // Overwrite pages in the middle of the file (not the header): the b-trees no longer add up.
    for (let i = 4096 * 3; i < Math.min(bytes.length, 4096 * 12); i++) bytes[i] = (i * 7919) % 251;
    fs.writeFileSync(damaged, bytes);
    const before = snapshot(db);
    expectOneErrorLine(await cli("restore", [damaged], env(db)), /^Refused: .*damaged\.db (fails SQLite's integrity check|cannot be restored: the file is damaged).*Nothing was changed\.$/);
    expect(snapshot(db).equals(before)).toBe(true);
    // Not a database at all.
    const text = path.join(scratch, "notes.db");
    fs.writeFileSync(text, "these are notes, not a database ".repeat(200));
    expectOneErrorLine(await cli("restore", [text], env(db)), /^Refused: .*notes\.db cannot be restored: it is not a SQLite database \(SQLITE_NOTADB\)\. Nothing was changed\.$/);
    expectOneErrorLine(await cli("restore", [path.join(scratch, "absent.db")], env(db)), /^Refused: there is no backup file at .*absent\.db\. Nothing was changed\.$/);
  });

  it("refuses a SQLite file that is not a Builder Ladder database, or one from a newer version of the app", async () => {
    const { db, backup } = await instanceWithBackup();
    const other = path.join(scratch, "other-app.db");
    const o = new Database(other);
    o.exec("CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('hello');");
    o.close();
    expectOneErrorLine(await cli("restore", [other], env(db)), /^Refused: .*other-app\.db is not a Builder Ladder database \(it has no _prisma_migrations table\)\. Nothing was changed\.$/);

    const newer = path.join(scratch, "from-a-newer-version.db");
    fs.copyFileSync(backup, newer);
    const n = new Database(newer);
    n.prepare(`INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, started_at, applied_steps_count) VALUES ('x', 'y', '2099-01-01', '20990101000000_from_the_future', '2099-01-01', 1)`).run();
    n.close();
    expectOneErrorLine(await cli("restore", [newer], env(db)), /^Refused: .*holds migration\(s\) this version of the app does not have \(20990101000000_from_the_future\)/);
  });

  it("refuses a backup whose rows differ from its manifest", async () => {
    const { db, backup } = await instanceWithBackup();
    const tampered = path.join(scratch, "tampered", path.basename(backup));
    fs.mkdirSync(path.dirname(tampered), { recursive: true });
    fs.copyFileSync(backup, tampered);
    fs.copyFileSync(path.join(path.dirname(backup), manifestFileName(path.basename(backup))), path.join(path.dirname(tampered), manifestFileName(path.basename(backup))));
    const t = new Database(tampered);
    t.exec(`DELETE FROM "LoginAttempt"`);
    t.close();
    expectOneErrorLine(await cli("restore", [tampered], env(db)), /^Refused: .* does not match its manifest: LoginAttempt has 0 rows, the manifest says 1\. Nothing was changed\.$/);
  });

  it("explains its usage without a file", async () => {
    expectOneErrorLine(await cli("restore", [], {}), /^Usage: npm run restore -- <backup file>/);
  });
});
