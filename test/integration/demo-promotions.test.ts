import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/data/db.server";
import { findPacket, type PacketRecord } from "~/data/packets.server";
import { coverageRequirements, packetCoverage } from "~/domain/promotion/coverage";
import { evidenceSchema, promotionDecisionSchema } from "~/domain/promotion/forms";
import { submissionProblems, targetCriteria } from "~/domain/promotion/snapshot";
import { PACKET_STATUSES } from "~/domain/promotion/workflow";
import { prepareDatabase } from "~/server/startup";
import { getConfig } from "~/utils/env.server";

const BEA = "builder@northwind.example";
const MEI = "mei.lin@northwind.example";
const SAMUEL = "samuel.osei@northwind.example";
const NOAH = "noah.fischer@northwind.example";
const LUCAS = "lucas.moreau@northwind.example";

beforeAll(async () => {
  expect(await prepareDatabase({ ...getConfig(), seedDemo: true }, () => {})).toEqual({ seeded: true });
});

async function packetsOf(email: string): Promise<PacketRecord[]> {
  const rows = await prisma.promotionPacket.findMany({ where: { builder: { user: { email } } }, select: { id: true }, orderBy: { createdAt: "asc" } });
  return Promise.all(rows.map(async (r) => (await findPacket(r.id))!));
}

async function packetOf(email: string): Promise<PacketRecord> {
  const packets = await packetsOf(email);
  expect(packets, `${email} has one packet`).toHaveLength(1);
  return packets[0]!;
}

async function allPackets(): Promise<PacketRecord[]> {
  const rows = await prisma.promotionPacket.findMany({ select: { id: true } });
  return Promise.all(rows.map(async (r) => (await findPacket(r.id))!));
}

const coverageOfEvidence = (packet: PacketRecord, evidence: ReadonlyArray<{ id: string; criteria: readonly string[]; competencies: readonly string[] }>) =>
  packetCoverage(packet.rubric, packet.targetLevel, evidence);

describe("the demo organisation's promotion packets", () => {
  it("has a packet in every state, and decisions of both outcomes", async () => {
    const packets = await allPackets();
    expect(new Set(packets.map((p) => p.status))).toEqual(new Set(PACKET_STATUSES));
    expect(new Set(packets.flatMap((p) => (p.decision ? [p.decision.outcome] : [])))).toEqual(new Set(["promoted", "not_yet"]));

    const states = Object.fromEntries(
      await Promise.all([BEA, MEI, SAMUEL, NOAH, LUCAS].map(async (email) => [email, (await packetOf(email)).status] as const)),
    );
    expect(states).toEqual({ [BEA]: "draft", [MEI]: "submitted", [SAMUEL]: "in_review", [NOAH]: "decided", [LUCAS]: "decided" });
  });

  it("leaves the other builders without packets, so they can start one", async () => {
    for (const email of ["omar.haddad@northwind.example", "felix.wagner@northwind.example", "leo.martins@northwind.example", "grace.kim@northwind.example", "yuki.tanaka@northwind.example", "ines.costa@northwind.example", "amara.eze@northwind.example"]) {
      expect(await packetsOf(email), email).toEqual([]);
    }
  });

  it("pins every packet to its builder's rubric version, marked as used", async () => {
    const now = new Date();
    for (const packet of await allPackets()) {
      const builder = await prisma.builder.findUniqueOrThrow({ where: { userId: packet.builder.userId } });
      expect(packet.rubricVersion.id).toBe(builder.rubricVersionId);
      const version = await prisma.rubricVersion.findUniqueOrThrow({ where: { id: packet.rubricVersion.id } });
      expect(version.firstUsedAt).not.toBeNull();
      expect(version.retiredAt).toBeNull();

      expect(packet.version).toBeGreaterThanOrEqual(1);
      expect(packet.createdAt.getTime()).toBeLessThanOrEqual(packet.updatedAt.getTime());
      expect(packet.updatedAt.getTime()).toBeLessThanOrEqual(now.getTime());
      expect(packet.summary.trim()).not.toBe("");
    }
  });

  it("holds only evidence the evidence form accepts, with dates stored at UTC midnight", async () => {
    const rows = await prisma.packetEvidence.findMany({ include: { tags: true, packet: { include: { rubricVersion: true } } } });
    expect(rows.length).toBeGreaterThan(0);
    for (const packet of await allPackets()) {
      const schema = evidenceSchema(coverageRequirements(packet.rubric, packet.targetLevel).defined);
      expect(packet.evidence.length).toBeGreaterThan(0);
      for (const e of packet.evidence) {
        const parsed = schema.safeParse({
          evidenceId: e.id,
          version: String(e.version),
          title: e.title,
          description: e.description,
          impact: e.impact,
          links: e.links.join("\n"),
          startDate: e.startDate,
          endDate: e.endDate ?? "",
          criteria: e.criteria,
          competencies: e.competencies,
        });
        expect(parsed.success, `${e.title}: ${parsed.error?.message}`).toBe(true);
        expect(e.links.length).toBeGreaterThan(0);
        for (const link of e.links) expect(link).toMatch(/^https:\/\/([a-z0-9-]+\.)*(northwind\.example|example\.com)(\/|$)/);
      }
    }
    for (const row of rows) {
      expect(row.startDate.toISOString()).toMatch(/T00:00:00\.000Z$/);
      if (row.endDate) expect(row.endDate.toISOString()).toMatch(/T00:00:00\.000Z$/);
      expect(row.tags.every((t) => t.kind === "criterion" || t.kind === "competency")).toBe(true);
    }
  });

  it("freezes every submitted packet in a snapshot that parses and matches the packet", async () => {
    for (const packet of await allPackets()) {
      if (packet.status === "draft") {
        expect(packet.snapshot).toBeNull();
        expect(packet.submittedAt).toBeNull();
        continue;
      }
      // findPacket parses the snapshot with its schema: a damaged one would have thrown.
      const snapshot = packet.snapshot!;
      expect(snapshot).not.toBeNull();
      expect(snapshot.submittedAt).toBe(packet.submittedAt!.toISOString());
      expect(snapshot.submittedByName).toBe(packet.builder.managerName);
      expect(snapshot.version).toBe(packet.version);
      expect(snapshot.fromLevel).toBe(packet.fromLevel);
      expect(snapshot.targetLevel).toBe(packet.targetLevel);
      expect(snapshot.summary).toBe(packet.summary);
      expect(snapshot.evidence.map((e) => e.id)).toEqual(packet.evidence.map((e) => e.id));
      expect(snapshot.assessments).toHaveLength(targetCriteria(packet.rubric, packet.targetLevel).length);
      expect(snapshot.statements.length).toBeGreaterThan(0);
      expect(snapshot.baseAtSubmission).not.toBeNull();
      for (const a of snapshot.assessments) expect(a.updatedAt <= snapshot.submittedAt).toBe(true);
      for (const s of snapshot.statements) expect(s.updatedAt <= snapshot.submittedAt).toBe(true);
      if (packet.status !== "submitted") expect(packet.reviewStartedAt!.getTime()).toBeGreaterThanOrEqual(packet.submittedAt!.getTime());
      if (packet.decision) expect(packet.decision.decidedAt.getTime()).toBeGreaterThanOrEqual(packet.reviewStartedAt!.getTime());
    }
  });

  it("has Mei Lin's packet submitted a couple of days ago and clearly ready", async () => {
    const packet = await packetOf(MEI);
    expect(packet.status).toBe("submitted");
    expect(packet.reviewStartedAt).toBeNull();
    expect(packet.decision).toBeNull();
    const ageDays = (Date.now() - packet.submittedAt!.getTime()) / 86_400_000;
    expect(ageDays).toBeGreaterThan(0);
    expect(ageDays).toBeLessThan(7);

    const coverage = coverageOfEvidence(packet, packet.snapshot!.evidence);
    expect(coverage.summary).toMatchObject({ ready: true, partial: 0, missing: 0 });
    expect(coverage.entries.every((e) => e.status === "met")).toBe(true);
    expect(coverage.unknownTags).toEqual([]);
    expect(packet.snapshot!.assessments.map((a) => a.criterionId).sort()).toEqual(targetCriteria(packet.rubric, "L6").map((c) => c.id).sort());
    expect(packet.snapshot!.assessments.every((a) => a.authorName === "Aisha Rahman")).toBe(true);
    expect(new Set(packet.statements.map((s) => s.authorId)).size).toBeGreaterThanOrEqual(2);
  });

  it("has Bea Novak's draft with gaps, not yet submittable: two of five criteria assessed", async () => {
    const packet = await packetOf(BEA);
    expect(packet).toMatchObject({ status: "draft", fromLevel: "L5", targetLevel: "L6", snapshot: null, decision: null });
    expect(packet.evidence).toHaveLength(3);

    const coverage = coverageOfEvidence(packet, packet.evidence);
    expect(coverage.summary.ready).toBe(false);
    expect(coverage.summary.met).toBeGreaterThan(0);
    expect(coverage.summary.partial).toBeGreaterThan(0);
    expect(coverage.summary.missing).toBeGreaterThan(0);
    expect(coverage.entries.find((e) => e.id === "external_thought_leadership")?.status).toBe("missing");

    const criteria = targetCriteria(packet.rubric, packet.targetLevel);
    expect(packet.assessments).toHaveLength(2);
    expect(packet.assessments.every((a) => a.authorName === "Marcus Chen")).toBe(true);
    const problems = submissionProblems({ summary: packet.summary, evidenceCount: packet.evidence.length, assessedCriteria: packet.assessments.map((a) => a.criterionId) }, criteria);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/assessment is missing/);

    expect(packet.invitations.map((i) => i.peerName).sort()).toEqual(["Grace Kim", "Leo Martins"]);
    expect(packet.statements.map((s) => s.authorName)).toEqual(["Grace Kim"]);
  });

  it("has Samuel Osei's packet in review, covered but for one partial entry", async () => {
    const packet = await packetOf(SAMUEL);
    expect(packet).toMatchObject({ status: "in_review", fromLevel: "L6", targetLevel: "L7", decision: null });
    expect(packet.reviewStartedAt).not.toBeNull();
    const coverage = coverageOfEvidence(packet, packet.snapshot!.evidence);
    expect(coverage.summary).toMatchObject({ ready: false, partial: 1, missing: 0 });
    expect(coverage.entries[0]).toMatchObject({ id: "external_thought_leadership", status: "partial" });
  });

  it("has Noah Fischer decided “not yet”, with feedback on every criterion, and still at L4", async () => {
    const packet = await packetOf(NOAH);
    expect(packet).toMatchObject({ status: "decided", fromLevel: "L4", targetLevel: "L5" });
    const decision = packet.decision!;
    expect(decision).toMatchObject({ outcome: "not_yet", decidedByName: "Priya Natarajan", newBaseSalary: null, currency: null });
    const monthsAgo = (Date.now() - decision.decidedAt.getTime()) / (30 * 86_400_000);
    expect(monthsAgo).toBeGreaterThan(2);
    expect(monthsAgo).toBeLessThan(6);

    const criteria = targetCriteria(packet.rubric, packet.targetLevel);
    for (const c of criteria) expect(decision.feedback[c.id]?.trim(), c.id).toBeTruthy();
    const band = packet.rubric.bands.levels.L5!.base;
    const minimumRaise = { baseAtSubmission: packet.snapshot!.baseAtSubmission, minRaisePercent: packet.rubric.decision_rules.promotion_pay.min_raise_percent };
    const parsed = promotionDecisionSchema(criteria, band, packet.rubric.bands.currency, minimumRaise).safeParse({ outcome: decision.outcome, rationale: decision.rationale, feedback: decision.feedback });
    expect(parsed.success, parsed.error?.message).toBe(true);

    const builder = await prisma.builder.findUniqueOrThrow({ where: { userId: packet.builder.userId }, include: { levelHistory: true } });
    expect(builder.level).toBe("L4");
    expect(builder.levelHistory.some((h) => h.packetId === packet.id)).toBe(false);
  });

  it("records Lucas Moreau's promotion to L6 with a decided packet linked from his existing history entry", async () => {
    const packet = await packetOf(LUCAS);
    expect(packet).toMatchObject({ status: "decided", fromLevel: "L5", targetLevel: "L6" });
    const decision = packet.decision!;
    expect(decision.outcome).toBe("promoted");
    expect(["Tomás Berg", "Priya Natarajan"]).toContain(decision.decidedByName);
    expect(decision.decidedAt.toISOString().slice(0, 10)).toBe("2025-03-01");
    expect(decision.currency).toBe("USD");
    const band = packet.rubric.bands.levels.L6!.base;
    expect(decision.newBaseSalary).toBeGreaterThanOrEqual(band.min);
    expect(decision.newBaseSalary).toBeLessThanOrEqual(band.max);
    expect(coverageOfEvidence(packet, packet.snapshot!.evidence).summary.ready).toBe(true);
    // A raise of at least the rubric's minimum on the base at submission: no justification needed.
    const minimumRaise = { baseAtSubmission: packet.snapshot!.baseAtSubmission, minRaisePercent: packet.rubric.decision_rules.promotion_pay.min_raise_percent };
    expect(decision.raiseJustification).toBeNull();
    const parsed = promotionDecisionSchema(targetCriteria(packet.rubric, "L6"), band, "USD", minimumRaise).safeParse({
      outcome: decision.outcome,
      rationale: decision.rationale,
      newBaseSalary: String(decision.newBaseSalary),
      feedback: decision.feedback,
    });
    expect(parsed.success, parsed.error?.message).toBe(true);

    const builder = await prisma.builder.findUniqueOrThrow({ where: { userId: packet.builder.userId }, include: { levelHistory: { orderBy: { effectiveAt: "asc" } } } });
    expect(builder).toMatchObject({ level: "L6", baseSalary: 252000, currency: "USD" });
    const linked = builder.levelHistory.filter((h) => h.packetId === packet.id);
    expect(linked).toHaveLength(1);
    expect(linked[0]).toMatchObject({ level: "L6", reason: "promoted" });
    expect(linked[0]!.effectiveAt.toISOString().slice(0, 10)).toBe("2025-03-01");
    expect(builder.levelHistory.map((h) => h.level)).toEqual(["L5", "L6"]);
  });

  it("never gives a builder two history entries for the same promotion, and links only promotions to packets", async () => {
    const builders = await prisma.builder.findMany({ include: { levelHistory: true } });
    for (const b of builders) {
      const promotions = b.levelHistory.filter((h) => h.reason === "promoted").map((h) => h.level);
      expect(new Set(promotions).size, b.userId).toBe(promotions.length);
    }
    const linked = await prisma.levelChange.findMany({ where: { packetId: { not: null } }, include: { packet: { include: { decision: true } } } });
    expect(linked.length).toBeGreaterThan(0);
    for (const change of linked) {
      expect(change.reason).toBe("promoted");
      expect(change.packet!.decision?.outcome).toBe("promoted");
      expect(change.level).toBe(change.packet!.targetLevel);
      expect(change.builderId).toBe(change.packet!.builderId);
    }
    // Every promoted decision is in its builder's history.
    const promoted = await prisma.promotionDecision.findMany({ where: { outcome: "promoted" }, include: { packet: { include: { levelChanges: true } } } });
    for (const d of promoted) expect(d.packet.levelChanges).toHaveLength(1);
  });
});
