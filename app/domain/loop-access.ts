import { hasPermission, type Viewer } from "./permissions";
import { canSeePanelOnLoop, type ViewerOnLoop } from "./scorecard/visibility";

/**
 * What a person may do with one loop. Recruiters and admins manage it; committees read it;
 * an interviewer reads it when assigned to one of its interviews. Seeing the panel (other
 * interviewers' submitted scorecards) follows the independence rule in scorecard/visibility.ts.
 */
export type LoopAccess = { canManage: boolean; isInterviewer: boolean; canSeePanel: boolean };

export function loopAccess(viewer: Viewer, onLoop: ViewerOnLoop): LoopAccess | null {
  const isInterviewer = onLoop.assignedInterviews > 0 && hasPermission(viewer.roles, "write:scorecard:own");
  if (!isInterviewer && !hasPermission(viewer.roles, "read:loop:any")) return null;
  return {
    canManage: hasPermission(viewer.roles, "manage:loop:any"),
    isInterviewer,
    canSeePanel: canSeePanelOnLoop(viewer, onLoop),
  };
}

