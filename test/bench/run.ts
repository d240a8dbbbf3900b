/**
 * `npm run bench`: generates large organisations, serves the production build on 127.0.0.1 with
 * NODE_ENV=production, and measures pages and writes as browsers send them (load.ts: compression
 * asked for, keep-alive and fresh connections) against the floor: the app's own data-free page,
 * the signed-out sign-in page, served by the same server through the same middleware in the same
 * run. Every page and write is reported as a ratio to that floor.
 *
 * For each request: saturation (50 clients, each sending again when answered; `--runs` runs of
 * `--seconds`, the median run reported), then a fixed rate of evenly spaced arrivals at half the
 * saturation rate for `--rate-seconds`, latency counted from each request's due time. Pages are
 * measured over keep-alive connections and over a fresh connection per request; writes over
 * keep-alive. After the load, each request is answered once in-process with its SQL statements
 * counted (statements.ts). Bare node:http and React renderToString ceilings are measured once
 * for reference.
 *
 * Prints a markdown table per size and the page cost growth (ready for the README), then every
 * figure; writes JSON. Exits non-zero only on errors (a failed sign-in, a wrong status, an answer
 * not compressed, a request without an answer within `--timeout` s), never because a figure is slow.
 *
 * Options: --sizes 1000,10000  --seconds 5  --runs 2  --rate-seconds (2 × seconds)  --clients 50
 *          --timeout 30  --out bench-results/latest.json (latest-postgresql.json on PostgreSQL)
 *          --database sqlite | postgresql://user@host:5432/ladder_bench (bench-database.ts: each
 *          organisation is generated as a SQLite file, then copied there with db:copy and served
 *          from it; the floor and the ceilings are measured in the same run, as on SQLite)
 * Organisations are generated afresh every run: the submit measurement uses up interviews.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { databaseLabel, parseBenchDatabase, queryRows, serveFrom } from "./bench-database";
import { pageJavaScript } from "./js-size";
import { median, offer, probe, saturate, BROWSER_ENCODINGS, type Connections, type Run, type Target } from "./load";
import { peakMemory, runNode, serve, type Served } from "./processes";
import { growthTable, sizeTable, table, type Figure, type Measured, type SizeRows } from "./report";
import type { Counted, CountedRequest } from "./statements";

const { values: args } = parseArgs({
  options: {
    sizes: { type: "string", default: "1000,10000" },
    seconds: { type: "string", default: "5" },
    runs: { type: "string", default: "2" },
    "rate-seconds": { type: "string" },
    clients: { type: "string", default: "50" },
    timeout: { type: "string", default: "30" },
    out: { type: "string" },
    database: { type: "string", default: "sqlite" },
  },
});
const sizes = args.sizes.split(",").map(Number);
const seconds = Number(args.seconds);
const runs = Number(args.runs);
const rateSeconds = Number(args["rate-seconds"] ?? 2 * seconds);
const clients = Number(args.clients);
const timeoutMs = Number(args.timeout) * 1000;
const warmSeconds = Math.min(2, seconds);
const database = parseBenchDatabase(args.database);
const out = args.out ?? (database.kind === "sqlite" ? "bench-results/latest.json" : "bench-results/latest-postgresql.json");
const started = Date.now();
const log = (line: string) => console.error(`[bench ${((Date.now() - started) / 1000).toFixed(0)}s] ${line}`);

if (!fs.existsSync("build/server/index.js")) throw new Error("No production build: run `npm run build` first (npm run bench does).");

const SECRET = "bench-session-secret-0123456789abcdefghij";
/** How much more a request may cost at the largest organisation than at the smallest (time per request). */
const GROWTH_TARGET = 1.2;

type Manifest = {
  databaseFile: string;
  counts: Record<string, number>;
  generationSeconds: number;
  password: string;
  logins: { hiringCommittee: string; interviewer: string; promotionCommittee: string; submitter: string };
  committeeLoopId: string;
  packetId: string;
  draftScorecardId: string;
  draftContent: unknown;
  submitInterviewIds: string[];
  submitContent: unknown;
};

/** The scorecards the server created for these interviews and this interviewer (read-only, beside the running server). */
async function draftScorecardIds(databaseUrl: string, interviewIds: string[], interviewerEmail: string): Promise<string[]> {
  const ids: string[] = [];
  for (const interviewId of interviewIds) {
    const [row] = await queryRows<{ id: string }>(
      databaseUrl,
      `SELECT s."id" FROM "Scorecard" s JOIN "User" u ON u."id" = s."interviewerId" WHERE s."interviewId" = ? AND u."email" = ?`,
      [interviewId, interviewerEmail],
    );
    if (!row) throw new Error(`No scorecard was created for interview ${interviewId}`);
    ids.push(row.id);
  }
  return ids;
}

async function organisation(size: number): Promise<Manifest> {
  const dir = "data/bench";
  fs.mkdirSync(dir, { recursive: true });
  const manifestFile = path.join(dir, `org-${size}.json`);
  const databaseFile = path.join(dir, `org-${size}.db`);
  log(`generating ${size.toLocaleString("en-US")} candidates…`);
  await runNode(["--import", "tsx", "test/bench/generate-org.ts", "--database", databaseFile, "--candidates", String(size), "--manifest", manifestFile, "--submit-queue", String(Math.min(6000, Math.floor(size * 0.8)))], {}, 20 * 60_000);
  return JSON.parse(fs.readFileSync(manifestFile, "utf8")) as Manifest;
}

async function signIn(base: string, email: string, password: string): Promise<string> {
  const response = await fetch(`${base}/login`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: base },
    body: new URLSearchParams({ email, password }),
    signal: AbortSignal.timeout(timeoutMs),
  });
  const cookie = response.headers.get("set-cookie")?.split(";")[0];
  if (response.status !== 302 || !cookie) throw new Error(`Sign-in as ${email} failed with ${response.status}`);
  return cookie;
}

/** Saturation: a warm-up run (not reported: JIT, caches, query plans), then `runs` runs; the median. */
async function atSaturation(target: Target, connections: Connections, { warm = true, maxRequests }: { warm?: boolean; maxRequests?: number } = {}) {
  const spec = { connections, clients, seconds, timeoutMs, ...(maxRequests ? { maxRequests } : {}) };
  if (warm) await saturate(target, { ...spec, seconds: warmSeconds, ...(maxRequests ? { maxRequests: Math.min(maxRequests, 50) } : {}) });
  const measured: Run[] = [];
  for (let i = 0; i < runs; i++) measured.push(await saturate(target, spec));
  return median(measured);
}

/** Evenly spaced arrivals at half the rate the server managed at saturation. */
function atHalfRate(target: Target, connections: Connections, saturation: Run, maxRequests?: number): Promise<Run> {
  const rate = Math.max(1, saturation.rps / 2);
  return offer(target, { connections, rate, seconds: rateSeconds, concurrency: clients, timeoutMs, ...(maxRequests ? { maxRequests } : {}) });
}

/** A GET (the floor or a page) in all four ways: saturation and half rate, keep-alive and fresh connections. */
async function measurePage(size: number, name: string, target: Target): Promise<Measured> {
  const first = await probe(target, timeoutMs);
  if (first.status !== 200) throw new Error(`${target.url} answered ${first.status}`);
  if (first.encoding !== "gzip" && first.encoding !== "br") throw new Error(`${target.url} was not compressed (Content-Encoding: ${first.encoding}) though asked for ${BROWSER_ENCODINGS}`);
  log(`${size}: ${name} (${(first.bytes / 1024).toFixed(0)} kB, ${(first.wireBytes / 1024).toFixed(0)} kB ${first.encoding})`);
  const keepAlive = await atSaturation(target, "keep-alive");
  const fresh = await atSaturation(target, "fresh", { warm: false });
  const halfRate = await atHalfRate(target, "keep-alive", keepAlive);
  const halfRateFresh = await atHalfRate(target, "fresh", fresh);
  log(`${size}: ${name}: ${keepAlive.rps.toFixed(0)} req/s keep-alive, ${fresh.rps.toFixed(0)} fresh; at half rate p50 ${halfRate.p50} ms, p99 ${halfRate.p99} ms`);
  return { name, kind: name === FLOOR ? "floor" : "page", keepAlive, fresh, halfRate, halfRateFresh, wire: { encoding: first.encoding, bytes: first.bytes, wireBytes: first.wireBytes } };
}

const FLOOR = "floor: sign-in page";
type SizeResult = SizeRows & {
  counts: Record<string, number>;
  generationSeconds: number;
  serverPeakMemoryBytes: number | null;
  javascript: Record<string, { files: number; bytes: number; gzipBytes: number }>;
  micro: { aggregation: { scorecards: number; meanMicros: number; p50Micros: number; p99Micros: number }; raterStats: { ratings: number; interviewers: number; appMs: number; rawMs: number } };
};

let port = 3300;
async function measureSize(size: number): Promise<SizeResult> {
  const manifest = await organisation(size);
  const databaseUrl = await serveFrom(database, manifest.databaseFile, (line) => log(`${size}: ${line}`));
  const base = `http://127.0.0.1:${++port}`;
  const app: Served = await serve(["--import", "tsx", "server.ts"], {
    NODE_ENV: "production",
    HOST: "127.0.0.1",
    PORT: String(port),
    DATABASE_URL: databaseUrl,
    SESSION_SECRET: SECRET,
    SEED_DEMO: "false",
    // A line per request would cost every measured request a write.
    LOG_REQUESTS: "false",
    // The generated organisation owes thousands of scorecards nobody was ever reminded of: the
    // first reminder run (a minute after start) would write a batch of them in the middle of a
    // measurement, and delivery would then send them. The scheduled jobs are not what is measured.
    REMINDER_EVERY_SECONDS: "0",
    DELIVERY_EVERY_SECONDS: "0",
    RETENTION_EVERY_HOURS: "0",
  }, base, "/login");
  try {
    const { password, logins } = manifest;
    const cookies = {
      committee: await signIn(base, logins.hiringCommittee, password),
      interviewer: await signIn(base, logins.interviewer, password),
      promotions: await signIn(base, logins.promotionCommittee, password),
      submitter: await signIn(base, logins.submitter, password),
    };
    const pagesToMeasure: Array<[string, string, string]> = [
      // The floor: no data (no session, no statements) through the same server and middleware.
      [FLOOR, "/login", ""],
      ["committee page", `/loops/${manifest.committeeLoopId}/committee`, cookies.committee],
      ["packet page", `/packets/${manifest.packetId}`, cookies.promotions],
      ["interviewer home", "/", cookies.interviewer],
      ["committee list", "/committee", cookies.committee],
    ];
    // One interview of the submit queue is kept for counting a submission's statements (below).
    const countedSubmit = manifest.submitInterviewIds.shift()!;
    const rows: Measured[] = [];
    for (const [name, url, cookie] of pagesToMeasure) {
      rows.push(await measurePage(size, name, { url: base + url, headers: cookie ? { Cookie: cookie } : {}, compressed: true }));
    }

    log(`${size}: draft save`);
    const json = { "Content-Type": "application/json", Origin: base, Cookie: cookies.submitter };
    // Draft saves as interviewers make them: one tab per draft, each save on the version the one
    // before produced (a shared draft would measure refusals: two tabs' saves on one version are
    // one 200 and one 409). Opening a scorecard page creates its draft; the drafts come from the
    // end of the submit queue (its last interview is kept for the JavaScript measurement below).
    const draftInterviews = manifest.submitInterviewIds.splice(-(clients + 1), clients);
    for (const interviewId of draftInterviews) {
      const page = await probe({ url: `${base}/interviews/${interviewId}/scorecard`, headers: { Cookie: cookies.submitter } }, timeoutMs);
      if (page.status !== 200) throw new Error(`/interviews/${interviewId}/scorecard answered ${page.status}`);
    }
    const drafts = await draftScorecardIds(databaseUrl, draftInterviews, logins.submitter);
    const draftVersions = new Map(drafts.map((id) => [id, 0]));
    let nextDraft = 0;
    const draftSave: Target = {
      url: `${base}/scorecards/${drafts[0]}/draft`,
      method: "POST",
      headers: json,
      // At saturation each client keeps its draft (a tab); at a fixed rate each save takes the next draft in turn.
      next: (context) => {
        const id = (context.scorecardId ??= drafts[nextDraft++ % drafts.length]!) as string;
        return { path: `/scorecards/${id}/draft`, body: JSON.stringify({ version: draftVersions.get(id), content: manifest.draftContent }) };
      },
      onResponse: (status, body, context) => {
        const answer = JSON.parse(body) as { version?: number; current?: { version: number } };
        const version = status === 200 ? answer.version : answer.current?.version;
        if (version !== undefined) draftVersions.set(context.scorecardId as string, version);
      },
      // Two saves of one draft in flight at once (fixed rate, a slow answer) are one 200 and one 409, as two tabs.
      expect: [200, 409],
    };
    const saveSaturation = await atSaturation(draftSave, "keep-alive");
    rows.push({ name: "draft save", kind: "write", keepAlive: saveSaturation, halfRate: await atHalfRate(draftSave, "keep-alive", saveSaturation) });

    log(`${size}: submit`);
    // Each submission uses up one interview of the queue: a share for the warm-up, the saturation
    // runs and the fixed-rate run (which stops early when its share runs out).
    const queue = [...manifest.submitInterviewIds.slice(0, -1)];
    const warmShare = Math.min(50, Math.floor(queue.length * 0.1));
    const runShare = Math.min(2500, Math.floor(((queue.length - warmShare) * 0.6) / runs));
    const rateShare = queue.length - warmShare - runShare * runs;
    // Each queued interview has no scorecard yet: its draft is at version 0.
    const submitBody = JSON.stringify({ intent: "submit", version: 0, content: manifest.submitContent });
    const submit: Target = {
      url: `${base}/interviews/${queue[0]}/scorecard`,
      method: "POST",
      headers: json,
      next: () => {
        const interviewId = queue.shift();
        if (!interviewId) throw new Error("The submit queue ran out: fewer interviews than the shares planned");
        return { path: `/interviews/${interviewId}/scorecard`, body: submitBody };
      },
      expect: [302],
    };
    await saturate(submit, { connections: "keep-alive", clients, seconds, maxRequests: warmShare, timeoutMs });
    const submitRuns: Run[] = [];
    for (let i = 0; i < runs; i++) submitRuns.push(await saturate(submit, { connections: "keep-alive", clients, seconds, maxRequests: runShare, timeoutMs }));
    const submitSaturation = median(submitRuns);
    rows.push({ name: "submit", kind: "write", keepAlive: submitSaturation, halfRate: await atHalfRate(submit, "keep-alive", submitSaturation, rateShare) });

    log(`${size}: JavaScript per page`);
    const javascript: SizeResult["javascript"] = {};
    const ownInterview = manifest.submitInterviewIds.at(-1)!;
    for (const [name, url, cookie] of [...pagesToMeasure, ["scorecard page", `/interviews/${ownInterview}/scorecard`, cookies.submitter] as [string, string, string]]) {
      javascript[name] = await pageJavaScript(base, url, cookie);
    }
    // The writes are sent from the scorecard page.
    for (const row of rows) row.jsGzipBytes = javascript[row.kind === "write" ? "scorecard page" : row.name]!.gzipBytes;
    const serverPeakMemoryBytes = peakMemory(app.child);
    await app.stop();

    // Counted in-process once the server has stopped (nothing else writes meanwhile), with the sessions signed in above.
    log(`${size}: statements per request`);
    const countedRequests: CountedRequest[] = [
      ...pagesToMeasure.map(([name, url, cookie]) => ({ name, url, cookie, expect: 200 })),
      { name: "draft save", url: `/scorecards/${manifest.draftScorecardId}/draft`, cookie: cookies.submitter, json: { version: 0, content: manifest.draftContent }, expect: 200 },
      { name: "submit", url: `/interviews/${countedSubmit}/scorecard`, cookie: cookies.submitter, json: { intent: "submit", version: 0, content: manifest.submitContent }, expect: 302 },
    ];
    const env = { DATABASE_URL: databaseUrl, NODE_ENV: "production", SESSION_SECRET: SECRET };
    const statements = JSON.parse(await runNode(["--import", "tsx", "test/bench/statements.ts", JSON.stringify(countedRequests)], env, 120_000)) as Record<string, Counted>;
    for (const row of rows) row.statements = statements[row.name];

    log(`${size}: aggregation and rater statistics`);
    const micro = JSON.parse(await runNode(["--import", "tsx", "test/bench/micro.ts", manifest.committeeLoopId], env, 300_000)) as SizeResult["micro"];
    return { size, rows, counts: manifest.counts, generationSeconds: manifest.generationSeconds, serverPeakMemoryBytes, javascript, micro };
  } catch (error) {
    console.error(`The server's last output (exit code ${app.child.exitCode}, signal ${app.child.signalCode}):\n${app.output()}`);
    throw error;
  } finally {
    await app.stop();
  }
}

const results: SizeResult[] = [];
for (const size of sizes) results.push(await measureSize(size));
const largest = results.at(-1)!;
const row = (r: SizeRows, name: string) => r.rows.find((x) => x.name === name)!;

// Ceilings, for reference only (the floor is the denominator): sized like the largest organisation's committee page.
const pageBytes = row(largest, "committee page").wire!.bytes;
log(`ceilings (${(pageBytes / 1024).toFixed(0)} kB page)`);
const httpCeiling = await serve(["--import", "tsx", "test/bench/ceiling-http.ts", String(pageBytes), String(++port)], {}, `http://127.0.0.1:${port}`);
const bareHttp = await atSaturation({ url: httpCeiling.url }, "keep-alive");
await httpCeiling.stop();
const reactRows = Math.max(10, Math.round(pageBytes / 250));
const reactCeiling = await serve(["--import", "tsx", "test/bench/ceiling-react.ts", String(reactRows), String(++port)], { NODE_ENV: "production" }, `http://127.0.0.1:${port}`);
const reactBytes = (await probe({ url: reactCeiling.url }, timeoutMs)).bytes;
const bareReact = await atSaturation({ url: reactCeiling.url }, "keep-alive");
await reactCeiling.stop();

// Every figure, with its reference and ratio.
const figures: Figure[] = [];
const kb = (n: number) => `${(n / 1024).toFixed(0)} kB`;
const at = (size: number) => size.toLocaleString("en-US");
figures.push({ id: "ceiling.http", label: `ceiling: bare node:http, fixed ${kb(pageBytes)} page, uncompressed`, value: bareHttp.rps, unit: "req/s", ceiling: null, ceilingLabel: null, ratio: null, target: null, met: null, p50: bareHttp.p50, p99: bareHttp.p99 });
figures.push({ id: "ceiling.react", label: `ceiling: bare React renderToString, ${reactRows}-row table (${kb(reactBytes)}), uncompressed`, value: bareReact.rps, unit: "req/s", ceiling: null, ceilingLabel: null, ratio: null, target: null, met: null, p50: bareReact.p50, p99: bareReact.p99 });
for (const r of results) {
  const floor = row(r, FLOOR);
  for (const m of r.rows) {
    for (const [how, sat, half] of [["keep-alive", m.keepAlive, m.halfRate], ["fresh", m.fresh, m.halfRateFresh]] as const) {
      if (!sat || !half) continue;
      const floorRps = (how === "keep-alive" ? floor.keepAlive : floor.fresh!).rps;
      const isFloor = m.kind === "floor";
      figures.push({
        id: `${r.size}.${m.name}.${how}`,
        label: `${m.name} @ ${at(r.size)}, saturation, ${how}`,
        value: sat.rps,
        unit: "req/s",
        ceiling: isFloor ? bareReact.rps : floorRps,
        ceilingLabel: isFloor ? "React SSR" : "floor",
        ratio: (isFloor ? sat.rps / bareReact.rps : sat.rps / floorRps),
        target: null,
        met: null,
        p50: sat.p50,
        p99: sat.p99,
        ...(sat.refused > 0 ? { note: `${sat.refused} refused (503)` } : {}),
      });
      const spread = half.p50 > 0 ? half.p99 / half.p50 : 0;
      figures.push({ id: `${r.size}.${m.name}.${how}.half-rate`, label: `  at ${half.offered!.toFixed(0)} req/s (half), evenly spaced, ${how}: p99 ÷ p50`, value: spread, unit: "×", ceiling: 3, ceilingLabel: "target", ratio: spread / 3, target: "≤ 3", met: spread <= 3, p50: half.p50, p99: half.p99, ...(half.refused > 0 ? { note: `${half.refused} refused (503)` } : {}) });
    }
    if (m.statements) {
      // The target is for pages' data statements; the session read and the audit entry are apart.
      const isPage = m.kind === "page";
      const s = m.statements;
      figures.push({ id: `${r.size}.statements.${m.name}`, label: `SQL data statements per request, ${m.name} @ ${at(r.size)}`, value: s.data, unit: "statements", ceiling: isPage ? 3 : null, ceilingLabel: isPage ? "target" : null, ratio: isPage ? s.data / 3 : null, target: isPage ? "≤ 3" : null, met: isPage ? s.data <= 3 : null, note: `${s.statements} in all (session ${s.session}, audit ${s.audit}), ${s.transactions} transaction(s)` });
    }
  }
  const agg = r.micro.aggregation;
  figures.push({ id: `${r.size}.aggregation`, label: `aggregation of one loop (${agg.scorecards} scorecards) @ ${at(r.size)}`, value: agg.meanMicros, unit: "µs", ceiling: 1000, ceilingLabel: "1 ms", ratio: agg.meanMicros / 1000, target: "< 1 ms", met: agg.meanMicros < 1000, note: `p50 ${agg.p50Micros.toFixed(1)} µs, p99 ${agg.p99Micros.toFixed(1)} µs` });
  const rs = r.micro.raterStats;
  figures.push({ id: `${r.size}.rater-stats`, label: `org-wide rater statistics (${rs.ratings.toLocaleString("en-US")} ratings) @ ${at(r.size)}`, value: rs.appMs, unit: "ms", ceiling: rs.rawMs, ceilingLabel: "raw SQL GROUP BY", ratio: rs.appMs / rs.rawMs, target: "≤ 2", met: rs.appMs / rs.rawMs <= 2 });
  if (r.serverPeakMemoryBytes !== null) figures.push({ id: `${r.size}.memory`, label: `server peak memory (resident) @ ${at(r.size)}`, value: r.serverPeakMemoryBytes / 1024 / 1024, unit: "MB", ceiling: null, ceilingLabel: null, ratio: null, target: null, met: null });
  figures.push({ id: `${r.size}.generation`, label: `organisation generated @ ${at(r.size)}`, value: r.generationSeconds, unit: "s", ceiling: null, ceilingLabel: null, ratio: null, target: null, met: null });
}
if (results.length > 1) {
  const small = results[0]!;
  for (const m of largest.rows) {
    if (m.kind === "floor") continue;
    // Time per request grows as requests per second fall.
    const growth = row(small, m.name).keepAlive.rps / m.keepAlive.rps;
    figures.push({ id: `growth.${m.name}`, label: `growth ${at(small.size)} → ${at(largest.size)}: ${m.name}`, value: growth, unit: "×", ceiling: GROWTH_TARGET, ceilingLabel: "target", ratio: growth / GROWTH_TARGET, target: `≤ ${GROWTH_TARGET}`, met: growth <= GROWTH_TARGET });
    // A request whose statements grow with the organisation reads per row somewhere.
    const more = m.statements!.statements - row(small, m.name).statements!.statements;
    figures.push({ id: `growth.statements.${m.name}`, label: `more statements ${at(small.size)} → ${at(largest.size)}: ${m.name}`, value: more, unit: "statements", ceiling: null, ceilingLabel: null, ratio: null, target: "0", met: more <= 0 });
  }
}
for (const [name, js] of Object.entries(largest.javascript)) {
  // Every page: ≤ 150 kB gzip (kB = 1,024 bytes, as everywhere in this report).
  const limit = 150 * 1024;
  figures.push({ id: `js.${name}`, label: `JavaScript shipped, ${name} (${js.files} files, gzip)`, value: js.gzipBytes / 1024, unit: "kB", ceiling: 150, ceilingLabel: "150 kB", ratio: js.gzipBytes / limit, target: "≤ 150 kB", met: js.gzipBytes <= limit });
}

const output = {
  finishedAt: new Date().toISOString(),
  seconds: (Date.now() - started) / 1000,
  machine: { cpus: os.cpus().length, node: process.version },
  settings: { database: databaseLabel(database), sizes, clients, secondsPerRun: seconds, runs, rateSeconds, timeoutSeconds: timeoutMs / 1000, acceptEncoding: BROWSER_ENCODINGS },
  ceilings: { bareHttp, bareReact, pageBytes, reactBytes, reactRows },
  organisations: results.map((r) => ({ size: r.size, counts: r.counts, generationSeconds: r.generationSeconds, serverPeakMemoryBytes: r.serverPeakMemoryBytes })),
  figures,
  raw: results,
};
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, JSON.stringify(output, null, 2));
for (const r of results) console.log(`\n${sizeTable(r, databaseLabel(database))}`);
if (results.length > 1) console.log(`\n${growthTable(results[0]!, largest)}`);
console.log(`\nEvery figure:\n\n${table(figures)}`);
console.log(`\n${figures.filter((f) => f.met === false).length} target(s) not met · ${output.seconds.toFixed(0)} s · JSON: ${out}`);
