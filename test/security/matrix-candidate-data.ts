/** Authorisation matrix entries for the candidate-data routes; all-routes.ts merges them with MATRIX. */
import { committeeAudience } from "~/domain/committee";
import type { Viewer } from "~/domain/permissions";
import type { ScanRules } from "./leak-scan";
import { perCandidate, type MatrixContext, type MatrixEntry } from "./matrix";

/**
 * A candidate's data request (export and erasure): admins and recruiters (manage:candidate:any),
 * checked before the candidate is looked up (403, then 404 for an unknown id). The erase action
 * parses its form before it erases: an empty body is a 400 and erases nobody. The export holds the
 * offer's terms (`pay`) only for the committee audience of each of the candidate's loops; the
 * leak scan holds scorecard text and rationales to the usual rules.
 */
function exportScan(ctx: MatrixContext) {
  return (v: Viewer, candidateId: string): ScanRules => {
    const loops = ctx.world.loops.filter((l) => l.candidateId === candidateId);
    const pay = loops.every((l) => committeeAudience(v, ctx.world.onLoop(v.id, l.id)) === "committee");
    return { payAllowedAt: (p) => pay && p.includes("pay") };
  };
}

export const CANDIDATE_DATA_MATRIX: Record<string, MatrixEntry> = {
  "routes/candidates.$candidateId.data": {
    loader: (ctx) =>
      perCandidate(ctx, "routes/candidates.$candidateId.data", "loader", "manage:candidate:any", (id) => `/candidates/${id}/data`, exportScan(ctx)),
    action: (ctx) => perCandidate(ctx, "routes/candidates.$candidateId.data", "action", "manage:candidate:any", (id) => `/candidates/${id}/data`),
  },
  "routes/candidates.$candidateId.data[.]json": {
    loader: (ctx) =>
      perCandidate(ctx, "routes/candidates.$candidateId.data[.]json", "loader", "manage:candidate:any", (id) => `/candidates/${id}/data.json`, exportScan(ctx)),
  },
};
