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
 * Recomputing is incremental too: each loop's units (per interviewer and criterion: their own
 * ratings' sum and count beside everyone's) are kept at the loop's revision, so after a
 * submission only that loop is read again, and the figures of its panel are summed from units
 * already held. Without this, every submission made the next committee page of its panel scan
 * every rating on all their loops (hundreds of milliseconds), and under steady submissions the
 * page fell to a few requests a second.
 */
const cache = revisionCache<string, RaterLeniency>("panel leniency");
const loopUnits = revisionCache<string, ReadonlyArray<LeniencyUnit>>("leniency units per loop");

/** Loops read per statement when units are computed (below SQLite's 999 parameters). */
const LOOPS_PER_READ = 500;

let loopsComputed = 0;
/** How many loops' units have been computed since the process started (tests: proof of incrementality). */
export const leniencyLoopsComputed = () => loopsComputed;

async function unitsOfLoops(stale: string[]): Promise<Array<readonly [string, ReadonlyArray<LeniencyUnit>]>> {
  const byLoop = new Map<string, LeniencyUnit[]>(stale.map((id) => [id, []]));
  for (let i = 0; i < stale.length; i += LOOPS_PER_READ) {
    for (const { loopId, ...unit } of await loopLeniencyUnits(stale.slice(i, i + LOOPS_PER_READ))) byLoop.get(loopId)?.push(unit);
  }
  loopsComputed += stale.length;
  // Every loop asked for gets a value, an empty one when nobody has rated there yet.
  return [...byLoop];
}

/** The figures of the interviewers given, from the units of their loops (held ones reused). */
async function leniencyOf(interviewerIds: string[]): Promise<Array<readonly [string, RaterLeniency]>> {
  const rows = await prisma.$queryRaw<Array<{ interviewerId: string; loopId: string; revision: unknown }>>`
    SELECT DISTINCT s."interviewerId", s."loopId", l."revision"
    FROM "Scorecard" s JOIN "Loop" l ON l."id" = s."loopId"
    WHERE s."status" = 'submitted' AND s."interviewerId" IN (${Prisma.join(interviewerIds)})`;
  const loopRevisions = new Map<string, number>();
  const loopsOf = new Map<string, string[]>();
  for (const row of rows) {
    loopRevisions.set(row.loopId, integerColumn(row.revision));
    const theirs = loopsOf.get(row.interviewerId);
    if (theirs) theirs.push(row.loopId);
    else loopsOf.set(row.interviewerId, [row.loopId]);
  }
  const units = await loopUnits.read(loopRevisions, unitsOfLoops);
  return interviewerIds.flatMap((id) => {
    const own = (loopsOf.get(id) ?? []).flatMap((loopId) => (units.get(loopId) ?? []).filter((u) => u.interviewerId === id));
    return raterLeniencyFromUnits(own).map((l) => [l.interviewerId, l] as const);
  });
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
