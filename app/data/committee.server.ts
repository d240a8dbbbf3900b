import type { CommitteeDecisionRecord } from "~/views/committee-page";
import type { SubmittedScorecard } from "~/domain/aggregation";
import { checkDecisionChain, currentDecision, type DecisionInput } from "~/domain/decision";
import { parseOverrides, type DecisionOverride } from "~/domain/decision-overrides";
import type { WordedRefusal } from "~/domain/refusal";
import { recordChange, type PersonActor } from "./audit.server";
import { prisma } from "./db.server";
import { notifyLoopDecided } from "./event-notifications.server";
import { markLoopsChanged } from "./loop-revision.server";
import { followDecisions, refuseClosedLoop } from "./candidate-pipeline.server";
import { candidateOfLoop } from "./loops.server";
import { asRecommendation, submittedScorecardColumns, submittedScorecardsFrom } from "./loop-evidence.server";

const scorecardSelect = {
  id: true,
  loopId: true,
  interviewerId: true,
  stageId: true,
  recommendation: true,
  submittedAt: true,
  interviewerRemovedAt: true,
  interviewer: { select: { name: true } },
  // In key order, as the one-statement read gives them: without an ORDER BY, SQLite answers in
  // key order and PostgreSQL in the order the rows were written.
  ratings: { select: { criterionId: true, rating: true }, orderBy: { criterionId: "asc" } },
  redFlags: { select: { flagId: true }, orderBy: { flagId: "asc" } },
  signals: { select: { signalId: true, note: true }, orderBy: { signalId: "asc" } },
} as const;

/** `interviewerRemoved`: its interviewer was taken off the interview afterwards; it still counts (the evidence was gathered). */
export type CommitteeScorecard = SubmittedScorecard & { loopId: string; interviewerName: string; submittedAt: Date | null; interviewerRemoved: boolean };

type ScorecardRow = {
  id: string;
  loopId: string;
  interviewerId: string;
  stageId: string;
  recommendation: string | null;
  submittedAt: Date | null;
  interviewerRemovedAt: Date | null;
  interviewer: { name: string };
  ratings: Array<{ criterionId: string; rating: number }>;
  redFlags: Array<{ flagId: string }>;
  signals: Array<{ signalId: string; note: string }>;
};

function toScorecard(row: ScorecardRow): CommitteeScorecard {
  return {
    id: row.id,
    loopId: row.loopId,
    interviewerId: row.interviewerId,
    interviewerName: row.interviewer.name,
    stageId: row.stageId,
    submittedAt: row.submittedAt,
    interviewerRemoved: row.interviewerRemovedAt !== null,
    recommendation: asRecommendation(row.recommendation),
    ratings: row.ratings,
    redFlags: row.redFlags.map((f) => f.flagId),
    signals: row.signals,
  };
}

/** A loop's submitted scorecards in the shape the aggregation reads (drafts never count), in one statement. */
export async function submittedScorecards(loopId: string): Promise<CommitteeScorecard[]> {
  const rows = await prisma.$queryRaw<Array<{ scorecards: unknown; ratings: unknown; redFlags: unknown; signals: unknown }>>`SELECT ${submittedScorecardColumns(loopId)}`;
  return submittedScorecardsFrom(rows[0]!);
}

/** Every submitted scorecard of the given loops, in one query, grouped by loop. */
/** Submitted scorecards grouped by loop: of the loops named, or of every loop ("all" avoids a huge IN list). */
export async function submittedScorecardsByLoop(loopIds: readonly string[] | "all"): Promise<Map<string, CommitteeScorecard[]>> {
  const rows = await prisma.scorecard.findMany({ where: { ...(loopIds === "all" ? {} : { loopId: { in: [...loopIds] } }), status: "submitted" }, select: scorecardSelect });
  const byLoop = new Map<string, CommitteeScorecard[]>();
  for (const row of rows) {
    const list = byLoop.get(row.loopId);
    if (list) list.push(toScorecard(row));
    else byLoop.set(row.loopId, [toScorecard(row)]);
  }
  return byLoop;
}

/** One decision as the committee page and history read it (the type is the view's: one definition). */
export type DecisionRecord = CommitteeDecisionRecord;

const decisionInclude = { decidedBy: { select: { name: true } } } as const;

function toDecision(row: Awaited<ReturnType<typeof prisma.hiringDecision.findFirstOrThrow<{ include: typeof decisionInclude }>>>): DecisionRecord {
  return {
    id: row.id,
    loopId: row.loopId,
    outcome: row.outcome === "hire" ? "hire" : "no_hire",
    level: row.level,
    baseSalary: row.baseSalary,
    currency: row.currency,
    bandJustification: row.bandJustification,
    rationale: row.rationale,
    overrides: parseOverrides(row.overrides),
    overrideJustification: row.overrideJustification,
    decidedById: row.decidedById,
    decidedByName: row.decidedBy.name,
    decidedAt: row.decidedAt,
    correctsId: row.correctsId,
  };
}

/** Decisions on the loops named, or on every loop ("all": SQLite takes at most 999 parameters). */
export async function listDecisions(loopIds: readonly string[] | "all"): Promise<DecisionRecord[]> {
  const rows = await prisma.hiringDecision.findMany({ where: loopIds === "all" ? {} : { loopId: { in: [...loopIds] } }, include: decisionInclude, orderBy: { decidedAt: "asc" } });
  return rows.map(toDecision);
}

/**
 * Records a decision after checking, in the same transaction, that it corrects the decision in
 * force (if any): two committee members saving at once cannot fork the history.
 * The overrides are kept with the decision (a justification only beside at least one).
 * Returns the refusal when the chain check fails.
 */
export async function recordDecision(
  input: Omit<DecisionInput, "confirmedOverrides" | "overrideJustification"> & {
    loopId: string;
    currency: string;
    /** Who decides: the entry's decidedBy, and the audit entry's actor. */
    actor: PersonActor;
    now: Date;
    /** The overrides that applied and were confirmed (the action works them out), with the justification. */
    overrides?: readonly DecisionOverride[];
    overrideJustification?: string | null;
  },
): Promise<{ ok: true; id: string } | WordedRefusal> {
  const hire = input.outcome === "hire";
  return prisma.$transaction(async (tx): Promise<{ ok: true; id: string } | WordedRefusal> => {
    // A closed loop takes no decision (a thrown `locked` refusal, 409): reopen it first.
    await refuseClosedLoop(tx, input.loopId);
    const entries = await tx.hiringDecision.findMany({ where: { loopId: input.loopId }, select: { id: true, correctsId: true, decidedAt: true } });
    const refusal = checkDecisionChain(entries, input.correctsId);
    if (refusal) return refusal;
    const row = await tx.hiringDecision.create({
      data: {
        loopId: input.loopId,
        outcome: input.outcome,
        level: hire ? (input.level ?? null) : null,
        baseSalary: hire ? (input.baseSalary ?? null) : null,
        currency: hire ? input.currency : null,
        bandJustification: hire && input.bandJustification ? input.bandJustification : null,
        rationale: input.rationale,
        overrides: JSON.stringify(input.overrides ?? []),
        overrideJustification: input.overrides?.length ? (input.overrideJustification ?? null) : null,
        decidedById: input.actor.userId,
        decidedAt: input.now,
        correctsId: input.correctsId ?? null,
      },
    });
    await markLoopsChanged(tx, { loopId: input.loopId });
    // The outcome and level only: the rationale and justifications are free text about the candidate, and pay stays out.
    await recordChange(
      tx,
      input.actor,
      {
        action: "decision.record",
        recordType: "decision",
        recordId: row.id,
        candidateId: await candidateOfLoop(tx, input.loopId),
        detail: { loopId: input.loopId, outcome: row.outcome, level: row.level, correctsId: row.correctsId, overrides: [...(input.overrides ?? [])] },
      },
      input.now,
    );
    // The recruiter running the loop and its panel hear of it (a correction too); never the pay.
    await notifyLoopDecided(tx, { loopId: input.loopId, actorId: input.actor.userId, now: input.now });
    // A hire in force makes the candidate hired; a hire corrected away takes it back.
    await followDecisions(tx, { loopId: input.loopId, decisionId: row.id, actor: input.actor, now: input.now });
    return { ok: true as const, id: row.id };
  });
}

/** The decision in force among a loop's entries, without pay: what loop and candidate pages show. */
export function decisionSummary(entries: readonly DecisionRecord[]) {
  const current = currentDecision(entries);
  return current ? { outcome: current.outcome, level: current.level, decidedByName: current.decidedByName, decidedAt: current.decidedAt } : null;
}
