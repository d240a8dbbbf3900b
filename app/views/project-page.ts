import { calendarDate, dateOfCalendarDay } from "~/domain/calendar-date";
import type { ProjectAccess } from "~/domain/project/access";
import { dueWork, nextScheduledWork, pastDecisionDate } from "~/domain/project/due";
import { metricResults, metSummary, type SuccessMetric } from "~/domain/project/metrics";
import { checkpointDueAt, defaultNextReviewOn } from "~/domain/project/process";
import {
  CHECKPOINT_VERDICT_LABELS,
  PROJECT_EVENT_LABELS,
  PROJECT_OUTCOME_LABELS,
  REVIEW_HEALTH_LABELS,
  type CheckpointVerdict,
  type ProjectEventKind,
  type ProjectMode,
  type ProjectOutcome,
  type ProjectStatus,
  type ReviewHealth,
} from "~/domain/project/workflow";
import type { ProjectProcess } from "~/domain/rubric/schema";
import { renderMarkdown } from "~/utils/markdown.server";

/*
 * A project's page, from plain records to exactly what one viewer receives. Everyone signed in
 * gets the summary: what it is, who owns and approves it, where it stands, its PRD, success
 * metrics, links and demos. The measured outcome (checkpoint, reviews, the history with its
 * comments, what falls due, the owner's manager) leaves the server only for those with
 * `readOutcomes`, and a block only for those with `readBlock` (domain/project/access.ts).
 * Pay is never part of a project. Moments are ISO strings; calendar days YYYY-MM-DD.
 */

// ---- What the page is built from ----

type Person = { id: string; name: string };

/** A project with everything on it (data/projects.server.ts reads one). */
export type ProjectRecord = {
  id: string;
  title: string;
  problem: string;
  mode: ProjectMode;
  team: string;
  prd: string;
  links: string[];
  status: ProjectStatus;
  version: number;
  createdAt: Date;
  submittedAt: Date | null;
  approvedAt: Date | null;
  launchedAt: Date | null;
  closedAt: Date | null;
  outcome: ProjectOutcome | null;
  decisionDate: string | null;
  blocked: { at: Date; reason: string; escalateTo: Person | null } | null;
  owner: Person;
  manager: Person | null;
  approver: Person;
  rubricVersion: { track: string; version: number; name: string };
  process: ProjectProcess;
  metrics: SuccessMetric[];
  checkpoint: { recordedAt: Date; recordedBy: Person; verdict: CheckpointVerdict; followUps: string; actuals: Record<string, number> } | null;
  /** Newest first. */
  reviews: Array<{ id: string; reviewedAt: Date; reviewedBy: Person; health: ReviewHealth; roi: string; followThrough: string; nextReviewOn: string }>;
  /** Oldest first; `data` names people by id (approvers, escalations). */
  events: Array<{ id: string; kind: ProjectEventKind; actor: Person; at: Date; note: string; data: Record<string, unknown> }>;
  demos: Array<{ id: string; title: string; shows: string; link: string; demoOn: string; presenter: Person; flagged: unknown }>;
};

export type ProjectPageRecords = {
  project: ProjectRecord;
  /** The names of the people the history names by id; read only for those who read outcomes. */
  names: ReadonlyMap<string, string>;
  /** Whom the approver may be changed to or a block escalated to; read only for those who may. */
  people: Person[] | null;
};

/** Who is reading, what the access rules grant them on this project, and the request's time. */
export type ProjectViewer = { id: string; access: ProjectAccess; now: Date };

// ---- What the page receives ----

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** What an event's data adds to its note, in words: the verdict, the new approver, the outcome… */
function eventDetail(kind: string, data: Record<string, unknown>, names: ReadonlyMap<string, string>): string {
  const name = (id: unknown) => (typeof id === "string" ? (names.get(id) ?? "someone no longer here") : "someone");
  switch (kind) {
    case "submitted":
    case "resubmitted":
      return typeof data.approverId === "string" ? `To ${name(data.approverId)}` : "";
    case "approver_changed":
      return `From ${name(data.from)} to ${name(data.to)}`;
    case "checkpoint_recorded":
      return typeof data.verdict === "string" && data.verdict in CHECKPOINT_VERDICT_LABELS ? `Verdict: ${CHECKPOINT_VERDICT_LABELS[data.verdict as CheckpointVerdict]}` : "";
    case "review_recorded":
      return typeof data.health === "string" && data.health in REVIEW_HEALTH_LABELS ? `Health: ${REVIEW_HEALTH_LABELS[data.health as ReviewHealth]}` : "";
    case "closed":
      return typeof data.outcome === "string" && data.outcome in PROJECT_OUTCOME_LABELS ? `Outcome: ${PROJECT_OUTCOME_LABELS[data.outcome as ProjectOutcome]}` : "";
    case "blocked":
      return `Escalated to ${name(data.escalateToId)}`;
    default:
      return "";
  }
}

/** The project page for one viewer. */
export function projectPageView({ project, names, people }: ProjectPageRecords, { id: viewerId, access, now }: ProjectViewer) {
  const { process } = project;
  const lastReview = project.reviews[0] ?? null;
  const timeline = {
    status: project.status,
    launchedAt: project.launchedAt,
    checkpointRecordedAt: project.checkpoint?.recordedAt ?? null,
    lastReview: lastReview ? { nextReviewOn: dateOfCalendarDay(lastReview.nextReviewOn) } : null,
  };
  const scheduled = access.readOutcomes ? nextScheduledWork(timeline, process) : null;
  const urgency = access.readOutcomes ? (dueWork(timeline, process, now)?.urgency ?? null) : null;
  const checkpointDue = project.status === "launched" && project.launchedAt ? checkpointDueAt(project.launchedAt, process) : null;

  return {
    project: {
      id: project.id,
      title: project.title,
      problem: project.problem,
      mode: project.mode,
      team: project.team,
      /** The PRD as safe HTML (utils/markdown.server.ts), rendered here so the browser never loads a markdown parser; "" when unwritten. */
      prdHtml: project.prd.trim() ? renderMarkdown(project.prd) : "",
      links: project.links,
      status: project.status,
      version: project.version,
      createdAt: iso(project.createdAt)!,
      submittedAt: iso(project.submittedAt),
      approvedAt: iso(project.approvedAt),
      launchedAt: iso(project.launchedAt),
      closedAt: iso(project.closedAt),
      outcome: project.outcome,
      decisionDate: project.decisionDate,
      pastDecisionDate: pastDecisionDate({ mode: project.mode, status: project.status, decisionDate: project.decisionDate ? dateOfCalendarDay(project.decisionDate) : null }, now),
      owner: project.owner,
      manager: access.readOutcomes ? project.manager : null,
      approver: project.approver,
      rubricVersion: { track: project.rubricVersion.track, version: project.rubricVersion.version, name: project.rubricVersion.name },
    },
    process: {
      checkpointAfterDays: process.checkpoint_after_days,
      reviewEveryDays: process.quarterly_review_every_days,
    },
    metrics: project.metrics,
    checkpoint:
      access.readOutcomes && project.checkpoint
        ? {
            recordedAt: iso(project.checkpoint.recordedAt)!,
            recordedBy: project.checkpoint.recordedBy,
            verdict: project.checkpoint.verdict,
            followUps: project.checkpoint.followUps,
            results: metricResults(project.metrics, project.checkpoint.actuals),
            summary: metSummary(metricResults(project.metrics, project.checkpoint.actuals)),
          }
        : null,
    reviews: access.readOutcomes
      ? project.reviews.map((r) => ({ id: r.id, reviewedAt: iso(r.reviewedAt)!, reviewedBy: r.reviewedBy, health: r.health, roi: r.roi, followThrough: r.followThrough, nextReviewOn: r.nextReviewOn }))
      : null,
    events: access.readOutcomes
      ? project.events.map((e) => ({ id: e.id, kind: e.kind, label: PROJECT_EVENT_LABELS[e.kind] ?? e.kind, actor: e.actor, at: iso(e.at)!, note: e.note, detail: eventDetail(e.kind, e.data, names) }))
      : null,
    blocked: access.readBlock && project.blocked ? { at: iso(project.blocked.at)!, reason: project.blocked.reason, escalateTo: project.blocked.escalateTo } : null,
    /** The next scheduled work (checkpoint or review) and how close it is; for those who read outcomes. */
    due: scheduled ? { kind: scheduled.kind, dueOn: calendarDate(scheduled.dueAt), dueAt: iso(scheduled.dueAt)!, urgency } : null,
    /** Whether the checkpoint can be recorded now (it is due from `checkpoint_after_days` after launch). */
    checkpointOpen: checkpointDue !== null && now.getTime() >= checkpointDue.getTime(),
    checkpointDueAt: access.recordCheckpoint && checkpointDue ? iso(checkpointDue) : null,
    defaultNextReviewOn: calendarDate(defaultNextReviewOn(now, process)),
    demos: project.demos.map((d) => ({ id: d.id, title: d.title, shows: d.shows, link: d.link, demoOn: d.demoOn, presenter: d.presenter, flagged: d.flagged !== null })),
    access,
    now: now.toISOString(),
    viewerId,
    people,
  };
}

/** What the project page's components receive. */
export type ProjectPageData = ReturnType<typeof projectPageView>;
