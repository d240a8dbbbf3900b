import { checkpointDueAt } from "~/domain/project/process";
import { checkpointReminderDue, dueScorecardReminder, type ReminderSettings } from "~/domain/notifications/reminders";
import type { NotificationEvent } from "~/domain/notifications/events";
import { Prisma } from "~/generated/prisma/client";
import { asStatus } from "./loops.server";
import { recordChange, SYSTEM_ACTOR, type AuditRecord } from "./audit.server";
import { prisma } from "./db.server";
import { notify, type Recipient } from "./notifications.server";
import { rubricsByHash } from "./rubrics.server";

/**
 * Sends the reminders due at `now` (the rules: domain/notifications/reminders.ts). Each goes out
 * in a transaction of its own that first inserts its ReminderSent row (kind, subject, recipient,
 * step): a second run, here or in another instance, fails on that key and skips it, so a reminder
 * is sent once however many runs overlap. The same transaction checks again that it is still owed
 * (a scorecard submitted a moment ago gets no reminder) and writes the notification, its email and
 * the audit entry (the system's).
 */
type Tx = Prisma.TransactionClient;

export type ReminderRun = { scorecard: number; checkpoint: number };

type Reminder = {
  kind: NotificationEvent["kind"];
  subjectId: string;
  recipient: Recipient;
  step: number;
  event: NotificationEvent;
  audit: AuditRecord;
  /** Inside the sending transaction: whether the reminder is still owed. */
  stillOwed: (tx: Tx) => Promise<boolean>;
};

const isDuplicate = (error: unknown) => error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";

/** Sends one reminder unless it was sent already or is no longer owed; true when this call sent it. */
async function sendOnce(reminder: Reminder, now: Date): Promise<boolean> {
  try {
    return await prisma.$transaction(async (tx) => {
      if (!(await reminder.stillOwed(tx))) return false;
      await tx.reminderSent.create({ data: { kind: reminder.kind, subjectId: reminder.subjectId, recipientId: reminder.recipient.id, step: reminder.step, sentAt: now } });
      await notify(tx, { event: reminder.event, recipients: [reminder.recipient], now });
      await recordChange(tx, SYSTEM_ACTOR, reminder.audit, now);
      return true;
    });
  } catch (error) {
    if (isDuplicate(error)) return false; // another run sent it first
    throw error;
  }
}

const key = (r: { kind: string; subjectId: string; recipientId: string; step: number }) => `${r.kind}|${r.subjectId}|${r.recipientId}|${r.step}`;

/** Of the reminders given, those with no ReminderSent row yet (a cheap pre-check; the key decides). */
async function notYetSent(reminders: Reminder[]): Promise<Reminder[]> {
  const sent = new Set<string>();
  const subjects = [...new Set(reminders.map((r) => r.subjectId))];
  for (let i = 0; i < subjects.length; i += 500) {
    const rows = await prisma.reminderSent.findMany({ where: { subjectId: { in: subjects.slice(i, i + 500) } }, select: { kind: true, subjectId: true, recipientId: true, step: true } });
    for (const row of rows) sent.add(key(row));
  }
  return reminders.filter((r) => !sent.has(key({ ...r, recipientId: r.recipient.id })));
}

/**
 * The scorecard reminders due: every assigned, active interviewer of an interview that has begun,
 * is not cancelled, in a loop that is open and undecided, of a candidate not erased, whose
 * scorecard is not submitted; the latest step of its cadence that has come, if not sent yet.
 */
async function scorecardReminders(settings: ReminderSettings, now: Date): Promise<Reminder[]> {
  const assignments = await prisma.interviewAssignment.findMany({
    where: {
      interviewer: { deactivatedAt: null },
      interview: { cancelledAt: null, startsAt: { lte: now }, loop: { closedAt: null, decisions: { none: {} }, candidate: { erasedAt: null } } },
    },
    select: {
      interviewer: { select: { id: true, name: true, email: true } },
      interview: {
        select: {
          id: true,
          stageId: true,
          startsAt: true,
          durationMinutes: true,
          sequence: true,
          loop: { select: { candidateId: true, rubricVersion: { select: { id: true, contentHash: true } } } },
          scorecards: { select: { interviewerId: true, status: true } },
        },
      },
    },
  });
  const rubrics = await rubricsByHash(assignments.map((a) => a.interview.loop.rubricVersion));
  const reminders: Reminder[] = [];
  for (const { interviewer, interview } of assignments) {
    const rubric = rubrics.get(interview.loop.rubricVersion.contentHash)!;
    const scorecard = interview.scorecards.find((s) => s.interviewerId === interviewer.id);
    const dueHours = rubric.decision_rules.scorecard_due_hours;
    const step = dueScorecardReminder(interview, dueHours, settings, scorecard ? asStatus(scorecard.status) : null, now);
    if (!step) continue;
    const stageName = rubric.stages.find((s) => s.id === interview.stageId)?.name ?? interview.stageId;
    reminders.push({
      kind: step.kind,
      subjectId: interview.id,
      recipient: interviewer,
      step: step.key,
      event: { kind: step.kind, interviewId: interview.id, stageName, startsAt: interview.startsAt, durationMinutes: interview.durationMinutes, dueAt: step.dueAt },
      audit: {
        action: "reminder.send",
        recordType: "interview",
        recordId: interview.id,
        candidateId: interview.loop.candidateId,
        detail: { kind: step.kind, recipientId: interviewer.id, step: step.index, sequence: interview.sequence },
      },
      stillOwed: async (tx) => {
        const row = await tx.interview.findFirst({
          where: {
            id: interview.id,
            sequence: interview.sequence,
            cancelledAt: null,
            assignments: { some: { interviewerId: interviewer.id } },
            loop: { closedAt: null, decisions: { none: {} }, candidate: { erasedAt: null } },
          },
          select: { scorecards: { where: { interviewerId: interviewer.id, status: "submitted" }, select: { id: true } } },
        });
        return row !== null && row.scorecards.length === 0;
      },
    });
  }
  return reminders;
}

/** The checkpoint reminders due: each launched project past its checkpoint's due time, to its active owner, once. */
async function checkpointReminders(now: Date): Promise<Reminder[]> {
  const projects = await prisma.project.findMany({
    where: { status: "launched", launchedAt: { not: null, lte: now }, checkpoint: null, owner: { deactivatedAt: null } },
    select: { id: true, title: true, status: true, launchedAt: true, owner: { select: { id: true, name: true, email: true } }, rubricVersion: { select: { id: true, contentHash: true } } },
  });
  const rubrics = await rubricsByHash(projects.map((p) => p.rubricVersion));
  const reminders: Reminder[] = [];
  for (const project of projects) {
    const process = rubrics.get(project.rubricVersion.contentHash)?.project_process;
    const dueAt = process && project.launchedAt ? checkpointDueAt(project.launchedAt, process) : null;
    if (!checkpointReminderDue({ status: project.status, checkpointDueAt: dueAt }, now) || !dueAt) continue;
    reminders.push({
      kind: "project.checkpoint_due",
      subjectId: project.id,
      recipient: project.owner,
      step: 0,
      event: { kind: "project.checkpoint_due", projectId: project.id, projectTitle: project.title, dueOn: dueAt },
      audit: { action: "reminder.send", recordType: "project", recordId: project.id, subjectUserId: project.owner.id, detail: { kind: "project.checkpoint_due", recipientId: project.owner.id, step: 0 } },
      stillOwed: async (tx) => (await tx.project.count({ where: { id: project.id, status: "launched", checkpoint: null, ownerId: project.owner.id } })) === 1,
    });
  }
  return reminders;
}

/**
 * The most reminders one run sends. A backlog (the first run after downtime, or after importing an
 * organisation with many scorecards outstanding) then drains over the next runs, a minute apart,
 * instead of one run writing thousands of reminders while people wait for their pages.
 */
export const REMINDERS_PER_RUN = 200;

/** Sends the reminders due at `now`, each once and at most `limit` of them; resolves to how many this call sent. */
export async function sendDueReminders(settings: ReminderSettings, now: Date, limit = REMINDERS_PER_RUN): Promise<ReminderRun> {
  const run: ReminderRun = { scorecard: 0, checkpoint: 0 };
  const left = () => limit - run.scorecard - run.checkpoint;
  for (const reminder of await notYetSent(await scorecardReminders(settings, now))) {
    if (left() <= 0) return run;
    if (await sendOnce(reminder, now)) run.scorecard++;
  }
  for (const reminder of await notYetSent(await checkpointReminders(now))) {
    if (left() <= 0) return run;
    if (await sendOnce(reminder, now)) run.checkpoint++;
  }
  return run;
}
