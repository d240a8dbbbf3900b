import { randomUUID } from "node:crypto";
import { calendarFile } from "~/domain/calendar";
import { interviewEndsAt } from "~/domain/loop";
import { emailFor, isNotificationKind, NOTIFICATION_KINDS, NOTIFICATION_LABELS, notificationPath, SUBJECT_TYPE_OF, subjectOf, type NotificationEvent, type NotificationKind } from "~/domain/notifications/events";
import { effectiveChoices, wantsEmail } from "~/domain/notifications/preferences";
import type { Prisma } from "~/generated/prisma/client";
import { senderAddress } from "~/utils/config";
import { getConfig } from "~/utils/env.server";
import { recordChange, type PersonActor } from "./audit.server";
import { prisma } from "./db.server";

/**
 * Notifications: the in-app inbox and the email outbox. A change that notifies calls
 * `notify(tx, …)` inside its own transaction, so the notification and its email (an
 * OutboxMessage) commit with the change or not at all; the delivery worker (server/delivery.ts)
 * sends the email later. The change's own audit entry covers what `notify` writes.
 */

type Tx = Prisma.TransactionClient;

export type Recipient = { id: string; name: string; email: string };

export type NotifyInput = {
  event: NotificationEvent;
  recipients: readonly Recipient[];
  /** An iCalendar invitation attached to each recipient's email (the same for all: one event, every attendee). */
  ics?: string | null;
  now: Date;
};

/** The host part of Message-IDs: the app's own host, so ids are unique to this deployment. */
function messageIdHost(appUrl: string): string {
  try {
    return new URL(appUrl).hostname || "builder-ladder";
  } catch {
    return "builder-ladder";
  }
}

/**
 * Writes one inbox notification per recipient and, for those who take this kind by email, one
 * outbox message with a Message-ID of its own (unique: the same message is never queued twice).
 * Returns the notification ids in recipient order (deactivated recipients are skipped).
 */
export async function notify(tx: Tx, input: NotifyInput): Promise<string[]> {
  const { appUrl } = getConfig();
  const subject = subjectOf(input.event);
  const choices = await tx.notificationPreference.findMany({
    where: { userId: { in: input.recipients.map((r) => r.id) }, kind: input.event.kind },
    select: { userId: true, kind: true, email: true },
  });
  // A deactivated account hears of nothing, whoever named it (callers filter too; this is the floor).
  const inactive = new Set(
    (await tx.user.findMany({ where: { id: { in: input.recipients.map((r) => r.id) }, deactivatedAt: { not: null } }, select: { id: true } })).map((u) => u.id),
  );
  const ids: string[] = [];
  for (const recipient of input.recipients) {
    if (inactive.has(recipient.id)) continue;
    const notification = await tx.notification.create({
      data: { recipientId: recipient.id, kind: input.event.kind, subjectType: subject.type, subjectId: subject.id, createdAt: input.now },
    });
    ids.push(notification.id);
    const own = Object.fromEntries(choices.filter((c) => c.userId === recipient.id).map((c) => [c.kind, c.email]));
    if (!wantsEmail(input.event.kind, own)) continue;
    const mail = emailFor(input.event, appUrl, recipient.name);
    await tx.outboxMessage.create({
      data: {
        messageId: `<notification-${notification.id}@${messageIdHost(appUrl)}>`,
        notificationId: notification.id,
        recipientEmail: recipient.email,
        subject: mail.subject,
        text: mail.text,
        ics: input.ics ?? null,
        createdAt: input.now,
        nextAttemptAt: input.now,
      },
    });
  }
  return ids;
}

/**
 * Queues one email that is not a notification (an invitation to join, a password reset): no
 * inbox entry and no setting turns it off. Inside the caller's transaction, like `notify`.
 */
export async function queueEmail(tx: Tx, input: { to: string; subject: string; text: string; now: Date }): Promise<string> {
  const { appUrl } = getConfig();
  const row = await tx.outboxMessage.create({
    data: {
      messageId: `<account-${randomUUID()}@${messageIdHost(appUrl)}>`,
      recipientEmail: input.to,
      subject: input.subject,
      text: input.text,
      createdAt: input.now,
      nextAttemptAt: input.now,
    },
  });
  return row.messageId;
}

/** The calendar UID of an interview: the same in every invitation and in the .ics download, so calendars update one event. */
export const interviewUid = (interviewId: string) => `interview-${interviewId}@builder-ladder`;

/** Who sends calendar files for the system: the app's own sender address. */
export function systemOrganizer(): { name: string; email: string } {
  const { mailFrom } = getConfig();
  const senderName = mailFrom.includes("<") ? mailFrom.slice(0, mailFrom.indexOf("<")).trim().replace(/^"|"$/g, "") : "";
  return { name: senderName || "Builder Ladder", email: senderAddress(mailFrom) ?? "no-reply@localhost" };
}

/**
 * An interview's calendar file for its interviewers' email: an invitation or update
 * (METHOD:REQUEST, SEQUENCE 0 for the first version, higher for each change) or a cancellation
 * (METHOD:CANCEL, STATUS:CANCELLED, for every attendee or only those taken off it), always with the
 * interview's one UID. Like the email, it names the stage and time and links to the interview,
 * nothing about the candidate. The organizer is whoever scheduled it, or the app's sender.
 */
export function interviewInvitation(input: {
  interviewId: string;
  stageName: string;
  startsAt: Date;
  durationMinutes: number;
  attendees: ReadonlyArray<{ name: string; email: string }>;
  organizer: { name: string; email: string } | null;
  now: Date;
  method?: "REQUEST" | "CANCEL";
  sequence?: number;
}): string {
  const { appUrl } = getConfig();
  const method = input.method ?? "REQUEST";
  const link = `${appUrl}${notificationPath(method === "CANCEL" ? "interview.cancelled" : "interview.assigned", { type: "interview", id: input.interviewId })}`;
  return calendarFile({
    method,
    sequence: input.sequence ?? 0,
    uid: interviewUid(input.interviewId),
    start: input.startsAt,
    end: interviewEndsAt(input),
    summary: `Interview: ${input.stageName}`,
    description: method === "CANCEL" ? `${input.stageName} interview: cancelled for you. What waits for you: ${link}` : `${input.stageName} interview. Scorecard: ${link}`,
    organizer: input.organizer ?? systemOrganizer(),
    attendees: [...input.attendees],
    now: input.now,
  });
}

export type InboxItem = {
  id: string;
  kind: NotificationKind;
  text: string;
  path: string;
  createdAt: Date;
  readAt: Date | null;
};

/** A person's newest notifications (kinds this version no longer knows are left out). */
export async function listInbox(userId: string, take = 100): Promise<InboxItem[]> {
  const rows = await prisma.notification.findMany({ where: { recipientId: userId }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take });
  return rows.flatMap((row) => {
    if (!isNotificationKind(row.kind) || row.subjectType !== SUBJECT_TYPE_OF[row.kind]) return [];
    return [
      {
        id: row.id,
        kind: row.kind,
        text: NOTIFICATION_LABELS[row.kind].inbox,
        path: notificationPath(row.kind, { type: SUBJECT_TYPE_OF[row.kind], id: row.subjectId }),
        createdAt: row.createdAt,
        readAt: row.readAt,
      },
    ];
  });
}

/** Whether a notification is this person's own. */
export async function ownsNotification(userId: string, id: string): Promise<boolean> {
  return (await prisma.notification.count({ where: { id, recipientId: userId } })) === 1;
}

/** How many of a person's notifications are unread (the app shell's badge). */
export function unreadCount(userId: string): Promise<number> {
  return prisma.notification.count({ where: { recipientId: userId, readAt: null } });
}

/**
 * Marks one of the actor's own notifications read, or all of them (`id` null); someone else's
 * notification is left alone (0). Returns how many changed; a change writes its audit entry.
 */
export async function markRead(actor: PersonActor, id: string | null, now: Date): Promise<number> {
  return prisma.$transaction(async (tx) => {
    const { count } = await tx.notification.updateMany({ where: { recipientId: actor.userId, readAt: null, ...(id ? { id } : {}) }, data: { readAt: now } });
    if (count > 0) {
      await recordChange(tx, actor, { action: id ? "notification.read" : "notification.read-all", recordType: id ? "notification" : "user", recordId: id ?? actor.userId, subjectUserId: actor.userId, detail: { count } }, now);
    }
    return count;
  });
}

/** Which kinds reach a person by email (their choices over the defaults). */
export async function emailChoices(userId: string): Promise<Record<NotificationKind, boolean>> {
  const rows = await prisma.notificationPreference.findMany({ where: { userId }, select: { kind: true, email: true } });
  return effectiveChoices(Object.fromEntries(rows.map((r) => [r.kind, r.email])));
}

/** Stores a person's email choice for every kind, with its audit entry. */
export async function setEmailChoices(actor: PersonActor, choices: Record<NotificationKind, boolean>, now: Date): Promise<void> {
  await prisma.$transaction(async (tx) => {
    for (const kind of NOTIFICATION_KINDS) {
      await tx.notificationPreference.upsert({
        where: { userId_kind: { userId: actor.userId, kind } },
        create: { userId: actor.userId, kind, email: choices[kind] },
        update: { email: choices[kind] },
      });
    }
    await recordChange(tx, actor, { action: "notification.preferences", recordType: "user", recordId: actor.userId, subjectUserId: actor.userId, detail: { email: choices } }, now);
  });
}
