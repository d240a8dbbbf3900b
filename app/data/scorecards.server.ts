import { stale, type Refusal, type WordedRefusal } from "~/domain/refusal";
import type { ScorecardContent } from "~/domain/scorecard/content";
import { amendedMeanwhileMessage } from "~/domain/scorecard/draft-save";
import type { SubmittedContent } from "~/domain/scorecard/schema";
import type { ViewerOnLoop } from "~/domain/scorecard/visibility";
import type { Prisma } from "~/generated/prisma/client";
import { prisma } from "./db.server";
import { recordChange, type AuditActor, type AuditRecord, type PersonActor } from "./audit.server";
import { notifyLoopReady } from "./event-notifications.server";
import { markLoopsChanged } from "./loop-revision.server";
import { asStatus, candidateOfLoop } from "./loops.server";

export type ScorecardRevisionView = {
  number: number;
  content: ScorecardContent;
  reason: string | null;
  authorName: string;
  createdAt: Date;
};

export type ScorecardRecord = {
  id: string;
  interviewId: string;
  interviewerId: string;
  interviewerName: string;
  loopId: string;
  stageId: string;
  status: "draft" | "submitted";
  draft: Partial<ScorecardContent>;
  /** Rises with every draft save (and the submission): a save names the version it was based on. */
  draftVersion: number;
  draftSavedAt: Date | null;
  submittedAt: Date | null;
  /** Set when its interviewer was taken off the interview: kept, shown marked, no longer theirs to change. */
  interviewerRemovedAt: Date | null;
  revisions: ScorecardRevisionView[];
};

const include = {
  interviewer: { select: { name: true } },
  revisions: { orderBy: { number: "asc" }, include: { author: { select: { name: true } } } },
} as const;

type Row = Prisma.ScorecardGetPayload<{ include: typeof include }>;

function toRecord(row: Row): ScorecardRecord {
  return {
    id: row.id,
    interviewId: row.interviewId,
    interviewerId: row.interviewerId,
    interviewerName: row.interviewer.name,
    loopId: row.loopId,
    stageId: row.stageId,
    status: asStatus(row.status),
    draft: JSON.parse(row.draft) as Partial<ScorecardContent>,
    draftVersion: row.draftVersion,
    draftSavedAt: row.draftSavedAt,
    submittedAt: row.submittedAt,
    interviewerRemovedAt: row.interviewerRemovedAt,
    revisions: row.revisions.map((r) => ({
      number: r.number,
      content: JSON.parse(r.content) as ScorecardContent,
      reason: r.reason,
      authorName: r.author.name,
      createdAt: r.createdAt,
    })),
  };
}

export async function findScorecard(id: string): Promise<ScorecardRecord | null> {
  const row = await prisma.scorecard.findUnique({ where: { id }, include });
  return row ? toRecord(row) : null;
}

export async function findScorecardFor(interviewId: string, interviewerId: string): Promise<ScorecardRecord | null> {
  const row = await prisma.scorecard.findUnique({ where: { interviewId_interviewerId: { interviewId, interviewerId } }, include });
  return row ? toRecord(row) : null;
}

/** The interviewer's scorecard for an interview, created empty on first use (that creation is audited). */
export async function openScorecard(
  interview: { id: string; loopId: string; stageId: string },
  interviewerId: string,
  actor: AuditActor,
  now: Date,
): Promise<ScorecardRecord> {
  const where = { interviewId_interviewerId: { interviewId: interview.id, interviewerId } };
  // Most calls find it already open: a plain read, no write transaction.
  const found = await prisma.scorecard.findUnique({ where, include });
  if (found) return toRecord(found);
  return prisma.$transaction(async (tx) => {
    const existing = await tx.scorecard.findUnique({ where, include });
    if (existing) return toRecord(existing);
    const row = await tx.scorecard.create({
      data: { interviewId: interview.id, interviewerId, loopId: interview.loopId, stageId: interview.stageId, status: "draft", createdAt: now },
      include,
    });
    await recordScorecardChange(tx, actor, row, "scorecard.open", { interviewId: interview.id, stageId: interview.stageId, interviewerId }, null, now);
    return toRecord(row);
  });
}

export type InterviewForScorecard = {
  id: string;
  loopId: string;
  stageId: string;
  startsAt: Date;
  durationMinutes: number;
  interviewerIds: string[];
  sequence: number;
  cancelledAt: Date | null;
  cancelReason: string | null;
};

export async function findInterview(id: string): Promise<InterviewForScorecard | null> {
  const row = await prisma.interview.findUnique({ where: { id }, include: { assignments: { select: { interviewerId: true } } } });
  if (!row) return null;
  return {
    id: row.id,
    loopId: row.loopId,
    stageId: row.stageId,
    startsAt: row.startsAt,
    durationMinutes: row.durationMinutes,
    interviewerIds: row.assignments.map((a) => a.interviewerId),
    sequence: row.sequence,
    cancelledAt: row.cancelledAt,
    cancelReason: row.cancelReason,
  };
}

/** The stored draft as it is now: what a stale save is told about. */
export type StoredDraft = { version: number; draft: Partial<ScorecardContent>; savedAt: Date | null };

/**
 * Why a draft write (a save or the submission) did not happen; nothing was written then. Not
 * worded here: the scorecard page and its autosave word their refusals (domain/scorecard/draft-save.ts).
 */
export type DraftRefusal = Refusal<StoredDraft> & ({ reason: "not_found" | "locked" } | { reason: "stale"; current: StoredDraft });

type Tx = Prisma.TransactionClient;

async function draftRefusal(tx: Tx, id: string): Promise<DraftRefusal> {
  const row = await tx.scorecard.findUnique({ where: { id }, select: { status: true, draft: true, draftVersion: true, draftSavedAt: true, interviewerRemovedAt: true, interview: { select: { cancelledAt: true } } } });
  if (!row) return { ok: false, reason: "not_found" };
  // Submitted, or no longer theirs to write (the interview was cancelled, or they were taken off it, meanwhile).
  if (row.status !== "draft" || row.interviewerRemovedAt !== null || row.interview.cancelledAt !== null) return { ok: false, reason: "locked" };
  return {
    ok: false,
    reason: "stale",
    current: { version: row.draftVersion, draft: JSON.parse(row.draft) as Partial<ScorecardContent>, savedAt: row.draftSavedAt },
  };
}

/**
 * Saves a draft over version `basedOn`, and only over it (`updateMany … where draftVersion`): two
 * tabs saving from the same version never overwrite each other silently; the later one is refused
 * as `stale` with what is stored now. `locked` when it was submitted meanwhile.
 */
export async function saveDraft(id: string, basedOn: number, content: ScorecardContent, actor: AuditActor, now: Date): Promise<{ ok: true; version: number } | DraftRefusal> {
  return prisma.$transaction(async (tx) => {
    const { count } = await tx.scorecard.updateMany({
      // Also refused when the interview was cancelled or its author taken off it since the route checked.
      where: { id, status: "draft", draftVersion: basedOn, interviewerRemovedAt: null, interview: { cancelledAt: null } },
      data: { draft: JSON.stringify(content), draftSavedAt: now, draftVersion: { increment: 1 } },
    });
    if (count !== 1) return draftRefusal(tx, id);
    const { loopId } = await tx.scorecard.findUniqueOrThrow({ where: { id }, select: { loopId: true } });
    await recordScorecardChange(tx, actor, { id, loopId }, "scorecard.draft_save", { version: basedOn + 1 }, null, now);
    return { ok: true as const, version: basedOn + 1 };
  });
}

type ScorecardKeys = { id: string; loopId: string; stageId: string; interviewerId: string };

/**
 * The audit entry of a scorecard change that happened, about the candidate whose loop it is. The
 * detail holds versions and revision numbers, never ratings, evidence or the recommendation.
 */
async function recordScorecardChange(
  tx: Tx,
  actor: AuditActor,
  scorecard: { id: string; loopId: string },
  action: string,
  detail: Record<string, unknown>,
  reason: string | null,
  now: Date,
) {
  const candidateId = await candidateOfLoop(tx, scorecard.loopId);
  await recordChange(tx, actor, { action, recordType: "scorecard", recordId: scorecard.id, candidateId, reason, detail: { loopId: scorecard.loopId, ...detail } }, now);
}

/**
 * Writes the rows aggregation reads (ratings, observed signals, raised red flags) for the
 * current revision. Also used by the demo seed, so seeded scorecards look exactly like real ones.
 */
export async function writeCurrentRows(tx: Pick<Tx, "criterionRating" | "signalObservation" | "redFlagRecord">, scorecard: ScorecardKeys, content: SubmittedContent, competencyOf: (criterionId: string) => string) {
  await tx.criterionRating.createMany({
    data: content.ratings.map((r) => ({
      scorecardId: scorecard.id,
      criterionId: r.criterionId,
      competencyId: competencyOf(r.criterionId),
      rating: r.rating!,
      evidence: r.evidence.trim(),
    })),
  });
  await tx.signalObservation.createMany({
    data: content.signals.filter((s) => s.observed).map((s) => ({ scorecardId: scorecard.id, signalId: s.signalId, note: s.note.trim() })),
  });
  await tx.redFlagRecord.createMany({
    data: content.redFlags.filter((f) => f.raised).map((f) => ({
      scorecardId: scorecard.id,
      flagId: f.flagId,
      loopId: scorecard.loopId,
      stageId: scorecard.stageId,
      interviewerId: scorecard.interviewerId,
      evidence: f.evidence.trim(),
    })),
  });
}

/**
 * Submits (locks) a draft: revision 1 plus the rows aggregation reads, in one transaction. Like a
 * draft save, it happens only over the draft version the submitter's page was based on
 * (`scorecard.draftVersion`); otherwise nothing is written and the refusal says why.
 */
export async function submitScorecard(
  scorecard: ScorecardKeys & { draftVersion: number },
  content: SubmittedContent,
  competencyOf: (criterionId: string) => string,
  actor: AuditActor,
  now: Date,
): Promise<{ ok: true } | DraftRefusal> {
  return prisma.$transaction(async (tx) => {
    const locked = await tx.scorecard.updateMany({
      where: { id: scorecard.id, status: "draft", draftVersion: scorecard.draftVersion, interviewerRemovedAt: null, interview: { cancelledAt: null } },
      data: {
        status: "submitted",
        submittedAt: now,
        draft: JSON.stringify(content),
        draftSavedAt: now,
        draftVersion: { increment: 1 },
        recommendation: content.recommendation,
        takeaways: content.takeaways.trim(),
      },
    });
    if (locked.count === 0) return draftRefusal(tx, scorecard.id);
    await tx.scorecardRevision.create({
      data: { scorecardId: scorecard.id, number: 1, content: JSON.stringify(content), authorId: scorecard.interviewerId, createdAt: now },
    });
    await writeCurrentRows(tx, scorecard, content, competencyOf);
    await markLoopsChanged(tx, { loopId: scorecard.loopId });
    await recordScorecardChange(tx, actor, scorecard, "scorecard.submit", { revision: 1 }, null, now);
    // The submission that completes the loop tells the hiring committee it is ready.
    const { interviewId } = await tx.scorecard.findUniqueOrThrow({ where: { id: scorecard.id }, select: { interviewId: true } });
    await notifyLoopReady(tx, { loopId: scorecard.loopId, interviewId, interviewerId: scorecard.interviewerId, actorId: actor.userId, now });
    return { ok: true as const };
  });
}

/** The newest revision, as a stale amendment is told about it. */
export type AmendedRevision = { number: number; authorName: string; createdAt: Date };
export type AmendResult = { ok: true; number: number } | (WordedRefusal<AmendedRevision> & { current: AmendedRevision });

/**
 * An amendment: the next revision, with its reason; the current rows are replaced. It names the
 * revision it was written over: when someone amended meanwhile (another tab), nothing is written.
 */
export async function amendScorecard(
  scorecard: ScorecardKeys,
  content: SubmittedContent,
  amendment: { reason: string; basedOn: number },
  actor: PersonActor,
  competencyOf: (criterionId: string) => string,
  now: Date,
): Promise<AmendResult> {
  return prisma.$transaction(async (tx) => {
    const last = await tx.scorecardRevision.findFirst({ where: { scorecardId: scorecard.id }, orderBy: { number: "desc" }, include: { author: { select: { name: true } } } });
    const current = last?.number ?? 0;
    if (current !== amendment.basedOn) {
      const newest = { number: current, authorName: last?.author.name ?? "", createdAt: last?.createdAt ?? now };
      return { ...stale(amendedMeanwhileMessage(newest), newest), current: newest };
    }
    const number = current + 1;
    await tx.scorecardRevision.create({
      data: { scorecardId: scorecard.id, number, content: JSON.stringify(content), reason: amendment.reason.trim(), authorId: actor.userId, createdAt: now },
    });
    await tx.scorecard.update({
      where: { id: scorecard.id },
      data: { recommendation: content.recommendation, takeaways: content.takeaways.trim() },
    });
    await tx.criterionRating.deleteMany({ where: { scorecardId: scorecard.id } });
    await tx.signalObservation.deleteMany({ where: { scorecardId: scorecard.id } });
    await tx.redFlagRecord.deleteMany({ where: { scorecardId: scorecard.id } });
    await writeCurrentRows(tx, scorecard, content, competencyOf);
    await markLoopsChanged(tx, { loopId: scorecard.loopId });
    // The amendment's reason is what the amender typed to explain it: it is the entry's reason.
    await recordScorecardChange(tx, actor, scorecard, "scorecard.amend", { revision: number }, amendment.reason.trim(), now);
    return { ok: true as const, number };
  });
}

/**
 * How far a person is with their own scorecards on a loop (for the independence rule). Only the
 * interviews they still run count: not cancelled ones, nor scorecards of interviews they were
 * taken off (else one submitted there would stand in for one still owed elsewhere).
 */
export async function viewerOnLoop(loopId: string, userId: string): Promise<ViewerOnLoop> {
  const [assignedInterviews, submittedScorecards] = await Promise.all([
    prisma.interviewAssignment.count({ where: { interviewerId: userId, interview: { loopId, cancelledAt: null } } }),
    prisma.scorecard.count({ where: { interviewerId: userId, loopId, status: "submitted", interviewerRemovedAt: null, interview: { cancelledAt: null } } }),
  ]);
  return { assignedInterviews, submittedScorecards };
}

export type SubmittedScorecardSummary = {
  id: string;
  interviewId: string;
  stageId: string;
  interviewerId: string;
  interviewerName: string;
  recommendation: string | null;
  submittedAt: Date | null;
  amendments: number;
};

export async function listSubmittedScorecards(loopId: string): Promise<SubmittedScorecardSummary[]> {
  const rows = await prisma.scorecard.findMany({
    where: { loopId, status: "submitted" },
    include: { interviewer: { select: { name: true } }, _count: { select: { revisions: true } } },
    orderBy: { submittedAt: "asc" },
  });
  return rows.map((r) => ({
    id: r.id,
    interviewId: r.interviewId,
    stageId: r.stageId,
    interviewerId: r.interviewerId,
    interviewerName: r.interviewer.name,
    recommendation: r.recommendation,
    submittedAt: r.submittedAt,
    amendments: Math.max(0, r._count.revisions - 1),
  }));
}

/** The audit record of one scorecard shown to someone: its author's own, or another's. */
export function scorecardRead(scorecard: Pick<ScorecardRecord, "id" | "loopId" | "status">, candidateId: string, whose: "own" | "other"): AuditRecord {
  return { action: "scorecard.read", recordType: "scorecard", recordId: scorecard.id, candidateId, detail: { loopId: scorecard.loopId, status: scorecard.status, whose } };
}
