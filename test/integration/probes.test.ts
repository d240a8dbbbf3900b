// /healthz and /readyz: no session, nothing about people, 503 with a reason when not ready, and never queued behind pages.
import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import os from "node:os";
import path from "node:path";
import express, { type RequestHandler } from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseKind } from "~/data/database-kind";
import { createPrismaClient, prisma } from "~/data/db.server";
import { databaseReadiness, shippedMigrations } from "~/data/readiness.server";
import { migrationReadiness, type Readiness } from "~/domain/readiness";
import { mountRoutes } from "~/server/http-app";

let server: Server;
let base: string;
let readiness: () => Promise<Readiness> = () => databaseReadiness();
// Pages wait until released: with one admission slot, the first holds it and the rest queue.
const held: Array<() => void> = [];
const slowPage: RequestHandler = (_req, res) => {
  held.push(() => res.status(200).type("text/plain").send("page"));
};

beforeAll(async () => {
  const app = mountRoutes(express(), () => readiness(), slowPage, { maxBytes: 1024, timeoutMs: 1_000 }, 1);
  await new Promise<void>((resolve) => {
    server = app.listen(0, "127.0.0.1", resolve);
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => {
  held.splice(0).forEach((release) => release());
  server.closeAllConnections();
  server.close();
});

describe("/healthz", () => {
  it("answers 200 to anyone, signed in or not, without a cookie or anything about people", async () => {
    const answer = await fetch(`${base}/healthz`);
    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual({ status: "up" });
    expect(answer.headers.get("Cache-Control")).toBe("no-store");
    expect(answer.headers.get("Set-Cookie")).toBeNull();
    expect((await fetch(`${base}/healthz`, { method: "HEAD" })).status).toBe(200);
  });
});

describe("/readyz", () => {
  it("is ready when the database answers and holds every shipped migration", async () => {
    readiness = () => databaseReadiness();
    const answer = await fetch(`${base}/readyz`);
    expect(answer.status).toBe(200);
    // The kind of database this run's instance uses (the suite runs on both).
    expect(await answer.json()).toEqual({ status: "ready", database: databaseKind(process.env.DATABASE_URL!) });
    expect(answer.headers.get("Cache-Control")).toBe("no-store");
  });

  it("is 503 with a short reason when a shipped migration is not applied", async () => {
    const shipped = shippedMigrations();
    readiness = () => databaseReadiness(prisma, [...shipped, "29990101000000_from_the_future"]);
    const answer = await fetch(`${base}/readyz`);
    expect(answer.status).toBe(503);
    expect(await answer.json()).toEqual({ status: "not ready", reason: "1 migration is not applied: 29990101000000_from_the_future", database: databaseKind(process.env.DATABASE_URL!) });
  });

  it("is 503 when the database does not answer", async () => {
    const unreachable = createPrismaClient(`file:${path.join(os.tmpdir(), "no-such-folder-for-builder-ladder", "x.db")}`);
    readiness = () => databaseReadiness(unreachable, undefined, "sqlite");
    const answer = await fetch(`${base}/readyz`);
    expect(answer.status).toBe(503);
    expect(await answer.json()).toEqual({ status: "not ready", reason: "the database does not answer", database: "sqlite" });
    await unreachable.$disconnect();
  });

  it("names at most three missing migrations", () => {
    expect(migrationReadiness(["a", "b"], ["a", "b", "old"])).toEqual({ ready: true });
    expect(migrationReadiness(["a", "b", "c", "d", "e"], ["a"])).toEqual({ ready: false, reason: "4 migrations are not applied: b, c, d, and 1 more" });
  });
});

describe("the probes and admission", () => {
  it("answer while every working slot is taken and pages wait in line", async () => {
    readiness = () => databaseReadiness();
    const first = fetch(`${base}/`);
    const second = fetch(`${base}/candidates`);
    await new Promise((r) => setTimeout(r, 100));
    expect(held).toHaveLength(1);
    const [health, ready] = await Promise.all([fetch(`${base}/healthz`), fetch(`${base}/readyz`)]);
    expect(health.status).toBe(200);
    expect(ready.status).toBe(200);
    // The pages were still waiting when the probes were answered.
    expect(held).toHaveLength(1);
    held.shift()!();
    expect((await first).status).toBe(200);
    await new Promise((r) => setTimeout(r, 50));
    held.shift()!();
    expect((await second).status).toBe(200);
  });
});
