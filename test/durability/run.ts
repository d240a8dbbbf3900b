// `npm run test:durability`: kill -9 the production server during streams of acknowledged writes, restart it, and check that every one is still there.
/**
 * Each trial copies a prepared database (the demo organisation plus loops, interviews and signed-in
 * sessions, made once through the app's actions; test/durability/setup.ts) into a fresh file,
 * serves it with the production build, streams writes from several clients at once (draft saves,
 * scorecard submissions, hiring decisions, new candidates; streams.ts), and at a random moment
 * 1–4 s in kills the server with SIGKILL. It then restarts the server on the same file and reads the
 * file directly, read-only (verify.ts): every write the server acknowledged must be there with its
 * values, nothing half-written, and `PRAGMA integrity_check` must say ok.
 *
 * SQLite runs in WAL mode with synchronous=NORMAL: a commit is in the WAL (in the OS's page cache)
 * before the answer is sent, so a process crash loses nothing; a power cut could lose the last
 * commits, which this script does not test. Needs `npm run build` first (`npm test` builds).
 *
 * Options: --trials 5 (at least 5 in CI), --keep (keep the temporary files).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { freePort, killHard, startServer, stopServer } from "./server";
import { prepareTemplate } from "./setup";
import { runStreams, warmUp } from "./streams";
import { verify, type Verdict } from "./verify";

const { values: args } = parseArgs({ options: { trials: { type: "string", default: "5" }, keep: { type: "boolean", default: false } } });
const trials = Number(args.trials);
if (!Number.isInteger(trials) || trials < 1) throw new Error("--trials takes a whole number");
if (!fs.existsSync("build/server/index.js")) {
  console.error("No production build: run `npm run build` first (`npm test` builds).");
  process.exit(1);
}

const started = Date.now();
const log = (line: string) => console.error(`[durability ${((Date.now() - started) / 1000).toFixed(1)}s] ${line}`);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "builder-ladder-durability-"));

type Row = Verdict & { trial: number; killedAfterMs: number; refused: number; cutOff: number; unexpected: string[]; kinds: string };

async function trial(n: number, template: Awaited<ReturnType<typeof prepareTemplate>>): Promise<Row> {
  const file = path.join(dir, `trial-${n}.db`);
  fs.copyFileSync(template.templateFile, file);
  const port = await freePort();
  const server = await startServer(file, port);
  await warmUp(server.base, template);

  let stopped = false;
  const killAfterMs = 1000 + Math.floor(Math.random() * 3000);
  const killed = new Promise<void>((resolve) =>
    setTimeout(() => {
      stopped = true;
      void killHard(server).then(resolve);
    }, killAfterMs),
  );
  const record = await runStreams(server.base, template, n, () => stopped);
  await killed;
  log(`trial ${n}: killed after ${killAfterMs} ms (${server.child.signalCode}); ${record.acks.length} writes acknowledged; restarting`);

  const again = await startServer(file, port);
  try {
    const kinds = (["draft", "submit", "decision", "candidate"] as const).map((k) => `${record.acks.filter((a) => a.kind === k).length} ${k}s`).join(", ");
    return { trial: n, killedAfterMs: killAfterMs, refused: record.refused, cutOff: record.cutOff, unexpected: record.unexpected, kinds, ...verify(file, record, template.stage.stage.criteria.length) };
  } finally {
    await stopServer(again);
  }
}

let failed = false;
const rows: Row[] = [];
try {
  log(`preparing the template database in ${dir}`);
  const template = await prepareTemplate(path.join(dir, "template.db"));
  for (let n = 1; n <= trials; n++) rows.push(await trial(n, template));
} catch (error) {
  failed = true;
  console.error(error);
}

const header = ["trial", "killed after", "writes acknowledged", "of which", "cut off by the kill", "verified", "stale saves refused", "integrity_check", "problems"];
const table = rows.map((r) => [
  String(r.trial),
  `${r.killedAfterMs} ms`,
  String(r.acknowledged),
  r.kinds,
  String(r.cutOff),
  String(r.verified),
  String(r.refused),
  r.integrity,
  String(r.problems.length + r.unexpected.length),
]);
const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => row[i]!.length)));
const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(" | ")} |`;
console.log(line(header));
console.log(`|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`);
for (const row of table) console.log(line(row));

for (const r of rows) {
  for (const p of [...r.problems, ...r.unexpected].slice(0, 20)) console.log(`trial ${r.trial}: ${p}`);
  if (r.problems.length > 0 || r.unexpected.length > 0 || r.integrity !== "ok" || r.verified !== r.acknowledged) failed = true;
}
if (rows.length < trials) failed = true;
console.log(failed ? `FAILED: see above (files kept in ${dir})` : `ok: ${rows.length} trials, every acknowledged write present, integrity ok (${((Date.now() - started) / 1000).toFixed(0)} s)`);
if (!failed && !args.keep) fs.rmSync(dir, { recursive: true, force: true });
process.exit(failed ? 1 : 0);
