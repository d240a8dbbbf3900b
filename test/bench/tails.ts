/**
 * Long tails of writes under page load, for choosing the admission settings (app/server/admission.ts).
 * Serves the production build (`npm run build` first) on 127.0.0.1 once per setting and, with
 * autocannon, measures together for `--seconds`:
 *
 * - the committee page, 20 clients on kept-open connections (the page load);
 * - scorecard submissions, 5 clients, each on a fresh connection (the writes whose tails are in
 *   question: a new connection waits in the kernel until the server's event loop accepts it);
 *
 * then the interviewer's home page alone near capacity (40 clients), the page whose median the
 * admission limit can hurt. Prints p50 / p99 and their ratio per setting; never fails on a figure.
 *
 *   node --import tsx test/bench/tails.ts --candidates 1000 --seconds 5 --settings 8/8,4/2,2/1
 *
 * A setting is READ_CONCURRENCY/WRITE_CONCURRENCY. Each run uses up submissions from the
 * generated organisation's queue, so the queue is sized for the settings asked for.
 */
import fs from "node:fs";
import http from "node:http";
import { performance } from "node:perf_hooks";
import path from "node:path";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { runNode, serve } from "./processes";

const { values: args } = parseArgs({
  options: {
    candidates: { type: "string", default: "1000" },
    seconds: { type: "string", default: "5" },
    settings: { type: "string", default: "8/8,4/2" },
    port: { type: "string", default: "3641" },
    // Milliseconds between one submission and the next per write client (0: back to back, the
    // writes at saturation); e.g. 1000 offers 5 submissions a second, a busy morning's rate ×100.
    "write-pause": { type: "string", default: "0" },
  },
});
const seconds = Number(args.seconds);
const settings = args.settings.split(",").map((s) => s.split("/").map(Number) as [number, number]);
const port = Number(args.port);
const writePause = Number(args["write-pause"]);
const SECRET = "tails-session-secret-0123456789abcdefghij";

if (!fs.existsSync("build/server/index.js")) throw new Error("No production build: run `npm run build` first.");

type Manifest = {
  databaseFile: string;
  password: string;
  logins: { hiringCommittee: string; interviewer: string; submitter: string };
  committeeLoopId: string;
  submitInterviewIds: string[];
  submitContent: unknown;
};

const dir = "data/bench";
fs.mkdirSync(dir, { recursive: true });
const databaseFile = path.join(dir, `tails-${args.candidates}.db`);
const manifestFile = path.join(dir, `tails-${args.candidates}.json`);
// Submissions per setting: 5 clients at most ~100 a second each would be far more than a run uses.
const perSetting = 1500;
console.error(`generating ${args.candidates} candidates…`);
if (!fs.existsSync(manifestFile)) await runNode([
  "--import", "tsx", "test/bench/generate-org.ts", "--database", databaseFile, "--candidates", args.candidates,
  "--manifest", manifestFile, "--submit-queue", String(perSetting * settings.length),
]);
const manifest = JSON.parse(fs.readFileSync(manifestFile, "utf8")) as Manifest;
const queue = [...manifest.submitInterviewIds];

async function signIn(base: string, email: string): Promise<string> {
  const response = await fetch(`${base}/login`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: base },
    body: new URLSearchParams({ email, password: manifest.password }),
  });
  const cookie = response.headers.get("set-cookie")?.split(";")[0];
  if (response.status !== 302 || !cookie) throw new Error(`Sign-in as ${email} failed with ${response.status}`);
  return cookie;
}

type Figures = { p50: number; p99: number; max: number; requests: number; non2xx: number; errors: number; timeouts: number };
const figures = (r: autocannon.Result): Figures => ({
  p50: r.latency.p50,
  p99: r.latency.p99,
  max: r.latency.max,
  requests: r.requests.total,
  non2xx: r.non2xx,
  errors: r.errors,
  timeouts: r.timeouts,
});

/**
 * `clients` clients, each posting on a new connection (closed after the answer) as soon as the
 * last answer came; latency from the moment the connection was asked for, so a wait to be
 * accepted counts. autocannon cannot open a connection per request. Any status counts: the
 * question is how long a write waits, not what it answers.
 */
async function freshConnectionWrites(base: string, clients: number, seconds: number, next: () => { path: string; body: string; cookie: string }): Promise<Figures> {
  const url = new URL(base);
  const latencies: number[] = [];
  let non2xx = 0;
  let errors = 0;
  const end = performance.now() + seconds * 1000;
  const one = () =>
    new Promise<void>((resolve) => {
      const { path: p, body, cookie } = next();
      const since = performance.now();
      const request = http.request(
        { host: url.hostname, port: url.port, path: p, method: "POST", agent: false, timeout: 30_000, headers: { "Content-Type": "application/json", Origin: base, Cookie: cookie, "Content-Length": Buffer.byteLength(body) } },
        (response) => {
          response.resume();
          response.on("end", () => {
            latencies.push(performance.now() - since);
            if (response.statusCode! >= 300) non2xx += 1;
            resolve();
          });
        },
      );
      request.on("timeout", () => request.destroy(new Error("timeout")));
      request.on("error", () => {
        errors += 1;
        resolve();
      });
      request.end(body);
    });
  await Promise.all(Array.from({ length: clients }, async () => {
    while (performance.now() < end) {
      await one();
      if (writePause > 0) await new Promise((r) => setTimeout(r, writePause));
    }
  }));
  const sorted = latencies.sort((a, b) => a - b);
  const at = (q: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? 0);
  return { p50: at(0.5), p99: at(0.99), max: Math.round(sorted.at(-1) ?? 0), requests: sorted.length, non2xx, errors, timeouts: 0 };
}

const rows: Array<Record<string, string | number>> = [];
for (const [reads, writes_] of settings) {
  const base = `http://127.0.0.1:${port}`;
  const app = await serve(["--import", "tsx", "server.ts"], {
    NODE_ENV: "production",
    HOST: "127.0.0.1",
    PORT: String(port),
    DATABASE_URL: `file:${databaseFile}`,
    SESSION_SECRET: SECRET,
    SEED_DEMO: "false",
    LOG_REQUESTS: "false",
    // Scheduled jobs (a reminder backlog in the generated organisation) are not what is measured.
    REMINDER_EVERY_SECONDS: "0",
    DELIVERY_EVERY_SECONDS: "0",
    RETENTION_EVERY_HOURS: "0",
    READ_CONCURRENCY: String(reads),
    WRITE_CONCURRENCY: String(writes_),
  }, base, "/login");
  try {
    const committee = await signIn(base, manifest.logins.hiringCommittee);
    const interviewer = await signIn(base, manifest.logins.interviewer);
    const submitter = await signIn(base, manifest.logins.submitter);
    const committeeUrl = `${base}/loops/${manifest.committeeLoopId}/committee`;
    // Warm-up: the page and the renderer's code paths.
    await autocannon({ url: committeeUrl, connections: 10, duration: 2, headers: { Cookie: committee } });

    const mine = queue.splice(0, perSetting);
    const body = JSON.stringify({ intent: "submit", version: 0, content: manifest.submitContent });
    const [pages, writes] = await Promise.all([
      autocannon({ url: committeeUrl, connections: 20, duration: seconds, timeout: 30, headers: { Cookie: committee, "Accept-Encoding": "gzip" } }),
      freshConnectionWrites(base, 5, seconds, () => ({ path: `/interviews/${mine.shift()}/scorecard`, body, cookie: submitter })),
    ]);
    const home = await autocannon({ url: `${base}/`, connections: 40, duration: seconds, timeout: 30, headers: { Cookie: interviewer, "Accept-Encoding": "gzip" } });
    for (const [name, f] of [["committee page (with writes)", figures(pages)], ["scorecard submit, fresh connections (with pages)", writes], ["interviewer home (alone, 40 clients)", figures(home)]] as const) {
      rows.push({ setting: `${reads}/${writes_}`, measured: name, ...f, "p99/p50": Math.round((f.p99 / Math.max(f.p50, 1)) * 10) / 10, "req/s": Math.round(f.requests / seconds) });
    }
  } finally {
    await app.stop();
  }
}
console.table(rows);
