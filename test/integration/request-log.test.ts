// One JSON line per request with time, method, path, status and duration, and nothing that says who asked or what they sent.
import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loggedPath, requestLog } from "~/server/request-log";

const lines: string[] = [];
let server: Server;
let base: string;

beforeAll(async () => {
  const app = express();
  app.use(requestLog((line) => lines.push(line)));
  app.get("/candidates/:id", (_req, res) => {
    res.set("Set-Cookie", "__session=s3cr3t-cookie-value").status(200).send("Ada Lovelace, ada@example.com");
  });
  app.post("/login", (_req, res) => res.status(400).send("Enter your password"));
  app.get("/slow", () => {
    // Never answers: the client gives up.
  });
  await new Promise<void>((resolve) => {
    server = app.listen(0, "127.0.0.1", resolve);
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => {
  server.closeAllConnections();
  server.close();
});

const entries = () => lines.map((line) => JSON.parse(line) as Record<string, unknown>);
const settle = () => new Promise((r) => setTimeout(r, 50));

describe("the request log", () => {
  it("writes one JSON line per request: time, method, path without the query, status, duration", async () => {
    lines.length = 0;
    await (await fetch(`${base}/candidates/c123?q=Ada%20Lovelace&email=ada@example.com`, { headers: { Cookie: "__session=s3cr3t-cookie-value", Authorization: "Bearer t0ken" } })).text();
    await (await fetch(`${base}/login?redirectTo=%2Fpackets`, { method: "POST", body: "email=ada%40example.com&password=hunter2", headers: { "Content-Type": "application/x-www-form-urlencoded" } })).text();
    await settle();
    expect(lines).toHaveLength(2);
    for (const line of lines) expect(line.endsWith("}\n") && !line.slice(0, -1).includes("\n")).toBe(true);
    const [page, signIn] = entries();
    expect(Object.keys(page!)).toEqual(["time", "method", "path", "status", "duration_ms"]);
    expect(page).toMatchObject({ method: "GET", path: "/candidates/c123", status: 200 });
    expect(signIn).toMatchObject({ method: "POST", path: "/login", status: 400 });
    expect(Date.parse(page!.time as string)).not.toBeNaN();
    expect(page!.duration_ms).toEqual(expect.any(Number));
    // Nothing from the query, the headers, the cookies, the body or the answer.
    expect(lines.join("")).not.toMatch(/Ada|Lovelace|ada@|example|s3cr3t|t0ken|hunter2|redirectTo|packets|127\.0\.0\.1/);
  });

  it("logs a request whose client left before the answer, as aborted", async () => {
    lines.length = 0;
    const controller = new AbortController();
    const pending = fetch(`${base}/slow`, { signal: controller.signal }).catch(() => null);
    await settle();
    controller.abort();
    await pending;
    await settle();
    expect(entries()).toEqual([expect.objectContaining({ method: "GET", path: "/slow", aborted: true })]);
  });

  it("keeps the path alone, cut to a length a log line can hold", () => {
    expect(loggedPath("/committee/loops.csv?status=all&track=builder")).toBe("/committee/loops.csv");
    expect(loggedPath("/x#fragment")).toBe("/x");
    expect(loggedPath(`/${"a".repeat(2000)}`)).toHaveLength(513);
  });
});
