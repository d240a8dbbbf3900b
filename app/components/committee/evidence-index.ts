import type { CommitteeEvidence, CommitteeScorecardSummary, CommitteeStage } from "~/views/committee-page";

/** Look-ups the evidence sections share: who wrote a scorecard, what a criterion or a stage is called. */
export type EvidenceIndex = {
  scorecard: (id: string) => CommitteeScorecardSummary | undefined;
  interviewerName: (scorecardId: string) => string;
  criterionName: (criterionId: string, stageId?: string) => string;
  stageName: (stageId: string) => string;
  interviewerNameById: (interviewerId: string) => string;
};

export function evidenceIndex(evidence: CommitteeEvidence, stages: readonly CommitteeStage[]): EvidenceIndex {
  const scorecards = new Map(evidence.scorecards.map((s) => [s.id, s]));
  const people = new Map(evidence.scorecards.map((s) => [s.interviewerId, s.interviewerName]));
  const stageNames = new Map<string, string>([
    ...evidence.scorecards.map((s) => [s.stageId, s.stageName] as const),
    ...stages.map((s) => [s.stageId, s.name] as const),
  ]);
  return {
    scorecard: (id) => scorecards.get(id),
    interviewerName: (id) => scorecards.get(id)?.interviewerName ?? "An interviewer",
    criterionName: (criterionId, stageId) =>
      (evidence.criteria.find((c) => c.id === criterionId && (stageId === undefined || c.stageId === stageId)) ??
        evidence.criteria.find((c) => c.id === criterionId))?.name ?? criterionId,
    stageName: (stageId) => stageNames.get(stageId) ?? stageId,
    interviewerNameById: (id) => people.get(id) ?? "An interviewer",
  };
}
