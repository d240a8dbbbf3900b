// Why: what the packet page says about readiness must agree with the coverage and the evidence beside it; these are the rules for those words.
import { countOf } from "../wording";

export type CoverageTally = { met: number; partial: number; missing: number; ready: boolean };

/** Requirements the evidence does not yet meet: partial or missing. */
export const coverageGaps = (tally: CoverageTally): number => tally.partial + tally.missing;

/** The coverage panel's headline: "Ready: …" only when nothing is partial or missing, otherwise "1 gap", "5 gaps". */
export function coverageHeadline(tally: CoverageTally, targetLevel: string): string {
  return tally.ready ? `Ready: the evidence meets every requirement of ${targetLevel}.` : countOf(coverageGaps(tally), "gap");
}

/**
 * What the submit panel says once nothing blocks a submission (`problems` is empty; otherwise the
 * problems are the message, and this is null). Coverage gaps never block a submission — the
 * committee may say "not yet" — but the panel never claims completeness beside them.
 */
export function submissionReadiness(problems: readonly string[], tally: CoverageTally, targetLevel: string): string | null {
  if (problems.length > 0) return null;
  if (tally.ready) return `Everything the committee needs is here: the evidence meets every requirement of ${targetLevel}.`;
  return `Ready to submit, with ${countOf(coverageGaps(tally), "coverage gap")}: the committee reads the packet with its gaps and may decide “not yet”.`;
}

/** Peers write their statements on evidence items: before there is one, there is nothing to ask them about. */
export function peerInvitationRefusal(evidenceCount: number): string | null {
  return evidenceCount > 0 ? null : "Add evidence before inviting peers: they write their statements on evidence items.";
}
