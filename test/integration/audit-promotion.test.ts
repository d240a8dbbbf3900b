/**
 * The audit trail of promotions, builders' records, projects and demos: every change made through
 * their pages writes exactly one entry (who, from where, about whose data) in the transaction of
 * the change, a refused change (bad input, forbidden, stale) writes none; reading a packet, a
 * record or a project's outcomes writes a read entry, a refused read none.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { verifyAuditTrail } from "~/data/audit.server";
import { prisma } from "~/data/db.server";
import * as record from "~/routes/builders.$userId/route";
import * as demoFeed from "~/routes/demos._index/route";
import * as packetRoute from "~/routes/packets.$packetId/route";
import * as projectPage from "~/routes/projects.$projectId._index/route";
import * as newDemo from "~/routes/projects.$projectId.demos.new/route";
import * as editProject from "~/routes/projects.$projectId.edit/route";
import * as newProject from "~/routes/projects.new/route";
import { publishShippedRubrics } from "../helpers/loops";
import { call, type Answer } from "../helpers/route";
import { createUser, sessionCookieFor } from "../helpers/users";

type User = { id: string; name: string };
type Handler = Parameters<typeof call>[0];

const CRITERIA = ["expanding_scope", "strategic_influence", "cross_team_leadership", "external_thought_leadership", "mentoring"];
const PRD = ["## Problem", "Sign-ups stall.", "## Solution", "A two-step form.", "## Success criteria", "Completion up.", "## Risks and rollback", "Behind a flag."].join("\n\n");

let marcus: User; // Bea's manager, a demo curator
let bea: User; // the builder whose data it all is
let priya: User; // promotion committee
let yuki: User; // an approver, and the peer Bea's manager invites
let outsider: User; // a builder with no relation to Bea

beforeAll(async () => {
  await publishShippedRubrics();
  const v2 = await prisma.rubricVersion.findUniqueOrThrow({ where: { track_version: { track: "builder", version: 2 } } });
  marcus = await createUser(["manager"], { name: "Marcus" });
  bea = await createUser(["builder"], { name: "Bea" });
  priya = await createUser(["promotion_committee"], { name: "Priya" });
  yuki = await createUser(["builder", "interviewer"], { name: "Yuki" });
  outsider = await createUser(["builder"], { name: "Omar" });
  await prisma.builder.create({
    data: { userId: bea.id, level: "L5", managerId: marcus.id, startedAt: new Date("2024-03-04T09:00:00Z"), rubricVersionId: v2.id, baseSalary: 231000, currency: "USD" },
  });
  await prisma.builder.create({ data: { userId: outsider.id, level: "L4", startedAt: new Date("2024-03-04T09:00:00Z") } });
});

const cookies = new Map<string, string>();
async function cookie(user: User) {
  if (!cookies.has(user.id)) cookies.set(user.id, await sessionCookieFor(user.id));
  return cookies.get(user.id)!;
}

/** Each person calls from an address of their own, so an entry's address is checked to be the request's. */
const addressOf = (user: User) => `198.51.100.${[marcus, bea, priya, yuki, outsider].indexOf(user) + 10}`;

async function send(handler: Handler, user: User, url: string, params: Record<string, string>, form?: Record<string, string | string[]>): Promise<Answer> {
  return call(handler, { url, cookie: await cookie(user), params, form, address: addressOf(user) });
}

/** Runs `step` and answers with its answer and the audit entries written meanwhile. */
async function audited(step: () => Promise<Answer>) {
  const head = (await prisma.auditEntry.aggregate({ _max: { seq: true } }))._max.seq ?? 0;
  const answer = await step();
  const entries = await prisma.auditEntry.findMany({ where: { seq: { gt: head } }, orderBy: { seq: "asc" } });
  return { answer, entries: entries.map((e) => ({ ...e, detail: e.detail ? (JSON.parse(e.detail) as Record<string, unknown>) : null })) };
}

/** The step answered `status` and wrote exactly one entry, matching `expected`, by `user` from their address. */
async function writesOne(step: () => Promise<Answer>, status: number, user: User, expected: Record<string, unknown>) {
  const { answer, entries } = await audited(step);
  expect(answer.status, JSON.stringify(answer.body)).toBe(status);
  expect(entries).toHaveLength(1);
  expect(entries[0]).toMatchObject({ actorId: user.id, address: addressOf(user), ...expected });
  return entries[0]!;
}

/** The step answered `status` and wrote no entry at all. */
async function writesNone(step: () => Promise<Answer>, status: number) {
  const { answer, entries } = await audited(step);
  expect(answer.status, JSON.stringify(answer.body)).toBe(status);
  expect(entries).toEqual([]);
}

const packetPost = (user: User, packetId: string, form: Record<string, string | string[]>) => () =>
  send(packetRoute.action as Handler, user, `/packets/${packetId}`, { packetId }, form);
const packetLoad = (user: User, packetId: string) => () => send(packetRoute.loader as Handler, user, `/packets/${packetId}`, { packetId });
const evidenceForm = { intent: "evidence", title: "Usage-based billing", description: "Led the move to usage pricing.", impact: "NRR 104% → 112%.", links: "", startDate: "2025-10-01", endDate: "2026-03-31", criteria: ["expanding_scope"], competencies: [] as string[] };

describe("a promotion packet's trail", () => {
  let packetId: string;
  const onPacket = () => ({ kind: "change", recordType: "packet", recordId: packetId, subjectUserId: bea.id, candidateId: null });

  it("records starting the packet from the builder's record, and refuses a second one or a stranger without an entry", async () => {
    const start = () => send(record.action as Handler, bea, `/builders/${bea.id}`, { userId: bea.id }, { intent: "start-packet" });
    const { answer, entries } = await audited(start);
    expect(answer.status).toBe(302);
    packetId = answer.headers.get("Location")!.split("/")[2]!;
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ ...onPacket(), action: "packet.start", actorId: bea.id, address: addressOf(bea), detail: { fromLevel: "L5", targetLevel: "L6" } });

    await writesNone(start, 409); // one open packet at a time
    await writesNone(() => send(record.action as Handler, outsider, `/builders/${bea.id}`, { userId: bea.id }, { intent: "start-packet" }), 403);
  });

  it("records each draft edit once, and nothing for bad input, a stale version or someone not allowed", async () => {
    await writesOne(packetPost(bea, packetId, { intent: "summary", summary: "Ready for L6.", version: "1" }), 200, bea, { ...onPacket(), action: "packet.summary_save", detail: { version: 2 } });
    await writesNone(packetPost(bea, packetId, { intent: "summary", summary: "Overwrite.", version: "1" }), 409);
    await writesNone(packetPost(bea, packetId, { intent: "summary", version: "2" }), 400);
    await writesNone(packetPost(outsider, packetId, { intent: "summary", summary: "Mine now.", version: "2" }), 403);

    const saved = await writesOne(packetPost(bea, packetId, evidenceForm), 200, bea, { ...onPacket(), action: "packet.evidence_save" });
    expect(saved.detail).toMatchObject({ created: true, version: 1, criteria: ["expanding_scope"] });
    // The item's text stays in the packet: the entry names what it backs, not what it says.
    expect(JSON.stringify(saved)).not.toContain("usage pricing");
    await writesNone(packetPost(bea, packetId, { ...evidenceForm, startDate: "not a date" }), 400);

    const extra = await prisma.packetEvidence.create({
      data: { packetId, title: "Spare", description: "d", impact: "i", links: "[]", startDate: new Date("2025-01-01"), createdAt: new Date(), updatedAt: new Date(), updatedById: bea.id },
    });
    await writesNone(packetPost(bea, packetId, { intent: "delete-evidence", evidenceId: extra.id, version: "7" }), 409);
    await writesOne(packetPost(marcus, packetId, { intent: "delete-evidence", evidenceId: extra.id, version: "1" }), 200, marcus, {
      ...onPacket(),
      action: "packet.evidence_delete",
      detail: { evidenceId: extra.id, version: 1 },
    });
  });

  it("records inviting and removing a peer and the peer's statement; only the manager invites", async () => {
    await writesNone(packetPost(bea, packetId, { intent: "invite-peer", peerId: yuki.id }), 403);
    await writesOne(packetPost(marcus, packetId, { intent: "invite-peer", peerId: yuki.id }), 200, marcus, { ...onPacket(), action: "packet.peer_invite", detail: { peerId: yuki.id } });
    const evidenceId = (await prisma.packetEvidence.findFirstOrThrow({ where: { packetId } })).id;
    const statement = await writesOne(packetPost(yuki, packetId, { intent: "statement", evidenceId, text: "Bea led it end to end." }), 200, yuki, {
      ...onPacket(),
      action: "packet.statement_save",
      detail: { evidenceId, created: true },
    });
    expect(JSON.stringify(statement)).not.toContain("end to end");
    await writesOne(packetPost(marcus, packetId, { intent: "remove-peer", peerId: yuki.id }), 200, marcus, {
      ...onPacket(),
      action: "packet.peer_remove",
      detail: { peerId: yuki.id, statementsRemoved: 1 },
    });
    await writesNone(packetPost(marcus, packetId, { intent: "remove-peer", peerId: yuki.id }), 404);
  });

  it("records the manager's assessments, the submission, the review and the decision, without their text or pay", async () => {
    await writesNone(packetPost(bea, packetId, { intent: "assessment", criterionId: CRITERIA[0]!, rating: "3", comment: "Mine.", version: "0" }), 403);
    for (const criterionId of CRITERIA) {
      const entry = await writesOne(packetPost(marcus, packetId, { intent: "assessment", criterionId, rating: "3", comment: `Shown at L6: ${criterionId}.`, version: "0" }), 200, marcus, {
        ...onPacket(),
        action: "packet.assessment_save",
        detail: { criterionId, version: 1 },
      });
      expect(JSON.stringify(entry)).not.toContain("Shown at L6");
    }
    await writesOne(packetPost(marcus, packetId, { intent: "submit" }), 200, marcus, { ...onPacket(), action: "packet.submit", detail: { from: "draft", to: "submitted" } });
    await writesNone(packetPost(marcus, packetId, { intent: "submit" }), 403); // no longer a draft: not the manager's to submit

    await writesOne(packetPost(priya, packetId, { intent: "start-review" }), 200, priya, { ...onPacket(), action: "packet.review_start", detail: { from: "submitted", to: "in_review" } });

    const feedback = Object.fromEntries(CRITERIA.map((c) => [`feedback.${c}`, "Not yet at L6 here."]));
    const decide = { intent: "decide", outcome: "not_yet", rationale: "A private rationale for the committee.", ...feedback };
    await writesNone(packetPost(priya, packetId, { ...decide, outcome: "maybe" }), 400);
    const decided = await writesOne(packetPost(priya, packetId, decide), 200, priya, {
      ...onPacket(),
      action: "packet.decide",
      reason: null,
      detail: { outcome: "not_yet", level: "L6", from: "in_review", to: "decided" },
    });
    expect(JSON.stringify(decided)).not.toContain("private rationale");
    await writesNone(packetPost(priya, packetId, decide), 403); // decided: the decide right is gone
  });

  it("records each reading of the packet, the builder's own included, naming pay when it was shown; a refusal reads nothing", async () => {
    const own = await writesOne(packetLoad(bea, packetId), 200, bea, { kind: "read", action: "packet.read", recordType: "packet", recordId: packetId, subjectUserId: bea.id });
    expect(own.detail).toBeNull(); // the builder's page shows no pay figures
    await writesOne(packetLoad(priya, packetId), 200, priya, { kind: "read", action: "packet.read", subjectUserId: bea.id, detail: { pay: true } });
    await writesNone(packetLoad(outsider, packetId), 403);
    await writesNone(() => send(packetRoute.loader as Handler, bea, "/packets/nope", { packetId: "nope" }), 404);
  });
});

describe("a builder's record", () => {
  const load = (viewer: User, userId = bea.id) => () => send(record.loader as Handler, viewer, `/builders/${userId}`, { userId });

  it("records every reading, the builder's own included, with pay named; a refusal or a missing record writes nothing", async () => {
    await writesOne(load(bea), 200, bea, { kind: "read", action: "builder.read", recordType: "builder", recordId: bea.id, subjectUserId: bea.id, detail: { pay: true } });
    await writesOne(load(marcus), 200, marcus, { kind: "read", action: "builder.read", subjectUserId: bea.id, detail: { pay: true } });
    await writesNone(load(outsider), 403);
    await writesNone(load(bea, "nobody"), 404);
  });
});

describe("a project's trail", () => {
  let projectId: string;
  const onProject = () => ({ kind: "change", recordType: "project", recordId: projectId, subjectUserId: bea.id });
  const form = (overrides: Record<string, string> = {}) => ({
    intent: "save",
    title: "Faster sign-up",
    problem: "Half of new accounts never finish signing up.",
    mode: "satellite",
    team: "Growth",
    approverId: yuki.id,
    prd: PRD,
    links: "",
    "metrics.0.name": "Sign-up completion",
    "metrics.0.unit": "%",
    "metrics.0.baseline": "31",
    "metrics.0.target": "40",
    "metrics.0.direction": "at_least",
    "metrics.0.measurement": "Funnel dashboard",
    ...overrides,
  });
  const version = async () => String((await prisma.project.findUniqueOrThrow({ where: { id: projectId } })).version);
  const act = (user: User, f: Record<string, string>) => () => send(projectPage.action as Handler, user, `/projects/${projectId}`, { projectId }, f);
  const edit = (user: User, f: Record<string, string>) => () => send(editProject.action as Handler, user, `/projects/${projectId}/edit`, { projectId }, f);

  it("records starting a project, and nothing for bad input or someone who keeps no project log", async () => {
    const create = (user: User, f: Record<string, string>) => () => send(newProject.action as Handler, user, "/projects/new", {}, f);
    await writesNone(create(bea, form({ title: "" })), 400);
    await writesNone(create(marcus, form()), 403);
    const { answer, entries } = await audited(create(bea, form()));
    expect(answer.status).toBe(302);
    projectId = answer.headers.get("Location")!.split("/")[2]!;
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ ...onProject(), action: "project.create", actorId: bea.id, address: addressOf(bea), detail: { to: "draft", mode: "satellite", metrics: 1 } });
  });

  it("records an edit with the names of the fields it changed, then the submission; a stale edit writes nothing", async () => {
    const saved = await writesOne(edit(bea, form({ title: "Faster, simpler sign-up", version: await version() })), 302, bea, { ...onProject(), action: "project.save" });
    expect(saved.detail).toEqual({ fields: ["title"], version: 2 });
    await writesNone(edit(bea, form({ title: "Stale", version: "1" })), 409);
    await writesNone(edit(outsider, form({ version: await version() })), 403);
    await writesOne(edit(bea, form({ intent: "submit", title: "Faster, simpler sign-up", version: await version() })), 302, bea, {
      ...onProject(),
      action: "project.submit",
      detail: { from: "draft", to: "submitted", approverId: yuki.id },
    });
  });

  it("records a workflow action with its states and the note typed as its reason; refusals write nothing", async () => {
    await writesNone(act(marcus, { intent: "approve", version: await version(), note: "Not mine to give." }), 403);
    await writesNone(act(yuki, { intent: "approve", note: "No version." }), 400);
    await writesNone(act(yuki, { intent: "approve", version: "1", note: "Stale page." }), 409);
    await writesOne(act(yuki, { intent: "approve", version: await version(), note: "Go, measure weekly." }), 200, yuki, {
      ...onProject(),
      action: "project.approve",
      reason: "Go, measure weekly.",
      detail: { from: "submitted", to: "approved" },
    });
    await writesOne(act(bea, { intent: "launch", version: await version() }), 200, bea, { ...onProject(), action: "project.launch", reason: null, detail: { from: "approved", to: "launched" } });
  });

  it("records reading the outcomes for the project's parties only; the summary everyone reads writes nothing", async () => {
    const load = (user: User) => () => send(projectPage.loader as Handler, user, `/projects/${projectId}`, { projectId });
    await writesOne(load(bea), 200, bea, { kind: "read", action: "project.read", recordType: "project", recordId: projectId, subjectUserId: bea.id });
    await writesOne(load(marcus), 200, marcus, { kind: "read", action: "project.read", subjectUserId: bea.id });
    await writesNone(load(outsider), 200);
  });

  it("records posting a demo and flagging it, the curator's note as the reason; a builder flagging writes nothing", async () => {
    const post = (user: User, f: Record<string, string>) => () => send(newDemo.action as Handler, user, `/projects/${projectId}/demos/new`, { projectId }, f);
    const demo = { title: "Two-step sign-up", shows: "The new form.", link: "https://video.example/sign-up", demoOn: "2026-01-05" };
    await writesNone(post(outsider, demo), 403);
    await writesNone(post(bea, { ...demo, link: "not a link" }), 400);
    const posted = await writesOne(post(bea, demo), 302, bea, { kind: "change", action: "demo.post", recordType: "demo", subjectUserId: bea.id, detail: { projectId, demoOn: "2026-01-05" } });

    const flag = (user: User, f: Record<string, string>) => () => send(demoFeed.action as Handler, user, "/demos", {}, f);
    await writesNone(flag(bea, { intent: "flag", demoId: posted.recordId, note: "Mine." }), 403);
    await writesNone(flag(marcus, { intent: "flag", demoId: "no-such-demo" }), 404);
    await writesOne(flag(marcus, { intent: "flag", demoId: posted.recordId, note: "Everyone should see this." }), 200, marcus, {
      action: "demo.flag",
      recordId: posted.recordId,
      subjectUserId: bea.id,
      reason: "Everyone should see this.",
      detail: { projectId },
    });
    await writesOne(flag(marcus, { intent: "unflag", demoId: posted.recordId }), 200, marcus, { action: "demo.unflag", recordId: posted.recordId, subjectUserId: bea.id, reason: null });
  });

  it("leaves an unbroken chain", async () => {
    expect((await verifyAuditTrail()).broken).toBeNull();
  });
});
