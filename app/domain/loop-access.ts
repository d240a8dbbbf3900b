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

/**
 * A `datetime-local` value ("2026-11-25T14:30") typed in a browser whose clock is
 * `offsetMinutes` behind UTC (JavaScript's getTimezoneOffset()), as an instant.
 */
export function localDateTimeToInstant(local: string, offsetMinutes: number): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!match) return null;
  const [, y, mo, d, h, mi] = match.map(Number) as [number, number, number, number, number, number];
  const utc = Date.UTC(y, mo - 1, d, h, mi);
  const check = new Date(utc);
  if (check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) return null; // e.g. 31 February
  return new Date(utc + offsetMinutes * 60_000);
}
