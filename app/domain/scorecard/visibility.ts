import { hasPermission, type Viewer } from "../permissions";

/**
 * Who may read a scorecard. Independence first: anyone assigned to an interview on a loop sees
 * nobody else's scorecard there (nor anything aggregated from them) until they have submitted
 * every scorecard they owe on that loop — whatever other roles they hold: a hiring-committee
 * member or an admin who interviews is bound like any interviewer. Then interviewers see the
 * others' submitted ones. Drafts are their author's alone. Committees and admins read submitted
 * scorecards of loops they do not owe a scorecard on; recruiters only see completion.
 */
export type ViewerOnLoop = { assignedInterviews: number; submittedScorecards: number };

export function hasSubmittedAllOnLoop(onLoop: ViewerOnLoop): boolean {
  return onLoop.assignedInterviews > 0 && onLoop.submittedScorecards >= onLoop.assignedInterviews;
}

/** Assigned on the loop and still owing a scorecard there: bound by independence, whatever the roles. */
export function owesScorecardsOnLoop(onLoop: ViewerOnLoop): boolean {
  return onLoop.assignedInterviews > 0 && onLoop.submittedScorecards < onLoop.assignedInterviews;
}

export function canReadScorecard(
  viewer: Viewer,
  scorecard: { interviewerId: string; status: "draft" | "submitted" },
  onLoop: ViewerOnLoop,
): boolean {
  if (scorecard.interviewerId === viewer.id) return true;
  return scorecard.status === "submitted" && canSeePanelOnLoop(viewer, onLoop);
}

/** Whether a viewer may see what the panel said on a loop (others' ratings, flags, aggregates). */
export function canSeePanelOnLoop(viewer: Viewer, onLoop: ViewerOnLoop): boolean {
  if (owesScorecardsOnLoop(onLoop)) return false;
  if (hasPermission(viewer.roles, "read:scorecard:any")) return true;
  return hasPermission(viewer.roles, "write:scorecard:own") && hasSubmittedAllOnLoop(onLoop);
}
