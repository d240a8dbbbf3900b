import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/data/db.server";
import { saveSummary } from "~/data/packet-drafts.server";
import { startPacket } from "~/data/packet-workflow.server";
import * as packetRoute from "~/routes/packets.$packetId/route";
import { actorOf } from "../helpers/actor";
import { publishShippedRubrics } from "../helpers/loops";
import { call, type Answer } from "../helpers/route";
import { createUser, sessionCookieFor } from "../helpers/users";

type View = Awaited<ReturnType<typeof packetRoute.loader>>;
type User = { id: string };

const CRITERIA = ["expanding_scope", "strategic_influence", "cross_team_leadership", "external_thought_leadership", "mentoring"];
let v2Id: string;
let committee: User;
let admin: User;

beforeAll(async () => {
  await publishShippedRubrics();
  v2Id = (await prisma.rubricVersion.findUniqueOrThrow({ where: { track_version: { track: "builder", version: 2 } } })).id;
  committee = await createUser(["promotion_committee"], { name: "Priya" });
  admin = await createUser(["admin"], { name: "Morgan" });
});

/** A builder at `level` with their manager, pinned to builder v2, and an open packet for the next level. */
async function builderWithPacket(level = "L5", base = 231000) {
  const manager = await createUser(["manager"], { name: "Marcus" });
  const builder = await createUser(["builder"], { name: "Bea" });
  await prisma.builder.create({
    data: { userId: builder.id, level, managerId: manager.id, startedAt: new Date("2024-03-04T09:00:00Z"), rubricVersionId: v2Id, baseSalary: base, currency: "USD" },
  });
  const started = await startPacket(builder.id, actorOf(builder), new Date());
  if (!started.ok) throw new Error(started.message);
  return { builder, manager, packetId: started.id };
}

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

const evidence = (overrides: Record<string, string | string[]> = {}) => ({
  intent: "evidence",
  title: "Usage-based billing",
  description: "Led the move from seats to usage pricing across billing, product and sales.",
  impact: "Net revenue retention 104% → 112% in two quarters.",
  links: "https://northwind.example/prd/billing",
  startDate: "2025-10-01",
  endDate: "2026-03-31",
  criteria: ["expanding_scope", "strategic_influence"],
  competencies: ["business_sense"],
  ...overrides,
});

async function fillAndSubmit(p: { builder: User; manager: User; packetId: string }) {
  expect((await post(p.builder, p.packetId, { intent: "summary", summary: "Ready for L6.", version: "1" })).status).toBe(200);
  expect((await post(p.builder, p.packetId, evidence())).status).toBe(200);
  for (const criterionId of CRITERIA) {
    const answer = await post(p.manager, p.packetId, { intent: "assessment", criterionId, rating: "3", comment: `Shown at L6: ${criterionId}.`, version: "0" });
    expect(answer.status).toBe(200);
  }
  expect((await post(p.manager, p.packetId, { intent: "submit" })).status).toBe(200);
}

describe("starting a packet", () => {
  it("targets the next level, pinned to the builder's rubric version, which becomes immutable", async () => {
    const { packetId } = await builderWithPacket("L4");
    const packet = await prisma.promotionPacket.findUniqueOrThrow({ where: { id: packetId }, include: { rubricVersion: true } });
    expect([packet.fromLevel, packet.targetLevel, packet.status, packet.rubricVersionId]).toEqual(["L4", "L5", "draft", v2Id]);
    expect(packet.rubricVersion.firstUsedAt).not.toBeNull();
  });

  it("gives an L7 builder no packet: nothing targets a level beyond L7", async () => {
    const l7 = await createUser(["builder"]);
    await prisma.builder.create({ data: { userId: l7.id, level: "L7", startedAt: new Date(), rubricVersionId: v2Id } });
    const refused = await startPacket(l7.id, actorOf(l7), new Date());
    expect(refused).toEqual({ ok: false, reason: "conflict", message: "L7 is the top of the ladder: there is no level to write a packet for." });
    expect(await prisma.promotionPacket.count({ where: { builderId: l7.id } })).toBe(0);
  });

  it("is refused by the database itself for a target outside L5–L7", async () => {
    const { builder } = await builderWithPacket("L6");
    const write = (targetLevel: string) =>
      prisma.promotionPacket.create({
        data: { builderId: builder.id, fromLevel: "L7", targetLevel, rubricVersionId: v2Id, createdById: builder.id, updatedById: builder.id, createdAt: new Date(), updatedAt: new Date() },
      });
    await expect(write("L8")).rejects.toThrow(/CHECK constraint failed|violates check constraint/);
    await expect(write("L4")).rejects.toThrow(/CHECK constraint failed|violates check constraint/);
  });

  it("allows one open packet per builder", async () => {
    const { builder } = await builderWithPacket("L5");
    expect(await startPacket(builder.id, actorOf(builder), new Date())).toEqual({ ok: false, reason: "conflict", message: "There is already an open packet for L6: finish it before starting another." });
  });
});

describe("who may read a packet", () => {
  it("refuses another builder, an unrelated manager and an interviewer (403), and the committee while it is a draft", async () => {
    const { packetId } = await builderWithPacket();
    for (const stranger of [await createUser(["builder"]), await createUser(["manager"]), await createUser(["interviewer"]), committee]) {
      const answer = await load(stranger, packetId);
      expect(answer.status).toBe(403);
      expect(JSON.stringify(answer.body)).not.toMatch(/231000|231,000/);
    }
  });

  it("shows builder and manager the draft without the committee's pay analysis; the committee and admins see pay once submitted", async () => {
    const p = await builderWithPacket();
    for (const user of [p.builder, p.manager]) {
      const v = await view(user, p.packetId);
      expect(v.access.editDraft).toBe(true);
      expect(v.pay).toBeNull();
    }
    await fillAndSubmit(p);
    for (const user of [committee, admin]) {
      const v = await view(user, p.packetId);
      // builder v2: L5 band 205,000/235,000/265,000, L6 band 240,000/275,000/310,000, minimum raise 8%.
      expect(v.pay).toMatchObject({
        currency: "USD",
        currentBase: 231000,
        targetBand: { min: 240000, mid: 275000, max: 310000 },
        analysis: { compaRatioCurrent: 0.983, compaRatioTarget: 0.84, raiseToTargetMin: 9000, suggestedBase: 249500, raise: 18500 },
      });
    }
    expect((await view(committee, p.packetId)).access).toMatchObject({ startReview: true, decide: false, editDraft: false });
    expect((await view(admin, p.packetId)).access).toMatchObject({ startReview: false, decide: false });
  });

  it("shows an invited peer the evidence and their own statements, never assessments, other peers' statements or pay", async () => {
    const p = await builderWithPacket();
    const [peerA, peerB] = [await createUser(["builder"], { name: "Grace" }), await createUser(["interviewer"], { name: "Leo" })];
    await post(p.builder, p.packetId, evidence());
    const item = (await view(p.builder, p.packetId)).evidence[0]!;
    await post(p.manager, p.packetId, { intent: "assessment", criterionId: "mentoring", rating: "3", comment: "Mentors two L4s.", version: "0" });
    for (const peer of [peerA, peerB]) {
      expect((await post(p.manager, p.packetId, { intent: "invite-peer", peerId: peer.id })).status).toBe(200);
      expect((await post(peer, p.packetId, { intent: "statement", evidenceId: item.id, text: `Statement by ${peer.id}` })).status).toBe(200);
    }
    const v = await view(peerA, p.packetId);
    expect(v.evidence).toHaveLength(1);
    expect(v.assessments).toBeNull();
    expect(v.pay).toBeNull();
    expect(v.statements.map((s) => s.authorId)).toEqual([peerA.id]);
    expect((await view(p.builder, p.packetId)).statements).toHaveLength(2);
    // A peer cannot edit the packet or assess.
    expect((await post(peerA, p.packetId, { intent: "summary", summary: "x", version: "1" })).status).toBe(403);
    expect((await post(peerA, p.packetId, { intent: "assessment", criterionId: "mentoring", rating: "4", comment: "x", version: "1" })).status).toBe(403);
  });
});

describe("editing a draft", () => {
  it("rejects a stale save of the summary with the current version, and overwrites nothing", async () => {
    const p = await builderWithPacket();
    // Both opened the packet at version 1; the builder saves first.
    expect((await post(p.builder, p.packetId, { intent: "summary", summary: "Builder's summary", version: "1" })).status).toBe(200);
    const stale = await post(p.manager, p.packetId, { intent: "summary", summary: "Manager's summary", version: "1" });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ ok: false, stale: { summary: "Builder's summary", version: 2, updatedByName: "Bea" } });
    expect((stale.body as { formErrors: string[] }).formErrors[0]).toMatch(/^Bea saved the summary at .* after you opened it/);
    expect((await prisma.promotionPacket.findUniqueOrThrow({ where: { id: p.packetId } })).summary).toBe("Builder's summary");
    // Saving again against the version now shown is a deliberate overwrite.
    expect((await post(p.manager, p.packetId, { intent: "summary", summary: "Manager's summary", version: "2" })).status).toBe(200);
  });

  it("lets exactly one of two simultaneous saves of the same version win", async () => {
    const p = await builderWithPacket();
    const results = await Promise.all([
      saveSummary(p.packetId, { summary: "A", version: 1 }, actorOf(p.builder), new Date()),
      saveSummary(p.packetId, { summary: "B", version: 1 }, actorOf(p.manager), new Date()),
    ]);
    expect(results.map((r) => r.ok).sort()).toEqual([false, true]);
    const winner = results[0]!.ok ? "A" : "B";
    expect((await prisma.promotionPacket.findUniqueOrThrow({ where: { id: p.packetId } })).summary).toBe(winner);
  });

  it("rejects a stale edit of an evidence item with the version saved meanwhile", async () => {
    const p = await builderWithPacket();
    await post(p.builder, p.packetId, evidence());
    const item = (await view(p.manager, p.packetId)).evidence[0]!;
    expect((await post(p.builder, p.packetId, evidence({ evidenceId: item.id, version: String(item.version), title: "Usage billing v2" }))).status).toBe(200);
    const stale = await post(p.manager, p.packetId, evidence({ evidenceId: item.id, version: String(item.version), title: "Manager's title" }));
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ stale: { title: "Usage billing v2", version: 2 } });
    const removal = await post(p.manager, p.packetId, { intent: "delete-evidence", evidenceId: item.id, version: String(item.version) });
    expect(removal.status).toBe(409);
    expect(await prisma.packetEvidence.findUniqueOrThrow({ where: { id: item.id } })).toMatchObject({ title: "Usage billing v2" });
  });

  it("leaves the packet untouched when an evidence save is refused (stale, unknown or another packet's item)", async () => {
    const p = await builderWithPacket();
    await post(p.builder, p.packetId, evidence());
    const item = (await view(p.manager, p.packetId)).evidence[0]!;
    const other = await builderWithPacket();
    await post(other.builder, other.packetId, evidence());
    const othersItem = (await view(other.manager, other.packetId)).evidence[0]!;
    const stamp = async () => prisma.promotionPacket.findUniqueOrThrow({ where: { id: p.packetId }, select: { updatedAt: true, updatedById: true, version: true } });
    const before = await stamp();
    expect(before.updatedById).toBe(p.builder.id);
    const refused = [
      await post(p.manager, p.packetId, evidence({ evidenceId: item.id, version: String(item.version + 5), title: "Stale" })),
      await post(p.manager, p.packetId, evidence({ evidenceId: "no-such-item", version: "1", title: "Gone" })),
      await post(p.manager, p.packetId, evidence({ evidenceId: othersItem.id, version: String(othersItem.version), title: "Not mine" })),
    ];
    expect(refused.map((a) => a.status)).toEqual([409, 404, 404]);
    expect(await stamp()).toEqual(before);
    expect(await prisma.packetEvidence.findUniqueOrThrow({ where: { id: othersItem.id } })).toMatchObject({ title: othersItem.title });
  });

  it("stores evidence with its tags, and coverage counts them", async () => {
    const p = await builderWithPacket();
    await post(p.builder, p.packetId, evidence());
    const v = await view(p.builder, p.packetId);
    expect(v.evidence[0]).toMatchObject({ criteria: ["expanding_scope", "strategic_influence"], competencies: ["business_sense"], links: ["https://northwind.example/prd/billing"], startDate: "2025-10-01", endDate: "2026-03-31" });
    expect(v.coverageNeeds.targetLevel).toBe("L6");
  });

  it.each([
    ["no criterion", { criteria: [] as string[] }, "criteria"],
    ["a criterion the rubric does not define", { criteria: ["charisma"] }, "criteria"],
    ["no title", { title: " " }, "title"],
    ["an end before the start", { endDate: "2025-01-01" }, "endDate"],
    ["a non-date", { startDate: "last spring" }, "startDate"],
    ["a link that is not a web address", { links: "javascript:alert(1)" }, "links"],
  ])("answers evidence with %s with a 400 naming the field, and writes nothing", async (_what, overrides, field) => {
    const p = await builderWithPacket();
    const answer = await post(p.builder, p.packetId, evidence(overrides));
    expect(answer.status).toBe(400);
    expect((answer.body as { fieldErrors: Record<string, string[]> }).fieldErrors[field]?.[0]).toBeTruthy();
    expect(await prisma.packetEvidence.count({ where: { packetId: p.packetId } })).toBe(0);
  });

  it("keeps assessments, peer invitations and submission to the manager", async () => {
    const p = await builderWithPacket();
    const peer = await createUser(["builder"]);
    expect((await post(p.builder, p.packetId, { intent: "assessment", criterionId: "mentoring", rating: "4", comment: "Me!", version: "0" })).status).toBe(403);
    expect((await post(p.builder, p.packetId, { intent: "invite-peer", peerId: peer.id })).status).toBe(403);
    expect((await post(p.builder, p.packetId, { intent: "submit" })).status).toBe(403);
    expect((await post(p.manager, p.packetId, { intent: "invite-peer", peerId: p.builder.id })).status).toBe(403);
    expect(await prisma.managerAssessment.count({ where: { packetId: p.packetId } })).toBe(0);
  });

  it("refuses to invite peers before the packet has evidence: they would have nothing to write about", async () => {
    const p = await builderWithPacket();
    const peer = await createUser(["builder"], { name: "Grace" });
    const early = await post(p.manager, p.packetId, { intent: "invite-peer", peerId: peer.id });
    expect(early.status).toBe(409);
    expect((early.body as { formErrors: string[] }).formErrors).toEqual(["Add evidence before inviting peers: they write their statements on evidence items."]);
    expect(await prisma.peerInvitation.count({ where: { packetId: p.packetId } })).toBe(0);
    expect((await view(p.manager, p.packetId)).invitations).toEqual([]);

    expect((await post(p.builder, p.packetId, evidence())).status).toBe(200);
    expect((await post(p.manager, p.packetId, { intent: "invite-peer", peerId: peer.id })).status).toBe(200);
    expect(await prisma.peerInvitation.count({ where: { packetId: p.packetId } })).toBe(1);
  });

  it("refuses to submit without a summary, evidence and an assessment of every criterion", async () => {
    const p = await builderWithPacket();
    const answer = await post(p.manager, p.packetId, { intent: "submit" });
    expect(answer.status).toBe(409);
    expect((answer.body as { formErrors: string[] }).formErrors[0]).toMatch(/Write the packet's summary\. Add at least one evidence item\. The manager's assessment is missing for/);
    expect((await prisma.promotionPacket.findUniqueOrThrow({ where: { id: p.packetId } })).status).toBe("draft");
  });
});

describe("a submitted packet", () => {
  it("is a frozen snapshot: no one can edit it, and later changes to live rows do not show", async () => {
    const p = await builderWithPacket();
    await fillAndSubmit(p);
    const before = await view(committee, p.packetId);
    expect(before.packet).toMatchObject({ status: "submitted", summary: "Ready for L6." });
    const item = before.evidence[0]!;
    for (const [user, form] of [
      [p.builder, { intent: "summary", summary: "Changed", version: "1" }],
      [p.builder, evidence()],
      [p.manager, evidence({ evidenceId: item.id, version: "1", title: "Changed" })],
      [p.manager, { intent: "assessment", criterionId: "mentoring", rating: "1", comment: "Changed", version: "1" }],
    ] as const) {
      expect((await post(user, p.packetId, form)).status).toBe(403);
    }
    // Even a direct data-layer save is refused.
    expect(await saveSummary(p.packetId, { summary: "Changed", version: 1 }, actorOf(p.builder), new Date())).toMatchObject({ ok: false, reason: "locked" });
    // The snapshot is what everyone reads, whatever happens to the live rows.
    await prisma.packetEvidence.updateMany({ where: { packetId: p.packetId }, data: { title: "Tampered" } });
    const after = await view(committee, p.packetId);
    expect(after.evidence.map((e) => e.title)).toEqual(["Usage-based billing"]);
    expect(after.assessments).toHaveLength(5);
  });

  it("is decided only by the promotion committee, after starting the review; promotion moves the builder to the new level and band", async () => {
    const p = await builderWithPacket();
    await fillAndSubmit(p);
    const decide = { intent: "decide", outcome: "promoted", newBaseSalary: "249500", rationale: "Operates at L6 across billing and growth." };
    expect((await post(committee, p.packetId, decide)).status).toBe(403); // not in review yet
    for (const user of [p.manager, admin]) expect((await post(user, p.packetId, { intent: "start-review" })).status).toBe(403);
    expect((await post(committee, p.packetId, { intent: "start-review" })).status).toBe(200);
    for (const user of [p.manager, p.builder, admin]) expect((await post(user, p.packetId, decide)).status).toBe(403);
    expect((await post(committee, p.packetId, decide)).status).toBe(200);

    const builder = await prisma.builder.findUniqueOrThrow({ where: { userId: p.builder.id }, include: { levelHistory: true } });
    expect(builder).toMatchObject({ level: "L6", baseSalary: 249500, currency: "USD", rubricVersionId: v2Id });
    expect(builder.levelHistory).toEqual([expect.objectContaining({ level: "L6", reason: "promoted", packetId: p.packetId })]);
    const v = await view(p.builder, p.packetId);
    expect(v.decision).toMatchObject({ outcome: "promoted", newBaseSalary: 249500, decidedByName: "Priya" });
    // Decided is final.
    expect((await post(committee, p.packetId, decide)).status).toBe(403);
  });

  it("needs feedback on every criterion for “not yet”, and leaves the builder's level and pay alone", async () => {
    const p = await builderWithPacket();
    await fillAndSubmit(p);
    await post(committee, p.packetId, { intent: "start-review" });
    const bare = await post(committee, p.packetId, { intent: "decide", outcome: "not_yet", rationale: "Not yet at L6.", "feedback.mentoring": "Grow two more builders." });
    expect(bare.status).toBe(400);
    const errors = (bare.body as { fieldErrors: Record<string, string[]> }).fieldErrors;
    expect(Object.keys(errors).sort()).toEqual(CRITERIA.filter((c) => c !== "mentoring").map((c) => `feedback.${c}`).sort());
    expect(await prisma.promotionDecision.count({ where: { packetId: p.packetId } })).toBe(0);

    // The suggested base the form held for "promoted" is left behind: it is ignored, not a refusal.
    const feedback = Object.fromEntries(CRITERIA.map((c) => [`feedback.${c}`, `More on ${c}.`]));
    const notYet = { intent: "decide", outcome: "not_yet", rationale: "Not yet at L6.", newBaseSalary: "249500", bandJustification: "", ...feedback };
    expect((await post(committee, p.packetId, notYet)).status).toBe(200);
    expect(await prisma.promotionDecision.findUniqueOrThrow({ where: { packetId: p.packetId } })).toMatchObject({ outcome: "not_yet", newBaseSalary: null, currency: null, bandJustification: null });
    expect(await prisma.builder.findUniqueOrThrow({ where: { userId: p.builder.id } })).toMatchObject({ level: "L5", baseSalary: 231000 });
    expect((await view(p.builder, p.packetId)).decision?.feedback).toEqual(Object.fromEntries(CRITERIA.map((c) => [c, `More on ${c}.`])));
    // The builder may start the next packet.
    expect((await startPacket(p.builder.id, actorOf(p.builder), new Date())).ok).toBe(true);
  });

  it("asks for a justification when the raise is below the rubric's minimum, records it and shows it with the decision", async () => {
    const p = await builderWithPacket();
    await fillAndSubmit(p);
    await post(committee, p.packetId, { intent: "start-review" });
    // Base at submission 231,000; builder v2's minimum promotion raise is 8% (249,480). 245,091 is 6.1%, inside the L6 band.
    const low = { intent: "decide", outcome: "promoted", newBaseSalary: "245091", rationale: "Operates at L6." };
    const refused = await post(committee, p.packetId, low);
    expect(refused.status).toBe(400);
    expect((refused.body as { fieldErrors: Record<string, string[]> }).fieldErrors.raiseJustification?.[0]).toMatch(/6\.1% raise .* minimum promotion raise of 8% \(\$249,480 or more\)/);
    expect(await prisma.promotionDecision.count({ where: { packetId: p.packetId } })).toBe(0);
    expect((await prisma.builder.findUniqueOrThrow({ where: { userId: p.builder.id } })).baseSalary).toBe(231000);

    expect((await post(committee, p.packetId, { ...low, raiseJustification: "Budget freeze this half; revisit in six months." })).status).toBe(200);
    expect(await prisma.promotionDecision.findUniqueOrThrow({ where: { packetId: p.packetId } })).toMatchObject({ newBaseSalary: 245091, raiseJustification: "Budget freeze this half; revisit in six months.", bandJustification: null });
    for (const reader of [p.builder, p.manager, committee]) {
      expect((await view(reader, p.packetId)).decision).toMatchObject({ newBaseSalary: 245091, raiseJustification: "Budget freeze this half; revisit in six months." });
    }
  });

  it("needs no raise justification at the minimum raise, and records none", async () => {
    const p = await builderWithPacket();
    await fillAndSubmit(p);
    await post(committee, p.packetId, { intent: "start-review" });
    const atMinimum = { intent: "decide", outcome: "promoted", newBaseSalary: "249480", rationale: "L6.", raiseJustification: "Not needed." };
    expect((await post(committee, p.packetId, atMinimum)).status).toBe(200);
    // Required below the minimum, null otherwise: a justification sent for a raise that needs none is not kept.
    expect((await prisma.promotionDecision.findUniqueOrThrow({ where: { packetId: p.packetId } })).raiseJustification).toBeNull();
  });

  it("asks for a justification when the new base is outside the target band", async () => {
    const p = await builderWithPacket();
    await fillAndSubmit(p);
    await post(committee, p.packetId, { intent: "start-review" });
    const answer = await post(committee, p.packetId, { intent: "decide", outcome: "promoted", newBaseSalary: "320000", rationale: "L6." });
    expect(answer.status).toBe(400);
    expect((answer.body as { fieldErrors: Record<string, string[]> }).fieldErrors.bandJustification?.[0]).toMatch(/outside the target band \(\$240,000–\$310,000\)/);
  });
});
