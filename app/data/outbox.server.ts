import { OUTBOX_PAGE_SIZE, OUTBOX_STATUSES, outboxText, type OutboxCursor, type OutboxQuery, type OutboxStatus } from "~/domain/notifications/outbox-query";
import type { Prisma } from "~/generated/prisma/client";
import { recordChange, SYSTEM_ACTOR } from "./audit.server";
import { prisma } from "./db.server";

/** The admins' outbox (a page of it, by state) and the pruning of old sent emails. */

export type OutboxRow = {
  id: string;
  messageId: string;
  recipientEmail: string;
  subject: string;
  text: string;
  hasInvitation: boolean;
  status: string;
  attempts: number;
  createdAt: Date;
  nextAttemptAt: Date;
  sentAt: Date | null;
  lastError: string | null;
};

export type OutboxPage = {
  messages: OutboxRow[];
  /** Where the page of older emails starts (null: this is the last page). */
  older: OutboxCursor | null;
  /** Where the page of newer emails ends (null: this is the first page). */
  newer: OutboxCursor | null;
  /** How many emails are in each state (the filter shows them). */
  counts: Record<OutboxStatus, number>;
};

const cursorOf = (row: { createdAt: Date; id: string }): OutboxCursor => ({ createdAt: row.createdAt, id: row.id });

/** Strictly older than the cursor (newest first: a later createdAt, or the same and a larger id, comes first). */
const olderThan = (c: OutboxCursor): Prisma.OutboxMessageWhereInput => ({ OR: [{ createdAt: { lt: c.createdAt } }, { createdAt: c.createdAt, id: { lt: c.id } }] });
const newerThan = (c: OutboxCursor): Prisma.OutboxMessageWhereInput => ({ OR: [{ createdAt: { gt: c.createdAt } }, { createdAt: c.createdAt, id: { gt: c.id } }] });

/**
 * One page of the outbox, newest first, at most `size` emails, optionally of one state. Keyset
 * paging on (createdAt, id): a page costs the same at the end of a long outbox as at its start,
 * and emails queued while an admin pages do not shift the pages they already have.
 */
export async function listOutboxPage(query: OutboxQuery, size = OUTBOX_PAGE_SIZE): Promise<OutboxPage> {
  const byStatus: Prisma.OutboxMessageWhereInput = query.status ? { status: query.status } : {};
  const cursor = query.cursor;
  const towardNewer = cursor?.direction === "after";
  const rows = await prisma.outboxMessage.findMany({
    where: { AND: [byStatus, cursor ? (towardNewer ? newerThan(cursor) : olderThan(cursor)) : {}] },
    orderBy: towardNewer ? [{ createdAt: "asc" }, { id: "asc" }] : [{ createdAt: "desc" }, { id: "desc" }],
    take: size + 1,
  });
  const more = rows.length > size;
  const page = rows.slice(0, size);
  if (towardNewer) page.reverse();
  const first = page[0];
  const last = page.at(-1);
  // Paging toward newer emails: there are older ones (we came from them); newer ones when the read found more.
  const older = towardNewer ? (last ? cursorOf(last) : null) : more && last ? cursorOf(last) : null;
  const newer = towardNewer ? (more && first ? cursorOf(first) : null) : cursor && first ? cursorOf(first) : null;
  const grouped = await prisma.outboxMessage.groupBy({ by: ["status"], _count: { _all: true } });
  const counts = Object.fromEntries(OUTBOX_STATUSES.map((s) => [s, grouped.find((g) => g.status === s)?._count._all ?? 0])) as Record<OutboxStatus, number>;
  return {
    messages: page.map(({ ics, claimedBy: _by, claimedUntil: _until, notificationId: _n, ...row }) => ({ ...row, text: outboxText(row.text, row.status), hasInvitation: ics !== null })),
    older,
    newer,
    counts,
  };
}

const DAY_MS = 86_400_000;

/**
 * Deletes the emails delivered (sent, or kept in the local outbox) more than `keepDays` ago; those
 * waiting or given up stay, whatever their age: they still need someone's attention. One audit
 * entry (the system's) says how many went. Returns that number.
 */
export async function pruneOutbox(keepDays: number, now: Date): Promise<number> {
  const before = new Date(now.getTime() - keepDays * DAY_MS);
  return prisma.$transaction(async (tx) => {
    const { count } = await tx.outboxMessage.deleteMany({ where: { status: { in: ["sent", "local"] }, sentAt: { lt: before } } });
    if (count > 0) {
      await recordChange(tx, SYSTEM_ACTOR, { action: "outbox.prune", recordType: "outboxMessage", recordId: "*", detail: { count, sentBefore: before.toISOString(), keepDays } }, now);
    }
    return count;
  });
}
