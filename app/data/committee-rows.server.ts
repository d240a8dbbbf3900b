import { committeeList, committeeRow, rowsVisibleTo, statusCounts, type CommitteeQuery, type CommitteeRow } from "~/domain/committee-list";
import { currentDecision } from "~/domain/decision";
import { listDecisions, submittedScorecardsByLoop, type CommitteeScorecard, type DecisionRecord } from "./committee.server";
import { prisma } from "./db.server";
import { listLoops, type LoopSummary } from "./loops.server";
import { loopsOwedBy } from "./loops-owed.server";
import { revisionCache } from "./revision-cache";

/**
 * The hiring committee's rows (one per loop: supported level, recommendation, red flags, stages,
 * status), kept in memory and brought up to date on each read from the loops whose revision rose
 * since the last one (app/data/loop-revision.server.ts): one indexed query when nothing changed,
 * instead of aggregating every scorecard of the organisation on every request. A row depends only
 * on stored data (never on the clock), so a row is valid until its loop's revision rises.
 *
 * The rows are held in a revision-keyed cache (revision-cache.ts): every process keeps its own
 * copy; they stay consistent because the revision lives in the database.
 */
const cache = revisionCache<string, CommitteeRow>("committee-rows");
/** The rows as one list, kept until a row changes (committeeListing recognises an unchanged list by identity). */
let list: CommitteeRow[] | null = null;
/** Concurrent callers share one refresh. */
let refreshing: Promise<void> | null = null;

/** Rows for the loops given, built exactly as the committee page reads them. */
export function buildCommitteeRows(
  loops: readonly LoopSummary[],
  scorecards: Map<string, CommitteeScorecard[]>,
  decisions: readonly DecisionRecord[],
  now: Date,
): CommitteeRow[] {
  const decisionsByLoop = new Map<string, DecisionRecord[]>();
  for (const d of decisions) {
    const list = decisionsByLoop.get(d.loopId);
    if (list) list.push(d);
    else decisionsByLoop.set(d.loopId, [d]);
  }
  return loops.map((loop) => {
    const current = currentDecision(decisionsByLoop.get(loop.id) ?? []);
    return committeeRow(
      {
        loopId: loop.id,
        candidateId: loop.candidateId,
        candidateName: loop.candidateName,
        track: loop.track,
        version: loop.version,
        targetLevel: loop.targetLevel,
        rubric: loop.rubric,
        interviews: loop.interviews,
        scorecards: scorecards.get(loop.id) ?? [],
        decision: current ? { outcome: current.outcome, decidedAt: current.decidedAt, level: current.level } : null,
        closedAt: loop.closedAt,
      },
      now,
    );
  });
}

// SQLite takes at most 999 parameters in a statement.
const CHUNK = 500;

async function rowsOf(loopIds: readonly string[], now: Date): Promise<CommitteeRow[]> {
  const rows: CommitteeRow[] = [];
  for (let i = 0; i < loopIds.length; i += CHUNK) {
    const ids = loopIds.slice(i, i + CHUNK);
    const [loops, scorecards, decisions] = await Promise.all([listLoops(ids), submittedScorecardsByLoop(ids), listDecisions(ids)]);
    rows.push(...buildCommitteeRows(loops, scorecards, decisions, now));
  }
  return rows;
}

async function highestRevision(): Promise<number> {
  const top = await prisma.loop.findFirst({ orderBy: { revision: "desc" }, select: { revision: true } });
  return top?.revision ?? 0;
}

async function refresh(now: Date): Promise<void> {
  if (cache.values().length === 0) {
    // The revision first: anything written while the rows are read is picked up next time.
    const seen = await highestRevision();
    // In chunks, like a refresh: reading every loop with its scorecards at once held them all in
    // memory together (about 500 MB at 10,000 loops) only to keep each one's row.
    const ids = (await prisma.loop.findMany({ select: { id: true }, orderBy: { id: "asc" } })).map((l) => l.id);
    for (const row of await rowsOf(ids, now)) cache.set(row.loopId, seen, row);
    list = null;
    return;
  }
  const changed = await prisma.loop.findMany({ where: { revision: { gt: cache.highestRevision() } }, select: { id: true, revision: true } });
  if (changed.length === 0) return;
  const rows = await rowsOf(
    changed.map((c) => c.id),
    now,
  );
  const revisions = new Map(changed.map((c) => [c.id, c.revision]));
  for (const row of rows) cache.set(row.loopId, revisions.get(row.loopId)!, row);
  list = null;
}

/** Every loop's committee row, current as of this call. */
export async function committeeRows(now: Date): Promise<readonly CommitteeRow[]> {
  refreshing ??= refresh(now).finally(() => (refreshing = null));
  await refreshing;
  return (list ??= cache.values());
}

type Listing = { rows: CommitteeRow[]; counts: ReturnType<typeof statusCounts>; tracks: string[] };
const listings = new Map<string, { source: readonly CommitteeRow[]; listing: Listing }>();

/**
 * The list for one query as one viewer may see it (filtered, sorted, with the counts per status
 * and the tracks), computed once per query until a row changes: paging through it or reloading
 * costs a lookup. A viewer who owes scorecards on some loops gets a list without them, not cached.
 */
export async function committeeListing(query: CommitteeQuery, viewerId: string, now: Date): Promise<Listing & { hidden: number }> {
  const [all, assigned] = await Promise.all([committeeRows(now), loopsOwedBy(viewerId)]);
  const source = rowsVisibleTo(all, assigned);
  const hidden = all.length - source.length;
  if (source !== all) return { ...listingOf(source, query), hidden };
  const key = JSON.stringify(query);
  const hit = listings.get(key);
  if (hit && hit.source === source) return { ...hit.listing, hidden };
  const listing = listingOf(source, query);
  if (listings.size >= 50) listings.delete(listings.keys().next().value!);
  listings.set(key, { source, listing });
  return { ...listing, hidden };
}

function listingOf(source: readonly CommitteeRow[], query: CommitteeQuery): Listing {
  return { rows: committeeList(source, query), counts: statusCounts(source, query), tracks: [...new Set(source.map((r) => r.track))].sort() };
}

/** Forgets the rows (tests that rebuild the database in one process). */
export function resetCommitteeRows(): void {
  cache.clear();
  list = null;
  listings.clear();
}
