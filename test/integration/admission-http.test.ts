// Admission over real connections: clients that leave at every moment of a request never keep a slot.
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import express, { type RequestHandler } from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { guardPages } from "~/server/http-app";

// One slot per lane, so a single leaked slot leaves every later request of its kind unanswered.
const LANES = { reads: { concurrency: 1, queue: 50 }, writes: { concurrency: 1, queue: 50 } };

let server: Server;
let base: string;
let port: number;
// Pages under /hold wait until the test answers them; the others are answered at once.
const held: Array<() => void> = [];
let handled = 0;
const standIn: RequestHandler = (req, res) => {
  handled += 1;
  const answer = () => res.status(200).type("text/plain").send("ok");
  if (req.path.startsWith("/hold")) held.push(answer);
  else answer();
};
// Requests under /late reach admission only after their client has gone, as one does when it
// leaves while its body or the static-file lookup in front of the pages is being read.
const arrivedLate: Array<() => void> = [];
const late: RequestHandler = (req, res, next) => {
  if (!req.path.startsWith("/late")) return next();
  res.once("close", () => {
    next();
    arrivedLate.shift()?.();
  });
};

beforeAll(async () => {
  const app = express();
  // As in production: static files first (an fs.stat per request, so a page reaches admission a turn later).
  const publicDir = fs.mkdtempSync(path.join(os.tmpdir(), "admission-static-"));
  fs.writeFileSync(path.join(publicDir, "file.txt"), "static");
  app.use(express.static(publicDir));
  app.use(late);
  guardPages(app, standIn, { maxBytes: 1024, timeoutMs: 1_000 }, LANES);
  await new Promise<void>((resolve) => {
    server = app.listen(0, "127.0.0.1", resolve);
  });
  port = (server.address() as AddressInfo).port;
  base = `http://127.0.0.1:${port}`;
});

afterAll(() => {
  held.splice(0).forEach((answer) => answer());
  server.closeAllConnections();
  server.close();
});

/** A client that sends `text` and can then vanish without reading the answer. */
function client(text: string): { gone: () => Promise<void> } {
  const socket = net.connect(port, "127.0.0.1");
  socket.on("error", () => {});
  socket.write(text);
  const closed = new Promise<void>((resolve) => socket.on("close", () => resolve()));
  return {
    gone: () => {
      socket.destroy();
      return closed;
    },
  };
}
const getText = (p: string) => `GET ${p} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n\r\n`;
const postText = (p: string, body: string) =>
  `POST ${p} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: text/plain\r\nContent-Length: ${body.length}\r\n\r\n${body}`;

/** A request that must be answered; a leaked slot shows as a failure here rather than a hung test. */
async function answered(p: string, method: "GET" | "POST" = "GET"): Promise<number> {
  const response = await fetch(base + p, { method, body: method === "POST" ? "x" : undefined, signal: AbortSignal.timeout(10_000) });
  await response.text();
  return response.status;
}

/** Lets the server see what the clients did (closed sockets, finished answers). */
const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

async function untilHeld(count: number) {
  while (held.length < count) await new Promise((resolve) => setTimeout(resolve, 5));
}

describe("admission over real connections", () => {
  it("keeps no slot for a client that left before its request reached admission", async () => {
    const reached = new Promise<void>((resolve) => arrivedLate.push(resolve));
    const c = client(getText("/late/page"));
    await settle();
    await c.gone();
    await reached;
    await settle();
    expect(await answered("/after-late")).toBe(200);
  });

  it("keeps no slot for clients that left while they waited in line", async () => {
    const first = answered("/hold/first");
    await untilHeld(1);
    const waiting = Array.from({ length: 5 }, (_, i) => client(getText(`/queued/${i}`)));
    await settle();
    await Promise.all(waiting.map((c) => c.gone()));
    await settle();
    handled = 0;
    held.shift()!();
    expect(await first).toBe(200);
    expect(await answered("/after-waiting")).toBe(200);
    // Those that left were never worked on.
    expect(handled).toBe(1);
  });

  it("keeps no slot for a client that left while it was being served", async () => {
    const c = client(getText("/hold/left"));
    await untilHeld(1);
    await c.gone();
    await settle();
    const next = answered("/after-served");
    // The page is answered while the abandoned one still holds nothing.
    expect(await next).toBe(200);
    // Answering to a closed connection afterwards releases nothing twice.
    held.shift()!();
    expect(await answered("/after-served-again")).toBe(200);
  });

  it("keeps no slot when many clients leave at every moment of their requests", async () => {
    // Through the static-file lookup, the line, the page and a body: the moments a load run's end cuts requests off.
    for (let round = 0; round < 5; round += 1) {
      const clients = Array.from({ length: 40 }, (_, i) => (i % 4 === 3 ? client(postText(`/save/${i}`, "abc")) : client(getText(`/page/${i}`))));
      for (const [i, c] of clients.entries()) {
        if (i % 5 === 0) await new Promise((resolve) => setImmediate(resolve));
        void c.gone();
      }
      await settle();
    }
    expect(await answered("/after-many")).toBe(200);
    expect(await answered("/after-many", "POST")).toBe(200);
    expect(await answered("/file.txt")).toBe(200);
  });

  it("answers 503 with Retry-After when a lane's line is full, while the other lane still answers", async () => {
    const app = express();
    const parked: Array<() => void> = [];
    guardPages(app, (_req, res) => void parked.push(() => res.status(200).send("ok")), { maxBytes: 1024, timeoutMs: 1_000 }, {
      reads: { concurrency: 1, queue: 1 },
      writes: { concurrency: 1, queue: 1 },
    });
    const small = await new Promise<Server>((resolve) => {
      const s = app.listen(0, "127.0.0.1", () => resolve(s));
    });
    const url = `http://127.0.0.1:${(small.address() as AddressInfo).port}`;
    try {
      const first = fetch(`${url}/a`);
      while (parked.length < 1) await new Promise((resolve) => setTimeout(resolve, 5));
      const second = fetch(`${url}/b`);
      await settle();
      const third = await fetch(`${url}/c`);
      expect(third.status).toBe(503);
      expect(third.headers.get("Retry-After")).toBe("1");
      // A write has its own lane: not refused, and worked on while the pages wait.
      const write = fetch(`${url}/save`, { method: "POST", body: "x" });
      while (parked.length < 2) await new Promise((resolve) => setTimeout(resolve, 5));
      parked.splice(1, 1)[0]!();
      expect((await write).status).toBe(200);
      parked.shift()!();
      expect((await first).status).toBe(200);
      while (parked.length < 1) await new Promise((resolve) => setTimeout(resolve, 5));
      parked.shift()!();
      expect((await second).status).toBe(200);
    } finally {
      parked.splice(0).forEach((answer) => answer());
      small.closeAllConnections();
      small.close();
    }
  });
});
