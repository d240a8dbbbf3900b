import type { HomeCandidate } from "~/views/home-page";
import { calendarDate, dateOfCalendarDay } from "~/domain/calendar-date";
import type { CandidateFormData } from "~/domain/candidate-form";
import { changeRefusalForErased } from "~/domain/candidate-erasure";
import { asCandidateStatus, type CandidateStatus } from "~/domain/candidate-pipeline";
import { locked, refuse } from "~/domain/refusal";
import { searchNeedle } from "~/domain/search-text";
import { recordChange, type AuditActor } from "./audit.server";
import { prisma } from "./db.server";
import { markLoopsChanged } from "./loop-revision.server";
import { matchingCandidateIds } from "./search.server";

/** Rows per page of the candidate list. */
export const CANDIDATE_PAGE_SIZE = 50;

/** The candidate list's summary: the same record the home's candidates panel shows. */
export type CandidateSummary = HomeCandidate;

export type CandidateDetail = {
  id: string;
  name: string;
  email: string;
  source: string;
  targetLevel: string;
  /** One address per line. */
  links: string;
  notes: string;
  createdAt: Date;
  updatedAt: Date;
  /** Where the personal data came from, and the legal basis it is held on (data protection). */
  dataOrigin: string;
  dataOriginDetail: string;
  legalBasis: string;
  /** Calendar days (YYYY-MM-DD), or null. */
  consentGivenOn: string | null;
  noticeSentOn: string | null;
  /** Set once the candidate was erased (domain/candidate-erasure.ts): the record can no longer change. */
  erasedAt: Date | null;
  /** Where they stand in the pipeline (domain/candidate-pipeline.ts), why, and since when. */
  status: CandidateStatus;
  statusReason: string;
  statusChangedAt: Date | null;
};

export type CandidateFilters = {
  /** Matches part of the name or the email address, ignoring case and accents (domain/search-text.ts). */
  search?: string;
  source?: string;
  targetLevel?: string;
  /** Only candidates in these statuses (all when left out). */
  statuses?: readonly CandidateStatus[];
};

type DataProtectionFields = "dataOrigin" | "dataOriginDetail" | "legalBasis" | "consentGivenOn" | "noticeSentOn";
/** The form's data; the data-protection fields take the form's defaults when left out. */
export type CandidateInput = Omit<CandidateFormData, DataProtectionFields> & Partial<Pick<CandidateFormData, DataProtectionFields>>;

function candidateRow(input: CandidateInput) {
  return {
    name: input.name,
    email: input.email,
    source: input.source,
    targetLevel: input.targetLevel,
    links: input.links,
    notes: input.notes,
    dataOrigin: input.dataOrigin ?? "applied",
    dataOriginDetail: input.dataOriginDetail ?? "",
    legalBasis: input.legalBasis ?? "legitimate_interest",
    consentGivenOn: input.consentGivenOn ? dateOfCalendarDay(input.consentGivenOn) : null,
    noticeSentOn: input.noticeSentOn ? dateOfCalendarDay(input.noticeSentOn) : null,
  };
}

const summarySelect = {
  id: true,
  name: true,
  email: true,
  source: true,
  targetLevel: true,
  createdAt: true,
  erasedAt: true,
  status: true,
  _count: { select: { loops: true } },
} as const;

// Newest first; the id breaks ties, so pages never overlap or skip a row.
const listOrder = [{ createdAt: "desc" as const }, { name: "asc" as const }, { id: "asc" as const }];

function whereOf(filters: CandidateFilters) {
  return {
    ...(filters.source ? { source: filters.source } : {}),
    ...(filters.targetLevel ? { targetLevel: filters.targetLevel } : {}),
    ...(filters.statuses ? { status: { in: [...filters.statuses] } } : {}),
  };
}

function toSummary({ _count, status, ...candidate }: { _count: { loops: number }; status: string } & Omit<CandidateSummary, "loopCount" | "status">): CandidateSummary {
  return { ...candidate, status: asCandidateStatus(status), loopCount: _count.loops };
}

/** Candidates, newest first, optionally narrowed by a search text, a source, a target level and statuses. */
export async function listCandidates(filters: CandidateFilters = {}): Promise<CandidateSummary[]> {
  const needle = filters.search ? searchNeedle(filters.search) : null;
  if (!needle) return (await prisma.candidate.findMany({ where: whereOf(filters), select: summarySelect, orderBy: listOrder })).map(toSummary);
  const ids = await matchingCandidateIds(needle, whereOf(filters), listOrder);
  return summariesOf(ids);
}

export type CandidatePage = { candidates: CandidateSummary[]; total: number; page: number; pages: number; pageSize: number };

/**
 * One page of the candidate list (pages count from 1). A page past the end is empty (its `page`
 * is still the one asked for, so the page can say so), never an error.
 */
export async function listCandidatePage(filters: CandidateFilters, page: number, pageSize = CANDIDATE_PAGE_SIZE): Promise<CandidatePage> {
  const where = whereOf(filters);
  const needle = filters.search ? searchNeedle(filters.search) : null;
  const ids = needle ? await matchingCandidateIds(needle, where, listOrder) : null;
  const total = ids ? ids.length : await prisma.candidate.count({ where });
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const skip = (page - 1) * pageSize;
  const shell = { total, page, pages, pageSize };
  if (skip >= total) return { ...shell, candidates: [] };
  if (ids) return { ...shell, candidates: await summariesOf(ids.slice(skip, skip + pageSize)) };
  return { ...shell, candidates: (await prisma.candidate.findMany({ where, select: summarySelect, orderBy: listOrder, skip, take: pageSize })).map(toSummary) };
}

/** The summaries of the candidates named, in the order given (at most a page: SQLite takes 999 parameters). */
async function summariesOf(ids: readonly string[]): Promise<CandidateSummary[]> {
  const rows = new Map((await prisma.candidate.findMany({ where: { id: { in: [...ids] } }, select: summarySelect })).map((r) => [r.id, toSummary(r)]));
  return ids.map((id) => rows.get(id)).filter((r): r is CandidateSummary => r !== undefined);
}

const detailSelect = {
  id: true,
  name: true,
  email: true,
  source: true,
  targetLevel: true,
  links: true,
  notes: true,
  createdAt: true,
  updatedAt: true,
  dataOrigin: true,
  dataOriginDetail: true,
  legalBasis: true,
  consentGivenOn: true,
  noticeSentOn: true,
  erasedAt: true,
  status: true,
  statusReason: true,
  statusChangedAt: true,
} as const;

export async function findCandidate(id: string): Promise<CandidateDetail | null> {
  const row = await prisma.candidate.findUnique({ where: { id }, select: detailSelect });
  if (!row) return null;
  return {
    ...row,
    status: asCandidateStatus(row.status),
    consentGivenOn: row.consentGivenOn ? calendarDate(row.consentGivenOn) : null,
    noticeSentOn: row.noticeSentOn ? calendarDate(row.noticeSentOn) : null,
  };
}

/** Stores a new candidate and returns its id; the audit entry is written with it. */
export async function createCandidate(input: CandidateInput, actor: AuditActor, now: Date): Promise<string> {
  return prisma.$transaction(async (tx) => {
    const { id } = await tx.candidate.create({ data: candidateRow(input), select: { id: true } });
    await recordChange(tx, actor, { action: "candidate.create", recordType: "candidate", recordId: id, candidateId: id }, now);
    return id;
  });
}

/** The stored fields the form writes (candidateRow), to say which of them an edit changed. */
const rowFields = {
  name: true,
  email: true,
  source: true,
  targetLevel: true,
  links: true,
  notes: true,
  dataOrigin: true,
  dataOriginDetail: true,
  legalBasis: true,
  consentGivenOn: true,
  noticeSentOn: true,
} as const satisfies Record<keyof ReturnType<typeof candidateRow>, true>;

/** The names of the fields whose stored value differs from the one about to be written (never the values). */
function changedFields(stored: Record<string, unknown>, next: Record<string, unknown>): string[] {
  const comparable = (v: unknown) => (v instanceof Date ? v.getTime() : v);
  return Object.keys(next).filter((key) => comparable(stored[key]) !== comparable(next[key]));
}

/** Updates a candidate; false when there is no candidate with that id (and nothing is recorded). Throws a `locked` refusal for an erased one. */
export async function updateCandidate(id: string, input: CandidateInput, actor: AuditActor, now: Date): Promise<boolean> {
  const data = candidateRow(input);
  return prisma.$transaction(async (tx) => {
    const stored = await tx.candidate.findUnique({ where: { id }, select: { ...rowFields, erasedAt: true } });
    if (!stored) return false;
    // An erased candidate stays anonymised: an edit would bring personal data back.
    const refusal = changeRefusalForErased(stored);
    if (refusal) refuse(locked(refusal));
    const { count } = await tx.candidate.updateMany({ where: { id }, data });
    if (count === 0) return false;
    // The committee list shows the candidate's name on each of their loops.
    await markLoopsChanged(tx, { candidateId: id });
    await recordChange(tx, actor, { action: "candidate.update", recordType: "candidate", recordId: id, candidateId: id, detail: { fields: changedFields(stored, data) } }, now);
    return true;
  });
}

/** Candidates' emails by id, in one query (for exports). */
export async function candidateEmails(candidateIds: readonly string[]): Promise<Map<string, string>> {
  const rows = await prisma.candidate.findMany({ where: { id: { in: [...new Set(candidateIds)] } }, select: { id: true, email: true } });
  return new Map(rows.map((r) => [r.id, r.email]));
}
