/**
 * The project log on the home page (app/routes/_index/project-panels.tsx): the approver's queue,
 * the builder's due work, the manager's view of their reports' projects and the escalations, each
 * computed at the request's time (the test clock's X-Test-Now header, as the e2e journey moves it).
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { prisma } from "~/data/db.server";
import { applyProjectAction, createProject, saveProject } from "~/data/project-workflow.server";
import { findProject } from "~/data/projects.server";
import { projectSchema, type ProjectInput } from "~/domain/project/forms";
import type { ProjectAction } from "~/domain/project/workflow";
import type { Role } from "~/domain/roles";
import * as home from "~/routes/_index/route";
import { TEST_CLOCK_HEADER } from "~/utils/clock.server";
import { actorOf } from "../helpers/actor";
import { publishShippedRubrics } from "../helpers/loops";
import { buildRequest } from "../helpers/route";
import { createUser, sessionCookieFor } from "../helpers/users";

type Home = Awaited<ReturnType<typeof home.loader>>;
type User = { id: string; name: string };

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

const DAY = 86_400_000;
const T0 = new Date("2026-01-05T09:00:00Z");
const at = (days: number, hours = 0) => new Date(T0.getTime() + days * DAY + hours * 3_600_000);

const PRD = ["## Problem", "Sign-ups stall.", "## Solution", "A guided set-up.", "## Success criteria", "Activation.", "## Risks and rollback", "A flag."].join("\n\n");

beforeAll(async () => {
  await publishShippedRubrics();
});

async function person(roles: Role[], name: string): Promise<User> {
  return createUser(roles, { name });
}

async function builderOf(manager: User | null, name: string): Promise<User> {
  const user = await person(["builder"], name);
  await prisma.builder.create({ data: { userId: user.id, level: "L5", managerId: manager?.id ?? null, startedAt: new Date("2024-01-01T00:00:00Z") } });
  return user;
}

function input(approver: User, overrides: Record<string, unknown> = {}): ProjectInput {
  return projectSchema.parse({
    title: "Guided set-up",
    problem: "New teams stall in set-up.",
    mode: "founder",
    decisionDate: "2026-06-30",
    prd: PRD,
    approverId: approver.id,
    metrics: [{ name: "Activation", unit: "%", baseline: "20", target: "35", direction: "at_least", measurement: "Weekly cohort" }],
    ...overrides,
  });
}

async function act(projectId: string, actor: User, action: ProjectAction, now: Date) {
  const project = (await findProject(projectId))!;
  const result = await applyProjectAction(projectId, actorOf(actor), action, project.version, now);
  if (!result.ok) throw new Error(`${action.kind}: ${result.message}`);
}

/** A project of `owner` taken as far as `stage`, each step at its own day from T0. */
async function projectAt(
  owner: User,
  approver: User,
  stage: "draft" | "submitted" | "launched" | "live",
  options: { title: string; submittedOn?: number; launchedOn?: number; checkpointOn?: number; overrides?: Record<string, unknown> },
) {
  const data = input(approver, { title: options.title, ...options.overrides });
  const created = await createProject(actorOf(owner), data, at(0));
  if (!created.ok) throw new Error(created.message);
  const id = created.id;
  if (stage === "draft") return id;
  const submitted = await saveProject(id, actorOf(owner), { ...data, intent: "submit", version: (await findProject(id))!.version }, at(options.submittedOn ?? 1));
  if (!submitted.ok) throw new Error(submitted.message);
  if (stage === "submitted") return id;
  await act(id, approver, { kind: "approve", note: "" }, at((options.submittedOn ?? 1) + 1));
  await act(id, owner, { kind: "launch" }, at(options.launchedOn ?? 3));
  if (stage === "launched") return id;
  const metricIds = (await findProject(id))!.metrics.map((m) => m.id);
  const checkpointOn = options.checkpointOn ?? (options.launchedOn ?? 3) + 28;
  await act(id, owner, { kind: "record_checkpoint", actuals: Object.fromEntries(metricIds.map((m) => [m, 30])), verdict: "keep", followUps: "" }, at(checkpointOn));
  return id;
}

const cookies = new Map<string, string>();
async function homeOf(user: User, now?: Date): Promise<Home> {
  if (!cookies.has(user.id)) cookies.set(user.id, await sessionCookieFor(user.id));
  const request = buildRequest({ url: "/", cookie: cookies.get(user.id)! });
  if (now) request.headers.set(TEST_CLOCK_HEADER, now.toISOString());
  return (await home.loader({ request, params: {}, context: { clientAddress: "203.0.113.7", cspNonce: "" } })) as Home;
}

describe("the approver's home", () => {
  it("lists the PRDs awaiting their approval, oldest first, with the owner and the age in days; nobody else's home does", async () => {
    const approver = await person(["interviewer"], "Ada Approver");
    const [bea, omar] = [await builderOf(null, "Bea Builder"), await builderOf(null, "Omar Owner")];
    const recent = await projectAt(bea, approver, "submitted", { title: "Recent PRD", submittedOn: 9 });
    const oldest = await projectAt(omar, approver, "submitted", { title: "Oldest PRD", submittedOn: 2 });
    await projectAt(omar, approver, "draft", { title: "Draft, not submitted" });

    const view = await homeOf(approver, at(10, 1));
    expect(view.projects.awaitingApproval.map((p) => [p.title, p.owner.name, p.ageDays])).toEqual([
      ["Oldest PRD", "Omar Owner", 8],
      ["Recent PRD", "Bea Builder", 1],
    ]);
    expect(view.projects.awaitingApproval.map((p) => p.id)).toEqual([oldest, recent]);
    expect(view.projects.awaitingApproval[0]!.awaitingSince).toEqual(at(2));
    // An interviewer owns no projects and has no reports: those are not even looked up.
    expect(view.projects.own).toBeNull();
    expect(view.projects.reports).toBeNull();

    expect((await homeOf(bea, at(10))).projects.awaitingApproval).toEqual([]);
    expect((await homeOf(await person(["admin"], "Morgan Admin"), at(10))).projects.awaitingApproval).toEqual([]);

    // Approved: off the queue.
    await act(oldest, approver, { kind: "approve", note: "Go." }, at(10, 2));
    expect((await homeOf(approver, at(10, 3))).projects.awaitingApproval.map((p) => p.title)).toEqual(["Recent PRD"]);
  });

  it("counts a resubmission from when it went back to the approver", async () => {
    const approver = await person(["manager"], "Ravi Reviewer");
    const owner = await builderOf(null, "Rosa Resubmits");
    const id = await projectAt(owner, approver, "submitted", { title: "Resubmitted PRD", submittedOn: 1 });
    await act(id, approver, { kind: "request_changes", comments: "Name the rollback." }, at(2));
    const again = await saveProject(id, actorOf(owner), { ...input(approver, { title: "Resubmitted PRD" }), intent: "submit", version: (await findProject(id))!.version }, at(5));
    expect(again.ok).toBe(true);
    const view = await homeOf(approver, at(6, 1));
    expect(view.projects.awaitingApproval.map((p) => [p.title, p.ageDays])).toEqual([["Resubmitted PRD", 1]]);
  });
});

describe("the builder's home", () => {
  it("shows the checkpoint upcoming, due from 28 days after launch, then overdue with the days late", async () => {
    const approver = await person(["manager"], "Alex Approver");
    const owner = await builderOf(null, "Ben Launches");
    await projectAt(owner, approver, "launched", { title: "Launched project", launchedOn: 3, overrides: { mode: "satellite", team: "Growth" } });

    expect((await homeOf(owner, at(3 + 20))).projects.own).toEqual({ openCount: 1, due: [], pastDecision: [] });
    const upcoming = (await homeOf(owner, at(3 + 25))).projects.own!;
    expect(upcoming.due.map((d) => [d.title, d.kind, d.label, d.urgency])).toEqual([["Launched project", "checkpoint", "28-day checkpoint", "upcoming"]]);
    expect(upcoming.due[0]!.dueAt).toEqual(at(3 + 28));
    expect(upcoming.due[0]!.dueIsDay).toBe(false);

    const due = (await homeOf(owner, at(3 + 28))).projects.own!;
    expect(due.due.map((d) => [d.urgency, d.daysLate])).toEqual([["due", 0]]);
    const overdue = (await homeOf(owner, at(3 + 40))).projects.own!;
    expect(overdue.due.map((d) => [d.urgency, d.daysLate])).toEqual([["overdue", 12]]);
  });

  it("shows the quarterly review 91 days after the checkpoint, and founder projects past their decision date", async () => {
    const approver = await person(["manager"], "Alex Approver");
    const owner = await builderOf(null, "Lina Live");
    await projectAt(owner, approver, "live", { title: "Live founder project", launchedOn: 3, checkpointOn: 31, overrides: { decisionDate: "2026-03-31" } });
    await projectAt(owner, approver, "draft", { title: "A draft", overrides: { mode: "satellite", team: "Core" } });

    // 2026-03-31 is day 85 from T0: the decision date passes when that day ends.
    const onTheDay = (await homeOf(owner, new Date("2026-03-31T23:00:00Z"))).projects.own!;
    expect(onTheDay.pastDecision).toEqual([]);
    expect(onTheDay.openCount).toBe(2);
    const after = (await homeOf(owner, new Date("2026-04-01T00:00:00Z"))).projects.own!;
    expect(after.pastDecision.map((p) => [p.title, p.decisionDate])).toEqual([["Live founder project", "2026-03-31"]]);

    const review = (await homeOf(owner, at(31 + 91))).projects.own!;
    expect(review.due.map((d) => [d.title, d.kind, d.label, d.urgency])).toEqual([["Live founder project", "review", "Quarterly review", "due"]]);
  });

  it("gives every builder the panel, empty when they have no project; other roles none", async () => {
    const owner = await builderOf(null, "Nia New");
    expect((await homeOf(owner, at(1))).projects.own).toEqual({ openCount: 0, due: [], pastDecision: [] });
    for (const role of ["recruiter", "hiring_committee", "promotion_committee", "admin"] as const) {
      expect((await homeOf(await person([role], `Someone ${role}`), at(1))).projects.own).toBeNull();
    }
  });

  it("leaves closed projects out", async () => {
    const approver = await person(["manager"], "Alex Approver");
    const owner = await builderOf(null, "Carl Closes");
    const id = await projectAt(owner, approver, "launched", { title: "Closed early", launchedOn: 3 });
    await act(id, owner, { kind: "close", outcome: "rolled_back", note: "" }, at(10));
    expect((await homeOf(owner, at(40))).projects.own).toEqual({ openCount: 0, due: [], pastDecision: [] });
  });
});

describe("the manager's home", () => {
  it("lists their reports' open projects, the overdue checkpoints among them and founder projects past their date; not other teams'", async () => {
    const manager = await person(["manager"], "Marcus Manager");
    const otherManager = await person(["manager"], "Olga Other");
    const approver = await person(["interviewer"], "Ivy Approver");
    const [ana, zed, elsewhere] = [await builderOf(manager, "Ana Report"), await builderOf(manager, "Zed Report"), await builderOf(otherManager, "Eli Elsewhere")];
    await projectAt(ana, approver, "launched", { title: "Overdue checkpoint", launchedOn: 3 });
    await projectAt(ana, approver, "launched", { title: "Checkpoint just due", launchedOn: 15 });
    await projectAt(zed, approver, "submitted", { title: "Past its date", overrides: { decisionDate: "2026-01-20" } });
    await projectAt(zed, approver, "draft", { title: "Zed's draft", overrides: { mode: "satellite", team: "Core" } });
    await projectAt(elsewhere, approver, "launched", { title: "Not my report's", launchedOn: 3 });
    const closed = await projectAt(zed, approver, "launched", { title: "Closed one", launchedOn: 3 });
    await act(closed, zed, { kind: "close", outcome: "deprecated", note: "" }, at(4));

    const view = (await homeOf(manager, at(3 + 40))).projects.reports!;
    expect(view.projects.map((p) => [p.owner.name, p.title, p.status])).toEqual([
      ["Ana Report", "Checkpoint just due", "launched"],
      ["Ana Report", "Overdue checkpoint", "launched"],
      ["Zed Report", "Past its date", "submitted"],
      ["Zed Report", "Zed's draft", "draft"],
    ]);
    // Only overdue work: the checkpoint that fell due days ago is the builder's to see as due.
    expect(view.overdue.map((d) => [d.title, d.owner.name, d.urgency, d.daysLate])).toEqual([["Overdue checkpoint", "Ana Report", "overdue", 12]]);
    expect(view.pastDecision.map((p) => [p.title, p.owner.name, p.decisionDate])).toEqual([["Past its date", "Zed Report", "2026-01-20"]]);

    expect((await homeOf(otherManager, at(43))).projects.reports!.projects.map((p) => p.title)).toEqual(["Not my report's"]);
    expect((await homeOf(await person(["manager"], "Nobody's Manager"), at(43))).projects.reports).toEqual({ projects: [], overdue: [], pastDecision: [] });
  });
});

describe("escalations", () => {
  it("puts a blocked project on the home of the person it was escalated to, with the reason, owner and since when, until it is unblocked", async () => {
    const approver = await person(["manager"], "Alex Approver");
    const escalation = await person(["recruiter"], "Esme Escalation");
    const owner = await builderOf(null, "Bo Blocked");
    const id = await projectAt(owner, approver, "launched", { title: "Blocked project", launchedOn: 3 });
    expect((await homeOf(escalation, at(5))).projects.escalated).toEqual([]);

    await act(id, owner, { kind: "block", escalateToId: escalation.id, reason: "Waiting on the data team's export." }, at(5));
    const view = await homeOf(escalation, at(6));
    expect(view.projects.escalated.map((e) => [e.title, e.owner.name, e.reason])).toEqual([["Blocked project", "Bo Blocked", "Waiting on the data team's export."]]);
    expect(view.projects.escalated[0]!.since).toEqual(at(5));
    expect((await homeOf(approver, at(6))).projects.escalated).toEqual([]);

    await act(id, escalation, { kind: "unblock" }, at(7));
    expect((await homeOf(escalation, at(8))).projects.escalated).toEqual([]);
  });
});

describe("what the home sends", () => {
  it("never sends the rubric's process, pay or the PRD", async () => {
    const manager = await person(["manager"], "Mina Manager");
    const owner = await builderOf(manager, "Pia Paid");
    await prisma.builder.update({ where: { userId: owner.id }, data: { baseSalary: 987654, currency: "USD" } });
    await projectAt(owner, manager, "submitted", { title: "Private-ish", submittedOn: 1 });
    for (const viewer of [manager, owner]) {
      const text = JSON.stringify((await homeOf(viewer, at(2))).projects);
      expect(text).not.toContain("checkpoint_after_days");
      expect(text).not.toContain("987654");
      expect(text).not.toContain("Sign-ups stall");
    }
  });
});
