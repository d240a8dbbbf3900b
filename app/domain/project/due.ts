import type { ProjectProcess } from "../rubric/schema";
import { addDays, checkpointDueAt, daysBetween, nextReviewDueAt } from "./process";
import type { ProjectMode, ProjectStatus } from "./workflow";

/**
 * What a project asks of people next, and when: the checkpoint after launch, then quarterly
 * reviews; a founder-mode project's decision date. Homes list these as upcoming, due or overdue.
 *
 * - upcoming: falls due within the next `UPCOMING_DAYS`;
 * - due: from its date, for `GRACE_DAYS`;
 * - overdue: after that.
 */
export const UPCOMING_DAYS = 7;
export const GRACE_DAYS = 7;

export type Urgency = "upcoming" | "due" | "overdue";
export type DueWork = { kind: "checkpoint" | "review"; dueAt: Date; urgency: Urgency; daysLate: number };

export function urgencyOf(dueAt: Date, now: Date): Urgency | null {
  if (now.getTime() < dueAt.getTime()) return daysBetween(now, dueAt) < UPCOMING_DAYS ? "upcoming" : null;
  return now.getTime() < addDays(dueAt, GRACE_DAYS).getTime() ? "due" : "overdue";
}

export type ProjectTimeline = {
  status: ProjectStatus;
  launchedAt: Date | null;
  checkpointRecordedAt: Date | null;
  lastReview: { nextReviewOn: Date } | null;
};

/** The next piece of scheduled work on a project, whether or not it is close; null when there is none. */
export function nextScheduledWork(project: ProjectTimeline, process: ProjectProcess): { kind: DueWork["kind"]; dueAt: Date } | null {
  if (project.status === "launched" && project.launchedAt) return { kind: "checkpoint", dueAt: checkpointDueAt(project.launchedAt, process) };
  if (project.status === "live" && project.checkpointRecordedAt) {
    return { kind: "review", dueAt: nextReviewDueAt(project.checkpointRecordedAt, project.lastReview, process) };
  }
  return null;
}

/** The scheduled work that is upcoming, due or overdue at `now`; null otherwise. */
export function dueWork(project: ProjectTimeline, process: ProjectProcess, now: Date): DueWork | null {
  const next = nextScheduledWork(project, process);
  if (!next) return null;
  const urgency = urgencyOf(next.dueAt, now);
  if (!urgency) return null;
  return { ...next, urgency, daysLate: Math.max(0, daysBetween(next.dueAt, now)) };
}

/** A team-founder project still open after the day by which it had to meet its success or be deprecated. */
export function pastDecisionDate(project: { mode: ProjectMode; status: ProjectStatus; decisionDate: Date | null }, now: Date): boolean {
  if (project.mode !== "founder" || project.status === "closed" || !project.decisionDate) return false;
  // The decision date is a whole day: it passes when that day ends (UTC).
  return now.getTime() >= addDays(project.decisionDate, 1).getTime();
}

/** PRDs awaiting an approver, oldest first, with their age in whole days. */
export function approvalQueue<T extends { awaitingSince: Date }>(projects: readonly T[], now: Date): Array<T & { ageDays: number }> {
  return [...projects]
    .sort((a, b) => a.awaitingSince.getTime() - b.awaitingSince.getTime())
    .map((p) => ({ ...p, ageDays: Math.max(0, daysBetween(p.awaitingSince, now)) }));
}
