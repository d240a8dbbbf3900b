import http from "node:http";
import type { AddressInfo } from "node:net";
import { gzipSync } from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import { offer, saturate, type Target } from "./load";

/** A local server answering with `answer`; counts the connections it was opened. */
async function server(answer: (request: http.IncomingMessage, response: http.ServerResponse) => void) {
  const s = http.createServer(answer);
  let connections = 0;
  s.on("connection", () => (connections += 1));
  await new Promise<void>((resolve) => s.listen(0, "127.0.0.1", resolve));
  servers.push(s);
  return { url: `http://127.0.0.1:${(s.address() as AddressInfo).port}/`, connections: () => connections };
}
const servers: http.Server[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) {
    s.closeAllConnections();
    await new Promise((resolve) => s.close(resolve));
  }
});

const page = gzipSync("<p>hello</p>".repeat(200));
const gzipped = (request: http.IncomingMessage, response: http.ServerResponse) => {
  expect(request.headers["accept-encoding"]).toBe("gzip, deflate, br");
  response.writeHead(200, { "Content-Encoding": "gzip", "Content-Type": "text/html" }).end(page);
};

describe("the benchmark's load", () => {
  it("offers evenly spaced requests at the rate asked, asking for compression", async () => {
    const { url } = await server(gzipped);
    const run = await offer({ url, compressed: true }, { connections: "keep-alive", rate: 100, seconds: 0.5, concurrency: 10, timeoutMs: 2000 });
    expect(run.requests).toBe(50);
    expect(run.offered).toBe(100);
    expect(run.statuses).toEqual({ 200: 50 });
  });

  it("counts the wait of requests held up by a stalled server from when each was due", async () => {
    // The server stalls for 300 ms once; requests due meanwhile wait their turn (one at a time).
    let stalled = false;
    const { url } = await server((request, response) => {
      const delay = stalled ? 0 : 300;
      stalled = true;
      setTimeout(() => gzipped(request, response), delay);
    });
    const run = await offer({ url }, { connections: "keep-alive", rate: 100, seconds: 0.6, concurrency: 1, timeoutMs: 2000 });
    expect(run.requests).toBe(60);
    // About 30 requests were due during the stall: a tenth of the run waited ≥ 100 ms, so p90 shows it.
    expect(run.p90).toBeGreaterThan(100);
  });

  it("opens one connection per request when fresh, a few when kept alive", async () => {
    const fresh = await server(gzipped);
    await saturate({ url: fresh.url }, { connections: "fresh", clients: 2, seconds: 10, maxRequests: 20, timeoutMs: 2000 });
    expect(fresh.connections()).toBe(20);
    const kept = await server(gzipped);
    await saturate({ url: kept.url }, { connections: "keep-alive", clients: 2, seconds: 10, maxRequests: 20, timeoutMs: 2000 });
    expect(kept.connections()).toBeLessThanOrEqual(2);
  });

  it("counts 503s apart and fails on any other unexpected status", async () => {
    let n = 0;
    const { url } = await server((request, response) => void (n++ % 2 === 0 ? gzipped(request, response) : response.writeHead(503).end()));
    const run = await saturate({ url }, { connections: "keep-alive", clients: 1, seconds: 10, maxRequests: 10, timeoutMs: 2000 });
    expect(run).toMatchObject({ requests: 5, refused: 5 });
    const teapot = await server((_request, response) => void response.writeHead(418).end("no"));
    await expect(saturate({ url: teapot.url }, { connections: "keep-alive", clients: 1, seconds: 1, timeoutMs: 2000 })).rejects.toThrow(/answered 418/);
  });

  it("fails loudly on a page that comes uncompressed, and on a request without an answer", async () => {
    const plain = await server((_request, response) => void response.writeHead(200).end("<p>hello</p>"));
    const target: Target = { url: plain.url, compressed: true };
    await expect(saturate(target, { connections: "keep-alive", clients: 1, seconds: 1, timeoutMs: 2000 })).rejects.toThrow(/not compressed/);
    const silent = await server(() => undefined);
    await expect(offer({ url: silent.url }, { connections: "keep-alive", rate: 10, seconds: 0.2, concurrency: 2, timeoutMs: 300 })).rejects.toThrow(/no answer within 0.3 s/);
  });
});
