import { hasPermission, type Viewer } from "../permissions";

/**
 * Who may read a scorecard. Independence first: interviewers on a loop see nobody else's
 * scorecard (nor anything aggregated from them) until they have submitted every scorecard they
 * owe on that loop; then they see the others' submitted ones. Drafts are their author's alone.
 * Committees and admins read submitted scorecards; recruiters only see completion.
 */
export type ViewerOnLoop = { assignedInterviews: number; submittedScorecards: number };

export function hasSubmittedAllOnLoop(onLoop: ViewerOnLoop): boolean {
  return onLoop.assignedInterviews > 0 && onLoop.submittedScorecards >= onLoop.assignedInterviews;
}

export function canReadScorecard(
  viewer: Viewer,
  scorecard: { interviewerId: string; status: "draft" | "submitted" },
  onLoop: ViewerOnLoop,
): boolean {
  if (scorecard.interviewerId === viewer.id) return true;
  if (scorecard.status !== "submitted") return false;
  if (hasPermission(viewer.roles, "read:scorecard:any")) return true;
  return hasPermission(viewer.roles, "write:scorecard:own") && hasSubmittedAllOnLoop(onLoop);
}

/** Whether a viewer may see what the panel said on a loop (others' ratings, flags, aggregates). */
export function canSeePanelOnLoop(viewer: Viewer, onLoop: ViewerOnLoop): boolean {
  if (hasPermission(viewer.roles, "read:scorecard:any")) return true;
  return hasPermission(viewer.roles, "write:scorecard:own") && hasSubmittedAllOnLoop(onLoop);
}
