import { raterLeniencyFromUnits, type LeniencyUnit, type RaterLeniency } from "~/domain/rater-quality";
import { Prisma } from "~/generated/prisma/client";
import { prisma } from "./db.server";
import { loopLeniencyUnits } from "./rater-quality.server";
import { revisionCache } from "./revision-cache";
import { integerColumn } from "./sql-dialect";

/**
 * Each interviewer's leniency against the panel, kept per interviewer (revision-cache.ts). It
 * depends only on the loops they have submitted on, and every write to a loop's scorecards raises
 * that loop's revision, so an interviewer's figure is valid while the highest revision among
 * their loops stays the same: their "panel revision". Reading those is one small grouped query
 * (or a column of a statement the page runs anyway: panelRevisionsOfLoop); the figures (a scan
 * of every rating on those loops) are recomputed only for interviewers whose loops changed.
 *
 * Recomputing is incremental too: an interviewer's units on each of their loops (per criterion:
 * their own ratings' sum and count beside everyone's) are kept at the loop's revision, so after a
 * submission only the changed loop is read again, and the figure is summed from units already
 * held. Without this, every submission made the next committee page of its panel scan every
 * rating on all of the panel's loops again (about 110 ms at 1,000 candidates, 300 ms at 10,000).
 */
const cache = revisionCache<string, RaterLeniency>("panel leniency");
/** Keyed by interviewer and loop (`pairKey`), at the loop's revision. */
const unitsOnLoop = revisionCache<string, ReadonlyArray<LeniencyUnit>>("leniency units per interviewer and loop");
const pairKey = (interviewerId: string, loopId: string) => `${interviewerId} ${loopId}`;

/** Loops read per statement when units are computed (with the interviewers, below SQLite's 999 parameters). */
const LOOPS_PER_READ = 400;

let loopsComputed = 0;
/** How many (interviewer, loop) units have been read since the process started (tests: proof of incrementality). */
export const leniencyLoopsComputed = () => loopsComputed;

/** The units of the (interviewer, loop) pairs given, each pair answered (an empty list when there are none). */
async function unitsOfPairs(stale: string[]): Promise<Array<readonly [string, ReadonlyArray<LeniencyUnit>]>> {
  const byPair = new Map<string, LeniencyUnit[]>(stale.map((key) => [key, []]));
  const loops = new Set<string>();
  const interviewers = new Set<string>();
  for (const key of stale) {
    const [interviewerId, loopId] = key.split(" ") as [string, string];
    interviewers.add(interviewerId);
    loops.add(loopId);
  }
  const loopIds = [...loops];
  for (let i = 0; i < loopIds.length; i += LOOPS_PER_READ) {
    for (const { loopId, ...unit } of await loopLeniencyUnits(loopIds.slice(i, i + LOOPS_PER_READ), [...interviewers])) {
      byPair.get(pairKey(unit.interviewerId, loopId))?.push(unit);
    }
  }
  loopsComputed += stale.length;
  return [...byPair];
}

/** The figures of the interviewers given, from their units on each of their loops (held ones reused). */
async function leniencyOf(interviewerIds: string[]): Promise<Array<readonly [string, RaterLeniency]>> {
  const rows = await prisma.$queryRaw<Array<{ interviewerId: string; loopId: string; revision: unknown }>>`
    SELECT DISTINCT s."interviewerId", s."loopId", l."revision"
    FROM "Scorecard" s JOIN "Loop" l ON l."id" = s."loopId"
    WHERE s."status" = 'submitted' AND s."interviewerId" IN (${Prisma.join(interviewerIds)})`;
  const pairs = new Map(rows.map((row) => [pairKey(row.interviewerId, row.loopId), integerColumn(row.revision)]));
  const units = await unitsOnLoop.read(pairs, unitsOfPairs);
  const own = new Map<string, LeniencyUnit[]>(interviewerIds.map((id) => [id, []]));
  for (const row of rows) own.get(row.interviewerId)!.push(...(units.get(pairKey(row.interviewerId, row.loopId)) ?? []));
  return interviewerIds.flatMap((id) => raterLeniencyFromUnits(own.get(id)!).map((l) => [l.interviewerId, l] as const));
}

/**
 * The grouped query behind each interviewer's panel revision, for the interviewers `whose` selects
 * (a subquery of interviewer ids): the highest revision among the loops where they submitted.
 */
export function panelRevisionsSql(whose: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    SELECT s."interviewerId", MAX(l."revision") AS "revision"
    FROM "Scorecard" s JOIN "Loop" l ON l."id" = s."loopId"
    WHERE s."status" = 'submitted' AND s."interviewerId" IN (${whose})
    GROUP BY s."interviewerId"`;
}

/** Panel revisions as read: an interviewer without a submitted scorecard has none. */
export function panelRevisionsFrom(rows: ReadonlyArray<{ interviewerId: string; revision: unknown }>): Map<string, number> {
  return new Map(rows.map((r) => [r.interviewerId, integerColumn(r.revision)]));
}

/**
 * The leniency of the interviewers whose panel revisions are given, in the order of their ids.
 * Those not held at that revision are computed in one statement. An interviewer whose submitted
 * scorecards hold no rating has no figure (rather than a crash).
 */
export async function panelLeniencyAt(revisions: ReadonlyMap<string, number>): Promise<RaterLeniency[]> {
  const ids = [...revisions.keys()].sort();
  const current = new Map(ids.map((id) => [id, revisions.get(id)!]));
  const figures = await cache.read(current, leniencyOf);
  return ids.flatMap((id) => figures.get(id) ?? []);
}

/** The leniency of the interviewers named (their panel revisions read first: one statement, two when some changed). */
export async function panelLeniency(interviewerIds: readonly string[]): Promise<RaterLeniency[]> {
  const ids = [...new Set(interviewerIds)].sort();
  if (ids.length === 0) return [];
  const rows = await prisma.$queryRaw<Array<{ interviewerId: string; revision: unknown }>>(panelRevisionsSql(Prisma.join(ids)));
  return panelLeniencyAt(panelRevisionsFrom(rows));
}
