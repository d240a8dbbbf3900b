import type { LeniencyRating, LeniencyUnit, LoopRating } from "~/domain/rater-quality";
import { Prisma } from "~/generated/prisma/client";
import { prisma } from "./db.server";

/*
 * The rows the rater-quality computations (app/domain/rater-quality.ts) read: current criterion
 * ratings of submitted scorecards. Each read is one SQL statement joining CriterionRating to
 * Scorecard (Prisma's nested selects would take a second query), served by the
 * Scorecard(loopId, status) and Scorecard(interviewerId, status) indexes and CriterionRating's
 * primary key (scorecardId, criterionId).
 */

type RawRating = { interviewerId: string; loopId: string; criterionId: string; rating: number | bigint };

const toRow = (r: RawRating): LeniencyRating => ({
  interviewerId: r.interviewerId,
  loopId: r.loopId,
  criterionId: r.criterionId,
  rating: Number(r.rating),
});

/** A loop's ratings from submitted scorecards (drafts are not evidence yet), for loopAgreement. */
export async function loopRatings(loopId: string): Promise<LoopRating[]> {
  const rows = await prisma.$queryRaw<RawRating[]>`
    SELECT s."interviewerId", s."loopId", r."criterionId", r."rating"
    FROM "CriterionRating" r
    JOIN "Scorecard" s ON s."id" = r."scorecardId"
    WHERE s."loopId" = ${loopId} AND s."status" = 'submitted'
    ORDER BY r."criterionId", s."interviewerId", s."id"`;
  return rows.map((r) => ({ interviewerId: r.interviewerId, criterionId: r.criterionId, rating: Number(r.rating) }));
}

/**
 * The rows raterLeniency needs, from submitted scorecards. Without `interviewerIds`, every
 * submitted rating. With them, every submitted rating on the loops where one of those
 * interviewers submitted a scorecard: their own rows and those of the panel they are compared
 * with (raterLeniency then also reports on those colleagues; pick the ones wanted).
 */
export async function ratingsForLeniency(interviewerIds?: readonly string[]): Promise<LeniencyRating[]> {
  if (interviewerIds !== undefined && interviewerIds.length === 0) return [];
  const onTheirLoops =
    interviewerIds === undefined
      ? Prisma.empty
      : Prisma.sql`AND s."loopId" IN (
          SELECT mine."loopId" FROM "Scorecard" mine
          WHERE mine."status" = 'submitted' AND mine."interviewerId" IN (${Prisma.join([...new Set(interviewerIds)])})
        )`;
  const rows = await prisma.$queryRaw<RawRating[]>`
    SELECT s."interviewerId", s."loopId", r."criterionId", r."rating"
    FROM "CriterionRating" r
    JOIN "Scorecard" s ON s."id" = r."scorecardId"
    WHERE s."status" = 'submitted' ${onTheirLoops}
    ORDER BY s."loopId", r."criterionId", s."interviewerId", s."id"`;
  return rows.map(toRow);
}

type RawUnit = { interviewerId: string; ownSum: number | bigint; ownCount: number | bigint; unitSum: number | bigint; unitCount: number | bigint; units: number | bigint };

/**
 * What raterLeniencyFromUnits needs, summed by the database: per interviewer and unit (a criterion
 * on a loop) their own ratings' sum and count beside the unit's, identical units grouped with their
 * number (so a few thousand rows cross over instead of one per rating). Without `interviewerIds`, every
 * interviewer; with them, only those interviewers (still compared with everyone on their loops).
 * Only sums and counts cross from SQLite to JavaScript, never every rating.
 */
export async function leniencyUnits(interviewerIds?: readonly string[]): Promise<LeniencyUnit[]> {
  if (interviewerIds !== undefined && interviewerIds.length === 0) return [];
  const ids = interviewerIds === undefined ? null : Prisma.join([...new Set(interviewerIds)]);
  const theirLoops = ids
    ? Prisma.sql`AND s."loopId" IN (SELECT mine."loopId" FROM "Scorecard" mine WHERE mine."status" = 'submitted' AND mine."interviewerId" IN (${ids}))`
    : Prisma.empty;
  const onlyThem = ids ? Prisma.sql`WHERE "interviewerId" IN (${ids})` : Prisma.empty;
  // MATERIALIZED: SQLite would otherwise evaluate `r` again inside each join (50 s instead of 3 s
  // over half a million ratings).
  const rows = await prisma.$queryRaw<RawUnit[]>`
    WITH r AS MATERIALIZED (
      SELECT s."interviewerId", s."loopId", cr."criterionId", cr."rating"
      FROM "CriterionRating" cr JOIN "Scorecard" s ON s."id" = cr."scorecardId"
      WHERE s."status" = 'submitted' ${theirLoops}
    ),
    u AS (SELECT "loopId", "criterionId", SUM("rating") AS "unitSum", COUNT(*) AS "unitCount" FROM r GROUP BY "loopId", "criterionId"),
    o AS (
      SELECT "interviewerId", "loopId", "criterionId", SUM("rating") AS "ownSum", COUNT(*) AS "ownCount" FROM r
      ${onlyThem} GROUP BY "interviewerId", "loopId", "criterionId"
    )
    SELECT o."interviewerId", o."ownSum", o."ownCount", u."unitSum", u."unitCount", COUNT(*) AS "units"
    FROM o JOIN u ON u."loopId" = o."loopId" AND u."criterionId" = o."criterionId"
    GROUP BY o."interviewerId", o."ownSum", o."ownCount", u."unitSum", u."unitCount"`;
  return rows.map((r) => ({
    interviewerId: r.interviewerId,
    ownSum: Number(r.ownSum),
    ownCount: Number(r.ownCount),
    unitSum: Number(r.unitSum),
    unitCount: Number(r.unitCount),
    units: Number(r.units),
  }));
}

type RawLoopUnit = { loopId: string; interviewerId: string; ownSum: number | bigint; ownCount: number | bigint; unitSum: number | bigint; unitCount: number | bigint };

/** A loop's leniency units, one per interviewer and criterion rated there (ungrouped). */
export type LoopLeniencyUnit = LeniencyUnit & { loopId: string };

/**
 * The leniency units of the interviewers given on the loops given, each unit once (not grouped
 * across loops), so that an interviewer's units on a loop can be kept at the loop's revision and
 * their figure summed from the units of their loops. Every rating on those loops counts towards
 * the units' totals; only those interviewers' own units are returned. The ids are passed as
 * parameters: callers keep each call under SQLite's limit.
 */
export async function loopLeniencyUnits(loopIds: readonly string[], interviewerIds: readonly string[]): Promise<LoopLeniencyUnit[]> {
  if (loopIds.length === 0 || interviewerIds.length === 0) return [];
  const rows = await prisma.$queryRaw<RawLoopUnit[]>`
    WITH r AS MATERIALIZED (
      SELECT s."interviewerId", s."loopId", cr."criterionId", cr."rating"
      FROM "CriterionRating" cr JOIN "Scorecard" s ON s."id" = cr."scorecardId"
      WHERE s."status" = 'submitted' AND s."loopId" IN (${Prisma.join([...loopIds])})
    ),
    u AS (SELECT "loopId", "criterionId", SUM("rating") AS "unitSum", COUNT(*) AS "unitCount" FROM r GROUP BY "loopId", "criterionId"),
    o AS (
      SELECT "interviewerId", "loopId", "criterionId", SUM("rating") AS "ownSum", COUNT(*) AS "ownCount" FROM r
      WHERE "interviewerId" IN (${Prisma.join([...interviewerIds])}) GROUP BY "interviewerId", "loopId", "criterionId"
    )
    SELECT o."loopId", o."interviewerId", o."ownSum", o."ownCount", u."unitSum", u."unitCount"
    FROM o JOIN u ON u."loopId" = o."loopId" AND u."criterionId" = o."criterionId"`;
  return rows.map((r) => ({
    loopId: r.loopId,
    interviewerId: r.interviewerId,
    ownSum: Number(r.ownSum),
    ownCount: Number(r.ownCount),
    unitSum: Number(r.unitSum),
    unitCount: Number(r.unitCount),
  }));
}
