/**
 * npm run db:copy: the demo organisation (as a start with SEED_DEMO makes it), plus values chosen
 * to trip a conversion, copied from a SQLite file into a new PostgreSQL database, then read back
 * through the app's own client on both sides. Needs a PostgreSQL server (TEST_POSTGRES_URL), so it
 * only runs in the PostgreSQL pass of the suite.
 */
import { spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { copySqliteToPostgres, DbCopyError } from "~/data/database-copy.server";
import { sqliteDate } from "~/data/database-copy-rows";
import { migrateDatabase, readMigrations } from "~/data/migrate.server";
import { Prisma, type PrismaClient } from "~/generated/prisma/client";
import { adminQuery, databaseUrlFor } from "../setup/postgres-admin";

const adminUrl = process.env.TEST_POSTGRES_URL;
const UNICODE_NAME = "Zoë Ångström-Øberg 李雷 🚀 «ﬁ» e\u0301";
const AT = new Date("2027-07-01T08:00:00.123Z");
const FLOAT = 0.1 + 0.2;
const TINY = -1.5e-7;

describe.skipIf(!adminUrl)("npm run db:copy (SQLite to an empty PostgreSQL)", () => {
  let dir: string;
  let file: string;
  const databases: string[] = [];
  const clients: PrismaClient[] = [];
  let source: PrismaClient;
  let createPrismaClient: (url: string) => PrismaClient;

  /** A new, empty database on the test server; dropped after the file. */
  async function newDatabase(): Promise<string> {
    const name = `bl_copy_${randomUUID().replace(/-/g, "")}`;
    await adminQuery(adminUrl!, `CREATE DATABASE "${name}"`);
    databases.push(name);
    return databaseUrlFor(adminUrl!, name);
  }

  async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      return (await client.query<T>(sql)).rows;
    } finally {
      await client.end();
    }
  }

  const pgTables = async (url: string) =>
    (await query<{ name: string }>(url, `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`)).map((r) => r.name);

  async function pgCounts(url: string): Promise<Record<string, number>> {
    const counts: Record<string, number> = {};
    for (const table of (await pgTables(url)).filter((t) => t !== "_prisma_migrations")) {
      counts[table] = Number((await query<{ n: string }>(url, `SELECT count(*) AS n FROM "${table}"`))[0]!.n);
    }
    return counts;
  }

  function sqliteCounts(sqliteFile: string): Record<string, number> {
    const db = new Database(sqliteFile, { readonly: true, fileMustExist: true });
    try {
      const names = (db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '_prisma_migrations' ORDER BY name`).all() as Array<{ name: string }>).map((r) => r.name);
      return Object.fromEntries(names.map((n) => [n, (db.prepare(`SELECT count(*) AS n FROM "${n}"`).get() as { n: number }).n]));
    } finally {
      db.close();
    }
  }

  /** Every row of every model, as the app reads it, in a stable order. */
  async function everything(client: PrismaClient): Promise<Record<string, unknown[]>> {
    const all: Record<string, unknown[]> = {};
    for (const model of Object.values(Prisma.ModelName)) {
      const delegate = (client as unknown as Record<string, { findMany: () => Promise<unknown[]> }>)[model[0]!.toLowerCase() + model.slice(1)]!;
      all[model] = (await delegate.findMany()).map((row) => [JSON.stringify(row), row] as const).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, row]) => row);
    }
    return all;
  }

  beforeAll(async () => {
    // This file's own test database goes unused: the app's client, and the start-up that publishes
    // the rubrics and seeds through it, open the SQLite source instead (nothing has read the
    // configuration yet).
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "builder-ladder-db-copy-"));
    file = path.join(dir, "organisation.db");
    process.env.DATABASE_URL = `file:${file}`;
    const { getConfig } = await import("~/utils/env.server");
    const { prepareDatabase } = await import("~/server/startup");
    expect(await prepareDatabase({ ...getConfig(), seedDemo: true }, () => {})).toEqual({ seeded: true });
    const db = await import("~/data/db.server");
    source = db.prisma;
    createPrismaClient = db.createPrismaClient;

    // Values a conversion could get wrong: unicode text, a true boolean, milliseconds, floats that are not round.
    const user = await source.user.findUniqueOrThrow({ where: { email: "builder@northwind.example" } });
    await source.user.update({ where: { id: user.id }, data: { name: UNICODE_NAME } });
    await source.loginAttempt.create({ data: { email: "builder@northwind.example", address: "203.0.113.9", succeeded: true, at: AT } });
    // Written straight into the file: the ORM itself writes 0.1 + 0.2 to SQLite as 0.3 (it reads it back exactly).
    const metric = await source.projectMetric.findFirstOrThrow({ orderBy: { id: "asc" } });
    const raw = new Database(file);
    raw.prepare(`UPDATE "ProjectMetric" SET "baseline" = ?, "target" = ? WHERE "id" = ?`).run(FLOAT, TINY, metric.id);
    raw.close();
    expect((await source.projectMetric.findUniqueOrThrow({ where: { id: metric.id } })).baseline).toBe(FLOAT);
    // Audit entries with text, one of them erased (the chain must hold over both).
    const { recordChange, redactAuditAbout, SYSTEM_ACTOR } = await import("~/data/audit.server");
    const candidates = await source.candidate.findMany({ orderBy: { email: "asc" }, take: 2 });
    await source.$transaction(async (tx) => {
      for (const c of candidates) {
        await recordChange(tx, SYSTEM_ACTOR, { action: "candidate.note", recordType: "candidate", recordId: c.id, candidateId: c.id, reason: `Ünïcode ✓ ${c.name}`, detail: { n: 1 } }, AT);
      }
      await redactAuditAbout(tx, candidates[0]!.id, new Date(AT.getTime() + 1));
    });
  }, 60_000);

  afterAll(async () => {
    for (const client of [...clients, source]) await client?.$disconnect();
    for (const name of databases) await adminQuery(adminUrl!, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  let target: string;

  it("copies every table, every row and value as the app reads them, and verifies the audit trail", async () => {
    target = await newDatabase();
    const lines: string[] = [];
    const result = await copySqliteToPostgres({ from: file, to: target, log: (line) => lines.push(line) });

    // Row counts, table by table, asked of both databases.
    const expected = sqliteCounts(file);
    expect(await pgCounts(target)).toEqual(expected);
    expect(Object.fromEntries(result.tables.map((t) => [t.name, t.rows]))).toEqual(expected);
    expect(result.rows).toBe(Object.values(expected).reduce((a, b) => a + b, 0));
    expect(result.tables.length).toBeGreaterThan(30);
    for (const t of result.tables) expect(lines.filter((l) => l.startsWith(`  ${t.name}: ${t.rows} row`))).toHaveLength(1);
    // Parents before children.
    const order = result.tables.map((t) => t.name);
    expect(order.indexOf("User")).toBeLessThan(order.indexOf("Builder"));
    expect(order.indexOf("Builder")).toBeLessThan(order.indexOf("PromotionPacket"));
    expect(order.indexOf("PromotionPacket")).toBeLessThan(order.indexOf("LevelChange"));

    // Every row of every model reads the same through the app's client on each database.
    const copy = createPrismaClient(target);
    clients.push(copy);
    expect(await everything(copy)).toEqual(await everything(source));

    // And the values picked to trip a conversion, one by one.
    expect((await copy.user.findUniqueOrThrow({ where: { email: "builder@northwind.example" } })).name).toBe(UNICODE_NAME);
    const attempt = await copy.loginAttempt.findFirstOrThrow({ where: { address: "203.0.113.9" } });
    expect(attempt.succeeded).toBe(true);
    expect(attempt.at.toISOString()).toBe(AT.toISOString());
    expect((await copy.password.findFirstOrThrow()).mustChange).toBe(false);
    const metric = await copy.projectMetric.findFirstOrThrow({ orderBy: { id: "asc" } });
    expect(metric.baseline).toBe(FLOAT);
    expect(metric.target).toBe(TINY);
    const builder = await copy.builder.findFirstOrThrow({ where: { user: { email: "builder@northwind.example" } } });
    expect(builder.startedAt.toISOString()).toBe("2024-03-04T09:00:00.000Z");

    // The audit trail: every entry, the same head as the source's.
    const head = await source.auditEntry.findFirstOrThrow({ orderBy: { seq: "desc" } });
    expect(result.audit).toEqual({ entries: await source.auditEntry.count(), head: { seq: head.seq, hash: head.hash } });
    expect(await copy.auditEntry.count({ where: { redactedAt: { not: null } } })).toBe(1);

    // The target carries on: a numbered table continues after the copied rows.
    const next = await copy.loginAttempt.create({ data: { email: "x@northwind.example", address: "198.51.100.1", succeeded: false, at: new Date() } });
    expect(next.id).toBeGreaterThan(attempt.id);
  });

  it("refuses a second copy into the now non-empty target, and changes nothing there", async () => {
    const before = await pgCounts(target);
    const error = await copySqliteToPostgres({ from: file, to: target }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DbCopyError);
    expect((error as Error).message).toMatch(/^Refused: postgresql:\/\/.* is not empty: table "\w+" has rows\. .*Nothing was written\.$/);
    expect(await pgCounts(target)).toEqual(before);
  });

  it("refuses a missing file, and writes nothing to the target, not even the schema", async () => {
    const empty = await newDatabase();
    await expect(copySqliteToPostgres({ from: path.join(dir, "missing.db"), to: empty })).rejects.toThrow(/^Refused: there is no SQLite database at .*missing\.db\. Nothing was copied\.$/);
    expect(await pgTables(empty)).toEqual([]);
  });

  it("refuses a SQLite file that is not up to date", async () => {
    const old = path.join(dir, "old.db");
    const migrations = readMigrations();
    migrateDatabase(old, migrations.slice(0, -1));
    const empty = await newDatabase();
    await expect(copySqliteToPostgres({ from: old, to: empty })).rejects.toThrow(
      new RegExp(`is not up to date: 1 migration\\(s\\) not applied \\(${migrations.at(-1)!.name}\\)\\. Start the app once on it`),
    );
    expect(await pgTables(empty)).toEqual([]);
  });

  it("refuses a target that holds tables of something else, before creating any of its own", async () => {
    const other = await newDatabase();
    await query(other, `CREATE TABLE "Invoice" (id INTEGER PRIMARY KEY); INSERT INTO "Invoice" VALUES (1)`);
    await expect(copySqliteToPostgres({ from: file, to: other })).rejects.toThrow(/has table\(s\) the app does not \(Invoice\)/);
    expect(await pgTables(other)).toEqual(["Invoice"]);
  });

  it("rolls the whole copy back when a table late in the order fails: the target's tables stay empty", async () => {
    // PostgreSQL's text cannot hold a NUL character, SQLite's can.
    const bad = path.join(dir, "nul.db");
    await source.$executeRawUnsafe(`VACUUM INTO '${bad.replaceAll("'", "''")}'`);
    const db = new Database(bad);
    db.prepare(`UPDATE "ScorecardRevision" SET "content" = ? WHERE rowid = (SELECT min(rowid) FROM "ScorecardRevision")`).run("before\u0000after");
    db.close();
    const empty = await newDatabase();
    await expect(copySqliteToPostgres({ from: bad, to: empty })).rejects.toThrow(/^Copy failed while writing ScorecardRevision: .*The copy was rolled back: the target's tables are empty\.$/);
    const counts = await pgCounts(empty);
    expect(Object.keys(counts).length).toBeGreaterThan(30);
    expect(Object.values(counts).every((n) => n === 0)).toBe(true);
  });

  it("fails loudly when the copied audit trail does not verify, saying whether the source breaks too", async () => {
    const tampered = path.join(dir, "tampered.db");
    await source.$executeRawUnsafe(`VACUUM INTO '${tampered.replaceAll("'", "''")}'`);
    const db = new Database(tampered);
    db.exec(`DROP TRIGGER "AuditEntry_append_only_update"; UPDATE "AuditEntry" SET "action" = 'rubric.tampered' WHERE seq = 2`);
    db.close();
    const empty = await newDatabase();
    await expect(copySqliteToPostgres({ from: tampered, to: empty })).rejects.toThrow(
      /but its audit trail does NOT verify: entry 2 its facts were changed \(hash differs\); 1 entries before it verify\. The SQLite file's trail breaks at the same entry/,
    );
  });

  it("reads SQLite's date forms as UTC", () => {
    expect(sqliteDate("2027-07-01T08:00:00.000+00:00")?.toISOString()).toBe("2027-07-01T08:00:00.000Z");
    expect(sqliteDate("2027-07-01T10:00:00.000+02:00")?.toISOString()).toBe("2027-07-01T08:00:00.000Z");
    expect(sqliteDate("2027-07-01 08:00:00")?.toISOString()).toBe("2027-07-01T08:00:00.000Z");
    expect(sqliteDate(1_814_428_800_123)?.toISOString()).toBe("2027-07-01T08:00:00.123Z");
    expect(sqliteDate(1_814_428_800_123n)?.toISOString()).toBe("2027-07-01T08:00:00.123Z");
    expect(sqliteDate("yesterday")).toBeNull();
  });

  describe("the command", () => {
    const run = (...args: string[]) => spawnSync(process.execPath, ["--import", "tsx", "app/cli/db-copy.ts", ...args], { encoding: "utf8" });
    const withPassword = (url: string) => {
      const u = new URL(url);
      u.password = "s3cret-Passw0rd";
      return u.toString();
    };

    it("prints a line per table and a summary, then refuses a second run in one line; never the password", async () => {
      const to = withPassword(await newDatabase());
      const first = run("--from", `file:${file}`, "--to", to);
      expect(first.status, first.stderr).toBe(0);
      const counts = sqliteCounts(file);
      const rows = Object.values(counts).reduce((a, b) => a + b, 0);
      const head = await source.auditEntry.findFirstOrThrow({ orderBy: { seq: "desc" } });
      expect(first.stdout).toContain(`  User: ${counts.User} rows`);
      expect(first.stdout).toMatch(
        new RegExp(`Copied ${rows} rows in ${Object.keys(counts).length} tables in [\\d.]+ s; audit trail verified: ${await source.auditEntry.count()} entries, head ${head.seq} ${head.hash}\\.`),
      );
      expect(first.stdout).toContain("postgres:***@");

      const second = run("--from", `file:${file}`, "--to", to);
      expect(second.status).toBe(1);
      expect(second.stderr.trim().split("\n")).toHaveLength(1);
      expect(second.stderr).toMatch(/^Refused: .* is not empty/);
      for (const out of [first.stdout, first.stderr, second.stdout, second.stderr]) expect(out).not.toContain("s3cret-Passw0rd");
    });

    it("refuses wrong or missing arguments in one line", () => {
      const noTo = run("--from", `file:${file}`);
      expect(noTo.status).toBe(1);
      expect(noTo.stderr).toMatch(/^db:copy needs both --from and --to\./);
      const swapped = run("--from", "postgresql://u:pw-secret@localhost/x", "--to", `file:${file}`);
      expect(swapped.status).toBe(1);
      expect(swapped.stderr.trim()).toBe('--from must be a SQLite file: URL (e.g. file:data/builder-ladder.db), got "postgresql://u:***@localhost/x".');
    });
  });
});
