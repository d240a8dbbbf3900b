import { createHash } from "node:crypto";
import type { Prisma } from "~/generated/prisma/client";
import { chainEntry, walkChain, type AuditFacts, type AuditKind, type ChainedEntry, type ChainVerification } from "~/domain/audit/chain";
import { prisma } from "./db.server";

/**
 * Writing and checking the audit trail. A change records itself with `recordChange(tx, …)` inside
 * the transaction that makes the change, so both commit or neither does; a read records itself
 * with `recordRead` once the data has been read. Appending reads the chain's head in the same
 * transaction: SQLite runs one write transaction at a time (on PostgreSQL, every transaction
 * takes one lock first: db.server.ts), and the unique `prevHash` turns two appends after one
 * head (a fork) into a failed write rather than a broken chain.
 */

export const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

/** Who acts: a signed-in person from an address, or the system (actor null). */
export type AuditActor = { userId: string | null; address: string | null };

/** A signed-in person acting: changes that name who made them (created by, decided by) need one. */
export type PersonActor = AuditActor & { userId: string };

/** The system itself: scheduled jobs and commands run on the server. */
export const SYSTEM_ACTOR: AuditActor = { userId: null, address: null };

/** What an entry is about. `detail` holds non-personal facts only (states, field names, counts). */
export type AuditRecord = {
  action: string;
  recordType: string;
  recordId: string;
  /** The candidate whose data this is, so their export finds it and their erasure clears its text. */
  candidateId?: string | null;
  /** The person whose data this is (a builder's record, packet, projects), so they see who read it. */
  subjectUserId?: string | null;
  reason?: string | null;
  detail?: Record<string, unknown> | null;
};

type Tx = Prisma.TransactionClient;

async function append(tx: Tx, actor: AuditActor, kind: AuditKind, record: AuditRecord, at: Date): Promise<void> {
  const head = await tx.auditEntry.findFirst({ orderBy: { seq: "desc" }, select: { seq: true, hash: true } });
  const facts: AuditFacts = {
    at,
    actorId: actor.userId,
    kind,
    action: record.action,
    recordType: record.recordType,
    recordId: record.recordId,
    candidateId: record.candidateId ?? null,
    subjectUserId: record.subjectUserId ?? null,
    address: actor.address,
    reason: record.reason?.trim() ? record.reason : null,
    detail: record.detail ? JSON.stringify(record.detail) : null,
  };
  await tx.auditEntry.create({ data: chainEntry(sha256, head, facts) });
}

/** Records a change, inside the transaction that makes it. */
export async function recordChange(tx: Tx, actor: AuditActor, record: AuditRecord, at: Date): Promise<void> {
  await append(tx, actor, "change", record, at);
}

/** Records reads of sensitive data (one entry each), in one transaction of their own. */
export async function recordRead(actor: AuditActor, records: AuditRecord | readonly AuditRecord[], at: Date): Promise<void> {
  const list = Array.isArray(records) ? records : [records as AuditRecord];
  if (list.length === 0) return;
  await prisma.$transaction(async (tx) => {
    for (const record of list) await append(tx, actor, "read", record, at);
  });
}

/**
 * Clears the free text of every entry about a candidate (erasure), inside the erasure's
 * transaction; the chain survives (see domain/audit/chain.ts). Returns how many entries changed.
 */
export async function redactAuditAbout(tx: Tx, candidateId: string, at: Date): Promise<number> {
  const { count } = await tx.auditEntry.updateMany({
    where: { candidateId, redactedAt: null },
    data: { reason: null, detail: null, redactedAt: at },
  });
  return count;
}

export type AuditVerification = ChainVerification;

/** Walks the whole trail in order, a page at a time, and reports the first broken link. */
export function verifyAuditTrail(pageSize = 2000): Promise<AuditVerification> {
  return walkChain(
    sha256,
    async (after, limit): Promise<ChainedEntry[]> =>
      (await prisma.auditEntry.findMany({ where: { seq: { gt: after } }, orderBy: { seq: "asc" }, take: limit })).map((row) => ({ ...row, kind: row.kind as AuditKind })),
    pageSize,
  );
}
