/**
 * Reading the audit trail for people: the admin's filtered log and its exports, and the reads of
 * a person's own data they may see. Entries name people and candidates by id; the names are
 * looked up here, so an erased candidate shows as erased (the entry itself only holds the id).
 */
import type { Prisma } from "~/generated/prisma/client";
import { actorFilter, auditPeriod, type AuditFilters } from "~/domain/audit/filters";
import type { AuditKind } from "~/domain/audit/chain";
import { prisma } from "./db.server";

export type AuditLogEntry = {
  seq: number;
  at: Date;
  kind: AuditKind;
  actorId: string | null;
  /** null for the system, or for a person no longer on record. */
  actorName: string | null;
  address: string | null;
  action: string;
  recordType: string;
  recordId: string;
  candidateId: string | null;
  /** The candidate's name while held; null when erased (see `candidateErased`) or none. */
  candidateName: string | null;
  candidateErased: boolean;
  subjectUserId: string | null;
  subjectName: string | null;
  reason: string | null;
  detail: string | null;
  redactedAt: Date | null;
};

/** Who the entry's data is about, in words: a candidate (or "Erased candidate"), a person, or none. */
export function whoseData(entry: Pick<AuditLogEntry, "candidateId" | "candidateName" | "candidateErased" | "subjectUserId" | "subjectName">): string | null {
  const parts: string[] = [];
  if (entry.candidateId) parts.push(entry.candidateErased ? "Erased candidate" : (entry.candidateName ?? "Erased candidate"));
  if (entry.subjectUserId) parts.push(entry.subjectName ?? "Unknown person");
  return parts.length ? parts.join("; ") : null;
}

function whereOf(filters: AuditFilters): Prisma.AuditEntryWhereInput {
  const where: Prisma.AuditEntryWhereInput = {};
  const actor = actorFilter(filters.actor);
  if (actor) where.actorId = actor.userId;
  if (filters.recordType) where.recordType = filters.recordType;
  if (filters.recordId) where.recordId = filters.recordId;
  if (filters.action) where.action = filters.action;
  if (filters.kind) where.kind = filters.kind;
  const period = auditPeriod(filters);
  if (period.gte || period.lt) where.at = period;
  return where;
}

type Row = Awaited<ReturnType<typeof prisma.auditEntry.findMany>>[number];

/** Names for the people and candidates the rows mention: two queries, whatever the page size. */
async function withNames(rows: Row[]): Promise<AuditLogEntry[]> {
  const userIds = [...new Set(rows.flatMap((r) => [r.actorId, r.subjectUserId]).filter((id): id is string => id !== null))];
  const candidateIds = [...new Set(rows.map((r) => r.candidateId).filter((id): id is string => id !== null))];
  const [users, candidates] = await Promise.all([
    userIds.length ? prisma.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true } }) : [],
    candidateIds.length ? prisma.candidate.findMany({ where: { id: { in: candidateIds } }, select: { id: true, name: true, erasedAt: true } }) : [],
  ]);
  const userName = new Map(users.map((u) => [u.id, u.name]));
  const candidate = new Map(candidates.map((c) => [c.id, c]));
  return rows.map((r) => {
    const c = r.candidateId ? candidate.get(r.candidateId) : undefined;
    // A candidate no longer on record is as good as erased: no name to show.
    const erased = r.candidateId !== null && (!c || c.erasedAt !== null);
    return {
      seq: r.seq,
      at: r.at,
      kind: r.kind as AuditKind,
      actorId: r.actorId,
      actorName: r.actorId ? (userName.get(r.actorId) ?? null) : null,
      address: r.address,
      action: r.action,
      recordType: r.recordType,
      recordId: r.recordId,
      candidateId: r.candidateId,
      candidateName: c && !erased ? c.name : null,
      candidateErased: erased,
      subjectUserId: r.subjectUserId,
      subjectName: r.subjectUserId ? (userName.get(r.subjectUserId) ?? null) : null,
      reason: r.reason,
      detail: r.detail,
      redactedAt: r.redactedAt,
    };
  });
}

export type AuditPage = { entries: AuditLogEntry[]; total: number; page: number; pages: number };

/** One page of the entries the filters match, newest first. */
export async function listAuditEntries(filters: AuditFilters, pageSize: number): Promise<AuditPage> {
  const where = whereOf(filters);
  const [total, rows] = await Promise.all([
    prisma.auditEntry.count({ where }),
    prisma.auditEntry.findMany({ where, orderBy: { seq: "desc" }, skip: (filters.page - 1) * pageSize, take: pageSize }),
  ]);
  return { entries: await withNames(rows), total, page: filters.page, pages: Math.max(1, Math.ceil(total / pageSize)) };
}

/** Every entry the filters match, newest first (the exports), read a batch at a time. */
export async function allAuditEntries(filters: AuditFilters, batch = 2000): Promise<AuditLogEntry[]> {
  const where = whereOf(filters);
  const all: AuditLogEntry[] = [];
  let before: number | null = null;
  for (;;) {
    const rows: Row[] = await prisma.auditEntry.findMany({
      where: before === null ? where : { AND: [where, { seq: { lt: before } }] },
      orderBy: { seq: "desc" },
      take: batch,
    });
    all.push(...(await withNames(rows)));
    if (rows.length < batch) return all;
    before = rows[rows.length - 1]!.seq;
  }
}

export type AuditFilterOptions = { people: Array<{ id: string; name: string }>; actions: string[]; recordTypes: string[] };

/** What the filter form offers: everyone who ever acted, and the actions and record types on the trail. */
export async function auditFilterOptions(): Promise<AuditFilterOptions> {
  const [actors, actions, types] = await Promise.all([
    prisma.auditEntry.findMany({ where: { actorId: { not: null } }, distinct: ["actorId"], select: { actorId: true } }),
    prisma.auditEntry.findMany({ distinct: ["action"], select: { action: true }, orderBy: { action: "asc" } }),
    prisma.auditEntry.findMany({ distinct: ["recordType"], select: { recordType: true }, orderBy: { recordType: "asc" } }),
  ]);
  const people = await prisma.user.findMany({
    where: { id: { in: actors.map((a) => a.actorId!).filter(Boolean) } },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
  });
  return { people, actions: actions.map((a) => a.action), recordTypes: types.map((t) => t.recordType) };
}

/** The trail's size and newest entry: cheap, unlike walking the chain (verifyAuditTrail). */
export async function auditHead(): Promise<{ entries: number; head: { seq: number; hash: string } | null }> {
  const [entries, head] = await Promise.all([prisma.auditEntry.count(), prisma.auditEntry.findFirst({ orderBy: { seq: "desc" }, select: { seq: true, hash: true } })]);
  return { entries, head };
}

export type ReadOfMine = { seq: number; at: Date; readerName: string | null; action: string; recordType: string; recordId: string; detail: string | null };

/**
 * One page of the reads of a person's data (`subjectUserId`) made by anyone else, newest first:
 * their own reads are left out, the system's are shown as such.
 */
export async function readsOfPersonByOthers(userId: string, page: number, pageSize: number): Promise<{ reads: ReadOfMine[]; total: number; pages: number }> {
  const where: Prisma.AuditEntryWhereInput = { subjectUserId: userId, kind: "read", OR: [{ actorId: null }, { actorId: { not: userId } }] };
  const [total, rows] = await Promise.all([
    prisma.auditEntry.count({ where }),
    prisma.auditEntry.findMany({ where, orderBy: { seq: "desc" }, skip: (page - 1) * pageSize, take: pageSize }),
  ]);
  const named = await withNames(rows);
  return {
    reads: named.map((r) => ({ seq: r.seq, at: r.at, readerName: r.actorId ? (r.actorName ?? "A former user") : null, action: r.action, recordType: r.recordType, recordId: r.recordId, detail: r.detail })),
    total,
    pages: Math.max(1, Math.ceil(total / pageSize)),
  };
}
