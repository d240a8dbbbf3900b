import type { Rubric } from "../rubric/schema";

/**
 * What a scorecard holds, as the form edits it and as each revision stores it. One rating row
 * per criterion of the stage, one row per signal and per red flag of the rubric, in the rubric's
 * order; a signal counts when observed, a red flag when raised.
 */
export const RECOMMENDATIONS = ["strong_no", "no", "yes", "strong_yes"] as const;
export type Recommendation = (typeof RECOMMENDATIONS)[number];

export const RECOMMENDATION_LABELS: Record<Recommendation, string> = {
  strong_no: "Strong no",
  no: "No",
  yes: "Yes",
  strong_yes: "Strong yes",
};

export type ScorecardContent = {
  ratings: Array<{ criterionId: string; rating: number | null; evidence: string }>;
  signals: Array<{ signalId: string; observed: boolean; note: string }>;
  redFlags: Array<{ flagId: string; raised: boolean; evidence: string }>;
  recommendation: Recommendation | null;
  takeaways: string;
};

/** The part of a pinned rubric that one stage's scorecard needs (what the form is sent). */
export type StageRubric = {
  scale: Rubric["scale"];
  stage: Rubric["stages"][number];
  competencies: Array<Pick<Rubric["competencies"][number], "id" | "name" | "anchors">>;
  signals: Rubric["signals"];
  redFlags: Rubric["red_flags"];
  evidenceRequiredFor: number[];
};

export function stageRubric(rubric: Rubric, stageId: string): StageRubric | null {
  const stage = rubric.stages.find((s) => s.id === stageId);
  if (!stage) return null;
  const used = new Set(stage.criteria.map((c) => c.competency));
  return {
    scale: rubric.scale,
    stage,
    competencies: rubric.competencies.filter((c) => used.has(c.id)).map(({ id, name, anchors }) => ({ id, name, anchors })),
    signals: rubric.signals,
    redFlags: rubric.red_flags,
    evidenceRequiredFor: rubric.decision_rules.evidence_required_for_ratings,
  };
}

export function emptyContent(stage: StageRubric): ScorecardContent {
  return {
    ratings: stage.stage.criteria.map((c) => ({ criterionId: c.id, rating: null, evidence: "" })),
    signals: stage.signals.map((s) => ({ signalId: s.id, observed: false, note: "" })),
    redFlags: stage.redFlags.map((f) => ({ flagId: f.id, raised: false, evidence: "" })),
    recommendation: null,
    takeaways: "",
  };
}

/**
 * A saved draft, laid over the stage's empty form: rows keep the rubric's order, and anything
 * the draft does not cover starts empty. Unknown ids in the draft are dropped.
 */
export function contentFromDraft(stage: StageRubric, draft: Partial<ScorecardContent> | null | undefined): ScorecardContent {
  const base = emptyContent(stage);
  if (!draft) return base;
  const ratings = new Map((draft.ratings ?? []).map((r) => [r.criterionId, r]));
  const signals = new Map((draft.signals ?? []).map((s) => [s.signalId, s]));
  const flags = new Map((draft.redFlags ?? []).map((f) => [f.flagId, f]));
  return {
    ratings: base.ratings.map((r) => ({ ...r, ...pick(ratings.get(r.criterionId), ["rating", "evidence"]) })),
    signals: base.signals.map((s) => ({ ...s, ...pick(signals.get(s.signalId), ["observed", "note"]) })),
    redFlags: base.redFlags.map((f) => ({ ...f, ...pick(flags.get(f.flagId), ["raised", "evidence"]) })),
    recommendation: draft.recommendation ?? null,
    takeaways: draft.takeaways ?? "",
  };
}

function pick<T extends object, K extends keyof T>(value: T | undefined, keys: K[]): Partial<T> {
  if (!value) return {};
  return Object.fromEntries(keys.filter((k) => value[k] !== undefined).map((k) => [k, value[k]])) as unknown as Partial<T>;
}
