/**
 * Generates a large, realistic Builder Ladder organisation into its own SQLite file, for the
 * benchmark harness, and writes a JSON manifest of what is in it.
 *
 *   node --import tsx test/bench/generate-org.ts --database data/bench/org-10000.db \
 *     --candidates 10000 --manifest data/bench/org-10000.json [--seed 1] [--now 2026-11-22T12:00:00Z] \
 *     [--submit-queue 6000] [--check]
 *
 * How: the app's own start-up (`prepareDatabase`: migrations and rubric publication) and the demo
 * organisation's seed (so every demo sign-in exists, password "ladder-demo-2026"), then a bulk load
 * with better-sqlite3 (prepared statements, one transaction) of rows shaped exactly as the app
 * writes them: dates as Prisma's better-sqlite3 adapter stores them, content JSON checked against
 * the app's schemas, packet snapshots built by the app's `buildSnapshot`. Deterministic for a seed
 * and `now` (ids included), except the demo organisation's own rows, whose ids Prisma generates.
 *
 * Import-safe: nothing touches the database until `generateOrganisation` is called, and the app's
 * Prisma client is imported only after DATABASE_URL points at the target file.
 */
import fs from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import Database from "better-sqlite3";
import type { ScorecardContent } from "~/domain/scorecard/content";
import { createUser, uniqueEmail, versionInfo, type Context, type DemoPeople } from "./generate-context";
import { BulkWriter } from "./generate-db";
import { generateHiring } from "./generate-hiring";
import { generatePromotions } from "./generate-promotions";
import { dbDate, DAY, IdMaker, Rng } from "./generate-random";
import { personName } from "./generate-text";

export type GenerateOptions = {
  /** The SQLite file to (re)create. Any existing file, and its -wal/-shm, is deleted first. */
  databaseFile: string;
  /** Candidates, one loop each (default 10,000). */
  candidates?: number;
  seed?: number;
  /** The moment the organisation is generated "at" (default: the current time). */
  now?: Date;
  /** Past Stage-2 interviews assigned to the bench submitter without a scorecard (default 6,000). */
  submitQueue?: number;
  /** Where to write the manifest (JSON); not written when absent. */
  manifestFile?: string;
  /** Run SQLite's foreign-key and integrity checks after loading (slower). */
  check?: boolean;
  log?: (line: string) => void;
};

export const BENCH_SUBMITTER = { email: "bench.submitter@northwind.example", name: "Bench Submitter" } as const;

export type Manifest = {
  databaseFile: string;
  candidates: number;
  seed: number;
  now: string;
  generationSeconds: number;
  counts: {
    candidates: number;
    loops: number;
    interviews: number;
    scorecards: number;
    submittedScorecards: number;
    ratings: number;
    builders: number;
    packets: number;
    evidence: number;
  };
  /** Rows per table, for the record. */
  tables: Record<string, number>;
  password: string;
  logins: { hiringCommittee: string; interviewer: string; promotionCommittee: string; submitter: string };
  /** A complete loop with ten submitted scorecards and no decision yet: a typical committee page. */
  committeeLoopId: string;
  /** An in-review packet with six evidence items, read by the promotion committee. */
  packetId: string;
  /** The bench submitter's draft scorecard, and a valid body for POST /scorecards/:id/draft. */
  draftScorecardId: string;
  draftContent: ScorecardContent;
  /** Past Stage-2 (builder v2) interviews of the submitter with no scorecard row yet. */
  submitInterviewIds: string[];
  /** A valid `content` for { intent: "submit", content } on POST /interviews/:id/scorecard for those interviews. */
  submitContent: ScorecardContent;
  /** Assignments of the demo interviewer (the same at every size). */
  interviewerAssignments: number;
  /** Extra Stage-2 interviews made for the submitter when the loops had too few (small sizes only). */
  overflowInterviews: number;
};

const LOGINS = {
  hiringCommittee: "hiring@northwind.example",
  interviewer: "interviewer@northwind.example",
  promotionCommittee: "promotions@northwind.example",
  submitter: BENCH_SUBMITTER.email,
};

export async function generateOrganisation(options: GenerateOptions): Promise<Manifest> {
  const started = performance.now();
  const log = options.log ?? (() => {});
  const N = options.candidates ?? 10_000;
  const seed = options.seed ?? 1;
  const now = options.now ?? new Date();
  const submitQueue = options.submitQueue ?? 6_000;
  if (!Number.isInteger(N) || N < 20) throw new Error("--candidates must be a whole number of at least 20");
  if (!Number.isInteger(submitQueue) || submitQueue < 1) throw new Error("--submit-queue must be a whole number of at least 1");
  const file = path.resolve(options.databaseFile);
  const lap = (what: string, since: number) => log(`${what} in ${((performance.now() - since) / 1000).toFixed(1)} s`);

  // The app reads DATABASE_URL once per process: point it at the target before importing anything
  // that opens the database, and refuse if this process already uses another file.
  process.env.DATABASE_URL = `file:${file}`;
  const { getConfig } = await import("~/utils/env.server");
  const { databaseFilePath } = await import("~/data/database-file");
  const config = getConfig();
  if (databaseFilePath(config.databaseUrl) !== file) {
    throw new Error(`This process already uses ${config.databaseUrl}; generate ${file} in a process of its own.`);
  }
  await globalThis.__prisma?.$disconnect();
  for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(file + suffix, { force: true });
  fs.mkdirSync(path.dirname(file), { recursive: true });

  // The app's start-up (migrations, rubric publication), then the demo organisation, as at `now`.
  let since = performance.now();
  const { prepareDatabase } = await import("~/server/startup");
  await prepareDatabase({ ...config, seedDemo: false }, log);
  const { prisma } = await import("~/data/db.server");
  const { seedDemoOrganisation, isDatabaseEmpty, DEMO_PASSWORD } = await import("../../prisma/seed/demo-organisation");
  if (!(await isDatabaseEmpty(prisma))) throw new Error(`${file} is not empty after being recreated`);
  await seedDemoOrganisation(prisma, now);
  await prisma.$disconnect();
  lap("Migrated, published the rubrics and seeded the demo organisation", since);

  // The bulk load.
  since = performance.now();
  const db = new Database(file);
  let result: { manifest: Omit<Manifest, "generationSeconds" | "counts" | "tables"> };
  try {
    db.pragma("journal_mode = OFF");
    db.pragma("synchronous = OFF");
    db.pragma("cache_size = -262144");
    db.pragma("temp_store = MEMORY");
    db.pragma("foreign_keys = OFF");

    const userId = (email: string) => {
      const row = db.prepare(`SELECT id FROM "User" WHERE email = ?`).get(email) as { id: string } | undefined;
      if (!row) throw new Error(`the demo organisation has no ${email}`);
      return row.id;
    };
    const userRow = (email: string) => db.prepare(`SELECT id, name FROM "User" WHERE email = ?`).get(email) as { id: string; name: string };
    const danielId = userId(LOGINS.interviewer);
    const people: DemoPeople = {
      recruiterId: userId("recruiter@northwind.example"),
      danielId,
      hiringCommitteeIds: ["hiring@northwind.example", "aisha.rahman@northwind.example", "tomas.berg@northwind.example"].map(userId),
      promotionCommittee: ["promotions@northwind.example", "tomas.berg@northwind.example"].map(userRow),
      passwordHash: (db.prepare(`SELECT hash FROM "Password" WHERE userId = ?`).get(danielId) as { hash: string }).hash,
    };
    const versions = db.prepare(`SELECT id, track, version, content FROM "RubricVersion" WHERE track = 'builder' ORDER BY version`).all() as Array<{ id: string; track: string; version: number; content: string }>;
    const v2Row = versions.find((v) => v.version === 2);
    if (!v2Row) throw new Error("builder v2 is not published");
    const v1Row = versions.find((v) => v.version === 1);
    const danielExisting = (db.prepare(`SELECT COUNT(*) AS n FROM "InterviewAssignment" WHERE interviewerId = ?`).get(danielId) as { n: number }).n;

    const rng = new Rng(seed);
    const ctx: Context = {
      rng,
      ids: new IdMaker(new Rng(seed ^ 0x5bd1e995)),
      w: new BulkWriter(db),
      now: now.getTime(),
      builderV2: versionInfo(v2Row),
      builderV1: v1Row ? versionInfo(v1Row) : null,
      people,
      emails: new Set((db.prepare(`SELECT email FROM "User"`).all() as Array<{ email: string }>).map((r) => r.email)),
      firstUse: new Map(),
      validateEvery: N <= 2_000 ? 1 : 50,
      log,
    };

    const load = db.transaction(() => {
      const builders = Math.max(10, Math.round(N / 10));
      const poolSize = Math.max(10, Math.round(N / 30));
      const builderInterviewers = Math.min(Math.floor(poolSize / 2), builders);
      const promotions = generatePromotions(ctx, { builders, interviewingBuilders: builderInterviewers });
      const pool = [...promotions.interviewingBuilderIds];
      while (pool.length < poolSize) {
        const p = personName(rng);
        pool.push(createUser(ctx, { email: uniqueEmail(ctx, p.first, p.last, "northwind.example"), name: p.name, roles: ["interviewer"], createdAt: ctx.now - rng.range(600, 1500) * DAY }));
      }
      const submitterId = createUser(ctx, { email: BENCH_SUBMITTER.email, name: BENCH_SUBMITTER.name, roles: ["interviewer"], createdAt: ctx.now - 600 * DAY });
      const hiring = generateHiring(ctx, { candidates: N, interviewerPool: pool, submitterId, submitQueue, danielExisting });
      if (hiring.overflowInterviews > 0) {
        log(
          `Warning: only ${submitQueue + 1 - hiring.overflowInterviews} past Stage-2 interviews were available for the submitter's ` +
            `${submitQueue} (+1 draft); added ${hiring.overflowInterviews} extra Stage-2 interviews on complete loops. ` +
            `Pass a smaller --submit-queue to keep the loops as generated.`,
        );
      }

      // A version is immutable from its first use on: keep the earliest, as the demo seed does.
      for (const [versionId, at] of ctx.firstUse) {
        db.prepare(`UPDATE "RubricVersion" SET firstUsedAt = ? WHERE id = ? AND (firstUsedAt IS NULL OR firstUsedAt > ?)`).run(dbDate(at), versionId, dbDate(at));
      }
      return {
        manifest: {
          databaseFile: options.databaseFile,
          candidates: N,
          seed,
          now: now.toISOString(),
          password: DEMO_PASSWORD,
          logins: LOGINS,
          committeeLoopId: hiring.committeeLoopId,
          packetId: promotions.inReviewPacketId,
          draftScorecardId: hiring.draftScorecardId,
          draftContent: hiring.draftContent,
          submitInterviewIds: hiring.submitInterviewIds,
          submitContent: hiring.submitContent,
          interviewerAssignments: hiring.danielAssignments,
          overflowInterviews: hiring.overflowInterviews,
        },
      };
    });
    result = load();
    lap(`Loaded ${Object.values(ctx.w.counts).reduce((a, b) => a + b, 0).toLocaleString("en-US")} rows`, since);

    if (options.check) {
      since = performance.now();
      const broken = db.pragma("foreign_key_check") as unknown[];
      if (broken.length > 0) throw new Error(`foreign_key_check: ${broken.length} rows point nowhere, e.g. ${JSON.stringify(broken[0])}`);
      const integrity = db.pragma("integrity_check", { simple: true });
      if (integrity !== "ok") throw new Error(`integrity_check: ${String(integrity)}`);
      lap("Checked foreign keys and integrity", since);
    }
    // Back to the journal the app runs with.
    db.pragma("journal_mode = WAL");

    const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
    const tables = Object.fromEntries(
      (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_prisma%' ORDER BY name`).all() as Array<{ name: string }>).map(
        ({ name }) => [name, count(`SELECT COUNT(*) AS n FROM "${name}"`)],
      ),
    );
    const counts = {
      candidates: tables.Candidate ?? 0,
      loops: tables.Loop ?? 0,
      interviews: tables.Interview ?? 0,
      scorecards: tables.Scorecard ?? 0,
      submittedScorecards: count(`SELECT COUNT(*) AS n FROM "Scorecard" WHERE status = 'submitted'`),
      ratings: tables.CriterionRating ?? 0,
      builders: tables.Builder ?? 0,
      packets: tables.PromotionPacket ?? 0,
      evidence: tables.PacketEvidence ?? 0,
    };
    db.close();

    const manifest: Manifest = {
      ...result.manifest,
      generationSeconds: Math.round((performance.now() - started) / 100) / 10,
      counts,
      tables,
    };
    if (options.manifestFile) {
      fs.mkdirSync(path.dirname(path.resolve(options.manifestFile)), { recursive: true });
      fs.writeFileSync(options.manifestFile, JSON.stringify(manifest, null, 2) + "\n");
    }
    return manifest;
  } finally {
    if (db.open) db.close();
  }
}

// ---- Command line

function parseArgs(argv: string[]): GenerateOptions {
  const value = (name: string) => {
    const i = argv.indexOf(name);
    if (i === -1) return undefined;
    const v = argv[i + 1];
    if (v === undefined || v.startsWith("--")) throw new Error(`${name} needs a value`);
    return v;
  };
  const int = (name: string) => {
    const v = value(name);
    if (v === undefined) return undefined;
    const n = Number(v.replace(/_/g, ""));
    if (!Number.isInteger(n)) throw new Error(`${name} must be a whole number, got "${v}"`);
    return n;
  };
  const known = new Set(["--database", "--candidates", "--manifest", "--seed", "--now", "--submit-queue", "--check"]);
  for (const arg of argv) if (arg.startsWith("--") && !known.has(arg)) throw new Error(`unknown option ${arg}`);
  const databaseFile = value("--database");
  if (!databaseFile) throw new Error("--database <file.db> is required");
  const now = value("--now");
  if (now !== undefined && Number.isNaN(Date.parse(now))) throw new Error(`--now must be an ISO date, got "${now}"`);
  return {
    databaseFile,
    candidates: int("--candidates"),
    manifestFile: value("--manifest"),
    seed: int("--seed"),
    now: now === undefined ? undefined : new Date(now),
    submitQueue: int("--submit-queue"),
    check: argv.includes("--check"),
  };
}

async function main() {
  let options: GenerateOptions;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (error) {
    console.error(`generate-org: ${(error as Error).message}`);
    console.error(
      "usage: node --import tsx test/bench/generate-org.ts --database <file.db> [--candidates 10000] [--manifest <file.json>] [--seed 1] [--now <ISO date>] [--submit-queue 6000] [--check]",
    );
    process.exit(2);
  }
  // The generator signs no sessions: a fixed secret keeps getConfig from writing one beside the database.
  process.env.SESSION_SECRET ||= "bench-generator-session-secret-not-used-0123456789";
  const manifest = await generateOrganisation({ ...options, log: (line) => console.log(line) });
  const c = manifest.counts;
  const size = fs.statSync(path.resolve(options.databaseFile)).size;
  console.log(
    `Generated ${c.candidates.toLocaleString("en-US")} candidates, ${c.loops.toLocaleString("en-US")} loops, ${c.interviews.toLocaleString("en-US")} interviews, ` +
      `${c.scorecards.toLocaleString("en-US")} scorecards (${c.submittedScorecards.toLocaleString("en-US")} submitted), ${c.ratings.toLocaleString("en-US")} ratings, ` +
      `${c.builders.toLocaleString("en-US")} builders, ${c.packets.toLocaleString("en-US")} packets, ${c.evidence.toLocaleString("en-US")} evidence items ` +
      `into ${options.databaseFile} (${(size / 1024 / 1024).toFixed(0)} MB) in ${manifest.generationSeconds} s.`,
  );
  if (options.manifestFile) console.log(`Manifest: ${options.manifestFile}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
