// Why: a hiring decision taken before the loop is complete, or against the evidence's recommendation, must be a deliberate, justified choice.
import { HIRING_RECOMMENDATION_LABELS, type HiringRecommendation } from "./aggregation";

/**
 * What a hiring decision can be taken against, and so must be confirmed and justified:
 * - `incomplete_loop`: not every stage of the loop is complete (it has fewer submitted
 *   scorecards than the rubric's `scorecards_per_stage` somewhere), whatever the outcome;
 * - `against_recommendation`: a hire when the aggregate says "no hire" or "not enough
 *   evidence", or a no-hire when it says "hire" or "strong hire".
 * The rule reads the loop as it is when the decision is recorded: the form shows it from the
 * page's data, and the action checks it again with fresh data.
 */
export const DECISION_OVERRIDES = ["incomplete_loop", "against_recommendation"] as const;
export type DecisionOverride = (typeof DECISION_OVERRIDES)[number];

/** Where the loop stands when the committee decides. */
export type DecisionSituation = {
  stagesComplete: number;
  stagesTotal: number;
  recommendation: HiringRecommendation;
};

const AGAINST: Record<"hire" | "no_hire", readonly HiringRecommendation[]> = {
  hire: ["no_hire", "not_enough_evidence"],
  no_hire: ["hire", "strong_hire"],
};

/** The overrides a decision with `outcome` takes in `situation`, in a fixed order. */
export function overridesFor(outcome: "hire" | "no_hire", situation: DecisionSituation): DecisionOverride[] {
  const overrides: DecisionOverride[] = [];
  if (situation.stagesComplete < situation.stagesTotal) overrides.push("incomplete_loop");
  if (AGAINST[outcome].includes(situation.recommendation)) overrides.push("against_recommendation");
  return overrides;
}

/** What the committee confirms, in its words: "Decide before every stage is complete (1 of 3 complete)". */
export function overrideStatement(override: DecisionOverride, outcome: "hire" | "no_hire", situation: DecisionSituation): string {
  if (override === "incomplete_loop") {
    return `Decide before every stage is complete (${situation.stagesComplete} of ${situation.stagesTotal} complete)`;
  }
  return `Decide ${outcome === "hire" ? "to hire" : "not to hire"} against the recommendation “${HIRING_RECOMMENDATION_LABELS[situation.recommendation]}”`;
}

/** How the decision history names an override that was confirmed. */
export const OVERRIDE_LABELS: Record<DecisionOverride, string> = {
  incomplete_loop: "Decided before every stage was complete",
  against_recommendation: "Decided against the recommendation",
};

/** The stored list (JSON text) as overrides; anything else in it is dropped. */
export function parseOverrides(stored: string | null): DecisionOverride[] {
  try {
    const value: unknown = JSON.parse(stored ?? "[]");
    return Array.isArray(value) ? DECISION_OVERRIDES.filter((o) => value.includes(o)) : [];
  } catch {
    return [];
  }
}
