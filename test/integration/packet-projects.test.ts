import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/data/db.server";
import { findPacket } from "~/data/packets.server";
import { applyProjectAction, createProject, saveProject } from "~/data/project-workflow.server";
import { findProject } from "~/data/projects.server";
import { startPacket } from "~/data/packet-workflow.server";
import { projectSchema } from "~/domain/project/forms";
import { addDays } from "~/domain/project/process";
import type { ProjectAction } from "~/domain/project/workflow";
import { coverageOf } from "~/domain/promotion/coverage";
import * as packetRoute from "~/routes/packets.$packetId/route";
import { actorOf } from "../helpers/actor";
import { publishShippedRubrics } from "../helpers/loops";
import { call, type Answer } from "../helpers/route";
import { createUser, sessionCookieFor } from "../helpers/users";

type View = Awaited<ReturnType<typeof packetRoute.loader>>;
type User = { id: string };
type Failure = { ok: false; fieldErrors: Record<string, string[] | undefined>; formErrors: string[] };

const CRITERIA = ["expanding_scope", "strategic_influence", "cross_team_leadership", "external_thought_leadership", "mentoring"];
const DAY = 86_400_000;
let v3Id: string;
let committee: User;

beforeAll(async () => {
  await publishShippedRubrics();
  v3Id = (await prisma.rubricVersion.findUniqueOrThrow({ where: { track_version: { track: "builder", version: 3 } } })).id;
  committee = await createUser(["promotion_committee"], { name: "Priya" });
});

const cookies = new Map<string, string>();
async function cookie(user: User) {
  if (!cookies.has(user.id)) cookies.set(user.id, await sessionCookieFor(user.id));
  return cookies.get(user.id)!;
}
async function load(user: User, packetId: string): Promise<Answer> {
  return call(packetRoute.loader, { url: `/packets/${packetId}`, cookie: await cookie(user), params: { packetId } });
}
async function view(user: User, packetId: string): Promise<View> {
  const answer = await load(user, packetId);
  expect(answer.status).toBe(200);
  return answer.body as View;
}
async function post(user: User, packetId: string, form: Record<string, string | string[]>): Promise<Answer> {
  return call(packetRoute.action, { url: `/packets/${packetId}`, cookie: await cookie(user), params: { packetId }, form });
}

/** A builder (L5, builder v3) with their manager, a colleague who approves their PRDs, and an open packet for L6. */
async function builderWithPacket(name = "Bea") {
  const manager = await createUser(["manager"], { name: "Marcus" });
  const builder = await createUser(["builder"], { name });
  await prisma.builder.create({
    data: { userId: builder.id, level: "L5", managerId: manager.id, startedAt: new Date("2024-03-04T09:00:00Z"), rubricVersionId: v3Id, baseSalary: 231000, currency: "USD" },
  });
  const approver = await createUser(["builder", "interviewer"], { name: "Yuki" });
  const started = await startPacket(builder.id, actorOf(builder), new Date());
  if (!started.ok) throw new Error(started.message);
  return { builder, manager, approver, packetId: started.id };
}

const PRD = ["## Problem", "Admins cannot show usage upward.", "## Solution", "Three dashboards.", "## Success criteria", "Adoption and churn.", "## Risks and rollback", "Behind a flag."].join("\n\n");

/** A founder-mode project with two success metrics, submitted `daysAgo` days ago. */
async function submittedProject(owner: User, approver: User, daysAgo: number, title = "Insights for workspace admins") {
  const t0 = new Date(Date.now() - daysAgo * DAY);
  const input = projectSchema.parse({
    intent: "submit",
    title,
    problem: "Admins of growing workspaces cannot show their team's usage to their leadership.",
    mode: "founder",
    approverId: approver.id,
    decisionDate: addDays(t0, 200).toISOString().slice(0, 10),
    prd: PRD,
    metrics: [
      { name: "Weekly admin accounts", unit: "accounts", baseline: "0", target: "1500", direction: "at_least", measurement: "Product analytics" },
      { name: "Monthly churn", unit: "%", baseline: "2.4", target: "2", direction: "at_most", measurement: "Billing churn report" },
    ],
  });
  const created = await createProject(actorOf(owner), input, t0);
  if (!created.ok) throw new Error(created.message);
  const saved = await saveProject(created.id, actorOf(owner), { ...input, version: 1 }, t0);
  if (!saved.ok) throw new Error(saved.message);
  return { id: created.id, t0 };
}

async function act(projectId: string, actorId: string, action: ProjectAction, now: Date) {
  const project = (await findProject(projectId))!;
  const result = await applyProjectAction(projectId, actorOf(actorId), action, project.version, now);
  if (!result.ok) throw new Error(result.message);
}

/** Approved a day after submission, launched a day later; with `checkpoint`, the checkpoint 28 days after launch (both targets met, keep). */
async function launchedProject(owner: User, approver: User, opts: { checkpoint: boolean; title?: string }) {
  const { id, t0 } = await submittedProject(owner, approver, 60, opts.title);
  await act(id, approver.id, { kind: "approve", note: "Go: three dashboards first." }, addDays(t0, 1));
  await act(id, owner.id, { kind: "launch" }, addDays(t0, 2));
  if (opts.checkpoint) {
    const metrics = (await findProject(id))!.metrics;
    await act(id, owner.id, { kind: "record_checkpoint", actuals: { [metrics[0]!.id]: 1720, [metrics[1]!.id]: 1.9 }, verdict: "keep", followUps: "CSV export next." }, addDays(t0, 31));
  }
  return id;
}

const evidence = (overrides: Record<string, string | string[]> = {}) => ({
  intent: "evidence",
  title: "Founded Insights",
  description: "Ran churn interviews, proposed Insights and built its first version.",
  impact: "1,720 weekly admin accounts at the checkpoint; churn 2.4% → 1.9%.",
  links: "https://northwind.example/product/insights",
  startDate: "2026-01-01",
  endDate: "",
  criteria: ["expanding_scope", "strategic_influence"],
  competencies: ["product_sense"],
  projectId: "",
  ...overrides,
});

async function submit(p: { builder: User; manager: User; packetId: string }) {
  expect((await post(p.builder, p.packetId, { intent: "summary", summary: "Ready for L6.", version: "1" })).status).toBe(200);
  for (const criterionId of CRITERIA) {
    expect((await post(p.manager, p.packetId, { intent: "assessment", criterionId, rating: "3", comment: `Shown at L6: ${criterionId}.`, version: "0" })).status).toBe(200);
  }
  expect((await post(p.manager, p.packetId, { intent: "submit" })).status).toBe(200);
}

describe("citing a project in a packet's evidence", () => {
  it("offers the builder's launched projects, and saves an item citing one, whose recorded outcome the draft shows", async () => {
    const p = await builderWithPacket();
    const launched = await launchedProject(p.builder, p.approver, { checkpoint: true });
    await submittedProject(p.builder, p.approver, 5, "Not launched yet");

    const draft = await view(p.builder, p.packetId);
    expect(draft.projectChoices?.map((c) => c.id)).toEqual([launched]);

    expect((await post(p.builder, p.packetId, evidence({ projectId: launched }))).status).toBe(200);
    const item = (await view(p.manager, p.packetId)).evidence[0]!;
    expect(item.projectId).toBe(launched);
    expect(item.outcomeWithheld).toBe(false);
    expect(item.project).toMatchObject({
      projectId: launched,
      title: "Insights for workspace admins",
      approval: { byName: "Yuki" },
      checkpoint: { verdict: "keep", met: 2, of: 2 },
      reviews: [],
    });
    expect(item.project!.launchedAt).not.toBeNull();
    expect(item.project!.metrics.map((m) => [m.target, m.actual, m.met])).toEqual([
      [1500, 1720, true],
      [2, 1.9, true],
    ]);
    expect((await prisma.packetEvidence.findUniqueOrThrow({ where: { id: item.id } })).projectId).toBe(launched);

    // Empty takes the citation away.
    expect((await post(p.builder, p.packetId, evidence({ evidenceId: item.id, version: String(item.version), projectId: "" }))).status).toBe(200);
    expect((await prisma.packetEvidence.findUniqueOrThrow({ where: { id: item.id } })).projectId).toBeNull();
  });

  it("refuses (400, on the field) someone else's project, a project that never launched, and one that does not exist; nothing is written", async () => {
    const p = await builderWithPacket();
    const other = await builderWithPacket("Leo");
    const theirs = await launchedProject(other.builder, other.approver, { checkpoint: true });
    const { id: unlaunched } = await submittedProject(p.builder, p.approver, 3);
    expect((await post(p.builder, p.packetId, evidence())).status).toBe(200);
    const item = (await view(p.builder, p.packetId)).evidence[0]!;
    const before = await prisma.packetEvidence.findMany({ where: { packetId: p.packetId } });

    for (const [projectId, message] of [
      [theirs, /builder's own projects/],
      [unlaunched, /has launched/],
      ["no-such-project", /builder's own projects/],
    ] as const) {
      for (const form of [evidence({ projectId }), evidence({ projectId, evidenceId: item.id, version: String(item.version) })]) {
        const answer = await post(p.builder, p.packetId, form);
        expect(answer.status, projectId).toBe(400);
        expect((answer.body as Failure).fieldErrors.projectId?.[0]).toMatch(message);
      }
    }
    expect(await prisma.packetEvidence.findMany({ where: { packetId: p.packetId } })).toEqual(before);
  });

  it("counts an item citing a project like any other in coverage", async () => {
    const cites = await builderWithPacket();
    const plain = await builderWithPacket("Leo");
    const project = await launchedProject(cites.builder, cites.approver, { checkpoint: true });
    expect((await post(cites.builder, cites.packetId, evidence({ projectId: project }))).status).toBe(200);
    expect((await post(plain.builder, plain.packetId, evidence())).status).toBe(200);
    const [a, b] = [await view(cites.builder, cites.packetId), await view(plain.builder, plain.packetId)];
    const strip = (c: ReturnType<typeof coverageOf>) => ({ ...c, entries: c.entries.map((e) => ({ ...e, evidenceIds: e.evidenceIds.length })) });
    expect(strip(coverageOf(a.coverageNeeds, a.evidence))).toEqual(strip(coverageOf(b.coverageNeeds, b.evidence)));
    expect(coverageOf(a.coverageNeeds, a.evidence).entries.find((e) => e.id === "expanding_scope")?.count).toBe(1);
  });

  it("shows a project without a checkpoint as launched, not backed by a recorded outcome", async () => {
    const p = await builderWithPacket();
    const project = await launchedProject(p.builder, p.approver, { checkpoint: false });
    expect((await post(p.builder, p.packetId, evidence({ projectId: project }))).status).toBe(200);
    const item = (await view(p.builder, p.packetId)).evidence[0]!;
    expect(item.project).toMatchObject({ checkpoint: null });
    expect(item.project!.launchedAt).not.toBeNull();
    expect(item.project!.metrics.every((m) => m.actual === null && m.met === null)).toBe(true);
  });

  it("shows an invited peer the project cited, not its measured outcome", async () => {
    const p = await builderWithPacket();
    const project = await launchedProject(p.builder, p.approver, { checkpoint: true });
    expect((await post(p.builder, p.packetId, evidence({ projectId: project }))).status).toBe(200);
    const peer = await createUser(["builder"], { name: "Grace" });
    expect((await post(p.manager, p.packetId, { intent: "invite-peer", peerId: peer.id })).status).toBe(200);
    const item = (await view(peer, p.packetId)).evidence[0]!;
    expect(item.outcomeWithheld).toBe(true);
    expect(item.project).toMatchObject({ title: "Insights for workspace admins", checkpoint: null, reviews: [] });
    expect(JSON.stringify(item)).not.toContain("1720");
  });
});

describe("a submitted packet citing a project", () => {
  it("freezes the outcome at submission: a review recorded later does not change what the committee reads, and the committee sees the marker", async () => {
    const p = await builderWithPacket();
    const project = await launchedProject(p.builder, p.approver, { checkpoint: true });
    expect((await post(p.builder, p.packetId, evidence({ projectId: project }))).status).toBe(200);
    expect((await post(p.builder, p.packetId, evidence({ title: "Mentoring Omar", criteria: ["mentoring"], competencies: [] }))).status).toBe(200);
    await submit(p);

    const packet = (await findPacket(p.packetId))!;
    const frozen = packet.snapshot!.evidence.find((e) => e.projectId === project)!;
    expect(frozen.project).toMatchObject({ checkpoint: { verdict: "keep", met: 2, of: 2 }, reviews: [], closed: null });

    // After the submission: a quarterly review and the project closed.
    const later = new Date(Date.now() + 60_000);
    await act(project, p.builder.id, { kind: "record_review", health: "at_risk", roi: "Churn crept back to 2.2%.", followThrough: "", nextReviewOn: addDays(later, 30) }, later);
    await act(project, p.manager.id, { kind: "close", outcome: "deprecated", note: "Folded into reporting." }, new Date(later.getTime() + 60_000));
    expect((await findProject(project))!.reviews).toHaveLength(1);

    const read = await view(committee, p.packetId);
    expect(read.packet.submittedAt).not.toBeNull();
    const item = read.evidence.find((e) => e.projectId === project)!;
    expect(item.outcomeWithheld).toBe(false);
    expect(item.project).toEqual(frozen.project);
    expect(item.project).toMatchObject({ reviews: [], closed: null, checkpoint: { verdict: "keep", met: 2, of: 2 } });
    // The marker's parts, and the count for the header: one of two items is backed.
    expect(read.evidence.filter((e) => e.project?.checkpoint)).toHaveLength(1);
    expect(read.evidence).toHaveLength(2);
    // The committee's pay analysis is the packet's, never the project's.
    expect(JSON.stringify(item.project)).not.toMatch(/salary|231000|currency/i);

    // The live draft rows now hold the review; the snapshot does not.
    expect((await findPacket(p.packetId))!.evidence.find((e) => e.projectId === project)!.project!.reviews).toHaveLength(1);
  });

  it("still reads a snapshot taken before projects could be cited", async () => {
    const p = await builderWithPacket();
    expect((await post(p.builder, p.packetId, evidence())).status).toBe(200);
    await submit(p);
    const row = await prisma.promotionPacket.findUniqueOrThrow({ where: { id: p.packetId } });
    const old = JSON.parse(row.snapshot!) as { evidence: Array<Record<string, unknown>> };
    for (const e of old.evidence) {
      delete e.projectId;
      delete e.project;
    }
    await prisma.promotionPacket.update({ where: { id: p.packetId }, data: { snapshot: JSON.stringify(old) } });
    const read = await view(committee, p.packetId);
    expect(read.evidence[0]).toMatchObject({ projectId: null, project: null, outcomeWithheld: false });
  });
});
