// The project page's loader and action read their clock from the request (utils/clock.server.ts):
// under TEST_CLOCK=true an X-Test-Now header moves it, as the end-to-end tests do. The session is
// still checked against the real clock, so a request 28 days ahead is not signed out.
import type { AppLoadContext } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { prisma } from "~/data/db.server";
import { findProject } from "~/data/projects.server";
import { addDays } from "~/domain/project/process";
import * as pageRoute from "~/routes/projects.$projectId._index/route";
import * as newRoute from "~/routes/projects.new/route";
import { TEST_CLOCK_HEADER } from "~/utils/clock.server";
import { publishShippedRubrics } from "../helpers/loops";
import { BASE } from "../helpers/route";
import { createUser, sessionCookieFor } from "../helpers/users";

// Before any import reads the configuration: the test clock is on for this file only.
const previousTestClock = vi.hoisted(() => {
  const previous = process.env.TEST_CLOCK;
  process.env.TEST_CLOCK = "true";
  return previous;
});
afterAll(() => {
  if (previousTestClock === undefined) delete process.env.TEST_CLOCK;
  else process.env.TEST_CLOCK = previousTestClock;
});

type Handler = (args: { request: Request; params: Record<string, string>; context: AppLoadContext }) => unknown;

async function send(handler: Handler, url: string, cookie: string, params: Record<string, string>, now: Date | null, form?: Record<string, string>) {
  const headers = new Headers({ Cookie: cookie });
  if (now) headers.set(TEST_CLOCK_HEADER, now.toISOString());
  const request = new Request(new URL(url, BASE), form ? { method: "POST", headers, body: new URLSearchParams(form) } : { headers });
  let outcome: unknown;
  try {
    outcome = await handler({ request, params, context: { clientAddress: "203.0.113.7", cspNonce: "" } });
  } catch (thrown) {
    outcome = thrown;
  }
  if (outcome instanceof Response) return { status: outcome.status, body: null as unknown, location: outcome.headers.get("Location") };
  const d = outcome as { type?: string; data?: unknown; init?: { status?: number } | null };
  if (d?.type === "DataWithResponseInit") return { status: d.init?.status ?? 200, body: d.data, location: null };
  return { status: 200, body: outcome, location: null };
}

let v3Id: string;
beforeAll(async () => {
  await publishShippedRubrics();
  v3Id = (await prisma.rubricVersion.findUniqueOrThrow({ where: { track_version: { track: "builder", version: 3 } } })).id;
});

describe("the project log on a moved clock", () => {
  it("shows the checkpoint as due and accepts it only once the request's clock is 28 days past the launch", async () => {
    const manager = await createUser(["manager"], { name: "Marcus" });
    const builder = await createUser(["builder"], { name: "Bea" });
    await prisma.builder.create({ data: { userId: builder.id, level: "L5", managerId: manager.id, startedAt: new Date("2024-03-04T09:00:00Z"), rubricVersionId: v3Id } });
    const approver = await createUser(["builder"], { name: "Yuki" });
    const [bea, yuki] = [await sessionCookieFor(builder.id), await sessionCookieFor(approver.id)];

    const created = await send(newRoute.action, "/projects/new", bea, {}, null, {
      intent: "submit",
      title: "Self-serve refunds",
      problem: "Support spends a day a week on refunds.",
      mode: "satellite",
      team: "Billing",
      approverId: approver.id,
      prd: "# Problem\nRefunds.\n# Solution\nA button.\n# Success criteria\nFewer tickets.\n# Risks and rollback\nFlag.",
      "metrics.0.name": "Refund tickets a week",
      "metrics.0.baseline": "120",
      "metrics.0.target": "30",
      "metrics.0.direction": "at_most",
      "metrics.0.measurement": "Support tags",
    });
    expect(created.status).toBe(302);
    const projectId = created.location!.split("/")[2]!;
    const params = { projectId };
    const url = `/projects/${projectId}`;
    const version = async () => String((await findProject(projectId))!.version);
    expect((await send(pageRoute.action, url, yuki, params, null, { intent: "approve", version: await version(), note: "" })).status).toBe(200);
    expect((await send(pageRoute.action, url, bea, params, null, { intent: "launch", version: await version() })).status).toBe(200);
    const project = (await findProject(projectId))!;
    const launchedAt = project.launchedAt!;
    const checkpoint = { intent: "record_checkpoint", version: await version(), verdict: "keep", followUps: "", [`actuals.${project.metrics[0]!.id}`]: "25" };

    const day27 = addDays(launchedAt, 27);
    const early = await send(pageRoute.loader, url, bea, params, day27);
    expect(early.status).toBe(200);
    expect(early.body).toMatchObject({ checkpointOpen: false, due: { kind: "checkpoint", urgency: "upcoming" } });
    expect((await send(pageRoute.action, url, bea, params, day27, checkpoint)).status).toBe(409);

    const day28 = addDays(launchedAt, 28);
    const due = await send(pageRoute.loader, url, bea, params, day28);
    expect(due.body).toMatchObject({ checkpointOpen: true, due: { kind: "checkpoint", urgency: "due" } });
    expect((await send(pageRoute.action, url, bea, params, day28, checkpoint)).status).toBe(200);
    const after = await send(pageRoute.loader, url, bea, params, day28);
    expect(after.body).toMatchObject({ project: { status: "live" }, checkpoint: { verdict: "keep", summary: "1 of 1 target met" } });
    // The checkpoint is stamped with the request's clock.
    expect((await findProject(projectId))!.checkpoint!.recordedAt.toISOString()).toBe(day28.toISOString());
  });
});
