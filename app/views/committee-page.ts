import { aggregateLoop, type LoopAggregate, type SubmittedScorecard } from "~/domain/aggregation";
import { competencyChart, type CommitteeAudience, type CompetencyChartRow } from "~/domain/committee";
import { currentDecision, type DecisionOutcome } from "~/domain/decision";
import type { DecisionOverride, DecisionSituation } from "~/domain/decision-overrides";
import { isLevel, type Level } from "~/domain/levels";
import { loopProgress, type InterviewState, type StageProgress } from "~/domain/loop";
import { loopAgreement, type LoopAgreement, type LoopRating, type RaterLeniency } from "~/domain/rater-quality";
import type { Rubric } from "~/domain/rubric/schema";
import type { Recommendation } from "~/domain/scorecard/content";
import { aggregateWithoutPay, decisionWithoutPay, seesEvidence, seesPay } from "./committee-pay";

/*
 * The committee page of a loop, from plain records to exactly what one audience receives
 * (who sees what: committee-pay.ts). Single fetch carries Dates as Dates, so this type is also
 * what the page's components receive.
 */

// ---- What the page is built from ----

export type CommitteeLoopRecord = {
  id: string;
  candidate: { id: string; name: string };
  targetLevel: string;
  createdAt: Date;
  rubricVersion: { id: string; track: string; version: number; name: string };
  rubric: Rubric;
  interviews: readonly InterviewState[];
};

export type CommitteeDecisionRecord = {
  id: string;
  loopId: string;
  outcome: DecisionOutcome;
  level: string | null;
  baseSalary: number | null;
  currency: string | null;
  bandJustification: string | null;
  rationale: string;
  overrides: DecisionOverride[];
  overrideJustification: string | null;
  decidedById: string;
  decidedByName: string;
  decidedAt: Date;
  correctsId: string | null;
};

/** A submitted scorecard; `interviewerRemoved`: taken off the interview afterwards (it still counts). */
export type CommitteeScorecardRecord = SubmittedScorecard & { interviewerName: string; submittedAt: Date | null; interviewerRemoved: boolean };

export type CommitteeRecords = {
  loop: CommitteeLoopRecord;
  /** Every decision on the loop, oldest first. */
  decisions: readonly CommitteeDecisionRecord[];
  /** Read only for audiences that see the evidence; null for the others. */
  evidence: { scorecards: readonly CommitteeScorecardRecord[]; ratings: readonly LoopRating[]; leniency: RaterLeniency[] } | null;
};

export type CommitteeViewer = {
  audience: CommitteeAudience;
  /** The reader interviews on the loop and has not submitted all their scorecards yet. */
  owesScorecards: boolean;
  canDecide: boolean;
  now: Date;
};

// ---- What the page receives ----

export type CommitteeStage = StageProgress & { name: string };
export type CommitteeAggregate = Omit<LoopAggregate, "band">;
export type CommitteeScorecardSummary = {
  id: string;
  interviewerId: string;
  interviewerName: string;
  stageId: string;
  stageName: string;
  recommendation: Recommendation | null;
  submittedAt: Date | null;
  interviewerRemoved: boolean;
};

export type CommitteeEvidence = {
  aggregate: CommitteeAggregate;
  rules: { disagreementSpread: number; minRatings: number };
  chart: CompetencyChartRow[];
  scorecards: CommitteeScorecardSummary[];
  criteria: Array<{ id: string; name: string; competencyId: string; stageId: string }>;
  agreement: LoopAgreement;
  leniency: RaterLeniency[];
  decisions: Array<Omit<CommitteeDecisionRecord, "baseSalary" | "bandJustification" | "currency">>;
};

export type CommitteePay = {
  band: LoopAggregate["band"];
  bands: Rubric["bands"];
  decisions: CommitteeDecisionRecord[];
  currentDecisionId: string | null;
  canDecide: boolean;
  situation: DecisionSituation;
};

export type CommitteePageView = {
  audience: CommitteeAudience;
  owesScorecards: boolean;
  loop: {
    id: string;
    candidate: { id: string; name: string };
    targetLevel: string;
    rubricVersion: { id: string; track: string; version: number; name: string };
    createdAt: Date;
  };
  stages: CommitteeStage[];
  complete: boolean;
  decision: { outcome: DecisionOutcome; level: string | null; decidedByName: string; decidedAt: Date } | null;
  /** Null for recruiters. */
  evidence: CommitteeEvidence | null;
  /** Null for everyone but the committee. */
  pay: CommitteePay | null;
};

// ---- The view ----

/** Where the loop stands for a decision: stages complete and the aggregate's recommendation. */
function situationOf(stages: readonly StageProgress[], aggregate: LoopAggregate): DecisionSituation {
  return { stagesComplete: stages.filter((s) => s.status === "complete").length, stagesTotal: stages.length, recommendation: aggregate.recommendation.value };
}

/** The level the loop is assessed against; an unknown one (an old or hand-edited row) reads as L4. */
function targetLevelOf(loop: Pick<CommitteeLoopRecord, "targetLevel">): Level {
  return isLevel(loop.targetLevel) ? loop.targetLevel : "L4";
}

/** What a decision is checked against now (the decision form's action, and the page's pay part). */
export function decisionSituation(
  loop: Pick<CommitteeLoopRecord, "rubric" | "targetLevel" | "interviews">,
  scorecards: readonly SubmittedScorecard[],
  now: Date,
): DecisionSituation {
  const progress = loopProgress(loop.rubric.stages, loop.rubric.decision_rules.scorecards_per_stage, loop.interviews, now);
  return situationOf(progress.stages, aggregateLoop(loop.rubric, targetLevelOf(loop), scorecards));
}

export function committeePageView(records: CommitteeRecords, viewer: CommitteeViewer): CommitteePageView {
  const { loop, decisions } = records;
  const { audience } = viewer;
  const rubric = loop.rubric;
  const progress = loopProgress(rubric.stages, rubric.decision_rules.scorecards_per_stage, loop.interviews, viewer.now);
  const current = currentDecision(decisions);
  const stageName = (id: string) => rubric.stages.find((s) => s.id === id)?.name ?? id;

  const base = {
    audience,
    owesScorecards: viewer.owesScorecards,
    loop: {
      id: loop.id,
      candidate: { id: loop.candidate.id, name: loop.candidate.name },
      targetLevel: loop.targetLevel,
      rubricVersion: { id: loop.rubricVersion.id, track: loop.rubricVersion.track, version: loop.rubricVersion.version, name: loop.rubricVersion.name },
      createdAt: loop.createdAt,
    },
    stages: progress.stages.map((s) => ({ ...s, name: stageName(s.stageId) })),
    complete: progress.complete,
    decision: current ? { outcome: current.outcome, level: current.level, decidedByName: current.decidedByName, decidedAt: current.decidedAt } : null,
  };
  if (!seesEvidence(audience)) return { ...base, evidence: null, pay: null };
  if (!records.evidence) throw new Error(`The committee page for the ${audience} needs the loop's evidence records.`);

  const { scorecards, ratings, leniency } = records.evidence;
  const aggregate = aggregateLoop(rubric, targetLevelOf(loop), scorecards);
  const stageOrder = (id: string) => rubric.stages.findIndex((x) => x.id === id);
  const evidence: CommitteeEvidence = {
    aggregate: aggregateWithoutPay(aggregate),
    rules: {
      disagreementSpread: rubric.decision_rules.disagreement_spread,
      minRatings: rubric.decision_rules.min_ratings_per_competency,
    },
    chart: competencyChart(rubric, aggregate),
    scorecards: scorecards
      .map((s) => ({ id: s.id, interviewerId: s.interviewerId, interviewerName: s.interviewerName, stageId: s.stageId, stageName: stageName(s.stageId), recommendation: s.recommendation, submittedAt: s.submittedAt, interviewerRemoved: s.interviewerRemoved }))
      .sort((a, b) => stageOrder(a.stageId) - stageOrder(b.stageId) || a.interviewerName.localeCompare(b.interviewerName)),
    criteria: rubric.stages.flatMap((s) => s.criteria.map((c) => ({ id: c.id, name: c.name, competencyId: c.competency, stageId: s.id }))),
    agreement: loopAgreement(ratings),
    leniency,
    decisions: decisions.map(decisionWithoutPay),
  };
  if (!seesPay(audience)) return { ...base, evidence, pay: null };

  return {
    ...base,
    evidence,
    pay: {
      band: aggregate.band,
      bands: rubric.bands,
      decisions: [...decisions],
      currentDecisionId: current?.id ?? null,
      canDecide: viewer.canDecide,
      situation: situationOf(progress.stages, aggregate),
    },
  };
}
