import { raterLeniencyFromUnits, type RaterLeniency } from "~/domain/rater-quality";
import { Prisma } from "~/generated/prisma/client";
import { prisma } from "./db.server";
import { leniencyUnits } from "./rater-quality.server";
import { revisionCache } from "./revision-cache";
import { integerColumn } from "./sql-dialect";

/**
 * Each interviewer's leniency against the panel, kept per interviewer (revision-cache.ts). It
 * depends only on the loops they have submitted on, and every write to a loop's scorecards raises
 * that loop's revision, so an interviewer's figure is valid while the highest revision among
 * their loops stays the same: their "panel revision". Reading those is one small grouped query
 * (or a column of a statement the page runs anyway: panelRevisionsOfLoop); the figures (a scan
 * of every rating on those loops) are recomputed only for interviewers whose loops changed.
 */
const cache = revisionCache<string, RaterLeniency>("panel leniency");

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
  const figures = await cache.read(current, async (stale) => raterLeniencyFromUnits(await leniencyUnits(stale)).map((l) => [l.interviewerId, l] as const));
  return ids.flatMap((id) => figures.get(id) ?? []);
}

/** The leniency of the interviewers named (their panel revisions read first: one statement, two when some changed). */
export async function panelLeniency(interviewerIds: readonly string[]): Promise<RaterLeniency[]> {
  const ids = [...new Set(interviewerIds)].sort();
  if (ids.length === 0) return [];
  const rows = await prisma.$queryRaw<Array<{ interviewerId: string; revision: unknown }>>(panelRevisionsSql(Prisma.join(ids)));
  return panelLeniencyAt(panelRevisionsFrom(rows));
}
