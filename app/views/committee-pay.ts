import type { CommitteeAudience } from "~/domain/committee";

/*
 * Who sees what of a loop's committee review (audiences: domain/committee.ts). The evidence —
 * ratings, scorecards, agreement, leniency — goes to the panel and the committee; pay — the band
 * placement, the rubric's bands and the salary of each decision — to the committee alone.
 * Recruiters get neither: completion and the decision's outcome only.
 */

/** Whether the audience reads the panel's evidence (and so whether it is read at all). */
export function seesEvidence(audience: CommitteeAudience): boolean {
  return audience === "panel" || audience === "committee";
}

/** Whether the audience reads pay: the band, the bands and the salaries decided. */
export function seesPay(audience: CommitteeAudience): boolean {
  return audience === "committee";
}

type PayOfDecision = { baseSalary: unknown; bandJustification: unknown; currency: unknown };

/** A decision as those who do not see pay read it: outcome, level and reasons, no salary. */
export function decisionWithoutPay<T extends PayOfDecision>(decision: T): Omit<T, keyof PayOfDecision> {
  const { baseSalary: _base, bandJustification: _justification, currency: _currency, ...rest } = decision;
  return rest;
}

/** A loop's aggregate without its band placement (the suggested base is pay). */
export function aggregateWithoutPay<T extends { band: unknown }>(aggregate: T): Omit<T, "band"> {
  const { band: _band, ...rest } = aggregate;
  return rest;
}
