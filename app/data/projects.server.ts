import { calendarDate } from "~/domain/calendar-date";
import type { SuccessMetric, MetricDirection } from "~/domain/project/metrics";
import type {
  CheckpointVerdict,
  ProjectEventKind,
  ProjectFacts,
  ProjectMode,
  ProjectOutcome,
  ProjectStatus,
  ReviewHealth,
} from "~/domain/project/workflow";
import type { ProjectProcess } from "~/domain/rubric/schema";
import type { Prisma } from "~/generated/prisma/client";
import { prisma } from "./db.server";
import { rubricFromContent } from "./rubrics.server";

/**
 * Reading projects: plain types, dates as Date (calendar days as YYYY-MM-DD strings), the pinned
 * rubric version's project process parsed. Writes are in ./project-workflow.server.ts.
 */
export type Person = { id: string; name: string };

export type ProjectEventView = { id: string; kind: ProjectEventKind; actor: Person; at: Date; note: string; data: Record<string, unknown> };
export type CheckpointView = {
  recordedAt: Date;
  recordedBy: Person;
  verdict: CheckpointVerdict;
  followUps: string;
  actuals: Record<string, number>;
};
export type ReviewView = {
  id: string;
  reviewedAt: Date;
  reviewedBy: Person;
  health: ReviewHealth;
  roi: string;
  followThrough: string;
  nextReviewOn: string;
};
export type DemoView = {
  id: string;
  projectId: string;
  projectTitle: string;
  presenter: Person;
  title: string;
  shows: string;
  link: string;
  demoOn: string;
  createdAt: Date;
  flagged: { by: Person; at: Date; note: string } | null;
};

export type ProjectDetail = {
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
  updatedAt: Date;
  submittedAt: Date | null;
  approvedAt: Date | null;
  launchedAt: Date | null;
  closedAt: Date | null;
  outcome: ProjectOutcome | null;
  decisionDate: string | null;
  blocked: { at: Date; reason: string; escalateTo: Person | null } | null;
  owner: Person;
  manager: Person | null;
  /** Whether the owner's manager still holds the manager role: only then do they act as the manager. */
  managerActs: boolean;
  approver: Person;
  rubricVersion: { id: string; track: string; version: number; name: string };
  process: ProjectProcess;
  metrics: SuccessMetric[];
  checkpoint: CheckpointView | null;
  reviews: ReviewView[];
  events: ProjectEventView[];
  demos: DemoView[];
};

const person = { select: { id: true, name: true } } as const;

const detailInclude = {
  owner: { select: { id: true, name: true, builder: { select: { manager: { select: { id: true, name: true, roles: { where: { role: "manager" }, select: { role: true } } } } } } } },
  approver: person,
  escalateTo: person,
  rubricVersion: { select: { id: true, track: true, version: true, name: true, contentHash: true, content: true } },
  metrics: { orderBy: { position: "asc" } },
  checkpoint: { include: { recordedBy: person } },
  reviews: { include: { reviewedBy: person }, orderBy: { reviewedAt: "desc" } },
  events: { include: { actor: person }, orderBy: [{ at: "asc" }, { id: "asc" }] },
  demos: { include: { presenter: person, flaggedBy: person }, orderBy: [{ demoOn: "desc" }, { createdAt: "desc" }] },
} satisfies Prisma.ProjectInclude;

type DetailRow = Prisma.ProjectGetPayload<{ include: typeof detailInclude }>;

export function processOf(contentHash: string, content: string): ProjectProcess {
  const process = rubricFromContent(contentHash, content).project_process;
  // A project is only ever started on a version with a process (project-workflow.server.ts).
  if (!process) throw new Error("This project's rubric version defines no project process");
  return process;
}

export function toMetric(row: { id: string; name: string; unit: string; baseline: number; target: number; direction: string; measurement: string }): SuccessMetric {
  return { id: row.id, name: row.name, unit: row.unit, baseline: row.baseline, target: row.target, direction: row.direction as MetricDirection, measurement: row.measurement };
}

export function toCheckpoint(row: { recordedAt: Date; recordedBy: Person; verdict: string; followUps: string; actuals: string }): CheckpointView {
  return {
    recordedAt: row.recordedAt,
    recordedBy: row.recordedBy,
    verdict: row.verdict as CheckpointVerdict,
    followUps: row.followUps,
    actuals: JSON.parse(row.actuals) as Record<string, number>,
  };
}

export function toReview(row: DetailRow["reviews"][number]): ReviewView {
  return {
    id: row.id,
    reviewedAt: row.reviewedAt,
    reviewedBy: row.reviewedBy,
    health: row.health as ReviewHealth,
    roi: row.roi,
    followThrough: row.followThrough,
    nextReviewOn: calendarDate(row.nextReviewOn),
  };
}

type DemoRow = Prisma.DemoGetPayload<{ include: { presenter: typeof person; flaggedBy: typeof person } }>;

export function toDemo(row: DemoRow, projectTitle: string): DemoView {
  return {
    id: row.id,
    projectId: row.projectId,
    projectTitle,
    presenter: row.presenter,
    title: row.title,
    shows: row.shows,
    link: row.link,
    demoOn: calendarDate(row.demoOn),
    createdAt: row.createdAt,
    flagged: row.flaggedAt && row.flaggedBy ? { by: row.flaggedBy, at: row.flaggedAt, note: row.flagNote } : null,
  };
}

function toDetail(row: DetailRow): ProjectDetail {
  return {
    id: row.id,
    title: row.title,
    problem: row.problem,
    mode: row.mode as ProjectMode,
    team: row.team,
    prd: row.prd,
    links: JSON.parse(row.links) as string[],
    status: row.status as ProjectStatus,
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    submittedAt: row.submittedAt,
    approvedAt: row.approvedAt,
    launchedAt: row.launchedAt,
    closedAt: row.closedAt,
    outcome: row.outcome as ProjectOutcome | null,
    decisionDate: row.decisionDate ? calendarDate(row.decisionDate) : null,
    blocked: row.blockedAt ? { at: row.blockedAt, reason: row.blockedReason ?? "", escalateTo: row.escalateTo } : null,
    owner: { id: row.owner.id, name: row.owner.name },
    manager: row.owner.builder?.manager ? { id: row.owner.builder.manager.id, name: row.owner.builder.manager.name } : null,
    managerActs: (row.owner.builder?.manager?.roles.length ?? 0) > 0,
    approver: row.approver,
    rubricVersion: { id: row.rubricVersion.id, track: row.rubricVersion.track, version: row.rubricVersion.version, name: row.rubricVersion.name },
    process: processOf(row.rubricVersion.contentHash, row.rubricVersion.content),
    metrics: row.metrics.map(toMetric),
    checkpoint: row.checkpoint ? toCheckpoint(row.checkpoint) : null,
    reviews: row.reviews.map(toReview),
    events: row.events.map((e) => ({ id: e.id, kind: e.kind as ProjectEventKind, actor: e.actor, at: e.at, note: e.note, data: JSON.parse(e.data) as Record<string, unknown> })),
    demos: row.demos.map((d) => toDemo(d, row.title)),
  };
}

export async function findProject(id: string, db: Prisma.TransactionClient = prisma): Promise<ProjectDetail | null> {
  const row = await db.project.findUnique({ where: { id }, include: detailInclude });
  return row ? toDetail(row) : null;
}

/** What the workflow's rules need of a stored project. */
export function factsOf(project: ProjectDetail): ProjectFacts {
  return {
    status: project.status,
    ownerId: project.owner.id,
    // A managerId left behind on someone who no longer holds the manager role grants nothing
    // (as access.ts's relationTo): the workflow never lets them act as the manager.
    managerId: project.managerActs ? (project.manager?.id ?? null) : null,
    approverId: project.approver.id,
    mode: project.mode,
    team: project.team,
    prd: project.prd,
    decisionDate: project.decisionDate ? new Date(`${project.decisionDate}T00:00:00Z`) : null,
    metricIds: project.metrics.map((m) => m.id),
    submittedAt: project.submittedAt,
    approvedAt: project.approvedAt,
    launchedAt: project.launchedAt,
    checkpointRecorded: project.checkpoint !== null,
    escalateToId: project.blocked?.escalateTo?.id ?? null,
    blocked: project.blocked !== null,
  };
}

/** One line of a project list: who, what, where it stands, and what falls due next. */
export type ProjectSummary = {
  id: string;
  title: string;
  mode: ProjectMode;
  team: string;
  status: ProjectStatus;
  outcome: ProjectOutcome | null;
  owner: Person;
  managerId: string | null;
  approver: Person;
  launchedAt: Date | null;
  decisionDate: Date | null;
  updatedAt: Date;
  blocked: { reason: string; escalateTo: Person | null; at: Date } | null;
  checkpointRecordedAt: Date | null;
  lastReview: { nextReviewOn: Date } | null;
  /** When the PRD last went to its approver (submission, resubmission or a new approver). */
  awaitingSince: Date | null;
  process: ProjectProcess;
};

const summarySelect = {
  id: true,
  title: true,
  mode: true,
  team: true,
  status: true,
  outcome: true,
  launchedAt: true,
  decisionDate: true,
  updatedAt: true,
  blockedAt: true,
  blockedReason: true,
  owner: { select: { id: true, name: true, builder: { select: { managerId: true } } } },
  approver: person,
  escalateTo: person,
  rubricVersion: { select: { contentHash: true, content: true } },
  checkpoint: { select: { recordedAt: true } },
  reviews: { select: { nextReviewOn: true }, orderBy: { reviewedAt: "desc" }, take: 1 },
  events: { where: { kind: { in: ["submitted", "resubmitted", "approver_changed"] } }, select: { at: true }, orderBy: { at: "desc" }, take: 1 },
} satisfies Prisma.ProjectSelect;

type SummaryRow = Prisma.ProjectGetPayload<{ select: typeof summarySelect }>;

function toSummary(row: SummaryRow): ProjectSummary {
  return {
    id: row.id,
    title: row.title,
    mode: row.mode as ProjectMode,
    team: row.team,
    status: row.status as ProjectStatus,
    outcome: row.outcome as ProjectOutcome | null,
    owner: { id: row.owner.id, name: row.owner.name },
    managerId: row.owner.builder?.managerId ?? null,
    approver: row.approver,
    launchedAt: row.launchedAt,
    decisionDate: row.decisionDate,
    updatedAt: row.updatedAt,
    blocked: row.blockedAt ? { reason: row.blockedReason ?? "", escalateTo: row.escalateTo, at: row.blockedAt } : null,
    checkpointRecordedAt: row.checkpoint?.recordedAt ?? null,
    lastReview: row.reviews[0] ?? null,
    awaitingSince: row.status === "submitted" ? (row.events[0]?.at ?? row.updatedAt) : null,
    process: processOf(row.rubricVersion.contentHash, row.rubricVersion.content),
  };
}

async function summaries(where: Prisma.ProjectWhereInput, take?: number): Promise<ProjectSummary[]> {
  const rows = await prisma.project.findMany({ where, select: summarySelect, orderBy: [{ updatedAt: "desc" }, { id: "asc" }], take });
  return rows.map(toSummary);
}

export type ProjectListFilter = { ownerId?: string; status?: ProjectStatus; open?: boolean };

/** Projects for the project list: everyone signed in reads summaries. */
export function listProjects(filter: ProjectListFilter = {}, take = 200): Promise<ProjectSummary[]> {
  return summaries(
    {
      ...(filter.ownerId ? { ownerId: filter.ownerId } : {}),
      ...(filter.status ? { status: filter.status } : filter.open ? { status: { not: "closed" } } : {}),
    },
    take,
  );
}

/** PRDs waiting for this person's thumbs-up (the home sorts them oldest first). */
export function projectsAwaitingApproval(approverId: string): Promise<ProjectSummary[]> {
  return summaries({ approverId, status: "submitted" });
}

/** A builder's open projects (their due checkpoints and reviews). */
export function openProjectsOwnedBy(ownerId: string): Promise<ProjectSummary[]> {
  return summaries({ ownerId, status: { not: "closed" } });
}

/** The open projects of a manager's reports. */
export function openProjectsOfReports(managerId: string): Promise<ProjectSummary[]> {
  return summaries({ owner: { builder: { managerId } }, status: { not: "closed" } });
}

/** Open projects whose block was escalated to this person. */
export function projectsEscalatedTo(userId: string): Promise<ProjectSummary[]> {
  return summaries({ escalateToId: userId, blockedAt: { not: null }, status: { not: "closed" } });
}

/** Everyone who could be named as an approver or escalation: every active user but the one asking. */
export async function peopleOtherThan(userId: string): Promise<Person[]> {
  return prisma.user.findMany({ where: { id: { not: userId }, deactivatedAt: null }, select: { id: true, name: true }, orderBy: [{ name: "asc" }, { id: "asc" }] });
}

/** Recent demos, newest first. */
export async function listRecentDemos(take = 50): Promise<DemoView[]> {
  const rows = await prisma.demo.findMany({
    include: { presenter: person, flaggedBy: person, project: { select: { title: true } } },
    orderBy: [{ demoOn: "desc" }, { createdAt: "desc" }],
    take,
  });
  return rows.map((r) => toDemo(r, r.project.title));
}

/** Flagged demos from `since` on, newest first (the highlights view groups them by week). */
export async function listFlaggedDemos(since: Date): Promise<DemoView[]> {
  const rows = await prisma.demo.findMany({
    where: { flaggedAt: { not: null }, demoOn: { gte: since } },
    include: { presenter: person, flaggedBy: person, project: { select: { title: true } } },
    orderBy: [{ demoOn: "desc" }, { createdAt: "desc" }],
  });
  return rows.map((r) => toDemo(r, r.project.title));
}
