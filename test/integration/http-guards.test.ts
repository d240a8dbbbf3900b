import net from "node:net";
import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import express, { type RequestHandler } from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { guardPages } from "~/server/http-app";

// The chain that stands before every page and action (server/http-app.ts), around a stand-in for
// Remix that, like Remix, reads the body it is handed. Raw sockets play slow and careless clients.
const LIMITS = { maxBytes: 64 * 1024, timeoutMs: 1_500 };
const SLOTS = 2;

let server: Server;
let port: number;
const handled: string[] = [];

const standIn: RequestHandler = (req, res) => {
  handled.push(`${req.method} ${req.path}`);
  const body = res.locals.body as Buffer | undefined;
  res.status(200).type("text/plain").send(`ok ${body?.length ?? 0}`);
};

beforeAll(async () => {
  const app = guardPages(express(), standIn, LIMITS, SLOTS);
  await new Promise<void>((resolve) => {
    server = app.listen(0, "127.0.0.1", resolve);
  });
  port = (server.address() as AddressInfo).port;
});

afterAll(() => {
  server.closeAllConnections();
  server.close();
});

type Raw = { socket: net.Socket; response: Promise<string>; closed: Promise<void> };

/** A client that writes exactly what it is told, when it is told. */
function raw(head: string): Raw {
  const socket = net.connect(port, "127.0.0.1");
  socket.on("error", () => {});
  let text = "";
  const closed = new Promise<void>((resolve) => socket.on("close", () => resolve()));
  const response = new Promise<string>((resolve) => {
    socket.on("data", (chunk) => {
      text += chunk.toString("latin1");
      if (/\r\n\r\n/.test(text)) resolve(text);
    });
    socket.on("close", () => resolve(text));
  });
  socket.write(head);
  return { socket, response, closed };
}

const statusOf = (text: string) => Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0);
const post = (path: string, headers: Record<string, string>) =>
  `POST ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n${Object.entries(headers).map(([k, v]) => `${k}: ${v}\r\n`).join("")}\r\n`;

async function get(path: string, headers: Record<string, string> = {}) {
  return fetch(`http://127.0.0.1:${port}${path}`, { headers });
}

describe("slow clients", () => {
  it("cannot take the admission slots: with more slow uploads open than slots, a page is still answered", async () => {
    // Six connections each declare a 100-byte body and trickle it a byte at a time.
    const slow = Array.from({ length: SLOTS * 3 }, () => raw(post("/login", { "Content-Type": "application/x-www-form-urlencoded", "Content-Length": "100" })));
    const trickle = setInterval(() => slow.forEach((c) => c.socket.write("a")), 100);
    try {
      await new Promise((r) => setTimeout(r, 300));
      const page = await get("/");
      expect(page.status).toBe(200);
      expect(await page.text()).toBe("ok 0");
      // The uploads were still going on when the page was answered.
      const answered = await Promise.race([Promise.all(slow.map((c) => c.response)).then(() => true), new Promise((r) => setTimeout(() => r(false), 10))]);
      expect(answered).toBe(false);
    } finally {
      clearInterval(trickle);
      slow.forEach((c) => c.socket.destroy());
    }
  });

  it("answers 408 to a body that does not arrive in time, and never hands it on", async () => {
    handled.length = 0;
    const client = raw(post("/slow", { "Content-Type": "application/x-www-form-urlencoded", "Content-Length": "10" }));
    client.socket.write("abc");
    const text = await client.response;
    expect(statusOf(text)).toBe(408);
    await client.closed;
    expect(handled).not.toContain("POST /slow");
  });
});

describe("oversize bodies", () => {
  it("are refused with 413 on their declared length alone, before any of the body is sent", async () => {
    handled.length = 0;
    const client = raw(post("/login", { "Content-Type": "application/x-www-form-urlencoded", "Content-Length": String(100 * 1024 * 1024) }));
    const text = await client.response;
    expect(statusOf(text)).toBe(413);
    expect(text).toMatch(/Connection: close/i);
    await client.closed;
    expect(handled).toHaveLength(0);
  });

  it("are refused with 413 as soon as a body without a declared length passes the limit", async () => {
    handled.length = 0;
    const client = raw(post("/login", { "Content-Type": "application/x-www-form-urlencoded", "Transfer-Encoding": "chunked" }));
    const chunk = Buffer.alloc(16 * 1024, "a");
    // Send a little over the limit, then wait: the answer must come without the rest of the body.
    for (let sent = 0; sent <= LIMITS.maxBytes; sent += chunk.length) client.socket.write(`${chunk.length.toString(16)}\r\n${chunk.toString()}\r\n`);
    const text = await client.response;
    expect(statusOf(text)).toBe(413);
    await client.closed;
    expect(handled).toHaveLength(0);
  });

  it("hands a body within the limit on whole", async () => {
    const body = "x".repeat(LIMITS.maxBytes);
    const answer = await fetch(`http://127.0.0.1:${port}/login`, { method: "POST", headers: { "Content-Type": "text/plain" }, body });
    expect(answer.status).toBe(200);
    expect(await answer.text()).toBe(`ok ${LIMITS.maxBytes}`);
  });
});

describe("cross-site writes", () => {
  const send = (origin: string | null) =>
    fetch(`http://127.0.0.1:${port}/login`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", ...(origin === null ? {} : { Origin: origin }) },
      body: "a=1",
    });

  it("refuses another origin and an opaque one (Origin: null) with 403, and lets this site's through", async () => {
    expect((await send("https://evil.example")).status).toBe(403);
    expect((await send("null")).status).toBe(403);
    expect((await send("not a url")).status).toBe(403);
    expect((await send(`http://127.0.0.1:${port}`)).status).toBe(200);
    // Tools and old browsers send no Origin at all: SameSite cookies protect those.
    expect((await send(null)).status).toBe(200);
  });
});
