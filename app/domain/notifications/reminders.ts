import { interviewEndsAt, scorecardDueAt } from "../loop";

/**
 * When reminders fall due. Pure: times are instants (Date), the settings and the clock are passed
 * in, so a cadence is the same in every time zone and across daylight-saving changes (24 hours
 * apart in UTC, whatever the wall clock does).
 *
 * A scorecard owed on an interview gets:
 * - step 0, "scorecard.due": `firstHours` after the interview ends (dropped when that is not
 *   before the scorecard's due time: the overdue reminder says it better);
 * - steps 1…maxOverdue, "scorecard.overdue": at the due time (the rubric's scorecard_due_hours
 *   after the end), then every `everyHours`.
 * Each step is sent at most once (a ReminderSent row with the step's key). A sender asks only for
 * the latest step due: one that was missed while the app was down is not sent late in a burst,
 * the newest one is sent once and the older ones are passed over.
 */
export type ReminderSettings = {
  /** SCORECARD_REMINDER_FIRST_HOURS: hours after the interview ends for the "due" reminder. */
  firstHours: number;
  /** SCORECARD_REMINDER_EVERY_HOURS: hours between overdue reminders. */
  everyHours: number;
  /** SCORECARD_REMINDER_MAX: how many overdue reminders at most (0: none). */
  maxOverdue: number;
};

/**
 * A moved interview starts its reminders again: the step key carries the interview's sequence
 * (which rises with every new time), so the reminders already sent for the old time do not count
 * for the new one. STEPS_PER_SEQUENCE leaves room for every step of one sequence.
 */
export const STEPS_PER_SEQUENCE = 1000;
export const MAX_OVERDUE_REMINDERS = STEPS_PER_SEQUENCE - 1;

export type ScorecardReminderKind = "scorecard.due" | "scorecard.overdue";

export type ReminderStep = {
  kind: ScorecardReminderKind;
  /** 0 for "due", 1… for the overdue reminders, in time order. */
  index: number;
  /** The ReminderSent step: the interview's sequence and the index together. */
  key: number;
  at: Date;
  /** When the scorecard is due (the emails say it). */
  dueAt: Date;
};

export type OwedInterview = { startsAt: Date; durationMinutes: number; sequence: number };

const HOUR_MS = 3_600_000;

export function reminderKey(sequence: number, index: number): number {
  return sequence * STEPS_PER_SEQUENCE + index;
}

/** Every reminder a scorecard owed on this interview gets, in time order. */
export function scorecardCadence(interview: OwedInterview, dueHours: number, settings: ReminderSettings): ReminderStep[] {
  const dueAt = scorecardDueAt(interview, dueHours);
  const steps: ReminderStep[] = [];
  const first = new Date(interviewEndsAt(interview).getTime() + settings.firstHours * HOUR_MS);
  if (first.getTime() < dueAt.getTime()) steps.push({ kind: "scorecard.due", index: 0, key: reminderKey(interview.sequence, 0), at: first, dueAt });
  const overdue = Math.min(settings.maxOverdue, MAX_OVERDUE_REMINDERS);
  for (let index = 1; index <= overdue; index++) {
    const at = new Date(dueAt.getTime() + (index - 1) * settings.everyHours * HOUR_MS);
    steps.push({ kind: "scorecard.overdue", index, key: reminderKey(interview.sequence, index), at, dueAt });
  }
  return steps;
}

/**
 * The reminder to send now for one interviewer's scorecard: the latest step whose time has come,
 * or null (submitted, or nothing due yet). Whether it was already sent is the caller's to check.
 */
export function dueScorecardReminder(
  interview: OwedInterview,
  dueHours: number,
  settings: ReminderSettings,
  scorecard: "draft" | "submitted" | null,
  now: Date,
): ReminderStep | null {
  if (scorecard === "submitted") return null;
  const due = scorecardCadence(interview, dueHours, settings).filter((step) => step.at.getTime() <= now.getTime());
  return due.at(-1) ?? null;
}

/** A launched project's checkpoint reminder is due from the checkpoint's due time until it is recorded. */
export function checkpointReminderDue(project: { status: string; checkpointDueAt: Date | null }, now: Date): boolean {
  return project.status === "launched" && project.checkpointDueAt !== null && project.checkpointDueAt.getTime() <= now.getTime();
}
