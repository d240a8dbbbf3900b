import { aggregateLoop, HIRING_RECOMMENDATION_LABELS, HIRING_RECOMMENDATIONS, recommendationRank, type HiringRecommendation, type SubmittedScorecard } from "./aggregation";
import { atsFromAggregate, type AtsRecommendation } from "./committee";
import type { DecisionOutcome } from "./decision";
import { isLevel, LEVELS, type Level } from "./levels";
import { loopProgress, type InterviewState } from "./loop";
import type { Rubric } from "./rubric/schema";
import { owesScorecardsOnLoop, type ViewerOnLoop } from "./scorecard/visibility";

/**
 * The hiring committee's list of loops: one row per loop, computed from the pinned rubric and
 * the loop's submitted scorecards exactly as the loop's committee page computes it
 * (aggregateLoop), plus where the loop stands:
 * - "decided": the loop has a decision in force (whatever its stages say);
 * - "in_review": every stage is complete and nobody has decided yet — the committee's queue;
 * - "in_progress": stages are still waiting on interviews or scorecards;
 * - "closed": a recruiter closed the loop (or rejected the candidate, or they withdrew) before a
 *   decision: it leaves the queue, and comes back where it stands if reopened.
 * Pure: the server loads loops, scorecards and decisions and passes them in.
 */
export const COMMITTEE_STATUSES = ["in_review", "in_progress", "decided", "closed"] as const;
export type CommitteeStatus = (typeof COMMITTEE_STATUSES)[number];
export const COMMITTEE_STATUS_LABELS: Record<CommitteeStatus, string> = {
  in_review: "In review",
  in_progress: "In progress",
  decided: "Decided",
  closed: "Closed",
};

export type CommitteeLoopInput = {
  loopId: string;
  candidateId: string;
  candidateName: string;
  track: string;
  version: number;
  targetLevel: string;
  rubric: Rubric;
  interviews: readonly InterviewState[];
  scorecards: readonly SubmittedScorecard[];
  /** The decision in force (decision.ts currentDecision), or null; `level` is the level of a hire. */
  decision: { outcome: DecisionOutcome; decidedAt: Date; level?: string | null } | null;
  /** Set while the loop is closed. */
  closedAt?: Date | null;
};

export type CommitteeRow = {
  loopId: string;
  candidateId: string;
  candidateName: string;
  track: string;
  version: number;
  targetLevel: string;
  supportedLevel: Level | null;
  recommendation: HiringRecommendation;
  ats: AtsRecommendation;
  /** Distinct red flags raised on the loop (by anyone, any severity). */
  redFlags: number;
  /** Names of the flags that block a hire (raised by enough independent interviewers). */
  blockingFlags: string[];
  stagesComplete: number;
  stagesTotal: number;
  status: CommitteeStatus;
  decision: DecisionOutcome | null;
  /** The level the decision in force hires at (null without a decision, and for no hire). */
  hiredLevel: string | null;
  decidedAt: Date | null;
};

/** How the list (and the committee page) names a decision's outcome. */
export const DECISION_OUTCOME_LABELS: Record<DecisionOutcome, string> = { hire: "Hire", no_hire: "No hire" };

/**
 * Where a loop stands for the committee: decided, closed, awaiting its decision, or still
 * interviewing. A decision stays "decided" if the loop is closed afterwards (an offer declined):
 * the committee's history lists it with its decisions.
 */
export function committeeStatus(loop: { decided: boolean; complete: boolean; closed?: boolean }): CommitteeStatus {
  return loop.decided ? "decided" : loop.closed ? "closed" : loop.complete ? "in_review" : "in_progress";
}

export function committeeRow(input: CommitteeLoopInput, now: Date): CommitteeRow {
  const { rubric } = input;
  // As the committee page: a target level outside the ladder is read as the lowest level.
  const target: Level = isLevel(input.targetLevel) ? input.targetLevel : LEVELS[0];
  const aggregate = aggregateLoop(rubric, target, input.scorecards);
  const progress = loopProgress(rubric.stages, rubric.decision_rules.scorecards_per_stage, input.interviews, now);
  const blocking = aggregate.flags.filter((f) => f.blocks);
  const stagesComplete = progress.stages.filter((s) => s.status === "complete").length;
  return {
    loopId: input.loopId,
    candidateId: input.candidateId,
    candidateName: input.candidateName,
    track: input.track,
    version: input.version,
    targetLevel: input.targetLevel,
    supportedLevel: aggregate.level.supportedLevel,
    recommendation: aggregate.recommendation.value,
    ats: atsFromAggregate(aggregate.recommendation.value, blocking.length > 0),
    redFlags: aggregate.flags.length,
    blockingFlags: blocking.map((f) => f.name),
    stagesComplete,
    stagesTotal: progress.stages.length,
    status: committeeStatus({ decided: input.decision !== null && input.decision !== undefined, complete: progress.complete, closed: Boolean(input.closedAt) }),
    decision: input.decision?.outcome ?? null,
    hiredLevel: input.decision?.outcome === "hire" ? (input.decision.level ?? null) : null,
    decidedAt: input.decision?.decidedAt ?? null,
  };
}

// ---- Sorting -------------------------------------------------------------------------------

export const COMMITTEE_SORTS = ["candidate", "target", "supported", "recommendation", "flags", "completion"] as const;
export type CommitteeSort = (typeof COMMITTEE_SORTS)[number];
export type SortDirection = "asc" | "desc";

type Sortable = Pick<
  CommitteeRow,
  "loopId" | "candidateName" | "targetLevel" | "supportedLevel" | "recommendation" | "blockingFlags" | "redFlags" | "stagesComplete" | "stagesTotal"
>;

const levelRank = (level: string | null) => (level !== null && isLevel(level) ? LEVELS.indexOf(level) : -1);
// Collators made once: localeCompare with options builds one per call, which was half the committee
// list's time at 10,000 loops (the same order: base letters first, then the default locale's).
const BY_BASE_LETTERS = new Intl.Collator("en", { sensitivity: "base" });
const BY_DEFAULT_LOCALE = new Intl.Collator();
const nameOrder = (a: string, b: string) => BY_BASE_LETTERS.compare(a, b) || BY_DEFAULT_LOCALE.compare(a, b);

// Each key compares ascending: names A→Z, levels low→high (none below L4), recommendations worst→best
// (a blocked no hire below a plain no hire), fewest flags first, least complete first.
const COMPARE: Record<CommitteeSort, (a: Sortable, b: Sortable) => number> = {
  candidate: (a, b) => nameOrder(a.candidateName, b.candidateName),
  target: (a, b) => levelRank(a.targetLevel) - levelRank(b.targetLevel),
  supported: (a, b) => levelRank(a.supportedLevel) - levelRank(b.supportedLevel),
  recommendation: (a, b) =>
    recommendationRank(a.recommendation) - recommendationRank(b.recommendation) ||
    Number(b.blockingFlags.length > 0) - Number(a.blockingFlags.length > 0),
  flags: (a, b) => a.blockingFlags.length - b.blockingFlags.length || a.redFlags - b.redFlags,
  completion: (a, b) =>
    a.stagesComplete / Math.max(a.stagesTotal, 1) - b.stagesComplete / Math.max(b.stagesTotal, 1) || a.stagesComplete - b.stagesComplete,
};

/**
 * Rows in the chosen order. Ties fall back to the candidate's name, then the loop id (both
 * always ascending), so the order never depends on the input order.
 */
export function sortCommitteeRows<T extends Sortable>(rows: readonly T[], sort: CommitteeSort, direction: SortDirection): T[] {
  const sign = direction === "desc" ? -1 : 1;
  return [...rows].sort(
    (a, b) => sign * COMPARE[sort](a, b) || COMPARE.candidate(a, b) || (a.loopId < b.loopId ? -1 : a.loopId > b.loopId ? 1 : 0),
  );
}

// ---- Filtering and the query string ----------------------------------------------------------

export type StatusFilter = CommitteeStatus | "all";
export const STATUS_FILTERS: readonly StatusFilter[] = [...COMMITTEE_STATUSES, "all"];
export const STATUS_FILTER_LABELS: Record<StatusFilter, string> = { ...COMMITTEE_STATUS_LABELS, all: "All" };

export type CommitteeQuery = {
  status: StatusFilter;
  recommendation: HiringRecommendation | null;
  track: string | null;
  sort: CommitteeSort;
  direction: SortDirection;
};

/** The list opens on the committee's queue: loops in review, by candidate. */
export const DEFAULT_COMMITTEE_QUERY: CommitteeQuery = { status: "in_review", recommendation: null, track: null, sort: "candidate", direction: "asc" };

const oneOf = <T extends string>(values: readonly T[], value: string | null): T | null =>
  value !== null && (values as readonly string[]).includes(value) ? (value as T) : null;

/**
 * The list's filters and order from the address (`status`, `recommendation`, `track`, `sort`,
 * `dir`). Unknown or empty values fall back to the defaults, so a stale or edited address still lists.
 */
export function parseCommitteeQuery(params: URLSearchParams): CommitteeQuery {
  const track = params.get("track")?.trim().slice(0, 100) || null;
  return {
    status: oneOf(STATUS_FILTERS, params.get("status")) ?? DEFAULT_COMMITTEE_QUERY.status,
    recommendation: oneOf(HIRING_RECOMMENDATIONS, params.get("recommendation")),
    track,
    sort: oneOf(COMMITTEE_SORTS, params.get("sort")) ?? DEFAULT_COMMITTEE_QUERY.sort,
    direction: oneOf(["asc", "desc"] as const, params.get("dir")) ?? DEFAULT_COMMITTEE_QUERY.direction,
  };
}

/** The query as address parameters, leaving out what equals the default. */
export function committeeSearchParams(query: CommitteeQuery): URLSearchParams {
  const params = new URLSearchParams();
  if (query.status !== DEFAULT_COMMITTEE_QUERY.status) params.set("status", query.status);
  if (query.recommendation) params.set("recommendation", query.recommendation);
  if (query.track) params.set("track", query.track);
  if (query.sort !== DEFAULT_COMMITTEE_QUERY.sort) params.set("sort", query.sort);
  if (query.direction !== DEFAULT_COMMITTEE_QUERY.direction) params.set("dir", query.direction);
  return params;
}

/** `?…` for the query, or "" when everything is the default. */
export function committeeSearch(query: CommitteeQuery): string {
  const text = committeeSearchParams(query).toString();
  return text ? `?${text}` : "";
}

/**
 * The address parameters of the exports: the list's filters and order, with the status always
 * written out, so an export link says what it holds even on the list's default view.
 */
export function committeeExportSearch(query: CommitteeQuery): string {
  const params = committeeSearchParams(query);
  params.set("status", query.status);
  return `?${params.toString()}`;
}

/** What the list (and so each export) holds, in words: "loops in review, recommendation No hire, track builder". */
export function describeCommitteeQuery(query: Pick<CommitteeQuery, "status" | "recommendation" | "track">): string {
  const parts = [query.status === "all" ? "all loops" : `loops ${COMMITTEE_STATUS_LABELS[query.status].toLowerCase()}`];
  if (query.recommendation) parts.push(`recommendation ${HIRING_RECOMMENDATION_LABELS[query.recommendation]}`);
  if (query.track) parts.push(`track ${query.track}`);
  return parts.join(", ");
}

/** Lower-case ASCII letters and digits joined by single hyphens: safe in a file name and a header. */
function slug(text: string): string {
  return text
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40)
    .replace(/-+$/, "");
}

/**
 * The file name of an export, saying what it holds: the kind, the status filter (`in-review`,
 * `in-progress`, `decided`, `all`), then the recommendation and the track when filtered, then the
 * day (UTC), e.g. `committee-loops-all-no-hire-builder-2026-11-30.csv`.
 */
export function committeeExportFileName(
  kind: "loops" | "scorecards",
  query: Pick<CommitteeQuery, "status" | "recommendation" | "track">,
  now: Date,
  format: "csv" | "json",
): string {
  const parts = ["committee", kind, slug(query.status)];
  if (query.recommendation) parts.push(slug(query.recommendation));
  if (query.track) parts.push(`${slug(query.track) || "track"}`);
  parts.push(now.toISOString().slice(0, 10));
  return `${parts.join("-")}.${format}`;
}

export function filterCommitteeRows<T extends Pick<CommitteeRow, "status" | "recommendation" | "track">>(
  rows: readonly T[],
  filters: Pick<CommitteeQuery, "status" | "recommendation" | "track">,
): T[] {
  return rows.filter(
    (r) =>
      (filters.status === "all" || r.status === filters.status) &&
      (filters.recommendation === null || r.recommendation === filters.recommendation) &&
      (filters.track === null || r.track === filters.track),
  );
}

/** Filtered, then sorted: what the page shows and the exports hold. */
export function committeeList<T extends CommitteeRow>(rows: readonly T[], query: CommitteeQuery): T[] {
  return sortCommitteeRows(filterCommitteeRows(rows, query), query.sort, query.direction);
}

/**
 * The rows a committee member may list: a loop where they still owe a scorecard is left out, so
 * that neither its row nor a filter or count reveals what the panel said (independence).
 */
export function rowsVisibleTo<T extends { loopId: string }>(rows: readonly T[], assigned: ReadonlyArray<{ loopId: string } & ViewerOnLoop>): readonly T[] {
  const hidden = new Set(assigned.filter(owesScorecardsOnLoop).map((l) => l.loopId));
  return hidden.size === 0 ? rows : rows.filter((r) => !hidden.has(r.loopId));
}

/** How many rows each status filter would show, ignoring the status filter itself. */
export function statusCounts(rows: readonly CommitteeRow[], filters: Pick<CommitteeQuery, "recommendation" | "track">): Record<StatusFilter, number> {
  const matching = filterCommitteeRows(rows, { ...filters, status: "all" });
  const counts: Record<StatusFilter, number> = { in_review: 0, in_progress: 0, decided: 0, closed: 0, all: matching.length };
  for (const r of matching) counts[r.status] += 1;
  return counts;
}

/** Rows per page of the committee list. */
export const COMMITTEE_PAGE_SIZE = 50;

/** A page of a list: page numbers start at 1; a page past the end shows the last one. */
export function pageOf<T>(rows: readonly T[], requested: number, size = COMMITTEE_PAGE_SIZE) {
  const pages = Math.max(1, Math.ceil(rows.length / size));
  const page = Math.min(pages, Math.max(1, Number.isInteger(requested) ? requested : 1));
  const start = (page - 1) * size;
  return { rows: rows.slice(start, start + size), page, pages, total: rows.length, first: rows.length === 0 ? 0 : start + 1, last: Math.min(rows.length, start + size) };
}
