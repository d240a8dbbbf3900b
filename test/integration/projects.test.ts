import type { AppLoadContext } from "@remix-run/node";
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/data/db.server";
import { findProject } from "~/data/projects.server";
import { applyProjectAction } from "~/data/project-workflow.server";
import { addDays } from "~/domain/project/process";
import * as pageRoute from "~/routes/projects.$projectId._index/route";
import * as editRoute from "~/routes/projects.$projectId.edit/route";
import * as listRoute from "~/routes/projects._index/route";
import * as newRoute from "~/routes/projects.new/route";
import { actorOf } from "../helpers/actor";
import { publishShippedRubrics } from "../helpers/loops";
import { BASE, call, type Answer } from "../helpers/route";
import { createUser, sessionCookieFor } from "../helpers/users";

type User = { id: string };
type PageData = Awaited<ReturnType<typeof pageRoute.loader>>;
type Failure = { ok: false; fieldErrors: Record<string, string[] | undefined>; formErrors: string[] };

let v3Id: string;
let admin: User;
let committee: User;

beforeAll(async () => {
  await publishShippedRubrics();
  v3Id = (await prisma.rubricVersion.findUniqueOrThrow({ where: { track_version: { track: "builder", version: 3 } } })).id;
  admin = await createUser(["admin"], { name: "Morgan" });
  committee = await createUser(["promotion_committee"], { name: "Priya" });
});

const cookies = new Map<string, string>();
async function cookie(user: User) {
  if (!cookies.has(user.id)) cookies.set(user.id, await sessionCookieFor(user.id));
  return cookies.get(user.id)!;
}

/** A builder with a manager, and a colleague to name as approver. */
async function team() {
  const manager = await createUser(["manager"], { name: "Marcus" });
  const builder = await createUser(["builder"], { name: "Bea" });
  await prisma.builder.create({ data: { userId: builder.id, level: "L5", managerId: manager.id, startedAt: new Date("2024-03-04T09:00:00Z"), rubricVersionId: v3Id } });
  const approver = await createUser(["builder", "interviewer"], { name: "Yuki" });
  return { builder, manager, approver };
}

const PRD = [
  "## Problem",
  "Sign-ups stall at the company step.",
  "## Solution",
  "A two-step form.",
  "## Success criteria",
  "Completion up, time down.",
  "## Risks and rollback",
  "Behind a flag; switch it off.",
].join("\n\n");

function projectForm(approverId: string, overrides: Record<string, string | string[]> = {}): Record<string, string | string[]> {
  return {
    intent: "submit",
    title: "Faster sign-up",
    problem: "Half of new accounts never finish signing up.",
    mode: "satellite",
    team: "Growth",
    approverId,
    prd: PRD,
    links: "https://northwind.example/prd/sign-up",
    "metrics.0.name": "Sign-up completion",
    "metrics.0.unit": "%",
    "metrics.0.baseline": "31",
    "metrics.0.target": "40",
    "metrics.0.direction": "at_least",
    "metrics.0.measurement": "Funnel dashboard, weekly",
    "metrics.1.name": "Time to sign up",
    "metrics.1.unit": "s",
    "metrics.1.baseline": "90",
    "metrics.1.target": "45",
    "metrics.1.direction": "at_most",
    "metrics.1.measurement": "p50 from the events table",
    ...overrides,
  };
}

async function create(user: User, form: Record<string, string | string[]>): Promise<Answer> {
  return call(newRoute.action, { url: "/projects/new", cookie: await cookie(user), form });
}
async function load(user: User, projectId: string): Promise<Answer> {
  return call(pageRoute.loader, { url: `/projects/${projectId}`, cookie: await cookie(user), params: { projectId } });
}
async function view(user: User, projectId: string): Promise<PageData> {
  const answer = await load(user, projectId);
  expect(answer.status).toBe(200);
  return answer.body as PageData;
}
async function post(user: User, projectId: string, form: Record<string, string | string[]>): Promise<Answer> {
  return call(pageRoute.action, { url: `/projects/${projectId}`, cookie: await cookie(user), params: { projectId }, form });
}
async function edit(user: User, projectId: string, form: Record<string, string | string[]>): Promise<Answer> {
  return call(editRoute.action, { url: `/projects/${projectId}/edit`, cookie: await cookie(user), params: { projectId }, form });
}
const idFrom = (answer: Answer) => {
  expect(answer.status).toBe(302);
  const location = answer.headers.get("Location")!;
  expect(location).toMatch(/^\/projects\/[^/]+$/);
  return location.split("/")[2]!;
};
const version = async (projectId: string) => String((await prisma.project.findUniqueOrThrow({ where: { id: projectId } })).version);
const stored = (projectId: string) => prisma.project.findUniqueOrThrow({ where: { id: projectId }, include: { metrics: true, events: { orderBy: { at: "asc" } } } });

/** A project submitted to `approver`. */
async function submitted() {
  const t = await team();
  const id = idFrom(await create(t.builder, projectForm(t.approver.id)));
  return { ...t, id };
}
/** …approved by the approver. */
async function approved() {
  const p = await submitted();
  expect((await post(p.approver, p.id, { intent: "approve", version: await version(p.id), note: "Go." })).status).toBe(200);
  return p;
}
/** …and launched `daysAgo` days ago (launchedAt moved back in the database, as time passing would). */
async function launched(daysAgo = 0) {
  const p = await approved();
  expect((await post(p.builder, p.id, { intent: "launch", version: await version(p.id) })).status).toBe(200);
  if (daysAgo > 0) await prisma.project.update({ where: { id: p.id }, data: { launchedAt: addDays(new Date(), -daysAgo) } });
  return p;
}
async function checkpointForm(projectId: string, actuals: [string, string], overrides: Record<string, string> = {}) {
  const project = (await findProject(projectId))!;
  return {
    intent: "record_checkpoint",
    version: String(project.version),
    verdict: "iterate",
    followUps: "Shorten the company step further; owner: Bea.",
    [`actuals.${project.metrics[0]!.id}`]: actuals[0],
    [`actuals.${project.metrics[1]!.id}`]: actuals[1],
    ...overrides,
  };
}

describe("starting a project", () => {
  it("lets a builder start and submit one, pinned to the current rubric version (v3), which becomes immutable", async () => {
    const t = await team();
    const page = await call(newRoute.loader, { url: "/projects/new", cookie: await cookie(t.builder) });
    expect(page.status).toBe(200);
    const body = page.body as { template: string; people: Array<{ id: string }> };
    expect(body.template).toContain("## Risks and rollback");
    expect(body.people.map((p) => p.id)).not.toContain(t.builder.id);
    const id = idFrom(await create(t.builder, projectForm(t.approver.id)));
    const project = await stored(id);
    expect(project).toMatchObject({ status: "submitted", ownerId: t.builder.id, approverId: t.approver.id, rubricVersionId: v3Id, team: "Growth", mode: "satellite" });
    expect(project.metrics.sort((a, b) => a.position - b.position).map((m) => [m.name, m.baseline, m.target, m.direction])).toEqual([
      ["Sign-up completion", 31, 40, "at_least"],
      ["Time to sign up", 90, 45, "at_most"],
    ]);
    expect(project.events.map((e) => [e.kind, e.actorId])).toEqual([
      ["created", t.builder.id],
      ["submitted", t.builder.id],
    ]);
    expect((await prisma.rubricVersion.findUniqueOrThrow({ where: { id: v3Id } })).firstUsedAt).not.toBeNull();
  });

  it("saves a half-written draft, then submits it from the edit page", async () => {
    const t = await team();
    const id = idFrom(await create(t.builder, { intent: "save", title: "Idea", problem: "Not sure yet.", mode: "founder", approverId: t.approver.id }));
    expect(await stored(id)).toMatchObject({ status: "draft", prd: "", version: 1 });
    const answer = await edit(t.builder, id, projectForm(t.approver.id, { version: "1", mode: "founder", team: "", decisionDate: "2099-01-01" }));
    // 2099 is further than the rubric's 365 days: a gap, not a field error.
    expect(answer.status).toBe(400);
    expect((answer.body as Failure).formErrors.join(" ")).toMatch(/within 365 days/);
    const inAMonth = addDays(new Date(), 30).toISOString().slice(0, 10);
    expect((await edit(t.builder, id, projectForm(t.approver.id, { version: "1", mode: "founder", decisionDate: inAMonth }))).status).toBe(302);
    expect(await stored(id)).toMatchObject({ status: "submitted", mode: "founder", team: "" });
  });

  it("refuses anyone who is not a builder (403), and a builder role without a builder record, and writes nothing", async () => {
    const interviewer = await createUser(["interviewer"]);
    const manager = await createUser(["manager"]);
    const orphan = await createUser(["builder"]);
    const approver = await createUser(["builder"]);
    const before = await prisma.project.count();
    for (const user of [interviewer, manager, admin, orphan]) {
      expect((await call(newRoute.loader, { url: "/projects/new", cookie: await cookie(user) })).status).toBe(403);
      expect((await create(user, projectForm(approver.id))).status).toBe(403);
    }
    expect(await prisma.project.count()).toBe(before);
  });

  it("answers a submit with gaps with 400 listing every gap, and writes nothing (not even the draft)", async () => {
    const t = await team();
    const before = await prisma.project.count();
    const answer = await create(
      t.builder,
      projectForm(t.approver.id, {
        prd: "## Problem\n\nOnly this.",
        "metrics.0.name": "",
        "metrics.1.name": "",
      }),
    );
    // Empty metric names are field errors first.
    expect(answer.status).toBe(400);
    expect((answer.body as Failure).fieldErrors["metrics.0.name"]).toBeTruthy();
    const gaps = await create(t.builder, withoutMetrics(projectForm(t.approver.id, { prd: "## Problem\n\nOnly this." })));
    expect(gaps.status).toBe(400);
    const messages = (gaps.body as Failure).formErrors;
    expect(messages[0]).toBe("The PRD cannot be submitted yet:");
    expect(messages).toContain("The PRD needs a heading for: Solution, Success criteria, Risks and rollback.");
    expect(messages).toContain("Define at least one success metric.");
    expect(await prisma.project.count()).toBe(before);
  });

  it("refuses two approvers in one form (400) and the owner as approver, writing nothing", async () => {
    const t = await team();
    const other = await createUser(["builder"]);
    const before = await prisma.project.count();
    const two = await create(t.builder, projectForm(t.approver.id, { approverId: [t.approver.id, other.id] }));
    expect(two.status).toBe(400);
    expect((two.body as Failure).fieldErrors.approverId).toBeTruthy();
    const self = await create(t.builder, projectForm(t.builder.id));
    expect(self.status).toBe(400);
    const nobody = await create(t.builder, projectForm("no-such-person"));
    expect(nobody.status).toBe(400);
    // Only the stored accounts can judge this one: invalid input, beside the approver field.
    expect(nobody.body).toMatchObject({ ok: false, reason: "invalid", fieldErrors: { approverId: ["The approver is not someone in this organisation."] }, formErrors: [] });
    expect(await prisma.project.count()).toBe(before);
  });

  it("answers bad bodies with 415 and 400, never 500", async () => {
    const t = await team();
    const raw = (contentType: string, body: string) => rawPost(newRoute.action, "/projects/new", t.builder, {}, contentType, body);
    expect((await raw("text/plain", "title=x")).status).toBe(415);
    expect((await raw("application/json", "{}")).status).toBe(415);
    expect((await raw("multipart/form-data; boundary=xyz", "--xyz\r\nContent-Disposition: form-da")).status).toBe(400);
    const garbage = await create(t.builder, { intent: "launch", title: "", mode: "both", "metrics.0.baseline": "1,200", "metrics.999999.name": "x", __proto__: "x" } as Record<string, string>);
    expect(garbage.status).toBe(400);
  });
});

function withoutMetrics(form: Record<string, string | string[]>) {
  return Object.fromEntries(Object.entries(form).filter(([k]) => !k.startsWith("metrics.")));
}

async function rawPost(handler: typeof pageRoute.action | typeof newRoute.action, url: string, user: User, params: Record<string, string>, contentType: string, body: string) {
  const request = new Request(new URL(url, BASE), { method: "POST", headers: { Cookie: await cookie(user), "Content-Type": contentType }, body });
  const context: AppLoadContext = { clientAddress: "203.0.113.7", cspNonce: "" };
  let outcome: unknown;
  try {
    outcome = await handler({ request, params, context });
  } catch (thrown) {
    outcome = thrown;
  }
  if (outcome instanceof Response) return { status: outcome.status };
  const d = outcome as { type?: string; init?: { status?: number } | null };
  if (d?.type === "DataWithResponseInit") return { status: d.init?.status ?? 200 };
  throw outcome;
}

describe("the single approver", () => {
  it("is the only one who approves: not another builder, not an admin, not the owner's manager, not the owner (403)", async () => {
    const p = await submitted();
    const v = await version(p.id);
    for (const user of [await createUser(["builder"]), admin, p.manager, p.builder, committee]) {
      const answer = await post(user, p.id, { intent: "approve", version: v, note: "" });
      expect(answer.status).toBe(403);
      expect((await post(user, p.id, { intent: "request_changes", version: v, comments: "No." })).status).toBe(403);
    }
    expect(await stored(p.id)).toMatchObject({ status: "submitted", approvedAt: null, version: Number(v) });
    // The approver does, with an optional note kept in the history.
    expect((await post(p.approver, p.id, { intent: "approve", version: v, note: "Ship it behind the flag." })).status).toBe(200);
    const project = await stored(p.id);
    expect(project.status).toBe("approved");
    expect(project.approvedAt).not.toBeNull();
    expect(project.events.at(-1)).toMatchObject({ kind: "approved", actorId: p.approver.id, note: "Ship it behind the flag." });
  });

  it("sends changes back to the owner, who edits and resubmits to the same approver", async () => {
    const p = await submitted();
    const empty = await post(p.approver, p.id, { intent: "request_changes", version: await version(p.id), comments: "  " });
    expect(empty.status).toBe(400);
    expect((empty.body as Failure).fieldErrors.comments).toBeTruthy();
    expect((await post(p.approver, p.id, { intent: "request_changes", version: await version(p.id), comments: "Say how you roll back." })).status).toBe(200);
    expect((await stored(p.id)).status).toBe("changes_requested");
    // The owner's edit page shows the comments.
    const page = await call(editRoute.loader, { url: `/projects/${p.id}/edit`, cookie: await cookie(p.builder), params: { projectId: p.id } });
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({ changesRequested: { by: "Yuki", comments: "Say how you roll back." }, fixedApprover: { id: p.approver.id }, people: [] });
    const resubmit = await edit(p.builder, p.id, projectForm(p.approver.id, { version: await version(p.id), prd: `${PRD}\n\nThe flag is off by default.` }));
    expect(resubmit.status).toBe(302);
    const project = await stored(p.id);
    expect(project).toMatchObject({ status: "submitted", approverId: p.approver.id });
    expect(project.events.map((e) => e.kind)).toEqual(["created", "submitted", "changes_requested", "resubmitted"]);
    expect((await post(p.approver, p.id, { intent: "approve", version: await version(p.id), note: "" })).status).toBe(200);
  });

  it("cannot be changed by the owner after submission (403), only by their manager with a reason, traced", async () => {
    const p = await submitted();
    const other = await createUser(["manager"], { name: "Aisha" });
    const byOwner = await edit(p.builder, p.id, projectForm(other.id, { version: await version(p.id), intent: "save" }));
    // Not editable while awaiting approval (409); after changes are requested, a new approver is the manager's (403).
    expect(byOwner.status).toBe(409);
    await post(p.approver, p.id, { intent: "request_changes", version: await version(p.id), comments: "More detail." });
    const again = await edit(p.builder, p.id, projectForm(other.id, { version: await version(p.id) }));
    expect(again.status).toBe(403);
    expect((again.body as { message?: string; formErrors?: string[] }).formErrors?.[0] ?? "").toMatch(/only your manager can change the approver/);
    expect(again.body).toMatchObject({ ok: false, reason: "forbidden" });
    expect((await post(p.builder, p.id, { intent: "change_approver", version: await version(p.id), approverId: other.id, reason: "Mine" })).status).toBe(403);
    expect((await post(admin, p.id, { intent: "change_approver", version: await version(p.id), approverId: other.id, reason: "Admin" })).status).toBe(403);
    expect((await stored(p.id)).approverId).toBe(p.approver.id);

    const noReason = await post(p.manager, p.id, { intent: "change_approver", version: await version(p.id), approverId: other.id, reason: "" });
    expect(noReason.status).toBe(400);
    const two = await post(p.manager, p.id, { intent: "change_approver", version: await version(p.id), approverId: [other.id, admin.id], reason: "Two" });
    expect(two.status).toBe(400);
    expect((await post(p.manager, p.id, { intent: "change_approver", version: await version(p.id), approverId: other.id, reason: "Yuki is on leave." })).status).toBe(200);
    const project = await stored(p.id);
    expect(project.approverId).toBe(other.id);
    expect(project.events.at(-1)).toMatchObject({ kind: "approver_changed", actorId: p.manager.id, note: "Yuki is on leave." });
    expect(JSON.parse(project.events.at(-1)!.data)).toEqual({ from: p.approver.id, to: other.id });
    // The history names both, for those who read it.
    const history = (await view(p.builder, p.id)).events!;
    expect(history.at(-1)).toMatchObject({ label: "Approver changed", detail: "From Yuki to Aisha", note: "Yuki is on leave." });
    // The owner resubmits: it goes to the new approver, and the old one can no longer decide.
    await edit(p.builder, p.id, projectForm(other.id, { version: await version(p.id) }));
    expect((await post(p.approver, p.id, { intent: "approve", version: await version(p.id), note: "" })).status).toBe(403);
    expect((await post(other, p.id, { intent: "approve", version: await version(p.id), note: "" })).status).toBe(200);
  });
});

describe("launch", () => {
  it("is refused without an approval (409), even through a crafted POST, and by anyone but the owner (403)", async () => {
    const p = await submitted();
    const refused = await post(p.builder, p.id, { intent: "launch", version: await version(p.id) });
    expect(refused.status).toBe(409);
    expect((refused.body as Failure).formErrors[0]).toBe("A project launches only after its approver has approved the PRD.");
    expect(refused.body).toMatchObject({ reason: "conflict" });
    expect((await view(p.builder, p.id)).access.launch).toBe(false);
    await post(p.approver, p.id, { intent: "approve", version: await version(p.id), note: "" });
    for (const user of [p.approver, p.manager, admin]) expect((await post(user, p.id, { intent: "launch", version: await version(p.id) })).status).toBe(403);
    expect((await stored(p.id)).launchedAt).toBeNull();
    expect((await post(p.builder, p.id, { intent: "launch", version: await version(p.id) })).status).toBe(200);
    const project = await stored(p.id);
    expect(project.status).toBe("launched");
    expect(project.launchedAt).not.toBeNull();
    // Launching twice is refused.
    expect((await post(p.builder, p.id, { intent: "launch", version: await version(p.id) })).status).toBe(409);
  });

  it("refuses a stale page (409) and writes nothing", async () => {
    const p = await submitted();
    const old = Number(await version(p.id)) - 1;
    const stale = await post(p.approver, p.id, { intent: "approve", version: String(old), note: "From an old tab" });
    expect(stale.status).toBe(409);
    expect((stale.body as Failure).formErrors[0]).toMatch(/changed this project while you were looking at it/);
    expect(stale.body).toMatchObject({ reason: "stale" });
    const project = await stored(p.id);
    expect(project.status).toBe("submitted");
    expect(project.events.map((e) => e.kind)).toEqual(["created", "submitted"]);
  });
});

describe("the checkpoint", () => {
  it("is refused before its 28 days (409), then recorded with an actual per metric and a verdict", async () => {
    const p = await launched();
    const early = await post(p.builder, p.id, await checkpointForm(p.id, ["44", "50"]));
    expect(early.status).toBe(409);
    expect((early.body as Failure).formErrors[0]).toMatch(/^The 28-day checkpoint can be recorded from \d{4}-\d{2}-\d{2}\.$/);
    const before = await view(p.builder, p.id);
    expect(before.checkpointOpen).toBe(false);
    expect(before.checkpointDueAt).not.toBeNull();
    expect(before.due).toMatchObject({ kind: "checkpoint" });

    // 28 days on.
    await prisma.project.update({ where: { id: p.id }, data: { launchedAt: addDays(new Date(), -28) } });
    expect((await view(p.builder, p.id)).checkpointOpen).toBe(true);
    // An approver or a stranger cannot record it.
    expect((await post(p.approver, p.id, await checkpointForm(p.id, ["44", "50"]))).status).toBe(403);
    // Garbage is a 400 with the field.
    const bad = await post(p.builder, p.id, await checkpointForm(p.id, ["lots", ""]));
    expect(bad.status).toBe(400);
    expect(Object.keys((bad.body as Failure).fieldErrors).filter((k) => k.startsWith("actuals."))).toHaveLength(2);
    const unknownMetric = await post(p.builder, p.id, { ...(await checkpointForm(p.id, ["44", "50"])), "actuals.someone-elses-metric": "3" });
    expect(unknownMetric.status).toBe(400);
    expect(await prisma.projectCheckpoint.count({ where: { projectId: p.id } })).toBe(0);

    expect((await post(p.manager, p.id, await checkpointForm(p.id, ["44", "50"]))).status).toBe(200);
    const v = await view(p.builder, p.id);
    expect(v.project.status).toBe("live");
    expect(v.checkpoint).toMatchObject({ verdict: "iterate", summary: "1 of 2 targets met", recordedBy: { id: p.manager.id } });
    expect(v.checkpoint!.results.map((r) => [r.name, r.actual, r.met])).toEqual([
      ["Sign-up completion", 44, true],
      ["Time to sign up", 50, false],
    ]);
    expect(v.due).toMatchObject({ kind: "review" });
    // Recorded once.
    expect((await post(p.builder, p.id, await checkpointForm(p.id, ["45", "40"]))).status).toBe(409);
  });

  it("follows the clock it is given: the data layer refuses on day 27 and accepts on day 28", async () => {
    const p = await launched();
    const project = (await findProject(p.id))!;
    const launchedAt = project.launchedAt!;
    const actuals = Object.fromEntries(project.metrics.map((m) => [m.id, 1]));
    const action = { kind: "record_checkpoint" as const, actuals, verdict: "keep" as const, followUps: "" };
    const early = await applyProjectAction(p.id, actorOf(p.builder), action, project.version, addDays(launchedAt, 27));
    expect(early).toMatchObject({ ok: false, reason: "conflict" });
    expect(await applyProjectAction(p.id, actorOf(p.builder), action, project.version, addDays(launchedAt, 28))).toEqual({ ok: true });
    expect((await findProject(p.id))!.checkpoint).toMatchObject({ verdict: "keep" });
  });

  it("is followed by quarterly reviews and a close with the outcome", async () => {
    const p = await launched(30);
    await post(p.builder, p.id, await checkpointForm(p.id, ["44", "40"], { verdict: "keep" }));
    const v = await view(p.manager, p.id);
    expect(v.access.recordReview).toBe(true);
    const next = v.defaultNextReviewOn;
    const tooFar = addDays(new Date(), 200).toISOString().slice(0, 10);
    const far = await post(p.manager, p.id, { intent: "record_review", version: await version(p.id), health: "healthy", roi: "Pays for itself.", followThrough: "", nextReviewOn: tooFar });
    expect(far.status).toBe(400);
    expect(far.body).toMatchObject({ reason: "invalid", fieldErrors: { nextReviewOn: ["The next review must be within 91 days."] }, formErrors: [] });
    expect((await post(p.manager, p.id, { intent: "record_review", version: await version(p.id), health: "sunny", roi: "x", nextReviewOn: next })).status).toBe(400);
    expect((await post(p.manager, p.id, { intent: "record_review", version: await version(p.id), health: "healthy", roi: "Pays for itself.", followThrough: "Hand over to Growth.", nextReviewOn: next })).status).toBe(200);
    const after = await view(p.builder, p.id);
    expect(after.reviews).toHaveLength(1);
    expect(after.reviews![0]).toMatchObject({ health: "healthy", roi: "Pays for itself.", nextReviewOn: next });
    expect(after.due).toMatchObject({ kind: "review", dueOn: next });
    const withdrawn = await post(p.builder, p.id, { intent: "close", version: await version(p.id), outcome: "withdrawn" });
    expect(withdrawn.status).toBe(400);
    expect(withdrawn.body).toMatchObject({ reason: "invalid", fieldErrors: { outcome: ["A launched project closes with what became of it, not as withdrawn."] } });
    expect((await post(p.builder, p.id, { intent: "close", version: await version(p.id), outcome: "folded_into_team", note: "Growth owns it." })).status).toBe(200);
    expect(await stored(p.id)).toMatchObject({ status: "closed", outcome: "folded_into_team" });
  });
});

describe("blocks", () => {
  it("the owner escalates to a named person, who sees it and clears it; others do not see it", async () => {
    const p = await approved();
    const lead = await createUser(["manager"], { name: "Aisha" });
    const stranger = await createUser(["interviewer"]);
    expect((await post(p.approver, p.id, { intent: "block", version: await version(p.id), escalateToId: lead.id, reason: "x" })).status).toBe(403);
    expect((await post(p.builder, p.id, { intent: "block", version: await version(p.id), escalateToId: lead.id, reason: "" })).status).toBe(400);
    expect((await post(p.builder, p.id, { intent: "block", version: await version(p.id), escalateToId: lead.id, reason: "Waiting on legal review of the terms." })).status).toBe(200);
    expect((await view(lead, p.id)).blocked).toMatchObject({ reason: "Waiting on legal review of the terms.", escalateTo: { id: lead.id } });
    const hidden = await view(stranger, p.id);
    expect(hidden.blocked).toBeNull();
    expect(JSON.stringify(hidden)).not.toContain("legal review");
    expect((await post(stranger, p.id, { intent: "unblock", version: await version(p.id) })).status).toBe(403);
    expect((await post(lead, p.id, { intent: "unblock", version: await version(p.id) })).status).toBe(200);
    expect((await stored(p.id)).blockedAt).toBeNull();
  });
});

describe("who reads what", () => {
  it("shows the summary to everyone signed in, and the checkpoint, reviews and history only to the parties and the promotion committee", async () => {
    const p = await launched(29);
    await post(p.builder, p.id, await checkpointForm(p.id, ["44", "40"], { verdict: "roll_back", followUps: "Roll back by Friday: SECRET-FOLLOW-UP" }));
    const interviewer = await createUser(["interviewer"], { name: "Daniel" });
    const otherBuilder = await createUser(["builder"], { name: "Leo" });
    const otherManager = await createUser(["manager"], { name: "Aisha" });
    for (const user of [interviewer, otherBuilder, otherManager]) {
      const v = await view(user, p.id);
      expect(v.project).toMatchObject({ title: "Faster sign-up", status: "live", owner: { id: p.builder.id }, approver: { id: p.approver.id } });
      expect(v.metrics).toHaveLength(2);
      expect(v.checkpoint).toBeNull();
      expect(v.reviews).toBeNull();
      expect(v.events).toBeNull();
      expect(v.due).toBeNull();
      expect(JSON.stringify(v)).not.toContain("SECRET-FOLLOW-UP");
      expect(JSON.stringify(v)).not.toContain("Go.");
      expect(Object.values(v.access).filter(Boolean)).toEqual([true]); // readSummary only
    }
    for (const user of [p.builder, p.approver, p.manager, committee, admin]) {
      const v = await view(user, p.id);
      expect(v.checkpoint).toMatchObject({ verdict: "roll_back", followUps: "Roll back by Friday: SECRET-FOLLOW-UP" });
      expect(v.events!.map((e) => e.kind)).toEqual(["created", "submitted", "approved", "launched", "checkpoint_recorded"]);
      expect(v.events!.find((e) => e.kind === "approved")).toMatchObject({ actor: { id: p.approver.id }, note: "Go." });
    }
  });

  it("answers 404 for an unknown project, on every page and action", async () => {
    const t = await team();
    const params = { projectId: "no-such-project" };
    expect((await call(pageRoute.loader, { url: "/projects/no-such-project", cookie: await cookie(t.builder), params })).status).toBe(404);
    expect((await post(t.builder, "no-such-project", { intent: "launch", version: "1" })).status).toBe(404);
    expect((await call(editRoute.loader, { url: "/projects/no-such-project/edit", cookie: await cookie(t.builder), params })).status).toBe(404);
    expect((await edit(t.builder, "no-such-project", projectForm(t.approver.id))).status).toBe(404);
  });

  it("keeps the edit page to the owner (403) while the project is editable (else 409)", async () => {
    const p = await submitted();
    for (const user of [p.approver, p.manager, admin]) {
      expect((await call(editRoute.loader, { url: `/projects/${p.id}/edit`, cookie: await cookie(user), params: { projectId: p.id } })).status).toBe(403);
      expect((await edit(user, p.id, projectForm(p.approver.id, { version: await version(p.id) }))).status).toBe(403);
    }
    expect((await call(editRoute.loader, { url: `/projects/${p.id}/edit`, cookie: await cookie(p.builder), params: { projectId: p.id } })).status).toBe(409);
  });

  it("answers bad action bodies with 415 and 400 and unknown intents with 400", async () => {
    const p = await submitted();
    const raw = (contentType: string, body: string) => rawPost(pageRoute.action, `/projects/${p.id}`, p.approver, { projectId: p.id }, contentType, body);
    expect((await raw("text/plain", "intent=approve")).status).toBe(415);
    expect((await raw("application/json", '{"intent":"approve"}')).status).toBe(415);
    expect((await post(p.approver, p.id, { intent: "explode", version: "1" })).status).toBe(400);
    expect((await post(p.approver, p.id, { intent: "submit", version: "1" })).status).toBe(400);
    expect((await post(p.approver, p.id, { intent: "approve", version: "latest" })).status).toBe(400);
    expect((await post(p.approver, p.id, { intent: ["approve", "approve"], version: "2" })).status).toBe(400);
    expect((await stored(p.id)).status).toBe("submitted");
  });
});

describe("the project list", () => {
  it("lists summaries for everyone, filters by mine and status, ignores bad filters, and offers a start to builders only", async () => {
    const p = await submitted();
    const interviewer = await createUser(["interviewer"]);
    const list = async (user: User, search = "") => {
      const answer = await call(listRoute.loader, { url: `/projects${search}`, cookie: await cookie(user) });
      expect(answer.status).toBe(200);
      return answer.body as Awaited<ReturnType<typeof listRoute.loader>>;
    };
    const all = await list(interviewer);
    expect(all.canStart).toBe(false);
    expect(all.projects.map((r) => r.id)).toContain(p.id);
    expect(JSON.stringify(all)).not.toMatch(/blockedReason|process|managerId/);
    expect((await list(p.builder)).canStart).toBe(true);
    expect((await list(p.builder, "?mine=1")).projects.map((r) => r.id)).toEqual([p.id]);
    expect((await list(interviewer, "?mine=1")).projects).toEqual([]);
    expect((await list(interviewer, "?status=launched")).projects.map((r) => r.id)).not.toContain(p.id);
    expect((await list(interviewer, "?status=submitted")).projects.map((r) => r.id)).toContain(p.id);
    const bad = await list(interviewer, "?status=%00nonsense&mine=yes&mine=1");
    expect(bad.filters).toEqual({ mine: false, status: "" });
    expect(bad.projects.map((r) => r.id)).toContain(p.id);
  });
});
