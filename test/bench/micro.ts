/**
 * In-process measurements against a generated database (run as a child process with
 * DATABASE_URL set, SQLite or PostgreSQL): the aggregation of one loop, and the org-wide rater
 * statistics against a raw SQL GROUP BY that computes the same figures over the same rows, sent
 * to the same database on a connection of its own. Prints JSON.
 */
import Database from "better-sqlite3";
import pg from "pg";
import { performance } from "node:perf_hooks";

const [loopId] = process.argv.slice(2);
const { submittedScorecards } = await import("~/data/committee.server");
const { findLoop } = await import("~/data/loops.server");
const { leniencyUnits } = await import("~/data/rater-quality.server");
const { prisma } = await import("~/data/db.server");
const { databaseFilePath } = await import("~/data/database-file");
const { databaseKind } = await import("~/data/database-kind");
const { aggregateLoop } = await import("~/domain/aggregation");
const { raterLeniencyFromUnits } = await import("~/domain/rater-quality");
const { isLevel } = await import("~/domain/levels");

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;
const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))]!;

// One loop's aggregation, the pure function alone, in microseconds per call.
const loop = (await findLoop(loopId!))!;
const scorecards = await submittedScorecards(loop.id);
const target = isLevel(loop.targetLevel) ? loop.targetLevel : "L4";
for (let i = 0; i < 500; i++) aggregateLoop(loop.rubric, target, scorecards);
const calls: number[] = [];
for (let i = 0; i < 5000; i++) {
  const start = performance.now();
  aggregateLoop(loop.rubric, target, scorecards);
  calls.push((performance.now() - start) * 1000);
}

// Org-wide rater leniency: the app's query and pure function, against SQL alone. One text for
// both databases: quoted mixed-case names, and CASTs that PostgreSQL needs (its SUM and COUNT are
// bigints and numerics, which its driver returns as strings) and SQLite accepts.
const RAW = `
  WITH r AS MATERIALIZED (
    SELECT s."interviewerId" AS i, s."loopId" AS l, cr."criterionId" AS c, cr."rating" AS v
    FROM "CriterionRating" cr JOIN "Scorecard" s ON s."id" = cr."scorecardId" WHERE s."status" = 'submitted'),
  u AS (SELECT l, c, SUM(v) AS su, COUNT(*) AS n FROM r GROUP BY l, c),
  o AS (SELECT i, l, c, SUM(v) AS so, COUNT(*) AS no FROM r GROUP BY i, l, c)
  SELECT o.i AS "interviewerId", CAST(SUM(o.no) AS INTEGER) AS "comparisons",
    CAST(SUM(o.so - o.no * (CAST(u.su - o.so AS DOUBLE PRECISION) / (u.n - o.no))) AS DOUBLE PRECISION) / SUM(o.no) AS "meanDifference"
  FROM o JOIN u ON u.l = o.l AND u.c = o.c
  WHERE u.n > o.no GROUP BY o.i ORDER BY o.i`;
type RawRow = { interviewerId: string; comparisons: number; meanDifference: number };
const databaseUrl = process.env.DATABASE_URL!;
let raw: { all: () => Promise<RawRow[]>; close: () => Promise<void> };
if (databaseKind(databaseUrl) === "sqlite") {
  const db = new Database(databaseFilePath(databaseUrl), { readonly: true });
  const statement = db.prepare(RAW);
  raw = { all: async () => statement.all() as RawRow[], close: async () => void db.close() };
} else {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  raw = { all: async () => (await client.query<RawRow>(RAW)).rows, close: () => client.end() };
}
const appTimes: number[] = [];
const rawTimes: number[] = [];
let appResult: Array<{ interviewerId: string; comparisons: number; meanDifference: number | null }> = [];
let rawResult: RawRow[] = [];
let ratingRows = 0;
for (let i = 0; i < 3; i++) {
  let start = performance.now();
  const units = await leniencyUnits();
  appResult = raterLeniencyFromUnits(units);
  appTimes.push(performance.now() - start);
  ratingRows = units.reduce((n, u) => n + u.ownCount * (u.units ?? 1), 0);
  start = performance.now();
  rawResult = await raw.all();
  rawTimes.push(performance.now() - start);
}
// The two must compute the same figures, or the comparison means nothing.
// In one order whatever the database's collation.
const byInterviewer = (a: { interviewerId: string }, b: { interviewerId: string }) => (a.interviewerId < b.interviewerId ? -1 : a.interviewerId > b.interviewerId ? 1 : 0);
const compared = appResult.filter((r) => r.comparisons > 0).sort(byInterviewer);
rawResult.sort(byInterviewer);
const same =
  compared.length === rawResult.length &&
  compared.every((r, k) => r.interviewerId === rawResult[k]!.interviewerId && r.comparisons === rawResult[k]!.comparisons && Math.abs(r.meanDifference! - rawResult[k]!.meanDifference) < 1e-9);
if (!same) {
  console.error("The app's rater statistics and the raw SQL disagree", compared.slice(0, 3), rawResult.slice(0, 3));
  process.exit(1);
}
await raw.close();
await prisma.$disconnect();

console.log(
  JSON.stringify({
    aggregation: { scorecards: scorecards.length, meanMicros: calls.reduce((a, b) => a + b, 0) / calls.length, p50Micros: percentile(calls, 0.5), p99Micros: percentile(calls, 0.99) },
    raterStats: { ratings: ratingRows, interviewers: rawResult.length, appMs: median(appTimes), rawMs: median(rawTimes), appRuns: appTimes, rawRuns: rawTimes },
  }),
);
