import { formatInstant } from "./time-format";

/**
 * The state of an interview loop, computed from its interviews and scorecards and the pinned
 * rubric's decision rules (scorecards needed per stage, hours until a scorecard is due).
 */
export type StageStatus = "not_scheduled" | "scheduled" | "awaiting_scorecards" | "complete";

export const STAGE_STATUS_LABELS: Record<StageStatus, string> = {
  not_scheduled: "Not scheduled",
  scheduled: "Scheduled",
  awaiting_scorecards: "Awaiting scorecards",
  complete: "Complete",
};

export type InterviewState = {
  id: string;
  stageId: string;
  startsAt: Date;
  durationMinutes: number;
  interviewerIds: string[];
  /** Scorecards by interviewer id: "draft" while being written, "submitted" once locked. */
  scorecards: Record<string, "draft" | "submitted" | undefined>;
  /** Set once the interview is cancelled (absent: it was not). */
  cancelledAt?: Date | null;
};

/**
 * The interviews that still count: a cancelled one stays on the loop page with its reason, but
 * schedules nothing, owes no scorecard and neither completes nor holds up its stage.
 */
export function standingInterviews<T extends { cancelledAt?: Date | null }>(interviews: readonly T[]): T[] {
  return interviews.filter((i) => !i.cancelledAt);
}

export function interviewEndsAt(interview: Pick<InterviewState, "startsAt" | "durationMinutes">): Date {
  return new Date(interview.startsAt.getTime() + interview.durationMinutes * 60_000);
}

/**
 * An interview has taken place, for its scorecards, once it has begun (now ≥ its start): from
 * then on its scorecards are owed and can be submitted. Before that an interviewer may prepare
 * a draft, but not submit it: nobody rates an interview that has not happened. The start, not
 * the end, because the scorecard is owed from the start (the homes and stage statuses count it
 * so) and an interview that finishes early should not keep its interviewers waiting.
 */
export function interviewHasBegun(interview: Pick<InterviewState, "startsAt">, now: Date): boolean {
  return interview.startsAt.getTime() <= now.getTime();
}

/** What a submission before the interview is told (the server writes times in UTC, named). */
export function notBegunMessage(startsAt: Date): string {
  return `This interview begins ${formatInstant(startsAt, "UTC")}: its scorecard can be submitted once it has begun. Until then your draft keeps saving.`;
}

/** A scorecard is due a number of hours (the rubric's) after its interview ends. */
export function scorecardDueAt(interview: Pick<InterviewState, "startsAt" | "durationMinutes">, dueHours: number): Date {
  return new Date(interviewEndsAt(interview).getTime() + dueHours * 3_600_000);
}

/** Past its due time (a submitted scorecard is never overdue; callers check that). */
export function isScorecardOverdue(interview: Pick<InterviewState, "startsAt" | "durationMinutes">, dueHours: number, now: Date): boolean {
  return scorecardDueAt(interview, dueHours).getTime() < now.getTime();
}

export function submittedCount(interviews: readonly InterviewState[]): number {
  return interviews.reduce((n, i) => n + Object.values(i.scorecards).filter((s) => s === "submitted").length, 0);
}

export function stageStatus(interviews: readonly InterviewState[], needed: number, now: Date): StageStatus {
  if (interviews.length === 0) return "not_scheduled";
  if (submittedCount(interviews) >= needed) return "complete";
  if (interviews.some((i) => interviewHasBegun(i, now))) return "awaiting_scorecards";
  return "scheduled";
}

export type StageProgress = { stageId: string; status: StageStatus; submitted: number; needed: number };

export function loopProgress(
  stages: ReadonlyArray<{ id: string }>,
  scorecardsPerStage: Record<string, number>,
  interviews: readonly InterviewState[],
  now: Date,
): { stages: StageProgress[]; complete: boolean } {
  const standing = standingInterviews(interviews);
  const progress = stages.map((stage) => {
    const ofStage = standing.filter((i) => i.stageId === stage.id);
    const needed = scorecardsPerStage[stage.id] ?? 1;
    return { stageId: stage.id, status: stageStatus(ofStage, needed, now), submitted: submittedCount(ofStage), needed };
  });
  return { stages: progress, complete: progress.every((s) => s.status === "complete") };
}

export type OwedScorecard = {
  interviewId: string;
  stageId: string;
  interviewerId: string;
  startsAt: Date;
  dueAt: Date;
  overdue: boolean;
  started: boolean;
};

/** Scorecards assigned but not submitted for interviews that have begun, with when each is due. */
export function owedScorecards(interviews: readonly InterviewState[], dueHours: number, now: Date): OwedScorecard[] {
  return standingInterviews(interviews)
    .filter((i) => interviewHasBegun(i, now))
    .flatMap((i) =>
      i.interviewerIds
        .filter((id) => i.scorecards[id] !== "submitted")
        .map((interviewerId) => {
          const dueAt = scorecardDueAt(i, dueHours);
          return {
            interviewId: i.id,
            stageId: i.stageId,
            interviewerId,
            startsAt: i.startsAt,
            dueAt,
            overdue: isScorecardOverdue(i, dueHours, now),
            started: i.scorecards[interviewerId] === "draft",
          };
        }),
    )
    .sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
}

export type AssignmentState = {
  interviewId: string;
  startsAt: Date;
  durationMinutes: number;
  dueHours: number;
  scorecard: { status: "draft" | "submitted"; draftSavedAt: Date | null } | null;
  cancelledAt?: Date | null;
};

export type QueueEntry<T> = T & { dueAt: Date };

/**
 * An interviewer's work: interviews still ahead; scorecards to write (interview begun, nothing
 * written yet); drafts in progress; overdue ones (past due, not submitted). Submitted ones and
 * cancelled interviews drop out.
 */
export function interviewerQueue<T extends AssignmentState>(assignments: readonly T[], now: Date) {
  const queue = { upcoming: [] as QueueEntry<T>[], toWrite: [] as QueueEntry<T>[], drafts: [] as QueueEntry<T>[], overdue: [] as QueueEntry<T>[] };
  for (const a of assignments) {
    const entry = { ...a, dueAt: scorecardDueAt(a, a.dueHours) };
    if (a.scorecard?.status === "submitted" || a.cancelledAt) continue;
    if (isScorecardOverdue(a, a.dueHours, now)) queue.overdue.push(entry);
    else if (a.startsAt.getTime() > now.getTime()) queue.upcoming.push(entry);
    else if (a.scorecard?.draftSavedAt) queue.drafts.push(entry);
    else queue.toWrite.push(entry);
  }
  return queue;
}
