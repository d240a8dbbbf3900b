import { parseOverrides } from "~/domain/decision-overrides";
import { RECOMMENDATIONS, type Recommendation } from "~/domain/scorecard/content";
import { Prisma } from "~/generated/prisma/client";
import type { CommitteeScorecard, DecisionRecord } from "./committee.server";
import { columnsOf } from "./sql-columns";
import { dateColumn, integerColumn, jsonColumn, jsonObjects } from "./sql-dialect";

/*
 * A loop's evidence and decisions as columns of one statement: each part is a scalar subquery
 * answering one JSON array (sql-dialect.ts), so a page puts the parts it needs side by side in a
 * single SELECT and reads them back with the functions below. The submitted scorecards come with
 * their ratings, red flags and signals (four arrays, joined here by scorecard id): one read of the
 * ratings serves the aggregate, the chart and the agreement.
 */

export function asRecommendation(value: string | null): Recommendation | null {
  return value && (RECOMMENDATIONS as readonly string[]).includes(value) ? (value as Recommendation) : null;
}

/** Text in the database's order (binary), as an ORDER BY or a primary key gave it. */
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

const SUBMITTED = Prisma.sql`s."status" = 'submitted'`;

/** The columns "scorecards", "ratings", "redFlags" and "signals": the loop's submitted scorecards (drafts never count). */
export function submittedScorecardColumns(loopId: string): Prisma.Sql {
  const ofTheLoop = Prisma.sql`JOIN "Scorecard" s ON s."id" = x."scorecardId" WHERE s."loopId" = ${loopId} AND ${SUBMITTED}`;
  return Prisma.sql`
    (SELECT ${jsonObjects({
      ...columnsOf("s", ["id", "loopId", "interviewerId", "stageId", "recommendation", "submittedAt", "interviewerRemovedAt"]),
      interviewerName: Prisma.sql`u."name"`,
    })}
      FROM "Scorecard" s JOIN "User" u ON u."id" = s."interviewerId"
      WHERE s."loopId" = ${loopId} AND ${SUBMITTED}) AS "scorecards",
    (SELECT ${jsonObjects(columnsOf("x", ["scorecardId", "criterionId", "rating"]))} FROM "CriterionRating" x ${ofTheLoop}) AS "ratings",
    (SELECT ${jsonObjects(columnsOf("x", ["scorecardId", "flagId"]))} FROM "RedFlagRecord" x ${ofTheLoop}) AS "redFlags",
    (SELECT ${jsonObjects(columnsOf("x", ["scorecardId", "signalId", "note"]))} FROM "SignalObservation" x ${ofTheLoop}) AS "signals"`;
}

type ScorecardJson = {
  id: string;
  loopId: string;
  interviewerId: string;
  interviewerName: string;
  stageId: string;
  recommendation: string | null;
  submittedAt: string | null;
  interviewerRemovedAt: string | null;
};

/** A JSON array column, empty when the database answers NULL for no rows. */
const arrayOf = <T>(value: unknown): T[] => jsonColumn<T[] | null>(value) ?? [];

function byScorecard<T extends { scorecardId: string }>(rows: T[]): Map<string, T[]> {
  const by = new Map<string, T[]>();
  for (const row of rows) {
    const list = by.get(row.scorecardId);
    if (list) list.push(row);
    else by.set(row.scorecardId, [row]);
  }
  return by;
}

/** The submitted scorecards from the columns of submittedScorecardColumns, by id; their parts in key order. */
export function submittedScorecardsFrom(row: { scorecards: unknown; ratings: unknown; redFlags: unknown; signals: unknown }): CommitteeScorecard[] {
  const ratings = byScorecard(arrayOf<{ scorecardId: string; criterionId: string; rating: unknown }>(row.ratings).sort((a, b) => byText(a.criterionId, b.criterionId)));
  const flags = byScorecard(arrayOf<{ scorecardId: string; flagId: string }>(row.redFlags).sort((a, b) => byText(a.flagId, b.flagId)));
  const signals = byScorecard(arrayOf<{ scorecardId: string; signalId: string; note: string }>(row.signals).sort((a, b) => byText(a.signalId, b.signalId)));
  return arrayOf<ScorecardJson>(row.scorecards)
    .sort((a, b) => byText(a.id, b.id))
    .map((s) => ({
      id: s.id,
      loopId: s.loopId,
      interviewerId: s.interviewerId,
      interviewerName: s.interviewerName,
      stageId: s.stageId,
      submittedAt: dateColumn(s.submittedAt),
      interviewerRemoved: s.interviewerRemovedAt !== null,
      recommendation: asRecommendation(s.recommendation),
      ratings: (ratings.get(s.id) ?? []).map((r) => ({ criterionId: r.criterionId, rating: integerColumn(r.rating) })),
      redFlags: (flags.get(s.id) ?? []).map((f) => f.flagId),
      signals: (signals.get(s.id) ?? []).map((o) => ({ signalId: o.signalId, note: o.note })),
    }));
}

/** The column "decisions": every decision on the loop, with who decided. */
export function decisionsColumn(loopId: string): Prisma.Sql {
  return Prisma.sql`
    (SELECT ${jsonObjects({
      ...columnsOf("d", ["id", "loopId", "outcome", "level", "baseSalary", "currency", "bandJustification", "rationale", "overrides", "overrideJustification", "decidedById", "decidedAt", "correctsId"]),
      decidedByName: Prisma.sql`u."name"`,
    })}
      FROM "HiringDecision" d JOIN "User" u ON u."id" = d."decidedById"
      WHERE d."loopId" = ${loopId}) AS "decisions"`;
}

type DecisionJson = Omit<DecisionRecord, "outcome" | "overrides" | "decidedAt" | "baseSalary"> & {
  outcome: string;
  overrides: string | null;
  decidedAt: string;
  baseSalary: unknown;
};

/** The decisions from the column of decisionsColumn, oldest first (as listDecisions orders them). */
export function decisionsFrom(value: unknown): DecisionRecord[] {
  return arrayOf<DecisionJson>(value)
    .map(
      (d): DecisionRecord => ({
        id: d.id,
        loopId: d.loopId,
        outcome: d.outcome === "hire" ? "hire" : "no_hire",
        level: d.level,
        baseSalary: d.baseSalary === null || d.baseSalary === undefined ? null : integerColumn(d.baseSalary),
        currency: d.currency,
        bandJustification: d.bandJustification,
        rationale: d.rationale,
        overrides: parseOverrides(d.overrides),
        overrideJustification: d.overrideJustification,
        decidedById: d.decidedById,
        decidedByName: d.decidedByName,
        decidedAt: dateColumn(d.decidedAt)!,
        correctsId: d.correctsId,
      }),
    )
    .sort((a, b) => a.decidedAt.getTime() - b.decidedAt.getTime() || byText(a.id, b.id));
}
