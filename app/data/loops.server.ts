import type { AssignedInterview as HomeAssignedInterview } from "~/views/home-page";
import { changeRefusalForErased } from "~/domain/candidate-erasure";
import { asCandidateStatus, loopRefusalForStatus } from "~/domain/candidate-pipeline";
import type { InterviewState } from "~/domain/loop";
import { conflict, locked, refuse } from "~/domain/refusal";
import type { Rubric } from "~/domain/rubric/schema";
import type { Prisma } from "~/generated/prisma/client";
import { recordChange, type AuditActor, type PersonActor } from "./audit.server";
import { prisma } from "./db.server";
import { markLoopsChanged } from "./loop-revision.server";
import { refuseClosedLoop } from "./candidate-pipeline.server";
import { interviewInvitation, notify } from "./notifications.server";
import { findCurrentVersion, rubricFromContent, rubricsByHash } from "./rubrics.server";
import { asStatus, readLoopDetail, type LoopDetail, type LoopPerson } from "./loop-detail.server";

export type { LoopDetail, LoopInterview, LoopPerson } from "./loop-detail.server";
export { asStatus };

/** A loop with its candidate, pinned rubric, interviews, interviewers and scorecards: one statement (loop-detail.server.ts). */
export async function findLoop(id: string): Promise<LoopDetail | null> {
  return readLoopDetail(id);
}

/** The loop's interviews in the shape the loop rules (domain/loop.ts) read. */
export function interviewStates(loop: Pick<LoopDetail, "interviews">): InterviewState[] {
  return loop.interviews.map((i) => ({
    id: i.id,
    stageId: i.stageId,
    startsAt: i.startsAt,
    durationMinutes: i.durationMinutes,
    interviewerIds: i.interviewers.map((p) => p.id),
    scorecards: Object.fromEntries(i.scorecards.map((s) => [s.interviewerId, s.status])),
    cancelledAt: i.cancelledAt,
  }));
}

/** Whose loop it is: every audit entry about a loop, its interviews, scorecards and decisions names the candidate. */
/**
 * The candidate whose loop changes, read inside the change's transaction. Every change on a loop
 * (interviews, scorecards, decisions) goes through here, so an erased candidate's loops take no
 * new text about them: a `locked` refusal (thrown, so nothing is written).
 */
export async function candidateOfLoop(tx: Prisma.TransactionClient, loopId: string): Promise<string> {
  const loop = await tx.loop.findUniqueOrThrow({ where: { id: loopId }, select: { candidateId: true, candidate: { select: { erasedAt: true } } } });
  const refusal = changeRefusalForErased(loop.candidate);
  if (refusal) refuse(locked(refusal));
  return loop.candidateId;
}

/**
 * Creates a candidate's loop pinned to the track's current rubric version, and marks that
 * version as used (from now on it is immutable), in one transaction with its audit entry.
 */
export async function createLoop(input: {
  candidateId: string;
  track: string;
  targetLevel: string;
  actor: PersonActor;
  now: Date;
}): Promise<string> {
  const version = await findCurrentVersion(input.track);
  // The form offers only tracks in service: this is a version withdrawn since the form was read.
  if (!version) refuse(conflict(`The ${input.track} track has no rubric version in service.`));
  const loop = await prisma.$transaction(async (tx) => {
    // An erased candidate takes no new loop (it would collect new data about them).
    const candidate = await tx.candidate.findUnique({ where: { id: input.candidateId }, select: { erasedAt: true, status: true } });
    // Nor does a rejected, withdrawn or hired one (domain/candidate-pipeline.ts).
    const erased = candidate ? changeRefusalForErased(candidate) : null;
    if (erased) refuse(locked(erased));
    const refusal = candidate ? loopRefusalForStatus(asCandidateStatus(candidate.status)) : null;
    if (refusal) refuse(conflict(refusal));
    const created = await tx.loop.create({
      data: {
        candidateId: input.candidateId,
        rubricVersionId: version.id,
        targetLevel: input.targetLevel,
        createdById: input.actor.userId,
        createdAt: input.now,
      },
    });
    await tx.rubricVersion.updateMany({ where: { id: version.id, firstUsedAt: null }, data: { firstUsedAt: input.now } });
    await markLoopsChanged(tx, { loopId: created.id });
    await recordChange(
      tx,
      input.actor,
      {
        action: "loop.create",
        recordType: "loop",
        recordId: created.id,
        candidateId: input.candidateId,
        detail: { track: version.track, version: version.version, targetLevel: input.targetLevel },
      },
      input.now,
    );
    return created;
  });
  return loop.id;
}

/** Schedules an interview on a loop and assigns its interviewers, with its audit entry. */
export async function addInterview(input: {
  loopId: string;
  stageId: string;
  startsAt: Date;
  durationMinutes: number;
  interviewerIds: string[];
  actor: AuditActor;
  now: Date;
}): Promise<string> {
  // The stage's name for the interviewers' notifications, read before the write transaction.
  const pinned = await prisma.loop.findUnique({ where: { id: input.loopId }, select: { rubricVersion: { select: { id: true, contentHash: true } } } });
  const rubric = pinned ? (await rubricsByHash([pinned.rubricVersion])).get(pinned.rubricVersion.contentHash) : undefined;
  const stageName = rubric?.stages.find((stage) => stage.id === input.stageId)?.name ?? input.stageId;
  return prisma.$transaction(async (tx) => {
    const candidateId = await candidateOfLoop(tx, input.loopId);
    await refuseClosedLoop(tx, input.loopId);
    const interview = await tx.interview.create({
      data: {
        loopId: input.loopId,
        stageId: input.stageId,
        startsAt: input.startsAt,
        durationMinutes: input.durationMinutes,
        createdAt: input.now,
        assignments: { create: input.interviewerIds.map((interviewerId) => ({ interviewerId })) },
      },
    });
    await markLoopsChanged(tx, { loopId: input.loopId });
    await recordChange(
      tx,
      input.actor,
      {
        action: "interview.add",
        recordType: "interview",
        recordId: interview.id,
        candidateId,
        detail: { loopId: input.loopId, stageId: input.stageId, startsAt: input.startsAt.toISOString(), interviewerIds: input.interviewerIds },
      },
      input.now,
    );
    // Each interviewer hears of it (inbox, and email with a calendar invitation), in this transaction.
    const interviewers = await tx.user.findMany({ where: { id: { in: input.interviewerIds } }, select: { id: true, name: true, email: true }, orderBy: { name: "asc" } });
    const organizer = input.actor.userId ? await tx.user.findUnique({ where: { id: input.actor.userId }, select: { name: true, email: true } }) : null;
    const event = { kind: "interview.assigned" as const, interviewId: interview.id, stageName, startsAt: input.startsAt, durationMinutes: input.durationMinutes };
    await notify(tx, {
      event,
      recipients: interviewers,
      ics: interviewInvitation({ ...event, attendees: interviewers, organizer, now: input.now }),
      now: input.now,
    });
    return interview.id;
  });
}

export type LoopSummary = {
  id: string;
  candidateId: string;
  candidateName: string;
  targetLevel: string;
  rubricVersionId: string;
  track: string;
  version: number;
  createdAt: Date;
  rubric: Rubric;
  interviews: InterviewState[];
  /** A closed loop leaves the committee's queue and the to-do lists. */
  closedAt: Date | null;
  closeReason: string | null;
};

const summaryInclude = {
  candidate: { select: { name: true } },
  rubricVersion: { select: { id: true, track: true, version: true, contentHash: true } },
  interviews: {
    include: { assignments: { select: { interviewerId: true } }, scorecards: { select: { interviewerId: true, status: true } } },
  },
} as const;

type SummaryRow = Awaited<ReturnType<typeof prisma.loop.findMany<{ include: typeof summaryInclude }>>>[number];

function toSummary(row: SummaryRow, rubrics: Map<string, Rubric>): LoopSummary {
  return {
    id: row.id,
    candidateId: row.candidateId,
    candidateName: row.candidate.name,
    targetLevel: row.targetLevel,
    rubricVersionId: row.rubricVersionId,
    track: row.rubricVersion.track,
    version: row.rubricVersion.version,
    createdAt: row.createdAt,
    rubric: rubrics.get(row.rubricVersion.contentHash)!,
    closedAt: row.closedAt,
    closeReason: row.closeReason,
    interviews: row.interviews.map((i) => ({
      id: i.id,
      stageId: i.stageId,
      startsAt: i.startsAt,
      durationMinutes: i.durationMinutes,
      interviewerIds: i.assignments.map((a) => a.interviewerId),
      scorecards: Object.fromEntries(i.scorecards.map((s) => [s.interviewerId, asStatus(s.status)])),
      cancelledAt: i.cancelledAt,
    })),
  };
}

export async function listLoopsForCandidate(candidateId: string): Promise<LoopSummary[]> {
  const rows = await prisma.loop.findMany({ where: { candidateId }, include: summaryInclude, orderBy: { createdAt: "desc" } });
  const rubrics = await rubricsByHash(rows.map((r) => r.rubricVersion));
  return rows.map((r) => toSummary(r, rubrics));
}

/** Every loop, newest first, or only the loops named (at most 999: SQLite's parameter limit). */
export async function listLoops(ids?: readonly string[]): Promise<LoopSummary[]> {
  const rows = await prisma.loop.findMany({ where: ids ? { id: { in: [...ids] } } : {}, include: summaryInclude, orderBy: { createdAt: "desc" } });
  const rubrics = await rubricsByHash(rows.map((r) => r.rubricVersion));
  return rows.map((r) => toSummary(r, rubrics));
}

/** One loop as the committee reads it, inside a transaction (the "loop ready" check after a submission). */
export async function loopSummaryIn(tx: Prisma.TransactionClient, loopId: string): Promise<LoopSummary | null> {
  const row = await tx.loop.findUnique({ where: { id: loopId }, include: { ...summaryInclude, rubricVersion: { select: { ...summaryInclude.rubricVersion.select, content: true } } } });
  if (!row) return null;
  return toSummary(row, new Map([[row.rubricVersion.contentHash, rubricFromContent(row.rubricVersion.contentHash, row.rubricVersion.content)]]));
}

/** Everyone active who holds the interviewer role, for assigning interviews (a deactivated account is never offered). */
export async function listInterviewers(): Promise<LoopPerson[]> {
  return prisma.user.findMany({
    where: { deactivatedAt: null, roles: { some: { role: "interviewer" } } },
    select: { id: true, name: true, email: true },
    orderBy: { name: "asc" },
  });
}

export async function namesOf(ids: readonly string[]): Promise<Map<string, string>> {
  const users = await prisma.user.findMany({ where: { id: { in: [...new Set(ids)] } }, select: { id: true, name: true } });
  return new Map(users.map((u) => [u.id, u.name]));
}

/** An interview on an interviewer's list: the interviewer home's record. */
export type AssignedInterview = HomeAssignedInterview;

/** Every interview an interviewer is assigned to (a cancelled one leaves the list), with their scorecard's state. */
export async function listAssignedInterviews(interviewerId: string): Promise<AssignedInterview[]> {
  const rows = await prisma.interviewAssignment.findMany({
    // A cancelled interview, or one of a closed loop, is no longer on anyone's to-do list.
    where: { interviewerId, interview: { cancelledAt: null, loop: { closedAt: null } } },
    include: {
      interview: {
        include: {
          loop: { include: { candidate: { select: { name: true } }, rubricVersion: { select: { id: true, contentHash: true } } } },
          scorecards: { where: { interviewerId }, select: { id: true, status: true, draftSavedAt: true } },
        },
      },
    },
    orderBy: { interview: { startsAt: "asc" } },
  });
  const rubrics = await rubricsByHash(rows.map((r) => r.interview.loop.rubricVersion));
  return rows.map(({ interview }) => {
    const rubric = rubrics.get(interview.loop.rubricVersion.contentHash)!;
    const scorecard = interview.scorecards[0];
    return {
      interviewId: interview.id,
      loopId: interview.loopId,
      candidateName: interview.loop.candidate.name,
      stageId: interview.stageId,
      stageName: rubric.stages.find((s) => s.id === interview.stageId)?.name ?? interview.stageId,
      startsAt: interview.startsAt,
      durationMinutes: interview.durationMinutes,
      dueHours: rubric.decision_rules.scorecard_due_hours,
      scorecard: scorecard ? { id: scorecard.id, status: asStatus(scorecard.status), draftSavedAt: scorecard.draftSavedAt } : null,
    };
  });
}

