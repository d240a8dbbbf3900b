import type { CommitteeAudience } from "~/domain/committee";
import type { CommitteeRecords } from "~/views/committee-page";
import { seesEvidence } from "~/views/committee-pay";
import { listDecisions, submittedScorecards } from "./committee.server";
import { interviewStates, type LoopDetail } from "./loops.server";
import { panelLeniency } from "./panel-leniency.server";
import { loopRatings } from "./rater-quality.server";

/**
 * What the committee page of a loop is built from, for one audience. The loop itself comes from
 * the access check (already read); the scorecards, ratings and leniency only for audiences that
 * see the evidence, so a recruiter's page never reads them.
 */
export async function readCommitteePage(loop: LoopDetail, audience: CommitteeAudience): Promise<CommitteeRecords> {
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
    decisions: await listDecisions([loop.id]),
  };
  if (!seesEvidence(audience)) return { ...records, evidence: null };

  const scorecards = await submittedScorecards(loop.id);
  const interviewerIds = [...new Set(scorecards.map((s) => s.interviewerId))];
  const [ratings, leniency] = await Promise.all([loopRatings(loop.id), panelLeniency(interviewerIds)]);
  return { ...records, evidence: { scorecards, ratings, leniency } };
}
