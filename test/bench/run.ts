/**
 * `npm run bench`: generates large organisations, serves the production build on 127.0.0.1 with
 * NODE_ENV=production, and measures pages and actions with autocannon against ceilings measured
 * in the same run (a bare node:http server, a bare React renderToString). Prints a table and
 * writes JSON. Exits non-zero only on errors, never because a figure is slow.
 *
 * After the load, each page and action is answered once in-process with its SQL statements
 * counted (statements.ts): statements per request, and whether they stay the same as the
 * organisation grows.
 *
 * Options: --sizes 1000,10000  --seconds 5  --runs 2  --out bench-results/latest.json
 * Organisations are generated afresh every run: the submit measurement uses up interviews.
 */
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { pageJavaScript } from "./js-size";
import Database from "better-sqlite3";
import { measure, type LoadResult } from "./load";
import { runNode, serve, type Served } from "./processes";
import { table, type Figure } from "./report";
import type { Counted, CountedRequest } from "./statements";

const { values: args } = parseArgs({
  options: {
    sizes: { type: "string", default: "1000,10000" },
    seconds: { type: "string", default: "5" },
    runs: { type: "string", default: "2" },
    out: { type: "string", default: "bench-results/latest.json" },
  },
});
const sizes = args.sizes.split(",").map(Number);
const seconds = Number(args.seconds);
const runs = Number(args.runs);
const started = Date.now();
const log = (line: string) => console.error(`[bench ${((Date.now() - started) / 1000).toFixed(0)}s] ${line}`);

if (!fs.existsSync("build/server/index.js")) throw new Error("No production build: run `npm run build` first (npm run bench does).");

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
function draftScorecardIds(databaseFile: string, interviewIds: string[], interviewerEmail: string): string[] {
  const db = new Database(databaseFile, { readonly: true, fileMustExist: true });
  try {
    const find = db.prepare<[string, string], { id: string }>(
      `SELECT s.id FROM "Scorecard" s JOIN "User" u ON u.id = s.interviewerId WHERE s.interviewId = ? AND u.email = ?`,
    );
    return interviewIds.map((interviewId) => {
      const row = find.get(interviewId, interviewerEmail);
      if (!row) throw new Error(`No scorecard was created for interview ${interviewId}`);
      return row.id;
    });
  } finally {
    db.close();
  }
}

async function organisation(size: number): Promise<Manifest> {
  const dir = "data/bench";
  fs.mkdirSync(dir, { recursive: true });
  const manifestFile = path.join(dir, `org-${size}.json`);
  const databaseFile = path.join(dir, `org-${size}.db`);
  {
    log(`generating ${size.toLocaleString("en-US")} candidates…`);
    await runNode(["--import", "tsx", "test/bench/generate-org.ts", "--database", databaseFile, "--candidates", String(size), "--manifest", manifestFile, "--submit-queue", String(Math.min(6000, Math.floor(size * 0.8)))]);
  }
  return JSON.parse(fs.readFileSync(manifestFile, "utf8")) as Manifest;
}

async function signIn(base: string, email: string, password: string): Promise<string> {
  const response = await fetch(`${base}/login`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: base },
    body: new URLSearchParams({ email, password }),
  });
  const cookie = response.headers.get("set-cookie")?.split(";")[0];
  if (response.status !== 302 || !cookie) throw new Error(`Sign-in as ${email} failed with ${response.status}`);
  return cookie;
}

type SizeResult = {
  size: number;
  counts: Record<string, number>;
  generationSeconds: number;
  pages: Record<string, LoadResult & { bytes: number }>;
  actions: Record<string, LoadResult>;
  javascript: Record<string, { files: number; bytes: number; gzipBytes: number }>;
  statements: Record<string, Counted>;
  micro: { aggregation: { scorecards: number; meanMicros: number; p50Micros: number; p99Micros: number }; raterStats: { ratings: number; interviewers: number; appMs: number; rawMs: number } };
};

let port = 3300;
async function measureSize(size: number): Promise<SizeResult> {
  const manifest = await organisation(size);
  const databaseUrl = `file:${manifest.databaseFile}`;
  const base = `http://127.0.0.1:${++port}`;
  const app: Served = await serve(["--import", "tsx", "server.ts"], {
    NODE_ENV: "production",
    HOST: "127.0.0.1",
    PORT: String(port),
    DATABASE_URL: databaseUrl,
    SESSION_SECRET: "bench-session-secret-0123456789abcdefghij",
    SEED_DEMO: "false",
    // A line per request would cost every measured request a write.
    LOG_REQUESTS: "false",
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
      ["committee page", `/loops/${manifest.committeeLoopId}/committee`, cookies.committee],
      ["committee list", "/committee", cookies.committee],
      ["interviewer home", "/", cookies.interviewer],
      ["packet (promotion committee)", `/packets/${manifest.packetId}`, cookies.promotions],
    ];
    // One interview of the submit queue is kept for counting a submission's statements (below).
    const countedSubmit = manifest.submitInterviewIds.shift()!;
    const pages: SizeResult["pages"] = {};
    for (const [name, url, cookie] of pagesToMeasure) {
      const first = await fetch(base + url, { headers: { Cookie: cookie } });
      const bytes = (await first.arrayBuffer()).byteLength;
      if (first.status !== 200) throw new Error(`${url} answered ${first.status}`);
      log(`${size}: ${name} (${(bytes / 1024).toFixed(0)} kB)`);
      pages[name] = { ...(await measure({ url: base + url, headers: { Cookie: cookie }, seconds, runs, warmUp: { seconds: 2 } })), bytes };
    }

    log(`${size}: scorecard draft save and submit`);
    const json = { "Content-Type": "application/json", Origin: base };
    const actions: SizeResult["actions"] = {};
    // Draft saves as interviewers make them: one tab per draft, each save on the version the one
    // before produced (a shared draft would measure refusals: two tabs' saves on one version are
    // one 200 and one 409). Opening a scorecard page creates its draft; the drafts come from the
    // end of the submit queue (its last interview is kept for the JavaScript measurement below).
    const CONNECTIONS = 50;
    const draftInterviews = manifest.submitInterviewIds.splice(-(CONNECTIONS + 1), CONNECTIONS);
    for (const interviewId of draftInterviews) {
      const page = await fetch(`${base}/interviews/${interviewId}/scorecard`, { headers: { Cookie: cookies.submitter } });
      await page.arrayBuffer();
      if (page.status !== 200) throw new Error(`/interviews/${interviewId}/scorecard answered ${page.status}`);
    }
    const drafts = draftScorecardIds(manifest.databaseFile, draftInterviews, logins.submitter);
    const draftVersions = new Map(drafts.map((id) => [id, 0]));
    let nextDraft = 0;
    actions["scorecard draft save"] = await measure({
      url: `${base}/scorecards/${drafts[0]}/draft`,
      method: "POST",
      headers: { ...json, Cookie: cookies.submitter },
      connections: CONNECTIONS,
      next: (connection) => {
        const id = (connection.scorecardId ??= drafts[nextDraft++ % drafts.length]!) as string;
        return { path: `/scorecards/${id}/draft`, body: JSON.stringify({ version: draftVersions.get(id), content: manifest.draftContent }) };
      },
      onResponse: (status, body, connection) => {
        const answer = JSON.parse(body) as { version?: number; current?: { version: number } };
        const version = status === 200 ? answer.version : answer.current?.version;
        if (version !== undefined) draftVersions.set(connection.scorecardId as string, version);
      },
      // A save cut off at the end of a run (its answer never read) leaves the next run's first save
      // on that draft one version behind: 409, and the save after it goes through ("Keep my version").
      expect: [200, 409],
      seconds,
      runs,
      warmUp: { seconds: 2 },
    });
    // Each submission uses up one interview of the queue, so a run stops after its share.
    const queue = [...manifest.submitInterviewIds];
    // Each queued interview has no scorecard yet: its draft is at version 0.
    const submitBody = JSON.stringify({ intent: "submit", version: 0, content: manifest.submitContent });
    actions["scorecard submit"] = await measure({
      url: `${base}/interviews/${queue[0]}/scorecard`,
      method: "POST",
      headers: { ...json, Cookie: cookies.submitter },
      next: () => ({ path: `/interviews/${queue.shift()}/scorecard`, body: submitBody }),
      expect: [302],
      runs,
      warmUp: { requests: 100 },
      maxRequests: Math.min(Math.floor((manifest.submitInterviewIds.length - 100) / runs) - 50, 2500),
    });

    const javascript: SizeResult["javascript"] = {};
    const ownInterview = manifest.submitInterviewIds.at(-1)!;
    for (const [name, url, cookie] of [
      ["scorecard page", `/interviews/${ownInterview}/scorecard`, cookies.submitter],
      ["committee page", `/loops/${manifest.committeeLoopId}/committee`, cookies.committee],
      ["packet page", `/packets/${manifest.packetId}`, cookies.promotions],
    ] as const) {
      javascript[name] = await pageJavaScript(base, url, cookie);
    }
    await app.stop();

    // Counted in-process once the server has stopped (nothing else writes meanwhile), with the sessions signed in above.
    log(`${size}: statements per request`);
    const countedRequests: CountedRequest[] = [
      ...pagesToMeasure.map(([name, url, cookie]) => ({ name, url, cookie, expect: 200 })),
      { name: "scorecard draft save", url: `/scorecards/${manifest.draftScorecardId}/draft`, cookie: cookies.submitter, json: { version: 0, content: manifest.draftContent }, expect: 200 },
      { name: "scorecard submit", url: `/interviews/${countedSubmit}/scorecard`, cookie: cookies.submitter, json: { intent: "submit", version: 0, content: manifest.submitContent }, expect: 302 },
    ];
    const statements = JSON.parse(
      await runNode(["--import", "tsx", "test/bench/statements.ts", JSON.stringify(countedRequests)], { DATABASE_URL: databaseUrl, NODE_ENV: "production", SESSION_SECRET: "bench-session-secret-0123456789abcdefghij" }),
    ) as SizeResult["statements"];

    log(`${size}: aggregation and rater statistics`);
    const micro = JSON.parse(await runNode(["--import", "tsx", "test/bench/micro.ts", manifest.committeeLoopId], { DATABASE_URL: databaseUrl, NODE_ENV: "production", SESSION_SECRET: "bench-session-secret-0123456789abcdefghij" })) as SizeResult["micro"];
    return { size, counts: manifest.counts, generationSeconds: manifest.generationSeconds, pages, actions, javascript, statements, micro };
  } finally {
    await app.stop();
  }
}

const results: SizeResult[] = [];
for (const size of sizes) results.push(await measureSize(size));
const largest = results.at(-1)!;

// Ceilings, sized like the largest organisation's committee page.
const pageBytes = largest.pages["committee page"]!.bytes;
log(`ceilings (${(pageBytes / 1024).toFixed(0)} kB page)`);
const httpCeiling = await serve(["--import", "tsx", "test/bench/ceiling-http.ts", String(pageBytes), String(++port)], {}, `http://127.0.0.1:${port}`);
const bareHttp = await measure({ url: httpCeiling.url, seconds, runs, warmUp: { seconds: 2 } });
await httpCeiling.stop();
const rows = Math.max(10, Math.round(pageBytes / 250));
const reactCeiling = await serve(["--import", "tsx", "test/bench/ceiling-react.ts", String(rows), String(++port)], { NODE_ENV: "production" }, `http://127.0.0.1:${port}`);
const reactBytes = (await (await fetch(reactCeiling.url)).arrayBuffer()).byteLength;
const bareReact = await measure({ url: reactCeiling.url, seconds, runs, warmUp: { seconds: 2 } });
await reactCeiling.stop();

// Figures: each with its ceiling and ratio.
const figures: Figure[] = [];
const kb = (n: number) => `${(n / 1024).toFixed(0)} kB`;
figures.push({ id: "ceiling.http", label: `ceiling: bare node:http, fixed ${kb(pageBytes)} page`, value: bareHttp.rps, unit: "req/s", ceiling: null, ceilingLabel: null, ratio: null, target: null, met: null, p50: bareHttp.p50, p99: bareHttp.p99 });
figures.push({ id: "ceiling.react", label: `ceiling: bare React renderToString, ${rows}-row table (${kb(reactBytes)})`, value: bareReact.rps, unit: "req/s", ceiling: null, ceilingLabel: null, ratio: null, target: null, met: null, p50: bareReact.p50, p99: bareReact.p99 });
const TARGETS: Record<string, number> = { "committee page": 0.5, "scorecard submit": 0.25 };
for (const r of results) {
  for (const [name, result] of [...Object.entries(r.pages), ...Object.entries(r.actions)]) {
    const ratio = result.rps / bareReact.rps;
    const target = TARGETS[name];
    figures.push({
      id: `${r.size}.${name}`,
      label: `${name} @ ${r.size.toLocaleString("en-US")}`,
      value: result.rps,
      unit: "req/s",
      ceiling: bareReact.rps,
      ceilingLabel: "React SSR",
      ratio,
      target: target ? `≥ ${target}` : null,
      met: target ? ratio >= target : null,
      p50: result.p50,
      p99: result.p99,
    });
    const spread = result.p50 > 0 ? result.p99 / result.p50 : 0;
    figures.push({ id: `${r.size}.${name}.tail`, label: `  p99 / p50, ${name} @ ${r.size.toLocaleString("en-US")}`, value: spread, unit: "×", ceiling: 3, ceilingLabel: "target", ratio: spread / 3, target: "≤ 3", met: spread <= 3 });
  }
  for (const [name, counted] of Object.entries(r.statements)) {
    // The target is for pages; actions are reported.
    const isPage = name in r.pages;
    figures.push({ id: `${r.size}.statements.${name}`, label: `SQL statements per request, ${name} @ ${r.size.toLocaleString("en-US")}`, value: counted.statements, unit: "statements", ceiling: isPage ? 3 : null, ceilingLabel: isPage ? "target" : null, ratio: isPage ? counted.statements / 3 : null, target: isPage ? "≤ 3" : null, met: isPage ? counted.statements <= 3 : null, note: `${counted.transactions} transaction(s)` });
  }
  const agg = r.micro.aggregation;
  figures.push({ id: `${r.size}.aggregation`, label: `aggregation of one loop (${agg.scorecards} scorecards) @ ${r.size.toLocaleString("en-US")}`, value: agg.meanMicros, unit: "µs", ceiling: 1000, ceilingLabel: "1 ms", ratio: agg.meanMicros / 1000, target: "< 1 ms", met: agg.meanMicros < 1000, note: `p50 ${agg.p50Micros.toFixed(1)} µs, p99 ${agg.p99Micros.toFixed(1)} µs` });
  const rs = r.micro.raterStats;
  figures.push({ id: `${r.size}.rater-stats`, label: `org-wide rater statistics (${rs.ratings.toLocaleString("en-US")} ratings) @ ${r.size.toLocaleString("en-US")}`, value: rs.appMs, unit: "ms", ceiling: rs.rawMs, ceilingLabel: "raw SQL GROUP BY", ratio: rs.appMs / rs.rawMs, target: "≤ 2", met: rs.appMs / rs.rawMs <= 2 });
}
if (results.length > 1) {
  const small = results[0]!;
  for (const name of Object.keys(largest.pages)) {
    // Time per request grows as requests per second fall.
    const growth = small.pages[name]!.rps / largest.pages[name]!.rps;
    figures.push({ id: `growth.${name}`, label: `growth ${small.size.toLocaleString("en-US")} → ${largest.size.toLocaleString("en-US")}: ${name}`, value: growth, unit: "×", ceiling: 1.5, ceilingLabel: "target", ratio: growth / 1.5, target: "≤ 1.5", met: growth <= 1.5 });
  }
  for (const name of Object.keys(largest.statements)) {
    // A page whose statements grow with the organisation reads per row somewhere.
    const more = largest.statements[name]!.statements - small.statements[name]!.statements;
    figures.push({ id: `growth.statements.${name}`, label: `more statements ${small.size.toLocaleString("en-US")} → ${largest.size.toLocaleString("en-US")}: ${name}`, value: more, unit: "statements", ceiling: null, ceilingLabel: null, ratio: null, target: "0", met: more <= 0 });
  }
}
for (const [name, js] of Object.entries(largest.javascript)) {
  const limit = 150 * 1024;
  const isTarget = name === "scorecard page";
  figures.push({ id: `js.${name}`, label: `JavaScript shipped, ${name} (${js.files} files, gzip)`, value: js.gzipBytes / 1024, unit: "kB", ceiling: 150, ceilingLabel: "150 kB", ratio: js.gzipBytes / limit, target: isTarget ? "≤ 150 kB" : null, met: isTarget ? js.gzipBytes <= limit : null });
}

const output = {
  finishedAt: new Date().toISOString(),
  seconds: (Date.now() - started) / 1000,
  machine: { cpus: (await import("node:os")).cpus().length, node: process.version },
  settings: { sizes, connections: 50, secondsPerRun: seconds, runs },
  ceilings: { bareHttp, bareReact, pageBytes, reactBytes, reactRows: rows },
  organisations: results.map((r) => ({ size: r.size, counts: r.counts, generationSeconds: r.generationSeconds })),
  figures,
  raw: results,
};
fs.mkdirSync(path.dirname(args.out), { recursive: true });
fs.writeFileSync(args.out, JSON.stringify(output, null, 2));
console.log(table(figures));
console.log(`\n${figures.filter((f) => f.met === false).length} target(s) not met · ${output.seconds.toFixed(0)} s · JSON: ${args.out}`);
