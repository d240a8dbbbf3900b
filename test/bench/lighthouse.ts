/**
 * `npm run lighthouse`: the mobile performance score of the two heaviest reading pages, the hiring
 * committee page of a loop and a promotion packet, as Lighthouse sees them on a phone.
 *
 * Serves the production build on 127.0.0.1 with NODE_ENV=production and a fresh demo database
 * (the demo organisation, seeded at start as `npm start` does), signs in as the hiring committee
 * (Hannah Schmidt, Ravi Menon's complete loop) and the promotion committee (Priya Natarajan,
 * Samuel Osei's packet in review), and runs the Lighthouse CLI on each page with its default
 * mobile preset and simulated throttling, the session cookie passed as an extra header. Each page
 * is measured `--runs` times; the run with the median score is reported.
 *
 * Prints the score and FCP, LCP, TBT, CLS and Speed Index per page, and writes JSON. Exits
 * non-zero only on errors (no build, a failed sign-in, a page not found, Lighthouse failing),
 * never because a score is low: the target (≥ 90) is printed beside each score.
 *
 * Chromium: CHROME_PATH if set, else /usr/bin/chromium if present, else Lighthouse's own search.
 * Options: --runs 3  --out bench-results/lighthouse.json
 */
import { execFile } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { DEMO_PASSWORD } from "../../prisma/seed/demo-logins";
import { serve } from "./processes";

const { values: args } = parseArgs({
  options: {
    runs: { type: "string", default: "3" },
    out: { type: "string", default: "bench-results/lighthouse.json" },
  },
});
const runs = Math.max(1, Number(args.runs));
const TARGET = 90;
const log = (line: string) => console.error(`[lighthouse] ${line}`);

if (!fs.existsSync("build/server/index.js")) throw new Error("No production build: run `npm run build` first (npm run lighthouse does).");

// No network: no background updates, field trials or sync, nothing but the page under test.
const CHROME_FLAGS = [
  "--headless=new",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];
const chromePath = process.env.CHROME_PATH ?? (fs.existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);

/** The metrics reported per page: Lighthouse audit id → short name. */
const METRICS = {
  "first-contentful-paint": "fcp",
  "largest-contentful-paint": "lcp",
  "total-blocking-time": "tbt",
  "cumulative-layout-shift": "cls",
  "speed-index": "si",
} as const;
type MetricName = (typeof METRICS)[keyof typeof METRICS];
type Run = { score: number; metrics: Record<MetricName, { value: number; display: string }>; warnings: string[] };

/** A port nobody listens on right now. */
async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function signIn(base: string, email: string): Promise<string> {
  const response = await fetch(`${base}/login`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: base },
    body: new URLSearchParams({ email, password: DEMO_PASSWORD }),
  });
  const cookie = response.headers.get("set-cookie")?.split(";")[0];
  if (response.status !== 302 || !cookie) throw new Error(`Sign-in as ${email} failed with ${response.status}`);
  return cookie;
}

/** The first link in a signed-in page whose address matches `href` and whose text contains `text`. */
async function findLink(base: string, cookie: string, page: string, href: RegExp, text: string): Promise<string> {
  const html = await (await fetch(base + page, { headers: { Cookie: cookie } })).text();
  for (const m of html.matchAll(/<a\b[^>]*href="([^"]+)"[^>]*>([\s\S]*?)<\/a>/g)) {
    const words = m[2]!.replace(/<[^>]*>/g, "").replace(/&#x27;/g, "'");
    if (href.test(m[1]!) && words.includes(text)) return m[1]!;
  }
  throw new Error(`No link to ${href} reading "${text}" on ${page}: has the demo organisation changed?`);
}

/** One Lighthouse run of the CLI (default config: mobile, simulated throttling), performance only. */
/**
 * One run, tried up to three times: Lighthouse now and then fails to record its trace on a page
 * that loaded fine ("NO_NAVSTART"), which says nothing about the page.
 */
async function lighthouse(url: string, cookie: string, dir: string, n: number): Promise<Run> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await lighthouseOnce(url, cookie, dir, n);
    } catch (error) {
      if (attempt >= 3 || !/NO_NAVSTART|Please run Lighthouse again/.test(String(error))) throw error;
      log(`Lighthouse could not record run ${n} (${attempt} of 3 attempts): trying again`);
    }
  }
}

async function lighthouseOnce(url: string, cookie: string, dir: string, n: number): Promise<Run> {
  const output = path.join(dir, `run-${n}.json`);
  const cli = path.resolve("node_modules/lighthouse/cli/index.js");
  await new Promise<void>((resolve, reject) => {
    execFile(
      process.execPath,
      [
        cli,
        url,
        "--only-categories=performance",
        "--output=json",
        `--output-path=${output}`,
        `--chrome-flags=${CHROME_FLAGS.join(" ")}`,
        `--extra-headers=${JSON.stringify({ Cookie: cookie })}`,
        "--quiet",
      ],
      { env: { ...process.env, ...(chromePath ? { CHROME_PATH: chromePath } : {}) }, timeout: 300_000, maxBuffer: 16 * 1024 * 1024 },
      (error, _stdout, stderr) => (error ? reject(new Error(`Lighthouse failed on ${url}: ${error.message}\n${stderr}`)) : resolve()),
    );
  });
  const report = JSON.parse(fs.readFileSync(output, "utf8"));
  if (report.runtimeError) throw new Error(`Lighthouse could not load ${url}: ${report.runtimeError.message}`);
  const score = report.categories.performance.score;
  if (typeof score !== "number") throw new Error(`Lighthouse gave no performance score for ${url}: ${(report.runWarnings ?? []).join("; ")}`);
  const metrics = Object.fromEntries(
    Object.entries(METRICS).map(([audit, name]) => [name, { value: report.audits[audit].numericValue, display: report.audits[audit].displayValue }]),
  ) as Run["metrics"];
  return { score: Math.round(score * 100), metrics, warnings: report.runWarnings ?? [] };
}

const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lighthouse-"));
log(`serving the production build on ${base} with a fresh demo database…`);
const app = await serve(
  ["--import", "tsx", "server.ts"],
  {
    NODE_ENV: "production",
    HOST: "127.0.0.1",
    PORT: String(port),
    DATABASE_URL: `file:${path.join(dir, "demo.db")}`,
    SESSION_SECRET: "lighthouse-session-secret-0123456789abcdef",
    DEPLOYMENT: "demo",
    SEED_DEMO: "true",
    LOG_REQUESTS: "false",
    // No schedules running beside the measurement.
    DELIVERY_EVERY_SECONDS: "0",
    REMINDER_EVERY_SECONDS: "0",
    RETENTION_EVERY_HOURS: "0",
  },
  base,
  "/login",
);

const results: Array<{ name: string; path: string; runs: Run[]; median: Run }> = [];
try {
  const hiring = await signIn(base, "hiring@northwind.example");
  const promotions = await signIn(base, "promotions@northwind.example");
  const pages = [
    { name: "committee page", cookie: hiring, path: await findLink(base, hiring, "/committee", /^\/loops\/[^/]+\/committee$/, "Ravi Menon") },
    { name: "packet page", cookie: promotions, path: await findLink(base, promotions, "/packets", /^\/packets\/[^/?]+$/, "Samuel Osei") },
  ];
  for (const page of pages) {
    const done: Run[] = [];
    for (let n = 1; n <= runs; n++) {
      log(`${page.name} (${page.path}), run ${n} of ${runs}…`);
      done.push(await lighthouse(base + page.path, page.cookie, dir, results.length * runs + n));
    }
    const median = [...done].sort((a, b) => a.score - b.score)[Math.floor((done.length - 1) / 2)]!;
    results.push({ name: page.name, path: page.path, runs: done, median });
  }
} finally {
  await app.stop();
  fs.rmSync(dir, { recursive: true, force: true });
}

console.log(`Lighthouse ${JSON.parse(fs.readFileSync("node_modules/lighthouse/package.json", "utf8")).version}, mobile, simulated throttling; median of ${runs} run(s)\n`);
console.log("| page | score | FCP | LCP | TBT | CLS | Speed Index |");
console.log("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
for (const { name, median: m } of results) {
  const met = m.score >= TARGET ? "" : ` (target ${TARGET})`;
  console.log(`| ${name} | ${m.score}${met} | ${m.metrics.fcp.display} | ${m.metrics.lcp.display} | ${m.metrics.tbt.display} | ${m.metrics.cls.display} | ${m.metrics.si.display} |`);
}
for (const { name, runs: all } of results) {
  console.log(`\n${name}: scores ${all.map((r) => r.score).join(", ")}`);
  for (const warning of new Set(all.flatMap((r) => r.warnings))) console.log(`  warning: ${warning}`);
}

fs.mkdirSync(path.dirname(args.out), { recursive: true });
fs.writeFileSync(
  args.out,
  JSON.stringify({ measuredAt: new Date().toISOString(), lighthouse: "mobile, simulated throttling", target: TARGET, runsPerPage: runs, pages: results }, null, 2) + "\n",
);
log(`wrote ${args.out}`);
