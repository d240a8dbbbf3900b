import { Prisma } from "~/generated/prisma/client";
import { prisma } from "./db.server";
import { integerColumn, jsonColumn, jsonObjects } from "./sql-dialect";

/** A loop a person is assigned on, with how far they are there (the independence rule's input). */
export type LoopOwed = { loopId: string; candidateName: string; assignedInterviews: number; submittedScorecards: number };

/**
 * Every loop a person is assigned on, with the interviews they still run there (not cancelled)
 * and their scorecards submitted for those interviews and still theirs: the committee list, its
 * exports and the home leave out the loops where they still owe a scorecard
 * (domain: owesScorecardsOnLoop). One grouped statement; the ORM took five.
 */
function loopsOwedSql(userId: string): Prisma.Sql {
  return Prisma.sql`
    SELECT i."loopId" AS "loopId", c."name" AS "candidateName", COUNT(*) AS "assignedInterviews",
      (SELECT COUNT(*) FROM "Scorecard" s JOIN "Interview" si ON si."id" = s."interviewId"
        WHERE s."interviewerId" = ${userId} AND s."loopId" = i."loopId" AND s."status" = ${"submitted"}
          AND s."interviewerRemovedAt" IS NULL AND si."cancelledAt" IS NULL) AS "submittedScorecards"
    FROM "InterviewAssignment" a
    JOIN "Interview" i ON i."id" = a."interviewId"
    JOIN "Loop" l ON l."id" = i."loopId"
    JOIN "Candidate" c ON c."id" = l."candidateId"
    WHERE a."interviewerId" = ${userId} AND i."cancelledAt" IS NULL
    GROUP BY i."loopId", c."name"`;
}

type Row = { loopId: string; candidateName: string; assignedInterviews: unknown; submittedScorecards: unknown };

const toLoopOwed = (row: Row): LoopOwed => ({
  loopId: row.loopId,
  candidateName: row.candidateName,
  assignedInterviews: integerColumn(row.assignedInterviews),
  submittedScorecards: integerColumn(row.submittedScorecards),
});

export async function loopsOwedBy(userId: string): Promise<LoopOwed[]> {
  const rows = await prisma.$queryRaw<Row[]>(loopsOwedSql(userId));
  return rows.map(toLoopOwed);
}

/** The same loops as one JSON column, for a statement that reads other things beside them (the home). */
export function loopsOwedColumn(userId: string): Prisma.Sql {
  const fields = { loopId: Prisma.sql`g."loopId"`, candidateName: Prisma.sql`g."candidateName"`, assignedInterviews: Prisma.sql`g."assignedInterviews"`, submittedScorecards: Prisma.sql`g."submittedScorecards"` };
  return Prisma.sql`(SELECT ${jsonObjects(fields)} FROM (${loopsOwedSql(userId)}) g)`;
}

export function loopsOwedOf(column: unknown): LoopOwed[] {
  return (jsonColumn<Row[] | null>(column) ?? []).map(toLoopOwed);
}
