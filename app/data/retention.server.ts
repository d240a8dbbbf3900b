import { randomUUID } from "node:crypto";
import {
  candidatesDueForErasure,
  retentionStanding,
  standingsByOutcome,
  type DueCandidate,
  type RetentionFacts,
  type RetentionOutcome,
  type RetentionPolicy,
} from "~/domain/retention";
import type { RefusalKind } from "~/domain/refusal";
import { recordChange, type AuditActor } from "./audit.server";
import { eraseCandidate } from "./candidate-erasure.server";
import { prisma } from "./db.server";

/**
 * Retention of candidate data (domain/retention.ts decides who is due): the facts in a fixed
 * number of queries, the plan (a dry run: nothing written) and the run, which erases exactly the
 * plan's candidates through eraseCandidate and records one audit entry for itself.
 */

/** Every candidate's retention facts, in six queries whatever the number of candidates. */
export async function gatherRetentionFacts(): Promise<Array<RetentionFacts & { name: string }>> {
  const [candidates, loops, decisions, hires, interviews, scorecards] = await Promise.all([
    prisma.candidate.findMany({ select: { id: true, name: true, createdAt: true, updatedAt: true, erasedAt: true } }),
    prisma.loop.findMany({ select: { id: true, candidateId: true, createdAt: true } }),
    prisma.hiringDecision.findMany({ select: { id: true, loopId: true, outcome: true, decidedAt: true, correctsId: true } }),
    // Onboarding writes the hire decision into the new builder's level history (as erasure checks).
    prisma.levelChange.findMany({ where: { hiringDecisionId: { not: null } }, select: { hiringDecision: { select: { loop: { select: { candidateId: true } } } } } }),
    prisma.interview.groupBy({ by: ["loopId"], _max: { startsAt: true, createdAt: true } }),
    prisma.scorecard.groupBy({ by: ["loopId"], where: { submittedAt: { not: null } }, _max: { submittedAt: true } }),
  ]);

  const builders = new Set(hires.map((h) => h.hiringDecision?.loop.candidateId).filter((id): id is string => Boolean(id)));
  const decisionsByLoop = groupBy(decisions, (d) => d.loopId);
  const interviewsByLoop = new Map(interviews.map((i) => [i.loopId, i._max]));
  const scorecardsByLoop = new Map(scorecards.map((s) => [s.loopId, s._max.submittedAt]));
  const loopsByCandidate = groupBy(loops, (l) => l.candidateId);

  return candidates.map((c) => {
    const own = loopsByCandidate.get(c.id) ?? [];
    const activity: Date[] = [c.createdAt, c.updatedAt];
    for (const loop of own) {
      activity.push(loop.createdAt);
      const interview = interviewsByLoop.get(loop.id);
      // A scheduled interview counts from when it takes place: an upcoming one keeps the data.
      for (const d of [interview?.startsAt, interview?.createdAt, scorecardsByLoop.get(loop.id)]) if (d) activity.push(d);
      for (const d of decisionsByLoop.get(loop.id) ?? []) activity.push(d.decidedAt);
    }
    return {
      candidateId: c.id,
      name: c.name,
      erasedAt: c.erasedAt,
      becameBuilder: builders.has(c.id),
      loops: own.map((l) => ({ id: l.id, createdAt: l.createdAt, decisions: decisionsByLoop.get(l.id) ?? [] })),
      activity,
    };
  });
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}

export type PlannedErasure = DueCandidate & { name: string };

export type RetentionPlan = {
  now: Date;
  policy: RetentionPolicy;
  due: PlannedErasure[];
  /** How many candidates stand in each outcome, due or not. */
  byOutcome: Record<RetentionOutcome, number>;
};

/** The dry run: who is due for erasure at `now` under `policy`, and why. Writes nothing. */
export async function retentionPlan(policy: RetentionPolicy, now: Date): Promise<RetentionPlan> {
  const facts = await gatherRetentionFacts();
  const names = new Map(facts.map((f) => [f.candidateId, f.name]));
  const due = candidatesDueForErasure(facts, policy, now).map((d) => ({ ...d, name: names.get(d.candidateId) ?? "" }));
  return { now, policy, due, byOutcome: standingsByOutcome(facts.map((f) => retentionStanding(f, policy))) };
}

export type RetentionRun = {
  runId: string;
  now: Date;
  erased: Array<{ candidateId: string; reason: string; entriesRedacted: number }>;
  refused: Array<{ candidateId: string; reason: string; refusal: RefusalKind; message: string }>;
};

/**
 * Erases the candidates due at `now` (exactly retentionPlan(policy, now)'s list), each in its own
 * transaction through eraseCandidate with the plan's reason, then records the run: action
 * "retention.run", counts and the policy in its detail (no names). A candidate eraseCandidate
 * refuses (already erased by another run meanwhile, or onboarded since the plan) is reported, not
 * retried. `actor` is SYSTEM_ACTOR for the schedule and the command, the admin for the page.
 */
export async function runRetention(policy: RetentionPolicy, now: Date, actor: AuditActor): Promise<RetentionRun> {
  const plan = await retentionPlan(policy, now);
  const run: RetentionRun = { runId: randomUUID(), now, erased: [], refused: [] };
  for (const item of plan.due) {
    const result = await eraseCandidate(item.candidateId, { reason: `Retention: ${item.reason}`, actor, now });
    if (result.ok) run.erased.push({ candidateId: item.candidateId, reason: item.reason, entriesRedacted: result.entriesRedacted });
    else run.refused.push({ candidateId: item.candidateId, reason: item.reason, refusal: result.reason, message: result.message });
  }
  await prisma.$transaction((tx) =>
    recordChange(
      tx,
      actor,
      {
        action: "retention.run",
        recordType: "retention",
        recordId: run.runId,
        detail: {
          due: plan.due.length,
          erased: run.erased.length,
          refused: run.refused.length,
          notHiredMonths: policy.notHiredMonths,
          hiredNotJoinedMonths: policy.hiredNotJoinedMonths,
          noDecisionMonths: policy.noDecisionMonths,
        },
      },
      now,
    ),
  );
  return run;
}

export type RecordedRun = {
  at: Date;
  /** Null when the system ran it (the schedule or npm run retention). */
  actorName: string | null;
  due: number | null;
  erased: number | null;
  refused: number | null;
  policy: RetentionPolicy | null;
};

/** The latest runs recorded in the audit trail, newest first. */
export async function recentRetentionRuns(take = 5): Promise<RecordedRun[]> {
  const entries = await prisma.auditEntry.findMany({ where: { action: "retention.run" }, orderBy: { seq: "desc" }, take, select: { at: true, actorId: true, detail: true } });
  const actorIds = [...new Set(entries.map((e) => e.actorId).filter((id): id is string => id !== null))];
  const names = new Map((await prisma.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, name: true } })).map((u) => [u.id, u.name]));
  return entries.map((e) => {
    const detail = readDetail(e.detail);
    const count = (key: string) => (typeof detail[key] === "number" ? (detail[key] as number) : null);
    const months = [count("notHiredMonths"), count("hiredNotJoinedMonths"), count("noDecisionMonths")];
    return {
      at: e.at,
      actorName: e.actorId ? (names.get(e.actorId) ?? "a former user") : null,
      due: count("due"),
      erased: count("erased"),
      refused: count("refused"),
      policy: months.every((m) => m !== null) ? { notHiredMonths: months[0]!, hiredNotJoinedMonths: months[1]!, noDecisionMonths: months[2]! } : null,
    };
  });
}

/** When retention last ran (the schedule reads it, so restarts neither skip nor repeat a run). */
export async function lastRetentionRunAt(): Promise<Date | null> {
  const entry = await prisma.auditEntry.findFirst({ where: { action: "retention.run" }, orderBy: { seq: "desc" }, select: { at: true } });
  return entry?.at ?? null;
}

function readDetail(detail: string | null): Record<string, unknown> {
  if (!detail) return {};
  try {
    const parsed: unknown = JSON.parse(detail);
    return parsed && typeof parsed === "object" && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
