// Why: a candidate's personal data is kept only as long as the outcome of their application justifies; this says how long, and who is due.
import { Temporal } from "temporal-polyfill";
import { z } from "zod";
import { calendarDate, dateOfCalendarDay } from "./calendar-date";
import { currentDecision } from "./decision";
import { countOf } from "./wording";

/**
 * Retention of candidate data. Each candidate's outcome sets how long their data is kept and
 * from when:
 *
 * | outcome                                   | kept for                          | counted from               |
 * | ----------------------------------------- | --------------------------------- | -------------------------- |
 * | not hired (decision in force: no hire)    | `notHiredMonths`                  | that decision              |
 * | hired, but never joined as a builder      | `hiredNotJoinedMonths`            | that decision              |
 * | no decision (withdrawn, abandoned, no loop)| `noDecisionMonths`               | the last activity          |
 * | became a builder                          | never erased: an employee record  | —                          |
 * | already erased                            | —                                 | —                          |
 *
 * A candidate with several loops is judged by their latest loop (the most recently created): an
 * older loop's decision says nothing about an application still under way. The decision in force
 * on a loop is the one no correction points to (decision.ts); its date is the date of that entry,
 * so a correction restarts the count. Last activity is the latest of: the candidate created or
 * updated, a loop created, an interview scheduled or held, a scorecard submitted, a decision.
 *
 * Dates and the cutoff: periods are whole calendar months added to the UTC calendar day of the
 * event (the app stores calendar days as UTC days everywhere). A day that does not exist in the
 * target month is clamped to that month's last day: 31 January + 1 month is 28 February (29 in a
 * leap year), 29 February + 12 months is 28 February. The candidate is due from the first instant
 * of that day in UTC (00:00Z) — the cutoff — and due-ness is decided by comparing the instant
 * `now` with the cutoff (`now >= cutoff`). Working in UTC means daylight saving never moves a
 * cutoff; seen from a local clock, the cutoff falls on the due day's UTC midnight (e.g. 01:00 or
 * 02:00 in Berlin, 19:00 or 20:00 the evening before in New York).
 */
export type RetentionPolicy = {
  notHiredMonths: number;
  hiredNotJoinedMonths: number;
  noDecisionMonths: number;
};

export const DEFAULT_RETENTION_POLICY: RetentionPolicy = { notHiredMonths: 12, hiredNotJoinedMonths: 24, noDecisionMonths: 12 };

export type RetentionDecision = { id: string; correctsId: string | null; outcome: string; decidedAt: Date };

/** What retention needs to know of one candidate (app/data/retention.server.ts gathers it). */
export type RetentionFacts = {
  candidateId: string;
  erasedAt: Date | null;
  /** A builder record was created from a hire decision on one of their loops (onboarding). */
  becameBuilder: boolean;
  loops: ReadonlyArray<{ id: string; createdAt: Date; decisions: readonly RetentionDecision[] }>;
  /** Every dated activity: candidate created and updated, loops created, interviews, scorecards, decisions. */
  activity: readonly Date[];
};

export type RetentionOutcome = "not_hired" | "hired_not_joined" | "no_decision" | "builder" | "erased";

export const RETENTION_OUTCOME_LABELS: Record<RetentionOutcome, string> = {
  not_hired: "not hired",
  hired_not_joined: "hired but never joined",
  no_decision: "no decision",
  builder: "became a builder",
  erased: "already erased",
};

/** Where one candidate stands: kept until `dueOn` (from `cutoff`), or never (`cutoff` null). */
export type RetentionStanding = {
  candidateId: string;
  outcome: RetentionOutcome;
  /** The decision or last activity the period counts from; null when never due. */
  since: Date | null;
  months: number | null;
  /** The UTC calendar day it falls due (YYYY-MM-DD), and that day's first instant. */
  dueOn: string | null;
  cutoff: Date | null;
  /** In words: "not hired: decided 2025-10-01, kept 12 months". */
  reason: string;
};

export type DueCandidate = RetentionStanding & { since: Date; months: number; dueOn: string; cutoff: Date };

/** A YYYY-MM-DD day plus whole calendar months, clamped to the month's last day (31 Jan + 1 month = 28/29 Feb). */
export function addCalendarMonths(day: string, months: number): string {
  return Temporal.PlainDate.from(day).add({ months }, { overflow: "constrain" }).toString();
}

/** The latest of some instants (null for none). */
function latest(dates: readonly Date[]): Date | null {
  let max: Date | null = null;
  for (const d of dates) if (!max || d.getTime() > max.getTime()) max = d;
  return max;
}

/** The latest loop: most recently created, ties broken by id so the answer never depends on order. */
function latestLoop(loops: RetentionFacts["loops"]) {
  let found: RetentionFacts["loops"][number] | null = null;
  for (const loop of loops) {
    if (!found) found = loop;
    else {
      const [a, b] = [loop.createdAt.getTime(), found.createdAt.getTime()];
      if (a > b || (a === b && loop.id > found.id)) found = loop;
    }
  }
  return found;
}

export function retentionStanding(facts: RetentionFacts, policy: RetentionPolicy): RetentionStanding {
  const never = (outcome: RetentionOutcome, reason: string): RetentionStanding => ({
    candidateId: facts.candidateId,
    outcome,
    since: null,
    months: null,
    dueOn: null,
    cutoff: null,
    reason,
  });
  if (facts.erasedAt) return never("erased", `already erased on ${calendarDate(facts.erasedAt)}`);
  if (facts.becameBuilder) return never("builder", "became a builder: kept as their employee record, never erased by retention");

  const loop = latestLoop(facts.loops);
  const decision = loop ? currentDecision(loop.decisions) : null;
  const kept = (outcome: RetentionOutcome, since: Date, months: number, what: string): RetentionStanding => {
    const dueOn = addCalendarMonths(calendarDate(since), months);
    return {
      candidateId: facts.candidateId,
      outcome,
      since,
      months,
      dueOn,
      cutoff: dateOfCalendarDay(dueOn),
      reason: `${RETENTION_OUTCOME_LABELS[outcome]}: ${what} ${calendarDate(since)}, kept ${countOf(months, "month")}`,
    };
  };
  if (decision?.outcome === "no_hire") return kept("not_hired", decision.decidedAt, policy.notHiredMonths, "decided");
  if (decision?.outcome === "hire") return kept("hired_not_joined", decision.decidedAt, policy.hiredNotJoinedMonths, "decided");
  // No decision in force (or an outcome this code does not know, which is kept as long as undecided).
  const last = latest(facts.activity);
  // A candidate always has a creation date; without any, nothing says how old the data is: keep it.
  if (!last) return never("no_decision", "no decision and no recorded activity: kept until someone decides");
  return kept("no_decision", last, policy.noDecisionMonths, "last activity");
}

/** Whether a standing is due at `now`: the instant `now` has reached its cutoff. */
export function isDue(standing: RetentionStanding, now: Date): standing is DueCandidate {
  return standing.cutoff !== null && now.getTime() >= standing.cutoff.getTime();
}

/**
 * The candidates due for erasure at `now` under `policy`, each with why, in the order they fell
 * due (then by id). Pure: the same facts, policy and now give the same list, so a dry run and the
 * run that follows at the same `now` agree.
 */
export function candidatesDueForErasure(facts: readonly RetentionFacts[], policy: RetentionPolicy, now: Date): DueCandidate[] {
  return facts
    .map((f) => retentionStanding(f, policy))
    .filter((s): s is DueCandidate => isDue(s, now))
    .sort((a, b) => a.cutoff.getTime() - b.cutoff.getTime() || (a.candidateId < b.candidateId ? -1 : a.candidateId > b.candidateId ? 1 : 0));
}

/** How many candidates stand in each outcome (for the admin page's summary). */
export function standingsByOutcome(standings: readonly RetentionStanding[]): Record<RetentionOutcome, number> {
  const counts: Record<RetentionOutcome, number> = { not_hired: 0, hired_not_joined: 0, no_decision: 0, builder: 0, erased: 0 };
  for (const s of standings) counts[s.outcome] += 1;
  return counts;
}

/**
 * The admin page's "erase the candidates due now" form: one intent, confirmed in a dialog. The
 * action re-computes the plan at its own now and erases that, so it takes no list from the page.
 */
export const ERASE_DUE_INTENT = "erase-due";
export const retentionRunSchema = z.object({
  intent: z.literal(ERASE_DUE_INTENT, { error: "Choose the action: erase the candidates due now" }),
});
