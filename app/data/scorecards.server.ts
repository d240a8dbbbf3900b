import type { ScorecardContent } from "~/domain/scorecard/content";
import type { SubmittedContent } from "~/domain/scorecard/schema";
import type { ViewerOnLoop } from "~/domain/scorecard/visibility";
import type { Prisma } from "~/generated/prisma/client";
import { prisma } from "./db.server";
import { markLoopsChanged } from "./loop-revision.server";
import { asStatus } from "./loops.server";

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
  draftSavedAt: Date | null;
  submittedAt: Date | null;
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
    draftSavedAt: row.draftSavedAt,
    submittedAt: row.submittedAt,
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

/** The interviewer's scorecard for an interview, created empty on first use. */
export async function openScorecard(
  interview: { id: string; loopId: string; stageId: string },
  interviewerId: string,
  now: Date,
): Promise<ScorecardRecord> {
  const row = await prisma.scorecard.upsert({
    where: { interviewId_interviewerId: { interviewId: interview.id, interviewerId } },
    create: { interviewId: interview.id, interviewerId, loopId: interview.loopId, stageId: interview.stageId, status: "draft", createdAt: now },
    update: {},
    include,
  });
  return toRecord(row);
}

export type InterviewForScorecard = { id: string; loopId: string; stageId: string; startsAt: Date; durationMinutes: number; interviewerIds: string[] };

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
  };
}

/** Saves a draft; false when the scorecard is no longer a draft (it was submitted meanwhile). */
export async function saveDraft(id: string, content: ScorecardContent, now: Date): Promise<boolean> {
  const { count } = await prisma.scorecard.updateMany({
    where: { id, status: "draft" },
    data: { draft: JSON.stringify(content), draftSavedAt: now },
  });
  return count === 1;
}

type Tx = Prisma.TransactionClient;
type ScorecardKeys = { id: string; loopId: string; stageId: string; interviewerId: string };

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
 * Submits (locks) a draft: revision 1 plus the rows aggregation reads, in one transaction.
 * False when it was already submitted; nothing is written then.
 */
export async function submitScorecard(
  scorecard: ScorecardKeys,
  content: SubmittedContent,
  competencyOf: (criterionId: string) => string,
  now: Date,
): Promise<boolean> {
  return prisma.$transaction(async (tx) => {
    const locked = await tx.scorecard.updateMany({
      where: { id: scorecard.id, status: "draft" },
      data: {
        status: "submitted",
        submittedAt: now,
        draft: JSON.stringify(content),
        draftSavedAt: now,
        recommendation: content.recommendation,
        takeaways: content.takeaways.trim(),
      },
    });
    if (locked.count === 0) return false;
    await tx.scorecardRevision.create({
      data: { scorecardId: scorecard.id, number: 1, content: JSON.stringify(content), authorId: scorecard.interviewerId, createdAt: now },
    });
    await writeCurrentRows(tx, scorecard, content, competencyOf);
    await markLoopsChanged(tx, { loopId: scorecard.loopId });
    return true;
  });
}

/** An amendment: the next revision, with its reason; the current rows are replaced. */
export async function amendScorecard(
  scorecard: ScorecardKeys,
  content: SubmittedContent,
  reason: string,
  authorId: string,
  competencyOf: (criterionId: string) => string,
  now: Date,
): Promise<number> {
  return prisma.$transaction(async (tx) => {
    const last = await tx.scorecardRevision.findFirst({ where: { scorecardId: scorecard.id }, orderBy: { number: "desc" } });
    const number = (last?.number ?? 0) + 1;
    await tx.scorecardRevision.create({
      data: { scorecardId: scorecard.id, number, content: JSON.stringify(content), reason: reason.trim(), authorId, createdAt: now },
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
    return number;
  });
}

/** How far a person is with their own scorecards on a loop (for the independence rule). */
export async function viewerOnLoop(loopId: string, userId: string): Promise<ViewerOnLoop> {
  const [assignedInterviews, submittedScorecards] = await Promise.all([
    prisma.interviewAssignment.count({ where: { interviewerId: userId, interview: { loopId } } }),
    prisma.scorecard.count({ where: { interviewerId: userId, loopId, status: "submitted" } }),
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
