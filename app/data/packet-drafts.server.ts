import type { AssessmentInput, EvidenceInput, PacketSummaryInput, StatementInput } from "~/domain/promotion/forms";
import { peerInvitationRefusal } from "~/domain/promotion/readiness";
import { PACKET_STATUS_LABELS, isPacketStatus } from "~/domain/promotion/workflow";
import { conflict, forbidden, invalidField, locked, notFound as missing, stale, type Invalid, type WordedRefusal } from "~/domain/refusal";
import { formatInstant } from "~/domain/time-format";
import type { Prisma } from "~/generated/prisma/client";
import { recordChange, type PersonActor } from "./audit.server";
import { prisma } from "./db.server";
import { notifyPeerRequested } from "./event-notifications.server";
import { evidenceInclude, toEvidenceView, type AssessmentView, type EvidenceView } from "./packets.server";

/**
 * Edits of a draft packet. Each runs in one transaction that first checks the packet is still a
 * draft, and each edit of something that exists names the version it was based on: the write only
 * happens if that is still the current version (`updateMany … where version = n`), so two people
 * saving at once never overwrite each other silently. The loser gets `stale` with what is there now.
 * A write that happens records itself in the audit trail in the same transaction; a refusal
 * (domain/refusal.ts: locked, stale, not found, forbidden, conflict) records nothing.
 */
type Tx = Prisma.TransactionClient;

/** Why an edit did not happen: a refusal, or a field the server checks against the database (a cited project), answered 400 beside the field. */
export type Refusal = WordedRefusal | Invalid;
/** Refused because someone saved first: `current` is their version. */
export type Stale<T> = WordedRefusal<T> & { reason: "stale"; current: T };

const notFound = (what: string): Refusal => missing(`${what} no longer exists: reload the page.`);
const staleWith = <T>(message: string, current: T): Stale<T> => ({ ...stale(message, current), reason: "stale", current });

/** Null when the packet is a draft; otherwise why it cannot be edited. */
async function draftRefusal(tx: Tx, packetId: string): Promise<Refusal | null> {
  const packet = await tx.promotionPacket.findUnique({ where: { id: packetId }, select: { status: true } });
  if (!packet) return notFound("This packet");
  if (packet.status !== "draft") {
    const label = isPacketStatus(packet.status) ? PACKET_STATUS_LABELS[packet.status].toLowerCase() : packet.status;
    return locked(`This packet is ${label}: its submitted snapshot can no longer be edited.`);
  }
  return null;
}

async function touch(tx: Tx, packetId: string, actorId: string, now: Date) {
  await tx.promotionPacket.update({ where: { id: packetId }, data: { updatedAt: now, updatedById: actorId } });
}

/** The audit entry of an edit that happened: about the packet, for the builder whose packet it is. */
async function recordPacketEdit(tx: Tx, actor: PersonActor, packetId: string, action: string, detail: Record<string, unknown>, now: Date) {
  const { builderId } = await tx.promotionPacket.findUniqueOrThrow({ where: { id: packetId }, select: { builderId: true } });
  await recordChange(tx, actor, { action, recordType: "packet", recordId: packetId, subjectUserId: builderId, detail }, now);
}

// The server does not know the reader's zone: its messages name UTC, written as pages write moments (the page also shows the time beside them, in the reader's zone).
const when = (d: Date) => formatInstant(d, "UTC");

export type SummaryNow = { summary: string; version: number; updatedByName: string; updatedAt: Date };

export async function saveSummary(
  packetId: string,
  input: PacketSummaryInput,
  actor: PersonActor,
  now: Date,
): Promise<{ ok: true; version: number } | Refusal | Stale<SummaryNow>> {
  return prisma.$transaction(async (tx) => {
    const refusal = await draftRefusal(tx, packetId);
    if (refusal) return refusal;
    const { count } = await tx.promotionPacket.updateMany({
      where: { id: packetId, version: input.version },
      data: { summary: input.summary, version: { increment: 1 }, updatedAt: now, updatedById: actor.userId },
    });
    if (count === 1) {
      await recordPacketEdit(tx, actor, packetId, "packet.summary_save", { version: input.version + 1 }, now);
      return { ok: true as const, version: input.version + 1 };
    }
    const current = await tx.promotionPacket.findUniqueOrThrow({ where: { id: packetId }, select: { summary: true, version: true, updatedAt: true, updatedBy: { select: { name: true } } } });
    return staleWith(
      `${current.updatedBy.name} saved the summary at ${when(current.updatedAt)}, after you opened it. Their version is shown below; your text is still in the box. Save again to replace theirs.`,
      { summary: current.summary, version: current.version, updatedByName: current.updatedBy.name, updatedAt: current.updatedAt },
    );
  });
}

const utcDate = (d: string) => new Date(`${d}T00:00:00Z`);

/** An evidence item's columns as the app stores them (the demo seed writes the same). */
export function evidenceData(input: EvidenceInput) {
  return {
    title: input.title,
    description: input.description,
    impact: input.impact,
    links: JSON.stringify(input.links),
    startDate: utcDate(input.startDate),
    endDate: input.endDate ? utcDate(input.endDate) : null,
    projectId: input.projectId ?? null,
  };
}

/**
 * Null when the item may cite `projectId` (none, or one of the packet's builder's own projects
 * that has launched); otherwise the field error, answered with 400.
 */
async function citationRefusal(tx: Tx, packetId: string, projectId: string | null): Promise<Refusal | null> {
  if (!projectId) return null;
  const [packet, project] = await Promise.all([
    tx.promotionPacket.findUniqueOrThrow({ where: { id: packetId }, select: { builderId: true } }),
    tx.project.findUnique({ where: { id: projectId }, select: { ownerId: true, launchedAt: true } }),
  ]);
  const refuse = (message: string): Refusal => invalidField("projectId", message);
  if (!project || project.ownerId !== packet.builderId) return refuse("Cite one of the builder's own projects.");
  if (!project.launchedAt) return refuse("Only a project that has launched can be cited: it has no outcome to show yet.");
  return null;
}

/** An evidence item's tags as rows. */
export function tagRows(input: EvidenceInput) {
  return [
    ...input.criteria.map((tagId) => ({ kind: "criterion", tagId })),
    ...input.competencies.map((tagId) => ({ kind: "competency", tagId })),
  ];
}


/** Why an evidence write did not happen: the item is gone, or someone saved a newer version (returned with it). */
async function staleEvidence(
  tx: Tx,
  packetId: string,
  evidenceId: string,
  message: (current: { title: string; updatedAt: Date; updatedBy: { name: string } }) => string,
): Promise<Refusal | Stale<EvidenceView>> {
  const current = await tx.packetEvidence.findFirst({ where: { id: evidenceId, packetId }, include: evidenceInclude });
  if (!current) return notFound("This evidence item");
  return staleWith(message(current), toEvidenceView(current));
}

/** Adds an evidence item, or edits one when `evidenceId` is set (then `version` must be current). */
export async function saveEvidence(
  packetId: string,
  input: EvidenceInput,
  actor: PersonActor,
  now: Date,
): Promise<{ ok: true; evidenceId: string; version: number } | Refusal | Stale<EvidenceView>> {
  const actorId = actor.userId;
  // The facts of the item, never its text: which criteria and competencies it backs, which project it cites.
  const facts = { criteria: input.criteria, competencies: input.competencies, projectId: input.projectId ?? null };
  return prisma.$transaction(async (tx) => {
    const refusal = (await draftRefusal(tx, packetId)) ?? (await citationRefusal(tx, packetId, input.projectId ?? null));
    if (refusal) return refusal;
    if (!input.evidenceId) {
      const created = await tx.packetEvidence.create({
        data: { packetId, ...evidenceData(input), createdAt: now, updatedAt: now, updatedById: actorId, tags: { create: tagRows(input) } },
      });
      await touch(tx, packetId, actorId, now);
      await recordPacketEdit(tx, actor, packetId, "packet.evidence_save", { evidenceId: created.id, created: true, version: created.version, ...facts }, now);
      return { ok: true as const, evidenceId: created.id, version: created.version };
    }
    const { count } = await tx.packetEvidence.updateMany({
      where: { id: input.evidenceId, packetId, version: input.version ?? -1 },
      data: { ...evidenceData(input), version: { increment: 1 }, updatedAt: now, updatedById: actorId },
    });
    if (count === 0) {
      return staleEvidence(tx, packetId, input.evidenceId, (c) => `${c.updatedBy.name} saved “${c.title}” at ${when(c.updatedAt)}, after you opened it. Their version is shown below; your changes are still in the form. Save again to replace theirs.`);
    }
    await tx.evidenceTag.deleteMany({ where: { evidenceId: input.evidenceId } });
    await tx.evidenceTag.createMany({ data: tagRows(input).map((t) => ({ ...t, evidenceId: input.evidenceId! })) });
    // Only a write that happened marks the packet as changed: a refusal writes nothing at all.
    await touch(tx, packetId, actorId, now);
    const version = (input.version ?? 0) + 1;
    await recordPacketEdit(tx, actor, packetId, "packet.evidence_save", { evidenceId: input.evidenceId, created: false, version, ...facts }, now);
    return { ok: true as const, evidenceId: input.evidenceId, version };
  });
}

export async function deleteEvidence(
  packetId: string,
  input: { evidenceId: string; version: number },
  actor: PersonActor,
  now: Date,
): Promise<{ ok: true } | Refusal | Stale<EvidenceView>> {
  return prisma.$transaction(async (tx) => {
    const refusal = await draftRefusal(tx, packetId);
    if (refusal) return refusal;
    const { count } = await tx.packetEvidence.deleteMany({ where: { id: input.evidenceId, packetId, version: input.version } });
    if (count === 0) {
      return staleEvidence(tx, packetId, input.evidenceId, (c) => `${c.updatedBy.name} changed “${c.title}” at ${when(c.updatedAt)}, after you opened it: read their version before removing it.`);
    }
    await touch(tx, packetId, actor.userId, now);
    await recordPacketEdit(tx, actor, packetId, "packet.evidence_delete", { evidenceId: input.evidenceId, version: input.version }, now);
    return { ok: true as const };
  });
}

/** Records or edits the manager's assessment of one criterion (`version` 0 = there was none). */
export async function saveAssessment(
  packetId: string,
  input: AssessmentInput,
  actor: PersonActor,
  now: Date,
): Promise<{ ok: true; version: number } | Refusal | Stale<AssessmentView>> {
  const actorId = actor.userId;
  return prisma.$transaction(async (tx) => {
    const refusal = await draftRefusal(tx, packetId);
    if (refusal) return refusal;
    const key = { packetId_criterionId: { packetId, criterionId: input.criterionId } };
    const existing = await tx.managerAssessment.findUnique({ where: key, include: { author: { select: { name: true } } } });
    if ((existing?.version ?? 0) !== input.version) {
      if (!existing) return notFound("This assessment");
      return staleWith(
        `${existing.author.name} saved this assessment at ${when(existing.updatedAt)}, after you opened it. Their version is shown below; yours is still in the form. Save again to replace it.`,
        { criterionId: existing.criterionId, rating: existing.rating, comment: existing.comment, version: existing.version, authorName: existing.author.name, updatedAt: existing.updatedAt },
      );
    }
    const fields = { rating: input.rating, comment: input.comment, authorId: actorId, updatedAt: now };
    const saved = existing
      ? await tx.managerAssessment.update({ where: key, data: { ...fields, version: { increment: 1 } } })
      : await tx.managerAssessment.create({ data: { packetId, criterionId: input.criterionId, ...fields } });
    await touch(tx, packetId, actorId, now);
    // The criterion, not the rating or comment: what the manager thinks of the builder stays in the packet.
    await recordPacketEdit(tx, actor, packetId, "packet.assessment_save", { criterionId: input.criterionId, version: saved.version }, now);
    return { ok: true as const, version: saved.version };
  });
}

export async function invitePeer(packetId: string, peerId: string, actor: PersonActor, now: Date): Promise<{ ok: true } | Refusal> {
  return prisma.$transaction(async (tx) => {
    const refusal = await draftRefusal(tx, packetId);
    if (refusal) return refusal;
    const packet = await tx.promotionPacket.findUniqueOrThrow({ where: { id: packetId }, select: { builderId: true, builder: { select: { managerId: true } } } });
    if (peerId === packet.builderId || peerId === packet.builder.managerId) {
      return forbidden("Peers are people other than the builder and their manager.");
    }
    const notReady = peerInvitationRefusal(await tx.packetEvidence.count({ where: { packetId } }));
    if (notReady) return conflict(notReady);
    // A deactivated account is no one to invite.
    const peer = await tx.user.findFirst({ where: { id: peerId, deactivatedAt: null }, select: { id: true } });
    if (!peer) return notFound("This person");
    const key = { packetId_peerId: { packetId, peerId } };
    // Inviting someone already invited changes nothing, so it records nothing.
    if (await tx.peerInvitation.findUnique({ where: key, select: { peerId: true } })) return { ok: true as const };
    await tx.peerInvitation.upsert({
      where: key,
      create: { packetId, peerId, invitedById: actor.userId, invitedAt: now },
      update: {},
    });
    await recordChange(tx, actor, { action: "packet.peer_invite", recordType: "packet", recordId: packetId, subjectUserId: packet.builderId, detail: { peerId } }, now);
    await notifyPeerRequested(tx, { packetId, peerId, actorId: actor.userId, now });
    return { ok: true as const };
  });
}

/** Withdraws an invitation; the peer's statements go with it. */
export async function removePeer(packetId: string, peerId: string, actor: PersonActor, now: Date): Promise<{ ok: true } | Refusal> {
  return prisma.$transaction(async (tx) => {
    const refusal = await draftRefusal(tx, packetId);
    if (refusal) return refusal;
    const invited = await tx.peerInvitation.findUnique({ where: { packetId_peerId: { packetId, peerId } }, select: { peerId: true } });
    if (!invited) return notFound("This invitation");
    const statements = await tx.peerStatement.deleteMany({ where: { packetId, authorId: peerId } });
    await tx.peerInvitation.deleteMany({ where: { packetId, peerId } });
    await recordPacketEdit(tx, actor, packetId, "packet.peer_remove", { peerId, statementsRemoved: statements.count }, now);
    return { ok: true as const };
  });
}

/** A peer's statement on one evidence item: one per peer and item, rewritten by its author. */
export async function saveStatement(packetId: string, input: StatementInput, author: PersonActor, now: Date): Promise<{ ok: true } | Refusal> {
  const authorId = author.userId;
  return prisma.$transaction(async (tx) => {
    const refusal = await draftRefusal(tx, packetId);
    if (refusal) return refusal;
    const evidence = await tx.packetEvidence.findFirst({ where: { id: input.evidenceId, packetId }, select: { id: true } });
    if (!evidence) return notFound("This evidence item");
    const key = { evidenceId_authorId: { evidenceId: input.evidenceId, authorId } };
    const existed = (await tx.peerStatement.count({ where: key.evidenceId_authorId })) === 1;
    await tx.peerStatement.upsert({
      where: key,
      create: { packetId, evidenceId: input.evidenceId, authorId, text: input.text, createdAt: now, updatedAt: now },
      update: { text: input.text, updatedAt: now },
    });
    await recordPacketEdit(tx, author, packetId, "packet.statement_save", { evidenceId: input.evidenceId, created: !existed }, now);
    return { ok: true as const };
  });
}
