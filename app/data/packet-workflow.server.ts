import { isLevel } from "~/domain/levels";
import type { PromotionDecisionFormInput } from "~/domain/promotion/forms";
import { buildSnapshot, submissionProblems, targetCriteria } from "~/domain/promotion/snapshot";
import { nextLevelFor, OPEN_PACKET_STATUSES } from "~/domain/promotion/workflow";
import { conflict, locked, notFound, stale, type WordedRefusal } from "~/domain/refusal";
import { recordChange, type PersonActor } from "./audit.server";
import { prisma } from "./db.server";
import { notifyPacketStep } from "./event-notifications.server";
import { findPacket } from "./packets.server";
import { findCurrentVersion, rubricFromContent } from "./rubrics.server";

/**
 * A packet's life: opened for the next level, submitted (frozen as a snapshot), reviewed, decided.
 * Every step is one transaction whose first write is conditional on the status it starts from,
 * so two people pressing the same button at once move the packet once. A step that happens
 * records itself in the audit trail in its transaction; a refused one records nothing.
 */
export type StepResult<T = object> = ({ ok: true } & T) | WordedRefusal;

/** The packet opened, or why not: no such builder, or their state does not fit a new packet (conflict). */
export type StartResult = { ok: true; id: string } | WordedRefusal;

/** Opens a packet for the builder's next level, pinned to their rubric version (or the track's current one). */
export async function startPacket(builderId: string, actor: PersonActor, now: Date): Promise<StartResult> {
  const actorId = actor.userId;
  const builder = await prisma.builder.findUnique({ where: { userId: builderId }, select: { level: true, track: true, rubricVersionId: true } });
  if (!builder || !isLevel(builder.level)) return notFound("No such builder.");
  const target = nextLevelFor(builder.level);
  if (!target) return conflict(`${builder.level} is the top of the ladder: there is no level to write a packet for.`);
  const rubricVersionId = builder.rubricVersionId ?? (await findCurrentVersion(builder.track))?.id;
  if (!rubricVersionId) return conflict(`The ${builder.track} track has no rubric version in service.`);
  return prisma.$transaction(async (tx): Promise<StartResult> => {
    const open = await tx.promotionPacket.findFirst({ where: { builderId, status: { in: [...OPEN_PACKET_STATUSES] } }, select: { targetLevel: true } });
    if (open) return conflict(`There is already an open packet for ${open.targetLevel}: finish it before starting another.`);
    const created = await tx.promotionPacket.create({
      data: { builderId, fromLevel: builder.level, targetLevel: target, rubricVersionId, createdById: actorId, createdAt: now, updatedById: actorId, updatedAt: now },
    });
    // The packet pins the version: from now on it cannot change.
    await tx.rubricVersion.updateMany({ where: { id: rubricVersionId, firstUsedAt: null }, data: { firstUsedAt: now } });
    await recordChange(
      tx,
      actor,
      { action: "packet.start", recordType: "packet", recordId: created.id, subjectUserId: builderId, detail: { fromLevel: builder.level, targetLevel: target, rubricVersionId } },
      now,
    );
    return { ok: true as const, id: created.id };
  });
}

/** Freezes the draft as a snapshot the committee reads; nothing edits it afterwards. `name` is the submitter's, frozen with it. */
export async function submitPacket(packetId: string, actor: PersonActor & { name: string }, now: Date): Promise<StepResult> {
  return prisma.$transaction(async (tx) => {
    const packet = await findPacket(packetId, tx);
    if (!packet) return notFound("No such packet.");
    if (packet.status !== "draft") return locked("This packet has already been submitted.");
    const criteria = targetCriteria(packet.rubric, packet.targetLevel);
    const problems = submissionProblems({ summary: packet.summary, evidenceCount: packet.evidence.length, assessedCriteria: packet.assessments.map((a) => a.criterionId) }, criteria);
    if (problems.length > 0) return conflict(`Not ready to submit: ${problems.join(" ")}`);
    const snapshot = buildSnapshot({ ...packet, baseSalary: packet.builder.baseSalary }, actor.name, now);
    const { count } = await tx.promotionPacket.updateMany({
      where: { id: packetId, status: "draft", version: packet.version },
      data: { status: "submitted", snapshot: JSON.stringify(snapshot), submittedAt: now, submittedById: actor.userId, updatedAt: now, updatedById: actor.userId },
    });
    if (count === 0) return stale("The packet changed while you submitted it: reload and submit again.");
    await recordChange(
      tx,
      actor,
      { action: "packet.submit", recordType: "packet", recordId: packetId, subjectUserId: packet.builder.userId, detail: { from: "draft", to: "submitted", evidence: packet.evidence.length } },
      now,
    );
    await notifyPacketStep(tx, { kind: "packet.submitted", packetId, actorId: actor.userId, now });
    return { ok: true as const };
  });
}

export async function startReview(packetId: string, actor: PersonActor, now: Date): Promise<StepResult> {
  return prisma.$transaction(async (tx) => {
    const { count } = await tx.promotionPacket.updateMany({
      where: { id: packetId, status: "submitted" },
      data: { status: "in_review", reviewStartedAt: now, updatedAt: now, updatedById: actor.userId },
    });
    if (count === 0) return conflict("This packet is not waiting for a review: someone may have started it already.");
    const { builderId } = await tx.promotionPacket.findUniqueOrThrow({ where: { id: packetId }, select: { builderId: true } });
    await recordChange(tx, actor, { action: "packet.review_start", recordType: "packet", recordId: packetId, subjectUserId: builderId, detail: { from: "submitted", to: "in_review" } }, now);
    await notifyPacketStep(tx, { kind: "packet.in_review", packetId, actorId: actor.userId, now });
    return { ok: true as const };
  });
}

/** A decision's row: pay only for a promotion, feedback without blank entries (the demo seed writes the same). */
export function decisionRow(input: PromotionDecisionFormInput, at: { packetId: string; currency: string; decidedById: string; decidedAt: Date }) {
  const promoted = input.outcome === "promoted";
  return {
    packetId: at.packetId,
    outcome: input.outcome,
    feedback: JSON.stringify(Object.fromEntries(Object.entries(input.feedback).filter(([, t]) => t))),
    rationale: input.rationale,
    newBaseSalary: promoted ? (input.newBaseSalary ?? null) : null,
    currency: promoted ? at.currency : null,
    bandJustification: promoted && input.bandJustification ? input.bandJustification : null,
    raiseJustification: promoted && input.raiseJustification ? input.raiseJustification : null,
    decidedById: at.decidedById,
    decidedAt: at.decidedAt,
  };
}

/**
 * Records the committee's decision. "Promoted" also moves the builder to the target level, pins
 * them to the packet's rubric version (so its band applies), sets the new base and adds the
 * promotion to their level history.
 */
export async function decidePacket(packetId: string, input: PromotionDecisionFormInput, actor: PersonActor, now: Date): Promise<StepResult> {
  const actorId = actor.userId;
  return prisma.$transaction(async (tx) => {
    const packet = await tx.promotionPacket.findUnique({
      where: { id: packetId },
      select: { builderId: true, fromLevel: true, targetLevel: true, rubricVersionId: true, rubricVersion: { select: { content: true, contentHash: true } }, builder: { select: { level: true } } },
    });
    if (!packet) return notFound("No such packet.");
    const { count } = await tx.promotionPacket.updateMany({ where: { id: packetId, status: "in_review" }, data: { status: "decided", updatedAt: now, updatedById: actorId } });
    if (count === 0) return conflict("This packet is not in review: it may have been decided already.");
    const promoted = input.outcome === "promoted";
    if (promoted && packet.builder.level !== packet.fromLevel) {
      throw new Error(`Packet ${packetId} was written at ${packet.fromLevel} but the builder is now ${packet.builder.level}.`);
    }
    const currency = rubricFromContent(packet.rubricVersion.contentHash, packet.rubricVersion.content).bands.currency;
    await tx.promotionDecision.create({ data: decisionRow(input, { packetId, currency, decidedById: actorId, decidedAt: now }) });
    if (promoted) {
      await tx.builder.update({
        where: { userId: packet.builderId },
        data: { level: packet.targetLevel, rubricVersionId: packet.rubricVersionId, baseSalary: input.newBaseSalary ?? null, currency },
      });
      await tx.levelChange.create({
        data: { builderId: packet.builderId, level: packet.targetLevel, effectiveAt: now, reason: "promoted", packetId, note: input.rationale.split("\n")[0]!.slice(0, 300) },
      });
    }
    // The outcome and the level, not the rationale, feedback or pay: those stay with the decision.
    await recordChange(
      tx,
      actor,
      { action: "packet.decide", recordType: "packet", recordId: packetId, subjectUserId: packet.builderId, detail: { from: "in_review", to: "decided", outcome: input.outcome, level: packet.targetLevel } },
      now,
    );
    // The builder and their manager hear a decision was recorded; the email says nothing of it (nor of pay).
    await notifyPacketStep(tx, { kind: "packet.decided", packetId, actorId, now });
    return { ok: true as const };
  });
}
