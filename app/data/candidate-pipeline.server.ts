import { changeRefusalForErased } from "~/domain/candidate-erasure";
import {
  asCandidateStatus,
  CANDIDATE_STATUS_LABELS,
  CLOSED_LOOP_REFUSAL,
  closesLoops,
  loopClosureRefusal,
  loopRefusalForStatus,
  statusAfterDecisions,
  statusChangeRefusal,
  statusVersion,
  type CandidateStatus,
  type CandidateStatusChange,
} from "~/domain/candidate-pipeline";
import { currentDecision } from "~/domain/decision";
import { conflict, locked, notFound, refuse, stale, type WordedRefusal } from "~/domain/refusal";
import type { Prisma } from "~/generated/prisma/client";
import { recordChange, type AuditActor, type PersonActor } from "./audit.server";
import { prisma } from "./db.server";
import { markLoopsChanged } from "./loop-revision.server";
import { cancelUpcomingInterviews } from "./interview-changes.server";

type Tx = Prisma.TransactionClient;

/** A pipeline change, or why it was refused (nothing was written then). */
export type PipelineResult<T = object> = ({ ok: true } & T) | WordedRefusal;

/**
 * A change a closed loop does not take (a new interview, a decision): throws a `locked` refusal,
 * so call it inside the change's transaction and nothing it wrote is kept.
 */
export async function refuseClosedLoop(tx: Tx, loopId: string): Promise<void> {
  const loop = await tx.loop.findUnique({ where: { id: loopId }, select: { closedAt: true } });
  if (loop?.closedAt) refuse(locked(CLOSED_LOOP_REFUSAL));
}

/** Whether a builder record was made from this candidate's hire (onboarding): their status is then fixed. */
function becameBuilder(tx: Tx, candidateId: string): Promise<boolean> {
  return tx.levelChange.count({ where: { hiringDecision: { loop: { candidateId } } } }).then((n) => n > 0);
}

/**
 * Closes every open loop of the candidate with the reason given, each with its audit entry, and
 * marks them changed for the committee list (they leave its queue). Returns the loops closed.
 */
async function closeOpenLoops(tx: Tx, input: { candidateId: string; reason: string; cause: CandidateStatus; actor: AuditActor; now: Date }): Promise<string[]> {
  const open = await tx.loop.findMany({ where: { candidateId: input.candidateId, closedAt: null }, select: { id: true }, orderBy: { createdAt: "asc" } });
  for (const { id } of open) {
    await tx.loop.update({ where: { id }, data: { closedAt: input.now, closeReason: input.reason } });
    await markLoopsChanged(tx, { loopId: id });
    const interviewsCancelled = await cancelUpcomingInterviews(tx, { loopId: id, candidateId: input.candidateId, reason: input.reason, actor: input.actor, now: input.now });
    await recordChange(
      tx,
      input.actor,
      { action: "loop.close", recordType: "loop", recordId: id, candidateId: input.candidateId, reason: input.reason, detail: { cause: `candidate.${input.cause}`, interviewsCancelled } },
      input.now,
    );
  }
  return open.map((l) => l.id);
}

/**
 * A recruiter moves a candidate in the pipeline (domain/candidate-pipeline.ts): refused when the
 * form was read at another status version (someone moved them meanwhile), when they were erased
 * or onboarded, or when the move is not allowed. Rejecting or withdrawing closes their open loops
 * with the same reason, in the same transaction.
 */
export async function changeCandidateStatus(input: {
  candidateId: string;
  change: CandidateStatusChange;
  actor: PersonActor;
  now: Date;
}): Promise<PipelineResult<{ closedLoops: string[] }>> {
  return prisma.$transaction(async (tx) => {
    const stored = await tx.candidate.findUnique({ where: { id: input.candidateId }, select: { status: true, statusChangedAt: true, erasedAt: true } });
    if (!stored) return notFound("No such candidate");
    const erased = changeRefusalForErased(stored);
    if (erased) return locked(erased);
    const from = asCandidateStatus(stored.status);
    if (statusVersion(stored.statusChangedAt) !== input.change.statusChangedAt) {
      return stale(`Someone changed this candidate's status while you had the page open: they are now ${CANDIDATE_STATUS_LABELS[from].toLowerCase()}. Reload the page and choose again.`);
    }
    const to = input.change.status;
    const refusal = statusChangeRefusal({ status: from, erasedAt: stored.erasedAt, becameBuilder: await becameBuilder(tx, input.candidateId) }, to);
    if (refusal) return conflict(refusal);

    // Conditional on the version read, so two changes can never both pass the check above.
    const { count } = await tx.candidate.updateMany({
      where: { id: input.candidateId, statusChangedAt: stored.statusChangedAt },
      data: { status: to, statusReason: input.change.reason, statusChangedAt: input.now },
    });
    if (count === 0) return stale("Someone changed this candidate's status meanwhile. Reload the page and choose again.");
    const closedLoops = closesLoops(to) ? await closeOpenLoops(tx, { candidateId: input.candidateId, reason: input.change.reason, cause: to, actor: input.actor, now: input.now }) : [];
    await recordChange(
      tx,
      input.actor,
      {
        action: "candidate.status",
        recordType: "candidate",
        recordId: input.candidateId,
        candidateId: input.candidateId,
        reason: input.change.reason || undefined,
        detail: { from, to, closedLoops },
      },
      input.now,
    );
    return { ok: true as const, closedLoops };
  });
}

/** Closes one loop with its reason (recruiters and admins, on the loop's page). */
export async function closeLoop(input: { loopId: string; reason: string; actor: PersonActor; now: Date }): Promise<PipelineResult> {
  return prisma.$transaction(async (tx) => {
    const loop = await tx.loop.findUnique({ where: { id: input.loopId }, select: { closedAt: true, candidateId: true, candidate: { select: { erasedAt: true } } } });
    if (!loop) return notFound("No such loop");
    // Its reason is new text about the candidate: an erased candidate's loops take none.
    const erased = changeRefusalForErased(loop.candidate);
    if (erased) return locked(erased);
    const refusal = loopClosureRefusal(loop, "close-loop");
    if (refusal) return conflict(refusal);
    const { count } = await tx.loop.updateMany({ where: { id: input.loopId, closedAt: null }, data: { closedAt: input.now, closeReason: input.reason } });
    if (count === 0) return conflict("This loop is already closed.");
    await markLoopsChanged(tx, { loopId: input.loopId });
    const interviewsCancelled = await cancelUpcomingInterviews(tx, { loopId: input.loopId, candidateId: loop.candidateId, reason: input.reason, actor: input.actor, now: input.now });
    await recordChange(
      tx,
      input.actor,
      { action: "loop.close", recordType: "loop", recordId: input.loopId, candidateId: loop.candidateId, reason: input.reason, detail: { cause: "closed", interviewsCancelled } },
      input.now,
    );
    return { ok: true as const };
  });
}

/**
 * Reopens a closed loop: it is back in the committee list and its interviewers' to-do lists, and
 * takes interviews and decisions again. Refused while the candidate is rejected, withdrawn or
 * hired (set them back to active first) and for an erased candidate.
 */
export async function reopenLoop(input: { loopId: string; actor: PersonActor; now: Date }): Promise<PipelineResult> {
  return prisma.$transaction(async (tx) => {
    const loop = await tx.loop.findUnique({
      where: { id: input.loopId },
      select: { closedAt: true, candidateId: true, candidate: { select: { erasedAt: true, status: true } } },
    });
    if (!loop) return notFound("No such loop");
    const erased = changeRefusalForErased(loop.candidate);
    if (erased) return locked(erased);
    const refusal = loopClosureRefusal(loop, "reopen-loop") ?? loopRefusalForStatus(asCandidateStatus(loop.candidate.status));
    if (refusal) return conflict(refusal);
    const { count } = await tx.loop.updateMany({ where: { id: input.loopId, closedAt: loop.closedAt }, data: { closedAt: null, closeReason: null } });
    if (count === 0) return stale("This loop changed meanwhile. Reload the page.");
    await markLoopsChanged(tx, { loopId: input.loopId });
    await recordChange(
      tx,
      input.actor,
      { action: "loop.reopen", recordType: "loop", recordId: input.loopId, candidateId: loop.candidateId, detail: { closedAt: loop.closedAt!.toISOString() } },
      input.now,
    );
    return { ok: true as const };
  });
}

/**
 * After a decision on one of the candidate's loops (inside recordDecision's transaction): a hire
 * in force on any of their loops makes them hired; none left (a hire corrected to no hire) takes
 * "hired" back to active. Audited as a status change by whoever recorded the decision.
 */
export async function followDecisions(tx: Tx, input: { loopId: string; decisionId: string; actor: AuditActor; now: Date }): Promise<void> {
  const { candidateId } = await tx.loop.findUniqueOrThrow({ where: { id: input.loopId }, select: { candidateId: true } });
  const candidate = await tx.candidate.findUniqueOrThrow({ where: { id: candidateId }, select: { status: true, erasedAt: true } });
  if (candidate.erasedAt) return;
  const entries = await tx.hiringDecision.findMany({ where: { loop: { candidateId } }, select: { id: true, loopId: true, outcome: true, correctsId: true, decidedAt: true } });
  const loops = new Map<string, typeof entries>();
  for (const e of entries) loops.set(e.loopId, [...(loops.get(e.loopId) ?? []), e]);
  const hireInForce = [...loops.values()].some((list) => currentDecision(list)?.outcome === "hire");
  const from = asCandidateStatus(candidate.status);
  const to = statusAfterDecisions({ status: from, becameBuilder: await becameBuilder(tx, candidateId) }, hireInForce);
  if (!to) return;
  await tx.candidate.update({ where: { id: candidateId }, data: { status: to, statusReason: "", statusChangedAt: input.now } });
  await recordChange(
    tx,
    input.actor,
    { action: "candidate.status", recordType: "candidate", recordId: candidateId, candidateId, detail: { from, to, cause: "decision", decisionId: input.decisionId } },
    input.now,
  );
}

/** Onboarding a hire (inside its transaction): the candidate is hired, whatever an older record said. */
export async function markOnboarded(tx: Tx, input: { candidateId: string; actor: AuditActor; now: Date }): Promise<void> {
  const candidate = await tx.candidate.findUniqueOrThrow({ where: { id: input.candidateId }, select: { status: true } });
  const from = asCandidateStatus(candidate.status);
  if (from === "hired") return;
  await tx.candidate.update({ where: { id: input.candidateId }, data: { status: "hired", statusReason: "", statusChangedAt: input.now } });
  await recordChange(
    tx,
    input.actor,
    { action: "candidate.status", recordType: "candidate", recordId: input.candidateId, candidateId: input.candidateId, detail: { from, to: "hired", cause: "onboarded" } },
    input.now,
  );
}

export type PipelineFacts = { status: CandidateStatus; statusReason: string; statusChangedAt: Date | null; becameBuilder: boolean };

/** The candidate's pipeline facts for their page. */
export async function pipelineFacts(candidateId: string): Promise<PipelineFacts | null> {
  const row = await prisma.candidate.findUnique({ where: { id: candidateId }, select: { status: true, statusReason: true, statusChangedAt: true } });
  if (!row) return null;
  return { status: asCandidateStatus(row.status), statusReason: row.statusReason, statusChangedAt: row.statusChangedAt, becameBuilder: await becameBuilder(prisma, candidateId) };
}
