/**
 * The same organisation on two databases gives the same figures: every loop's committee-list row
 * (completion, the aggregated evidence, the level it supports and that level's band) and, for a
 * sample of loops, the committee page's records (scorecards, ratings, decisions, panel leniency).
 *
 *   node --import tsx test/bench/compare-databases.ts file:data/bench/org-1000.db postgresql://…
 *
 * Each database is read in a child process of its own (the app's client follows DATABASE_URL);
 * each prints a SHA-256 of its figures and the two are compared. Exit 1 when they differ.
 * Copy the organisation first: npm run db:copy -- --from file:… --to postgresql://…
 */
import { createHash } from "node:crypto";
import { spawnSync } from "node:child_process";

const [, , ...urls] = process.argv;
const NOW = new Date("2027-01-01T00:00:00Z");

if (process.env.COMPARE_CHILD === "1") {
  const { committeeRows } = await import("~/data/committee-rows.server");
  const { readCommitteePage } = await import("~/data/committee-page.server");
  const { findLoop } = await import("~/data/loops.server");
  const rows = [...(await committeeRows(NOW))].sort((a, b) => (a.loopId < b.loopId ? -1 : 1));
  const sample = rows.filter((_, i) => i % 25 === 0);
  const pages = [];
  for (const row of sample) {
    const loop = await findLoop(row.loopId);
    if (loop) pages.push(await readCommitteePage(loop, "committee"));
  }
  const text = JSON.stringify({ rows, pages }, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v));
  console.log(JSON.stringify({ loops: rows.length, pages: pages.length, sha256: createHash("sha256").update(text).digest("hex") }));
  process.exit(0);
}

if (urls.length !== 2) {
  console.error("Usage: node --import tsx test/bench/compare-databases.ts <DATABASE_URL> <DATABASE_URL>");
  process.exit(1);
}
const results = urls.map((url) => {
  const child = spawnSync(process.execPath, [...process.execArgv, process.argv[1]!], {
    env: { ...process.env, COMPARE_CHILD: "1", DATABASE_URL: url, SESSION_SECRET: "compare-databases-secret-0123456789abcdef" },
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (child.status !== 0) throw new Error(`reading ${url.replace(/:[^:@/]*@/, ":***@")} failed:\n${child.stderr}`);
  return JSON.parse(child.stdout.trim().split("\n").at(-1)!) as { loops: number; pages: number; sha256: string };
});
for (const [i, r] of results.entries()) console.log(`${urls[i]!.replace(/:[^:@/]*@/, ":***@")}: ${r.loops} loops, ${r.pages} committee pages, sha256 ${r.sha256}`);
const same = results[0]!.sha256 === results[1]!.sha256;
console.log(same ? "Identical figures." : "The figures DIFFER.");
process.exit(same ? 0 : 1);
