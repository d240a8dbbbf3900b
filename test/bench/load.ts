import http from "node:http";
import { performance } from "node:perf_hooks";
import zlib from "node:zlib";

/**
 * Load as browsers send it, with node:http: every request asks for compression
 * (`Accept-Encoding: gzip, deflate, br`), over connections kept open (keep-alive) or a fresh
 * connection per request. Two shapes:
 *
 * - saturation (`saturate`): a fixed number of clients, each sending its next request as soon as
 *   the answer came; what the server manages at most, and its latency when everything queues;
 * - fixed rate (`offer`): one request every 1/rate s, evenly spaced, whether or not the earlier
 *   ones were answered. Latency is measured from the time a request was due, not the time it
 *   went out, so a stalled server is charged for the requests it kept waiting (no coordinated
 *   omission). At most `concurrency` requests are on the wire; the others wait, their clock running.
 *
 * Every request has a time limit: a request without an answer fails the benchmark with what it
 * was, rather than waiting. An unexpected status fails it too (it measured something other than
 * the page), except 503: a server that refuses work when its queue is full is counted, and reported.
 */
export const BROWSER_ENCODINGS = "gzip, deflate, br";

export type Target = {
  /** The request's full URL (a `next` may change its path). */
  url: string;
  method?: "GET" | "POST";
  headers?: Record<string, string>;
  /** Varies each request (e.g. a different scorecard to submit); `context` is state kept per client (saturation) or per request (fixed rate). */
  next?: (context: Record<string, unknown>) => { path: string; body?: string };
  /** Reads each answer (decompressed), with the same context. */
  onResponse?: (status: number, body: string, context: Record<string, unknown>) => void;
  /** Statuses that count as success (default 200). 503 is always counted apart. */
  expect?: number[];
  /** Answers with a body must come compressed (pages). */
  compressed?: boolean;
};

export type Connections = "keep-alive" | "fresh";

export type Run = {
  connections: Connections;
  /** Answers with an expected status per second, over the whole run. */
  rps: number;
  /** The rate offered (fixed-rate runs), req/s. */
  offered?: number;
  seconds: number;
  requests: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  /** Refused with 503 (admission's queue full). Not in rps or the percentiles. */
  refused: number;
  statuses: Record<string, number>;
};

type Answer = { status: number; encoding: string | undefined; body: Buffer };

const STEP_MS = 10;

/** One request on `agent` (false: a fresh connection, closed after the answer); rejects after `timeoutMs`. */
function send(target: Target, agent: http.Agent | false, path: string, body: string | undefined, timeoutMs: number): Promise<Answer> {
  const url = new URL(target.url);
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | number> = { "Accept-Encoding": BROWSER_ENCODINGS, ...target.headers };
    if (body !== undefined) headers["Content-Length"] = Buffer.byteLength(body);
    const request = http.request({ host: url.hostname, port: url.port, path, method: target.method ?? "GET", headers, agent }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => {
        clearTimeout(timer);
        resolve({ status: response.statusCode!, encoding: response.headers["content-encoding"], body: Buffer.concat(chunks) });
      });
      response.on("error", reject);
    });
    const timer = setTimeout(() => request.destroy(new Error(`no answer within ${timeoutMs / 1000} s`)), timeoutMs);
    request.on("error", (error) => {
      clearTimeout(timer);
      reject(new Error(`${target.method ?? "GET"} ${path}: ${error.message}`));
    });
    request.end(body);
  });
}

function decoded({ encoding, body }: Answer): string {
  if (encoding === "gzip") return zlib.gunzipSync(body).toString("utf8");
  if (encoding === "br") return zlib.brotliDecompressSync(body).toString("utf8");
  if (encoding === "deflate") return zlib.inflateSync(body).toString("utf8");
  return body.toString("utf8");
}

/** Sends one request of `target` and checks its answer; returns the latency in ms from `since`. */
async function one(target: Target, agent: http.Agent | false, context: Record<string, unknown>, since: number, timeoutMs: number, tally: Tally): Promise<void> {
  const { path, body } = target.next ? target.next(context) : { path: new URL(target.url).pathname + new URL(target.url).search, body: undefined };
  const answer = await send(target, agent, path, body, timeoutMs);
  const ms = performance.now() - since;
  tally.statuses[answer.status] = (tally.statuses[answer.status] ?? 0) + 1;
  if (answer.status === 503) return void (tally.refused += 1);
  if (!(target.expect ?? [200]).includes(answer.status)) throw new Error(`${target.method ?? "GET"} ${path} answered ${answer.status}: ${decoded(answer).slice(0, 300)}`);
  if (target.compressed && answer.body.length > 0 && answer.encoding !== "gzip" && answer.encoding !== "br") {
    throw new Error(`${path} was not compressed (Content-Encoding: ${answer.encoding ?? "none"}) though the request asked for ${BROWSER_ENCODINGS}`);
  }
  target.onResponse?.(answer.status, decoded(answer), context);
  tally.latencies.push(ms);
}

type Tally = { latencies: number[]; refused: number; statuses: Record<string, number> };

function percentile(sorted: Float64Array, q: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

function summary(tally: Tally, connections: Connections, seconds: number, offered?: number): Run {
  const sorted = Float64Array.from(tally.latencies).sort();
  const round = (n: number) => Math.round(n * 10) / 10;
  return {
    connections,
    rps: tally.latencies.length / seconds,
    ...(offered === undefined ? {} : { offered }),
    seconds: round(seconds),
    requests: tally.latencies.length,
    p50: round(percentile(sorted, 0.5)),
    p90: round(percentile(sorted, 0.9)),
    p99: round(percentile(sorted, 0.99)),
    max: round(sorted.at(-1) ?? 0),
    refused: tally.refused,
    statuses: tally.statuses,
  };
}

const agentFor = (connections: Connections, sockets: number) => (connections === "keep-alive" ? new http.Agent({ keepAlive: true, maxSockets: sockets }) : false);

export type SaturateSpec = { connections: Connections; clients: number; seconds: number; maxRequests?: number; timeoutMs: number };

/** `clients` clients, each sending its next request when the answer came, for `seconds` (or `maxRequests` in all). */
export async function saturate(target: Target, spec: SaturateSpec): Promise<Run> {
  const agent = agentFor(spec.connections, spec.clients);
  const tally: Tally = { latencies: [], refused: 0, statuses: {} };
  const start = performance.now();
  const end = start + spec.seconds * 1000;
  let started = 0;
  let lastAnswer = start;
  let failed = false;
  const client = async () => {
    const context: Record<string, unknown> = {};
    while (!failed && performance.now() < end && started < (spec.maxRequests ?? Infinity)) {
      started += 1;
      try {
        await one(target, agent, context, performance.now(), spec.timeoutMs, tally);
      } catch (error) {
        failed = true;
        throw error;
      }
      lastAnswer = performance.now();
    }
  };
  try {
    await Promise.all(Array.from({ length: spec.clients }, client));
  } finally {
    if (agent) agent.destroy();
  }
  return summary(tally, spec.connections, (lastAnswer - start) / 1000);
}

export type OfferSpec = { connections: Connections; rate: number; seconds: number; maxRequests?: number; concurrency: number; timeoutMs: number };

/** One request every 1/rate s for `seconds` (or `maxRequests` in all); latency from each request's due time. */
export async function offer(target: Target, spec: OfferSpec): Promise<Run> {
  const agent = agentFor(spec.connections, spec.concurrency);
  const tally: Tally = { latencies: [], refused: 0, statuses: {} };
  const total = Math.max(1, Math.min(Math.round(spec.rate * spec.seconds), spec.maxRequests ?? Infinity));
  const interval = 1000 / spec.rate;
  const start = performance.now();
  const due: number[] = [];
  let issued = 0;
  let inFlight = 0;
  let answered = 0;
  let failure: Error | undefined;
  try {
    await new Promise<void>((resolve, reject) => {
      const fail = (error: Error) => {
        failure ??= error;
        reject(error);
      };
      const pump = () => {
        while (!failure && inFlight < spec.concurrency && due.length > 0) {
          const since = due.shift()!;
          inFlight += 1;
          one(target, agent, {}, since, spec.timeoutMs, tally).then(() => {
            inFlight -= 1;
            answered += 1;
            if (answered === total) resolve();
            else pump();
          }, fail);
        }
      };
      const tick = () => {
        if (failure) return;
        const now = performance.now();
        // Every request due by now goes in the queue with its due time (a late timer makes no request later).
        while (issued < total && start + issued * interval <= now) due.push(start + issued++ * interval);
        pump();
        if (issued < total) setTimeout(tick, Math.max(0, Math.min(STEP_MS, start + issued * interval - performance.now())));
      };
      tick();
    });
  } finally {
    if (agent) agent.destroy();
  }
  return summary(tally, spec.connections, (total * interval) / 1000, spec.rate);
}

/** The median run by requests per second, with every run's rate. */
export function median(runs: Run[]): Run & { runs: number[] } {
  const sorted = [...runs].sort((a, b) => a.rps - b.rps);
  const middle = sorted[Math.floor((sorted.length - 1) / 2)]!;
  return { ...middle, refused: runs.reduce((n, r) => n + r.refused, 0), runs: runs.map((r) => Math.round(r.rps * 10) / 10) };
}

/** One request, as a browser sends it: the status, how it came (encoding, bytes on the wire) and the decompressed size. */
export async function probe(target: Target, timeoutMs: number): Promise<{ status: number; encoding: string; wireBytes: number; bytes: number }> {
  const url = new URL(target.url);
  const answer = await send(target, false, url.pathname + url.search, undefined, timeoutMs);
  return { status: answer.status, encoding: answer.encoding ?? "none", wireBytes: answer.body.length, bytes: Buffer.byteLength(decoded(answer)) };
}
