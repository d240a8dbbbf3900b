import type { HiringRecommendation, LoopAggregate } from "./aggregation";
import { nextLevel } from "./levels";
import type { Rubric } from "./rubric/schema";
import { hasPermission, type Viewer } from "./permissions";
import type { Recommendation } from "./scorecard/content";
import { canSeePanelOnLoop, owesScorecardsOnLoop, type ViewerOnLoop } from "./scorecard/visibility";

/**
 * Who reads a loop's committee page, and how much of it:
 * - committee: hiring committee members and admins — everything, pay included, and they decide;
 * - panel: interviewers who have submitted all their scorecards on the loop — read-only, no pay;
 * - recruiter: stage completion and the decision's outcome, but no ratings and no pay.
 * Anyone who still owes a scorecard on the loop is at most "recruiter", whatever their roles:
 * a committee member on the panel reads the evidence, and decides, only after submitting.
 */
export type CommitteeAudience = "committee" | "panel" | "recruiter";

export function committeeAudience(viewer: Viewer, onLoop: ViewerOnLoop): CommitteeAudience | null {
  if (hasPermission(viewer.roles, "read:scorecard:any") && !owesScorecardsOnLoop(onLoop)) return "committee";
  if (canSeePanelOnLoop(viewer, onLoop)) return "panel";
  if (hasPermission(viewer.roles, "read:loop:any")) return "recruiter";
  return null;
}

/** Records a loop's hiring decision: the committee (or an admin) who owes no scorecard on it. */
export function canDecideHire(viewer: Viewer, onLoop: ViewerOnLoop): boolean {
  return hasPermission(viewer.roles, "decide:hire:any") && !owesScorecardsOnLoop(onLoop);
}

/** Recommendation values as applicant tracking systems (e.g. Greenhouse) name them. */
export type AtsRecommendation = "DEFINITELY_NO" | "NO" | "YES" | "STRONG_YES" | "NO_DECISION";

export function atsFromInterviewer(value: Recommendation | null): AtsRecommendation {
  switch (value) {
    case "strong_no":
      return "DEFINITELY_NO";
    case "no":
      return "NO";
    case "yes":
      return "YES";
    case "strong_yes":
      return "STRONG_YES";
    default:
      return "NO_DECISION";
  }
}

/** A loop's aggregate recommendation for an ATS: a blocked loop is a definite no. */
export function atsFromAggregate(value: HiringRecommendation, blocked: boolean): AtsRecommendation {
  if (value === "no_hire") return blocked ? "DEFINITELY_NO" : "NO";
  if (value === "hire") return "YES";
  if (value === "strong_hire") return "STRONG_YES";
  return "NO_DECISION";
}


export type CompetencyChartRow = {
  competencyId: string;
  name: string;
  score: number | null;
  supportedBar: number | null;
  nextBar: number | null;
};

/** Score per competency beside the bars of the supported level and the next one up. */
export function competencyChart(rubric: Rubric, aggregate: LoopAggregate): CompetencyChartRow[] {
  const supported = aggregate.level.supportedLevel;
  const next = aggregate.level.next?.level ?? (supported ? nextLevel(supported) : null);
  const barsAt = (level: string | null) => (level ? rubric.levels.find((l) => l.id === level)?.bars ?? {} : {});
  const supportedBars = barsAt(supported);
  const nextBars = barsAt(next);
  return aggregate.competencies
    .filter((c) => c.count > 0 || c.competencyId in nextBars || c.competencyId in supportedBars)
    .map((c) => ({
      competencyId: c.competencyId,
      name: c.name,
      score: c.score === null ? null : Math.round(c.score * 100) / 100,
      supportedBar: supportedBars[c.competencyId] ?? null,
      nextBar: nextBars[c.competencyId] ?? null,
    }));
}
