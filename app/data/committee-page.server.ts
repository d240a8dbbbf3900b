import type { CommitteeAudience } from "~/domain/committee";
import type { LoopRating } from "~/domain/rater-quality";
import { Prisma } from "~/generated/prisma/client";
import type { CommitteeRecords } from "~/views/committee-page";
import { seesEvidence } from "~/views/committee-pay";
import type { CommitteeScorecard } from "./committee.server";
import { prisma } from "./db.server";
import { decisionsColumn, decisionsFrom, submittedScorecardColumns, submittedScorecardsFrom } from "./loop-evidence.server";
import { interviewStates, type LoopDetail } from "./loops.server";
import { panelLeniencyAt, panelRevisionsFrom, panelRevisionsSql } from "./panel-leniency.server";
import { jsonColumn, jsonObjects } from "./sql-dialect";

/** Text in the database's order (binary). */
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The loop's ratings for loopAgreement, from its submitted scorecards (in loopRatings' order: criterion, interviewer, scorecard). */
function ratingsOf(scorecards: readonly CommitteeScorecard[]): LoopRating[] {
  return scorecards
    .flatMap((s) => s.ratings.map((r) => ({ scorecardId: s.id, interviewerId: s.interviewerId, criterionId: r.criterionId, rating: r.rating })))
    .sort((a, b) => byText(a.criterionId, b.criterionId) || byText(a.interviewerId, b.interviewerId) || byText(a.scorecardId, b.scorecardId))
    .map(({ interviewerId, criterionId, rating }) => ({ interviewerId, criterionId, rating }));
}

/**
 * What the committee page of a loop is built from, for one audience, in one statement after the
 * access check (which read the loop): its decisions and, for audiences that see the evidence (a
 * recruiter's page never reads it), its submitted scorecards with their ratings, flags and
 * signals, and the panel revision of each interviewer who submitted (panel-leniency.server.ts).
 * The ratings are read once: the aggregate, the chart and the agreement derive from them. The
 * panel's leniency is a second statement only when some interviewer's loops changed since it
 * was last computed.
 */
export async function readCommitteePage(loop: LoopDetail, audience: CommitteeAudience): Promise<CommitteeRecords> {
  const evidence = seesEvidence(audience);
  const panel = Prisma.sql`SELECT mine."interviewerId" FROM "Scorecard" mine WHERE mine."loopId" = ${loop.id} AND mine."status" = 'submitted'`;
  const rows = await prisma.$queryRaw<Array<Record<string, unknown>>>`
    SELECT ${decisionsColumn(loop.id)}
    ${
      evidence
        ? Prisma.sql`, ${submittedScorecardColumns(loop.id)},
          (SELECT ${jsonObjects({ interviewerId: Prisma.sql`p."interviewerId"`, revision: Prisma.sql`p."revision"` })}
            FROM (${panelRevisionsSql(panel)}) p) AS "panelRevisions"`
        : Prisma.empty
    }`;
  const row = rows[0]!;
  const records = {
    loop: {
      id: loop.id,
      candidate: loop.candidate,
      targetLevel: loop.targetLevel,
      createdAt: loop.createdAt,
      rubricVersion: loop.rubricVersion,
      rubric: loop.rubric,
      interviews: interviewStates(loop),
    },
    decisions: decisionsFrom(row.decisions),
  };
  if (!evidence) return { ...records, evidence: null };

  const scorecards = submittedScorecardsFrom(row as { scorecards: unknown; ratings: unknown; redFlags: unknown; signals: unknown });
  const revisions = panelRevisionsFrom(jsonColumn<Array<{ interviewerId: string; revision: unknown }> | null>(row.panelRevisions) ?? []);
  return { ...records, evidence: { scorecards, ratings: ratingsOf(scorecards), leniency: await panelLeniencyAt(revisions) } };
}
