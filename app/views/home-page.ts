import { calendarDate } from "~/domain/calendar-date";
import type { CandidateStatus } from "~/domain/candidate-pipeline";
import { rowsVisibleTo } from "~/domain/committee-list";
import type { Level } from "~/domain/levels";
import { interviewerQueue, owedScorecards, type InterviewState, type QueueEntry } from "~/domain/loop";
import { approvalQueue, dueWork, pastDecisionDate, type Urgency } from "~/domain/project/due";
import type { ProjectMode, ProjectStatus } from "~/domain/project/workflow";
import { committeeOrder } from "~/domain/promotion/packet-list";
import { isPacketOpen, nextLevelFor, type PacketStatus, type PromotionOutcome } from "~/domain/promotion/workflow";
import { hasPermission, type Permission } from "~/domain/permissions";
import type { Role } from "~/domain/roles";
import type { ProjectProcess, Rubric } from "~/domain/rubric/schema";
import type { ViewerOnLoop } from "~/domain/scorecard/visibility";

/**
 * The home page: each signed-in person's to-do lists, one panel per role they hold, from the
 * records the home read (app/data/home-page.server.ts) to exactly what the page sends. A section
 * the person's roles do not allow arrives as null and stays null; the page shows no panel for it.
 */

// ---- What the read hands over --------------------------------------------------------------

export type Person = { id: string; name: string };

export type HomeBuilder = { userId: string; name: string; email: string; level: Level; track: string; managerId: string | null; managerName: string | null; startedAt: Date };

/** A candidate still in the pipeline (the candidate list's summary). */
export type HomeCandidate = {
  id: string;
  name: string;
  email: string;
  source: string;
  targetLevel: string;
  createdAt: Date;
  loopCount: number;
  /** Set once the candidate was erased: name and email are then the anonymised ones. */
  erasedAt: Date | null;
  status: CandidateStatus;
};

/** One line of a packet list (the packet list's summary). */
export type HomePacket = {
  id: string;
  builderId: string;
  builderName: string;
  managerId: string | null;
  managerName: string | null;
  fromLevel: string;
  targetLevel: string;
  status: PacketStatus;
  evidenceCount: number;
  createdAt: Date;
  updatedAt: Date;
  submittedAt: Date | null;
  outcome: PromotionOutcome | null;
};

/** An interview on an interviewer's list, with their own scorecard's state. */
export type AssignedInterview = {
  interviewId: string;
  loopId: string;
  candidateName: string;
  stageId: string;
  stageName: string;
  startsAt: Date;
  durationMinutes: number;
  dueHours: number;
  scorecard: { id: string; status: "draft" | "submitted"; draftSavedAt: Date | null } | null;
};

/** An open loop as the recruiter's panel reads it. */
export type OpenLoop = { id: string; candidateName: string; interviews: readonly InterviewState[]; rubric: Pick<Rubric, "stages" | "decision_rules"> };

/** A committee row, as far as the home's panel needs it. */
export type ReviewRow = { loopId: string; candidateName: string; targetLevel: string; status: string };

/** A loop the viewer is assigned on, with how far they are there (the independence rule's input). */
export type AssignedLoop = { loopId: string } & ViewerOnLoop;

/** A project as the project panels need it, with its rubric's process. */
export type HomeProject = {
  id: string;
  title: string;
  mode: ProjectMode;
  status: ProjectStatus;
  owner: Person;
  launchedAt: Date | null;
  decisionDate: Date | null;
  updatedAt: Date;
  blocked: { reason: string; at: Date } | null;
  checkpointRecordedAt: Date | null;
  lastReview: { nextReviewOn: Date } | null;
  awaitingSince: Date | null;
  process: ProjectProcess;
};

export type HomeRecords = {
  name: string;
  ownRecord: HomeBuilder | null;
  reports: HomeBuilder[] | null;
  roster: HomeBuilder[] | null;
  /** The newest CANDIDATES_SHOWN candidates still in the pipeline, and how many there are in all. */
  candidates: HomeCandidate[] | null;
  candidatesTotal: number | null;
  people: Partial<Record<Role, number>> | null;
  assigned: AssignedInterview[] | null;
  /**
   * Open loops owing scorecards, those waiting longest first (at most OWED_LOOPS_SHOWN), the names
   * of their interviewers, and how many such loops there are in all (recruiters).
   */
  openLoops: { loops: OpenLoop[]; names: ReadonlyMap<string, string>; total: number } | null;
  /** The committee's rows and the loops the viewer is assigned on (hiring committee). */
  review: { rows: readonly ReviewRow[]; assigned: readonly AssignedLoop[] } | null;
  ownPackets: HomePacket[] | null;
  reportPackets: HomePacket[] | null;
  packetQueue: HomePacket[] | null;
  statementRequests: HomePacket[];
  projects: { awaiting: readonly HomeProject[]; owned: readonly HomeProject[] | null; reports: readonly HomeProject[] | null; escalated: readonly HomeProject[] };
};

/** Which sections a person's home has: a section their roles do not allow is never read. */
export type HomeSections = {
  ownRecord: boolean;
  reports: boolean;
  roster: boolean;
  candidates: boolean;
  people: boolean;
  assigned: boolean;
  openLoops: boolean;
  review: boolean;
  ownPackets: boolean;
  reportPackets: boolean;
  packetQueue: boolean;
  ownProjects: boolean;
  reportProjects: boolean;
};

export function homeSections(roles: readonly Role[]): HomeSections {
  const can = (p: Permission) => hasPermission(roles, p);
  return {
    ownRecord: can("read:builder:own"),
    reports: can("read:builder:team"),
    roster: can("read:builder:any"),
    candidates: can("read:candidate:any"),
    people: can("manage:user:any"),
    assigned: can("write:scorecard:own"),
    openLoops: can("manage:loop:any"),
    review: can("read:scorecard:any"),
    ownPackets: can("read:builder:own"),
    reportPackets: can("read:builder:team"),
    packetQueue: can("decide:promotion:any"),
    // Only builders own projects; managers follow their reports'.
    ownProjects: can("read:builder:own"),
    reportProjects: can("read:builder:team"),
  };
}

// ---- What the page sends -------------------------------------------------------------------

export type QueueItem = QueueEntry<AssignedInterview>;
export type InterviewerQueue = { upcoming: QueueItem[]; toWrite: QueueItem[]; drafts: QueueItem[]; overdue: QueueItem[] };

export type OwedLoop = {
  loopId: string;
  candidateName: string;
  owed: Array<{ interviewId: string; stageId: string; interviewerId: string; startsAt: Date; interviewerName: string; stageName: string; dueAt: Date; overdue: boolean; started: boolean }>;
};

export type InReview = { total: number; loops: Array<{ loopId: string; candidateName: string; targetLevel: string }> };

export type OwnPromotion = { userId: string; level: Level; nextLevel: Level | null; open: HomePacket | null; lastDecided: HomePacket | null };

type ProjectRef = { id: string; title: string; owner: Person };

export type DueItem = ProjectRef & {
  kind: "checkpoint" | "review";
  /** "28-day checkpoint", "Quarterly review". */
  label: string;
  dueAt: Date;
  /** A review date someone set is a calendar day; a checkpoint (launch + N days) is a moment. */
  dueIsDay: boolean;
  urgency: Urgency;
  daysLate: number;
};
export type PastDecision = ProjectRef & { decisionDate: string };
export type AwaitingApproval = ProjectRef & { awaitingSince: Date; ageDays: number };
export type ReportProject = ProjectRef & { status: ProjectStatus; blocked: boolean };
export type Escalation = ProjectRef & { reason: string; since: Date };

export type ProjectHome = {
  awaitingApproval: AwaitingApproval[];
  own: { openCount: number; due: DueItem[]; pastDecision: PastDecision[] } | null;
  reports: { projects: ReportProject[]; overdue: DueItem[]; pastDecision: PastDecision[] } | null;
  escalated: Escalation[];
};

export type HomePage = {
  name: string;
  ownRecord: HomeBuilder | null;
  reports: HomeBuilder[] | null;
  roster: HomeBuilder[] | null;
  candidates: HomeCandidate[] | null;
  candidatesTotal: number | null;
  people: Partial<Record<Role, number>> | null;
  queue: InterviewerQueue | null;
  owed: OwedLoop[] | null;
  /** How many open loops owe scorecards in all (`owed` shows the OWED_LOOPS_SHOWN waiting longest). */
  owedTotal: number | null;
  inReview: InReview | null;
  ownPromotion: OwnPromotion | null;
  reportPackets: HomePacket[] | null;
  packetQueue: HomePacket[] | null;
  statementRequests: HomePacket[];
  projects: ProjectHome;
};

/** Candidates in the pipeline that a home shows: the newest (the candidate list has them all). */
export const CANDIDATES_SHOWN = 20;

/** Loops owing scorecards that a recruiter's home shows: those waiting longest. */
export const OWED_LOOPS_SHOWN = 20;

/** Loops awaiting a decision that the home shows (the committee list has them all). */
export const IN_REVIEW_SHOWN = 10;

export function homePage(records: HomeRecords, now: Date): HomePage {
  return {
    name: records.name,
    ownRecord: records.ownRecord,
    reports: records.reports,
    roster: records.roster,
    candidates: records.candidates,
    candidatesTotal: records.candidatesTotal,
    people: records.people,
    queue: records.assigned ? interviewerQueue(records.assigned, now) : null,
    owed: records.openLoops ? loopsOwingScorecards(records.openLoops.loops, records.openLoops.names, now) : null,
    owedTotal: records.openLoops ? records.openLoops.total : null,
    inReview: records.review ? loopsInReview(records.review.rows, records.review.assigned) : null,
    ownPromotion: records.ownRecord && records.ownPackets ? ownPromotion(records.ownRecord, records.ownPackets) : null,
    reportPackets: records.reportPackets,
    packetQueue: records.packetQueue ? committeeOrder(records.packetQueue) : null,
    statementRequests: records.statementRequests,
    projects: projectHome(records.projects, now),
  };
}

/** A builder's open packet (there is at most one), else their latest decided one and the level they could go for next. */
function ownPromotion(record: HomeBuilder, packets: readonly HomePacket[]): OwnPromotion {
  return {
    userId: record.userId,
    level: record.level,
    nextLevel: nextLevelFor(record.level),
    open: packets.find((p) => isPacketOpen(p.status)) ?? null,
    // Newest first: the list is ordered by last update.
    lastDecided: packets.find((p) => !isPacketOpen(p.status)) ?? null,
  };
}

/** For the hiring committee: loops whose stages are all complete and that await a decision (the first few). */
function loopsInReview(rows: readonly ReviewRow[], assigned: readonly AssignedLoop[]): InReview {
  // Not the loops where the viewer still owes a scorecard (independence).
  const inReview = rowsVisibleTo(rows, assigned).filter((r) => r.status === "in_review");
  const shown = [...inReview].sort((x, y) => x.candidateName.localeCompare(y.candidateName)).slice(0, IN_REVIEW_SHOWN);
  return { total: inReview.length, loops: shown.map((r) => ({ loopId: r.loopId, candidateName: r.candidateName, targetLevel: r.targetLevel })) };
}

/** For recruiters: each open loop's missing scorecards, who owes them and when they are due; the longest overdue first. */
function loopsOwingScorecards(loops: readonly OpenLoop[], names: ReadonlyMap<string, string>, now: Date): OwedLoop[] {
  return loops
    .map((loop) => ({ loop, owed: owedScorecards(loop.interviews, loop.rubric.decision_rules.scorecard_due_hours, now) }))
    .filter((l) => l.owed.length > 0)
    .sort((a, b) => a.owed[0]!.dueAt.getTime() - b.owed[0]!.dueAt.getTime() || a.loop.id.localeCompare(b.loop.id))
    .map(({ loop, owed }) => ({
      loopId: loop.id,
      candidateName: loop.candidateName,
      owed: owed.map((o) => ({
        ...o,
        interviewerName: names.get(o.interviewerId) ?? "Unknown",
        stageName: loop.rubric.stages.find((s) => s.id === o.stageId)?.name ?? o.stageId,
      })),
    }));
}

// ---- The project log: what each person's projects ask of them now --------------------------
//
// - the approver: PRDs awaiting their thumbs-up, oldest first, with their age;
// - the builder: their projects' checkpoints and quarterly reviews upcoming, due or overdue, and
//   their founder-mode projects past the decision date;
// - the manager: their reports' open projects, the overdue checkpoints and reviews among them, and
//   founder-mode projects past their decision date;
// - whoever a blocked project was escalated to: the block, its reason, its owner and since when.
// The rubric's process itself never goes to the browser.

const ref = (p: HomeProject): ProjectRef => ({ id: p.id, title: p.title, owner: p.owner });

function dueItems(projects: readonly HomeProject[], now: Date): DueItem[] {
  return projects
    .flatMap((p) => {
      const work = dueWork(p, p.process, now);
      if (!work) return [];
      const label = work.kind === "checkpoint" ? `${p.process.checkpoint_after_days}-day checkpoint` : "Quarterly review";
      return [{ ...ref(p), ...work, label, dueIsDay: work.kind === "review" && p.lastReview !== null }];
    })
    .sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime() || a.title.localeCompare(b.title));
}

function pastDecisions(projects: readonly HomeProject[], now: Date): PastDecision[] {
  return projects
    .filter((p) => pastDecisionDate(p, now))
    .map((p) => ({ ...ref(p), decisionDate: calendarDate(p.decisionDate!) }))
    .sort((a, b) => a.decisionDate.localeCompare(b.decisionDate) || a.title.localeCompare(b.title));
}

export function projectHome(read: HomeRecords["projects"], now: Date): ProjectHome {
  return {
    awaitingApproval: approvalQueue(
      read.awaiting.map((p) => ({ ...ref(p), awaitingSince: p.awaitingSince ?? p.updatedAt })),
      now,
    ),
    own: read.owned ? { openCount: read.owned.length, due: dueItems(read.owned, now), pastDecision: pastDecisions(read.owned, now) } : null,
    reports: read.reports
      ? {
          projects: [...read.reports]
            .sort((a, b) => a.owner.name.localeCompare(b.owner.name) || a.title.localeCompare(b.title))
            .map((p) => ({ ...ref(p), status: p.status, blocked: p.blocked !== null })),
          overdue: dueItems(read.reports, now).filter((d) => d.urgency === "overdue"),
          pastDecision: pastDecisions(read.reports, now),
        }
      : null,
    escalated: read.escalated
      .filter((p) => p.blocked !== null)
      .map((p) => ({ ...ref(p), reason: p.blocked!.reason, since: p.blocked!.at }))
      .sort((a, b) => a.since.getTime() - b.since.getTime()),
  };
}
