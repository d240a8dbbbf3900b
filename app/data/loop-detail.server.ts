import type { Rubric } from "~/domain/rubric/schema";
import type { ViewerOnLoop } from "~/domain/scorecard/visibility";
import { Prisma } from "~/generated/prisma/client";
import { prisma } from "./db.server";
import { rubricsByHash } from "./rubrics.server";
import { columnsOf } from "./sql-columns";
import { dateColumn, integerColumn, jsonColumn, jsonObjects } from "./sql-dialect";

export type LoopPerson = { id: string; name: string; email: string };

export type LoopInterview = {
  id: string;
  stageId: string;
  startsAt: Date;
  durationMinutes: number;
  /** The calendar invitations' SEQUENCE, and the version a change form names (interview-changes). */
  sequence: number;
  cancelledAt: Date | null;
  cancelReason: string | null;
  interviewers: LoopPerson[];
  /** Every scorecard written for it, those of interviewers taken off it too (marked: interviewerRemovedAt). */
  scorecards: Array<{ id: string; interviewerId: string; interviewerName: string; status: "draft" | "submitted"; interviewerRemovedAt: Date | null }>;
};

export type LoopDetail = {
  id: string;
  // No contact data: a loop is read by its interviewers, who may not see the candidate's.
  candidate: { id: string; name: string };
  targetLevel: string;
  createdAt: Date;
  rubricVersion: { id: string; track: string; version: number; name: string };
  rubric: Rubric;
  interviews: LoopInterview[];
  /** Set while the loop is closed (domain/candidate-pipeline.ts), with the reason given. */
  closedAt: Date | null;
  closeReason: string | null;
};

export function asStatus(status: string): "draft" | "submitted" {
  return status === "submitted" ? "submitted" : "draft";
}

type LoopRow = {
  id: string;
  targetLevel: string;
  createdAt: unknown;
  closedAt: unknown;
  closeReason: string | null;
  candidateId: string;
  candidateName: string;
  versionId: string;
  track: string;
  version: unknown;
  versionName: string;
  contentHash: string;
  interviews: unknown;
  interviewers: unknown;
  scorecards: unknown;
};
type InterviewJson = { id: string; stageId: string; startsAt: string; durationMinutes: number; sequence: number; cancelledAt: string | null; cancelReason: string | null; createdAt: string };
type InterviewerJson = { interviewId: string; id: string; name: string; email: string };
type ScorecardJson = { interviewId: string; id: string; interviewerId: string; interviewerName: string; status: string; interviewerRemovedAt: string | null };

/** Text in the database's order (binary), as the ORM's ORDER BY gave it. */
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * A loop with its candidate, pinned rubric version, interviews, their interviewers and every
 * scorecard written for them, in one statement (the ORM took nine): the loop's interviews, their
 * interviewers and their scorecards each come as one JSON array, put together here. The rubric's
 * content is read once per version and process, not with every loop (rubricsByHash).
 */
export async function readLoopDetail(id: string): Promise<LoopDetail | null> {
  const rows = await prisma.$queryRaw<LoopRow[]>`
    SELECT l."id", l."targetLevel", l."createdAt", l."closedAt", l."closeReason",
      c."id" AS "candidateId", c."name" AS "candidateName",
      v."id" AS "versionId", v."track", v."version", v."name" AS "versionName", v."contentHash",
      (SELECT ${jsonObjects(columnsOf("i", ["id", "stageId", "startsAt", "durationMinutes", "sequence", "cancelledAt", "cancelReason", "createdAt"]))}
        FROM "Interview" i WHERE i."loopId" = l."id") AS "interviews",
      (SELECT ${jsonObjects({ ...columnsOf("a", ["interviewId"]), ...columnsOf("u", ["id", "name", "email"]) })}
        FROM "InterviewAssignment" a JOIN "Interview" i ON i."id" = a."interviewId" JOIN "User" u ON u."id" = a."interviewerId"
        WHERE i."loopId" = l."id") AS "interviewers",
      (SELECT ${jsonObjects({ ...columnsOf("s", ["interviewId", "id", "interviewerId", "status", "interviewerRemovedAt"]), interviewerName: Prisma.sql`u."name"` })}
        FROM "Scorecard" s JOIN "Interview" i ON i."id" = s."interviewId" JOIN "User" u ON u."id" = s."interviewerId"
        WHERE i."loopId" = l."id") AS "scorecards"
    FROM "Loop" l
    JOIN "Candidate" c ON c."id" = l."candidateId"
    JOIN "RubricVersion" v ON v."id" = l."rubricVersionId"
    WHERE l."id" = ${id}`;
  const row = rows[0];
  if (!row) return null;
  const rubrics = await rubricsByHash([{ id: row.versionId, contentHash: row.contentHash }]);

  // Interviewers by name, scorecards by interviewer (as the ORM read them), interviews by start.
  const interviewers = (jsonColumn<InterviewerJson[] | null>(row.interviewers) ?? []).sort((a, b) => byText(a.name, b.name) || byText(a.id, b.id));
  const scorecards = (jsonColumn<ScorecardJson[] | null>(row.scorecards) ?? []).sort((a, b) => byText(a.interviewerId, b.interviewerId));
  const interviews = (jsonColumn<InterviewJson[] | null>(row.interviews) ?? [])
    .map((i) => ({ ...i, startsAt: dateColumn(i.startsAt)!, createdAt: dateColumn(i.createdAt)! }))
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || a.createdAt.getTime() - b.createdAt.getTime() || byText(a.id, b.id));
  return {
    id: row.id,
    candidate: { id: row.candidateId, name: row.candidateName },
    targetLevel: row.targetLevel,
    createdAt: dateColumn(row.createdAt)!,
    rubricVersion: { id: row.versionId, track: row.track, version: integerColumn(row.version), name: row.versionName },
    rubric: rubrics.get(row.contentHash)!,
    closedAt: dateColumn(row.closedAt),
    closeReason: row.closeReason,
    interviews: interviews.map((i) => ({
      id: i.id,
      stageId: i.stageId,
      startsAt: i.startsAt,
      durationMinutes: integerColumn(i.durationMinutes),
      sequence: integerColumn(i.sequence),
      cancelledAt: dateColumn(i.cancelledAt),
      cancelReason: i.cancelReason,
      interviewers: interviewers.filter((p) => p.interviewId === i.id).map((p) => ({ id: p.id, name: p.name, email: p.email })),
      scorecards: scorecards
        .filter((s) => s.interviewId === i.id)
        .map((s) => ({
          id: s.id,
          interviewerId: s.interviewerId,
          interviewerName: s.interviewerName,
          status: asStatus(s.status),
          interviewerRemovedAt: dateColumn(s.interviewerRemovedAt),
        })),
    })),
  };
}

/**
 * How far a person is on a loop (the independence rule's input), from the loop as read: the
 * interviews they run that are not cancelled, and their scorecards submitted for those interviews
 * and still theirs (not taken off the interview since). The same as counting in the database
 * (scorecards.server.ts viewerOnLoop), without another statement.
 */
export function viewerOnLoopDetail(loop: Pick<LoopDetail, "interviews">, userId: string): ViewerOnLoop {
  const running = loop.interviews.filter((i) => i.cancelledAt === null);
  return {
    assignedInterviews: running.filter((i) => i.interviewers.some((p) => p.id === userId)).length,
    submittedScorecards: running.flatMap((i) => i.scorecards).filter((s) => s.interviewerId === userId && s.status === "submitted" && s.interviewerRemovedAt === null).length,
  };
}
