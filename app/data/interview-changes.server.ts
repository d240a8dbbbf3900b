import { applyInterviewChange, cancelledByLoopClosure, LOOP_CLOSED_REASON, type CalendarMessage, type ChangeRefusal, type InterviewChange, type InterviewSnapshot } from "~/domain/interview-changes";
import type { NotificationEvent } from "~/domain/notifications/events";
import { conflict, notFound, refuse, RefusalError, stale, type WordedRefusal } from "~/domain/refusal";
import type { Prisma } from "~/generated/prisma/client";
import { recordChange, type AuditActor } from "./audit.server";
import { prisma } from "./db.server";
import { markLoopsChanged } from "./loop-revision.server";
import { candidateOfLoop } from "./loops.server";
import { interviewInvitation, notify, systemOrganizer } from "./notifications.server";
import { rubricFromContent, rubricsByHash } from "./rubrics.server";

/**
 * Rescheduling, cancelling and reassigning an interview (rules: domain/interview-changes.ts).
 * Each change is one transaction: the interview (its sequence raised), the panel and the marks on
 * scorecards of interviewers taken off, the loop's revision (the committee list reads it), the
 * audit entry, and the notifications with their calendar files. A refusal writes nothing.
 */

type Tx = Prisma.TransactionClient;

/** A field the change's rules refuse (400, shown beside the field): the input, not the interview's state. */
export type InvalidInterviewChange = Extract<ChangeRefusal, { status: 400 }>;

export type InterviewChangeResult = { ok: true; sequence: number } | WordedRefusal | InvalidInterviewChange;

/** A change made from a page older than the interview: found after the write, so thrown to roll it back. */
const CHANGED_MEANWHILE = stale("This interview was changed by someone else meanwhile. Nothing was saved: reload the page and make your change again.");

const person = { select: { id: true, name: true, email: true } } as const;

/** The stage's name for the emails, from the loop's pinned rubric (read before the write transaction). */
async function stageNameOf(interviewId: string): Promise<string | null> {
  const row = await prisma.interview.findUnique({
    where: { id: interviewId },
    select: { stageId: true, loop: { select: { rubricVersion: { select: { id: true, contentHash: true } } } } },
  });
  if (!row) return null;
  const rubric = (await rubricsByHash([row.loop.rubricVersion])).get(row.loop.rubricVersion.contentHash);
  return rubric?.stages.find((s) => s.id === row.stageId)?.name ?? row.stageId;
}

/**
 * Whoever scheduled the interview: the ORGANIZER of every calendar file about it. Calendars take
 * updates and cancellations only from the organizer of the event they hold, so it must not change
 * with whoever makes the change. Only the audit trail knows who scheduled it.
 */
async function organizerOf(tx: Tx, interviewId: string): Promise<{ name: string; email: string } | null> {
  const added = await tx.auditEntry.findFirst({ where: { recordType: "interview", recordId: interviewId, action: "interview.add" }, orderBy: { seq: "asc" }, select: { actorId: true } });
  if (!added?.actorId) return null;
  return tx.user.findUnique({ where: { id: added.actorId }, select: { name: true, email: true } });
}

/** The organizer of an interview's calendar files (whoever scheduled it, else the app's sender). */
export async function interviewOrganizer(interviewId: string): Promise<{ name: string; email: string }> {
  return (await organizerOf(prisma, interviewId)) ?? systemOrganizer();
}

async function people(tx: Tx, ids: readonly string[]) {
  return tx.user.findMany({ where: { id: { in: [...ids] } }, ...person, orderBy: { name: "asc" } });
}

/** Applies one change to an interview, or says why not (a refusal: its state; 400: the input). */
export async function changeInterview(input: { interviewId: string; change: InterviewChange; actor: AuditActor; now: Date }): Promise<InterviewChangeResult> {
  const { interviewId, change, actor, now } = input;
  const stageName = await stageNameOf(interviewId);
  if (stageName === null) return notFound("This interview no longer exists.");
  try {
    return await prisma.$transaction(async (tx) => {
      const row = await tx.interview.findUniqueOrThrow({
        where: { id: interviewId },
        include: {
          assignments: { select: { interviewerId: true } },
          scorecards: { where: { status: "submitted" }, select: { interviewerId: true } },
          loop: { select: { closedAt: true } },
        },
      });
      // An erased candidate's loop takes no change (a thrown `locked` refusal: the route answers it).
      const candidateId = await candidateOfLoop(tx, row.loopId);
      const current: InterviewSnapshot = {
        startsAt: row.startsAt,
        durationMinutes: row.durationMinutes,
        sequence: row.sequence,
        cancelledAt: row.cancelledAt,
        interviewerIds: row.assignments.map((a) => a.interviewerId),
        submittedBy: row.scorecards.map((s) => s.interviewerId),
        loopClosedAt: row.loop.closedAt,
      };
      const outcome = applyInterviewChange(current, change, now);
      // The rules' 409s are about the interview's state (cancelled, taken place, closed, a newer version).
      if (!outcome.ok) return outcome.status === 400 ? outcome : conflict(outcome.message);
      const { next, added, removed } = outcome;

      // Only over the version the form was loaded at: of two changes made from one page state, the second is refused.
      const written = await tx.interview.updateMany({
        where: { id: interviewId, sequence: change.basedOn, cancelledAt: null },
        data: {
          sequence: next.sequence,
          ...(change.kind === "reschedule" ? { startsAt: next.startsAt, durationMinutes: next.durationMinutes } : {}),
          ...(change.kind === "cancel" ? { cancelledAt: now, cancelReason: change.reason.trim() } : {}),
        },
      });
      if (written.count !== 1) refuse(CHANGED_MEANWHILE);

      let marked = 0;
      let unmarked = 0;
      if (change.kind === "reassign") {
        await tx.interviewAssignment.deleteMany({ where: { interviewId, interviewerId: { in: removed } } });
        await tx.interviewAssignment.createMany({ data: added.map((interviewerId) => ({ interviewId, interviewerId })) });
        // What they wrote stays (and a submitted one keeps counting), marked; back on the panel, the mark goes.
        marked = (await tx.scorecard.updateMany({ where: { interviewId, interviewerId: { in: removed }, interviewerRemovedAt: null }, data: { interviewerRemovedAt: now } })).count;
        unmarked = (await tx.scorecard.updateMany({ where: { interviewId, interviewerId: { in: added }, NOT: { interviewerRemovedAt: null } }, data: { interviewerRemovedAt: null } })).count;
      }
      await markLoopsChanged(tx, { loopId: row.loopId });
      await recordChange(
        tx,
        actor,
        {
          action: `interview.${change.kind}`,
          recordType: "interview",
          recordId: interviewId,
          candidateId,
          // The cancellation's reason is text about the candidate's process: the entry's reason (erasure clears it).
          reason: change.kind === "cancel" ? change.reason.trim() : null,
          detail: {
            loopId: row.loopId,
            sequence: next.sequence,
            ...(change.kind === "reschedule"
              ? { from: { startsAt: current.startsAt.toISOString(), durationMinutes: current.durationMinutes }, to: { startsAt: next.startsAt.toISOString(), durationMinutes: next.durationMinutes } }
              : {}),
            ...(change.kind === "reassign" ? { added, removed, scorecardsMarked: marked, scorecardsUnmarked: unmarked } : {}),
          },
        },
        now,
      );

      const organizer = await organizerOf(tx, interviewId);
      for (const message of outcome.messages) {
        await send(tx, message, { interviewId, stageName, previousStartsAt: current.startsAt, next, organizer, now });
      }
      return { ok: true as const, sequence: next.sequence };
    });
  } catch (error) {
    // Only this function's own refusal comes back as a result; an erased candidate's goes on to the route.
    if (error instanceof RefusalError && error.refusal === CHANGED_MEANWHILE) return CHANGED_MEANWHILE;
    throw error;
  }
}

/** One calendar message: the inbox entries, and the emails with the file attached (outbox), in the change's transaction. */
async function send(
  tx: Tx,
  message: CalendarMessage,
  facts: { interviewId: string; stageName: string; previousStartsAt: Date; next: InterviewSnapshot; organizer: { name: string; email: string } | null; now: Date },
) {
  const { interviewId, stageName, next, now } = facts;
  const when = { interviewId, stageName, startsAt: next.startsAt, durationMinutes: next.durationMinutes };
  const event: NotificationEvent = message.kind === "interview.moved" ? { kind: message.kind, previousStartsAt: facts.previousStartsAt, ...when } : { kind: message.kind, ...when };
  const recipients = await people(tx, message.recipients);
  const attendees = await people(tx, message.attendees);
  await notify(tx, {
    event,
    recipients,
    ics: interviewInvitation({ ...when, attendees, organizer: facts.organizer, now, method: message.method, sequence: message.sequence }),
    now,
  });
}

/**
 * When a loop closes (by hand, or because its candidate was rejected or withdrew), the interviews
 * still ahead of it will not take place: each is cancelled like a recruiter's cancellation (its
 * sequence raised, its audit entry, METHOD:CANCEL to every interviewer), inside the closing
 * transaction, so calendars never keep an interview nobody will run. Interviews already begun or
 * with a submitted scorecard are history and stay as they are. Returns the interviews cancelled.
 */
export async function cancelUpcomingInterviews(tx: Tx, input: { loopId: string; candidateId: string; reason: string; actor: AuditActor; now: Date }): Promise<string[]> {
  const { loopId, actor, now } = input;
  // A loop's interviews are few: the rule (domain) picks those the closure cancels.
  const rows = (
    await tx.interview.findMany({
      where: { loopId, cancelledAt: null },
      include: {
        assignments: { select: { interviewerId: true } },
        scorecards: { where: { status: "submitted" }, select: { id: true } },
        loop: { select: { rubricVersion: { select: { content: true, contentHash: true } } } },
      },
      orderBy: { startsAt: "asc" },
    })
  ).filter((row) => cancelledByLoopClosure({ startsAt: row.startsAt, cancelledAt: row.cancelledAt, submittedScorecards: row.scorecards.length }, now));
  if (rows.length === 0) return [];
  // Read through the transaction (the stage names for the emails): a read outside it would wait for it.
  const pinned = rows[0]!.loop.rubricVersion;
  const rubric = rubricFromContent(pinned.contentHash, pinned.content);
  const reason = input.reason.trim() || LOOP_CLOSED_REASON;
  const cancelled: string[] = [];
  for (const row of rows) {
    const current: InterviewSnapshot = {
      startsAt: row.startsAt,
      durationMinutes: row.durationMinutes,
      sequence: row.sequence,
      cancelledAt: null,
      interviewerIds: row.assignments.map((a) => a.interviewerId),
      submittedBy: [],
      loopClosedAt: null,
    };
    const outcome = applyInterviewChange(current, { kind: "cancel", basedOn: row.sequence, reason }, now);
    if (!outcome.ok) continue;
    const written = await tx.interview.updateMany({ where: { id: row.id, sequence: row.sequence, cancelledAt: null }, data: { sequence: outcome.next.sequence, cancelledAt: now, cancelReason: reason } });
    if (written.count !== 1) continue;
    await recordChange(
      tx,
      actor,
      { action: "interview.cancel", recordType: "interview", recordId: row.id, candidateId: input.candidateId, reason, detail: { loopId, sequence: outcome.next.sequence, cause: "loop.close" } },
      now,
    );
    const stageName = rubric?.stages.find((st) => st.id === row.stageId)?.name ?? row.stageId;
    const organizer = await organizerOf(tx, row.id);
    for (const message of outcome.messages) {
      await send(tx, message, { interviewId: row.id, stageName, previousStartsAt: current.startsAt, next: outcome.next, organizer, now });
    }
    cancelled.push(row.id);
  }
  return cancelled;
}

/** What keeps every interview of a loop from changing (a closed loop, an erased candidate), for the pages to show instead of the forms. */
export async function loopChangeFacts(loopId: string): Promise<{ loopClosedAt: Date | null; candidateErasedAt: Date | null }> {
  const loop = await prisma.loop.findUniqueOrThrow({ where: { id: loopId }, select: { closedAt: true, candidate: { select: { erasedAt: true } } } });
  return { loopClosedAt: loop.closedAt, candidateErasedAt: loop.candidate.erasedAt };
}
