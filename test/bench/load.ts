import autocannon from "autocannon";

/**
 * Load with autocannon: 50 connections for a bounded duration, repeated; the median run (by
 * requests per second) is reported with its latency percentiles. A run that saw errors or
 * unexpected statuses fails the benchmark (it measured something else than the page).
 */
export type LoadResult = { rps: number; p50: number; p99: number; runs: number[]; requests: number };

export type LoadSpec = {
  url: string;
  method?: "GET" | "POST";
  headers?: Record<string, string>;
  body?: string;
  /**
   * Varies each request (e.g. a different scorecard to submit); returns the request's path and body.
   * `connection` is state kept per connection (autocannon's request context).
   */
  next?: (connection: Record<string, unknown>) => { path: string; body?: string };
  /** Reads each answer, with the same per-connection state (e.g. the draft version a save produced). */
  onResponse?: (status: number, body: string, connection: Record<string, unknown>) => void;
  /** Statuses that count as success (default 200). */
  expect?: number[];
  connections?: number;
  seconds?: number;
  runs?: number;
  /** Stop after this many requests in a run (for actions that consume data). */
  maxRequests?: number;
  /** A first run that is not reported (JIT, caches and the ORM's query plans warm up), in seconds or requests. */
  warmUp?: { seconds: number } | { requests: number };
};

export async function measure(spec: LoadSpec): Promise<LoadResult> {
  const expect = spec.expect ?? [200];
  const results: autocannon.Result[] = [];
  if (spec.warmUp) {
    const warm = "seconds" in spec.warmUp ? { seconds: spec.warmUp.seconds } : { maxRequests: spec.warmUp.requests };
    await measure({ ...spec, ...warm, warmUp: undefined, runs: 1 });
  }
  for (let i = 0; i < (spec.runs ?? 2); i++) {
    const statuses = new Map<number, number>();
    let done!: (r: autocannon.Result) => void;
    let fail!: (e: unknown) => void;
    const finished = new Promise<autocannon.Result>((resolve, reject) => ((done = resolve), (fail = reject)));
    const options: autocannon.Options = {
      url: spec.url,
      method: spec.method ?? "GET",
      headers: spec.headers,
      body: spec.body,
      connections: spec.connections ?? 50,
      // Slow answers are measured (p99), not counted as errors.
      timeout: 60,
      duration: spec.seconds ?? 5,
      ...(spec.maxRequests ? { amount: spec.maxRequests } : {}),
      ...(spec.next
        ? {
            requests: [
              {
                setupRequest: (request: autocannon.Request, connection: object) => {
                  const { path, body } = spec.next!(connection as Record<string, unknown>);
                  return { ...request, path, ...(body === undefined ? {} : { body }) };
                },
                ...(spec.onResponse
                  ? { onResponse: (status: number, body: string, connection: object) => spec.onResponse!(status, body, connection as Record<string, unknown>) }
                  : {}),
              },
            ],
          }
        : {}),
    };
    const instance = autocannon(options, (error, result) => (error ? fail(error) : done(result)));
    instance.on("response", (_client: unknown, statusCode: number) => statuses.set(statusCode, (statuses.get(statusCode) ?? 0) + 1));
    const result = await finished;
    const unexpected = [...statuses].filter(([s]) => !expect.includes(s));
    if (result.errors > 0 || result.timeouts > 0 || unexpected.length > 0) {
      throw new Error(`${spec.method ?? "GET"} ${spec.url}: ${result.errors} errors, ${result.timeouts} timeouts, unexpected statuses ${JSON.stringify(unexpected)}`);
    }
    results.push(result);
  }
  const sorted = [...results].sort((a, b) => a.requests.average - b.requests.average);
  const median = sorted[Math.floor((sorted.length - 1) / 2)]!;
  return {
    rps: median.requests.average,
    p50: median.latency.p50,
    p99: median.latency.p99,
    runs: results.map((r) => r.requests.average),
    requests: results.reduce((n, r) => n + r.requests.total, 0),
  };
}
