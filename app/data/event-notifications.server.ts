import { loopProgress, type InterviewState } from "~/domain/loop";
import type { NotificationEvent } from "~/domain/notifications/events";
import { hasPermission } from "~/domain/permissions";
import { isRole } from "~/domain/roles";
import type { Prisma } from "~/generated/prisma/client";
import { loopSummaryIn } from "./loops.server";
import { notify, type Recipient } from "./notifications.server";

/**
 * Who hears of each change, decided here and called by the data functions of the changes inside
 * their own transactions (the outbox pattern: the notification commits with the change or not at
 * all). Everyone notified is an active account (a deactivated one hears nothing) and never the
 * person who made the change: nobody is told about what they just did.
 */
type Tx = Prisma.TransactionClient;

const person = { id: true, name: true, email: true } as const;

/** The people given, active, without the actor, each once, in name order. */
async function activeRecipients(tx: Tx, ids: ReadonlyArray<string | null | undefined>, actorId: string | null): Promise<Recipient[]> {
  const wanted = [...new Set(ids.filter((id): id is string => typeof id === "string" && id !== actorId))];
  if (wanted.length === 0) return [];
  return tx.user.findMany({ where: { id: { in: wanted }, deactivatedAt: null }, select: person, orderBy: [{ name: "asc" }, { id: "asc" }] });
}

/** Everyone active who holds a role, without the actor. */
async function holdersOf(tx: Tx, role: string, actorId: string | null): Promise<Recipient[]> {
  return tx.user.findMany({
    where: { deactivatedAt: null, roles: { some: { role } }, ...(actorId ? { id: { not: actorId } } : {}) },
    select: person,
    orderBy: [{ name: "asc" }, { id: "asc" }],
  });
}

async function send(tx: Tx, event: NotificationEvent, recipients: Recipient[], now: Date): Promise<number> {
  if (recipients.length === 0) return 0;
  await notify(tx, { event, recipients, now });
  return recipients.length;
}

// ---- Hiring --------------------------------------------------------------------------------

function owesOnLoop(interviews: readonly InterviewState[], userId: string): boolean {
  return interviews.some((i) => !i.cancelledAt && i.interviewerIds.includes(userId) && i.scorecards[userId] !== "submitted");
}

/**
 * "loop.ready", after a scorecard was submitted in `tx`: when that submission is what completed the
 * loop (every stage has the scorecards it needs, and it did not before), every active hiring
 * committee member hears the loop is ready, except the submitter and anyone who still owes a
 * scorecard on it (the committee page keeps them out until they submit). Nothing for a loop that
 * is closed or already decided. An amendment or a further scorecard on a complete loop is not a
 * new completion, so the committee hears of a loop once. Returns how many were notified.
 */
export async function notifyLoopReady(tx: Tx, input: { loopId: string; interviewId: string; interviewerId: string; actorId: string | null; now: Date }): Promise<number> {
  const loop = await loopSummaryIn(tx, input.loopId);
  if (!loop) return 0;
  const state = await tx.loop.findUniqueOrThrow({ where: { id: input.loopId }, select: { closedAt: true, _count: { select: { decisions: true } } } });
  if (state.closedAt || state._count.decisions > 0) return 0;
  const rules = loop.rubric.decision_rules.scorecards_per_stage;
  const after = loopProgress(loop.rubric.stages, rules, loop.interviews, input.now).complete;
  if (!after) return 0;
  // The same loop just before this submission: the scorecard still a draft.
  const before = loop.interviews.map((i) => (i.id === input.interviewId ? { ...i, scorecards: { ...i.scorecards, [input.interviewerId]: "draft" as const } } : i));
  if (loopProgress(loop.rubric.stages, rules, before, input.now).complete) return 0;
  const committee = (await holdersOf(tx, "hiring_committee", input.actorId)).filter((p) => !owesOnLoop(loop.interviews, p.id));
  return send(tx, { kind: "loop.ready", loopId: input.loopId }, committee, input.now);
}

/**
 * "loop.decided", after a hiring decision (or its correction) was recorded in `tx`: the recruiter
 * who runs the loop (its creator, while they may still open loops) and the interviewers who
 * submitted a scorecard on it (their part is done; the loop page shows them the outcome, never the
 * pay). Not the decider, and not interviewers who still owe one.
 */
export async function notifyLoopDecided(tx: Tx, input: { loopId: string; actorId: string | null; now: Date }): Promise<number> {
  const loop = await tx.loop.findUniqueOrThrow({
    where: { id: input.loopId },
    select: { createdBy: { select: { id: true, roles: { select: { role: true } } } } },
  });
  const creatorRoles = loop.createdBy.roles.map((r) => r.role).filter(isRole);
  const creator = hasPermission(creatorRoles, "read:loop:any") ? loop.createdBy.id : null;
  const submitted = await tx.scorecard.findMany({ where: { loopId: input.loopId, status: "submitted", interviewerRemovedAt: null }, select: { interviewerId: true } });
  const recipients = await activeRecipients(tx, [creator, ...submitted.map((s) => s.interviewerId)], input.actorId);
  return send(tx, { kind: "loop.decided", loopId: input.loopId }, recipients, input.now);
}

// ---- Promotions ----------------------------------------------------------------------------

async function packetFacts(tx: Tx, packetId: string) {
  const packet = await tx.promotionPacket.findUniqueOrThrow({
    where: { id: packetId },
    select: { targetLevel: true, builderId: true, builder: { select: { managerId: true, user: { select: { name: true } } } } },
  });
  return { builderId: packet.builderId, managerId: packet.builder.managerId, builderName: packet.builder.user.name, targetLevel: packet.targetLevel };
}

/**
 * A packet's step, in `tx`: "packet.submitted" reaches the promotion committee (not the builder,
 * should they sit on it); "packet.in_review" and "packet.decided" reach the builder and their manager.
 */
export async function notifyPacketStep(tx: Tx, input: { kind: "packet.submitted" | "packet.in_review" | "packet.decided"; packetId: string; actorId: string | null; now: Date }): Promise<number> {
  const facts = await packetFacts(tx, input.packetId);
  const event = { kind: input.kind, packetId: input.packetId, builderName: facts.builderName, targetLevel: facts.targetLevel };
  const recipients =
    input.kind === "packet.submitted"
      ? (await holdersOf(tx, "promotion_committee", input.actorId)).filter((p) => p.id !== facts.builderId)
      : await activeRecipients(tx, [facts.builderId, facts.managerId], input.actorId);
  return send(tx, event, recipients, input.now);
}

/** "peer.requested", in `tx`: the peer just invited to write statements on a packet. */
export async function notifyPeerRequested(tx: Tx, input: { packetId: string; peerId: string; actorId: string; now: Date }): Promise<number> {
  const facts = await packetFacts(tx, input.packetId);
  const actor = await tx.user.findUniqueOrThrow({ where: { id: input.actorId }, select: { name: true } });
  const recipients = await activeRecipients(tx, [input.peerId], input.actorId);
  return send(tx, { kind: "peer.requested", packetId: input.packetId, builderName: facts.builderName, requestedBy: actor.name }, recipients, input.now);
}

// ---- Projects ------------------------------------------------------------------------------

/** "project.prd_awaiting_approval", in `tx`: the project's approver, when its PRD waits for them (submitted, or handed to them). */
export async function notifyPrdAwaitingApproval(tx: Tx, input: { projectId: string; actorId: string | null; now: Date }): Promise<number> {
  const project = await tx.project.findUniqueOrThrow({ where: { id: input.projectId }, select: { title: true, status: true, approverId: true, owner: { select: { name: true } } } });
  if (project.status !== "submitted") return 0;
  const recipients = await activeRecipients(tx, [project.approverId], input.actorId);
  return send(tx, { kind: "project.prd_awaiting_approval", projectId: input.projectId, projectTitle: project.title, ownerName: project.owner.name }, recipients, input.now);
}
