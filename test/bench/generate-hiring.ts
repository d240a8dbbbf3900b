/**
 * The benchmark organisation's hiring: N candidates with one loop each (three stages, one
 * interview per stage, three or four interviewers each), ~85% complete with every scorecard
 * submitted, the rest in progress; hiring decisions on about half the complete loops; the demo
 * interviewer's fixed workload; and the bench submitter's queue. Rows are written as
 * app/data/loops.server.ts, app/data/scorecards.server.ts and app/data/committee.server.ts write
 * them, and scorecard content is checked with the stage's own schemas.
 */
import { aggregateLoop, type SubmittedScorecard } from "~/domain/aggregation";
import { CANDIDATE_SOURCES } from "~/domain/candidates";
import { decisionSchema } from "~/domain/decision";
import type { Level } from "~/domain/levels";
import type { Recommendation, ScorecardContent } from "~/domain/scorecard/content";
import { mustParse, noteUse, type Context, type StageInfo, type VersionInfo } from "./generate-context";
import { dbDate, DAY, HOUR, MINUTE, workingMoment, workingSlot, type Rng } from "./generate-random";
import {
  candidateNotes,
  hiringRationale,
  partialEvidence,
  personName,
  ratingEvidence,
  redFlagEvidence,
  signalNote,
  slug,
  takeaways,
} from "./generate-text";

/** What the demo interviewer (Daniel Okafor) gets on top of the demo's own five assignments. */
export const DANIEL_OPEN = { upcoming: 4, toWrite: 2, draftsDue: 3, overdueDrafts: 2, overdueUnopened: 1 } as const;
export const DANIEL_TOTAL = 60;

type CardState = "submitted" | "draft" | "none";
type Seat = { interviewerId: string; state: CardState };
type InterviewPlan = {
  stage: StageInfo;
  startsAt: number;
  scheduledAt: number;
  seats: Seat[];
};
type Candidate = { strength: number; compBias: Map<string, number>; empathyConcern: boolean };
type LoopPlan = {
  index: number;
  version: VersionInfo;
  createdAt: number;
  complete: boolean;
  targetLevel: Level;
  interviews: InterviewPlan[];
  candidate: Candidate;
  decide: boolean;
};

export type HiringResult = {
  committeeLoopId: string;
  submitInterviewIds: string[];
  draftScorecardId: string;
  draftContent: ScorecardContent;
  submitContent: ScorecardContent;
  overflowInterviews: number;
  danielAssignments: number;
};

const clamp = (n: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, n));

export function generateHiring(
  ctx: Context,
  opts: { candidates: number; interviewerPool: string[]; submitterId: string; submitQueue: number; danielExisting: number },
): HiringResult {
  const { rng, now, w } = ctx;
  const N = opts.candidates;
  const pool = opts.interviewerPool;
  if (pool.length < 5) throw new Error("the interviewer pool needs at least five people");
  const v2 = ctx.builderV2;
  const inProgress = Math.max(Math.round(N * 0.15), 12);
  const completeCount = N - inProgress;
  if (completeCount < 8) throw new Error(`at least ${inProgress + 8} candidates are needed`);
  const v1Loops = ctx.builderV1 ? Math.round(completeCount * 0.03) : 0;

  const seats = (k: number): Seat[] => rng.sample(pool, k).map((interviewerId) => ({ interviewerId, state: "submitted" as CardState }));
  const newCandidate = (): Candidate => {
    const strength = rng.normal(2.85, 0.45);
    const compBias = new Map(v2.rubric.competencies.map((c) => [c.id, rng.normal(0, 0.3)]));
    return { strength, compBias, empathyConcern: rng.chance(0.04) };
  };
  const targetLevel = (): Level => rng.weighted<Level>([["L4", 0.35], ["L5", 0.35], ["L6", 0.22], ["L7", 0.08]]);
  const scheduled = (loopCreated: number, startsAt: number) => {
    const latest = Math.min(startsAt - HOUR, now - MINUTE);
    return Math.round((loopCreated + Math.max(MINUTE, (latest - loopCreated) * rng.range(0.05, 0.9))) / MINUTE) * MINUTE;
  };

  // ---- Plans: complete loops (oldest first), then loops in progress (the most recent).
  const plans: LoopPlan[] = [];
  const completeStarts = Array.from({ length: completeCount }, () => now - rng.range(45, 548) * DAY).sort((a, b) => a - b);
  for (const [i, start] of completeStarts.entries()) {
    const version = i < v1Loops ? ctx.builderV1! : v2;
    const createdAt = workingMoment(rng, start, -1);
    const interviews: InterviewPlan[] = [];
    let t = createdAt;
    for (const stage of version.stages) {
      const startsAt = workingSlot(rng, t + rng.range(stage.index === 0 ? 2 : 3, stage.index === 0 ? 7 : 11) * DAY, 1);
      interviews.push({ stage, startsAt, scheduledAt: scheduled(createdAt, startsAt), seats: seats(rng.int(3, 4)) });
      t = startsAt;
    }
    plans.push({ index: plans.length, version, createdAt, complete: true, targetLevel: targetLevel(), interviews, candidate: newCandidate(), decide: rng.chance(0.5) });
  }

  type Timing = "future" | "recent" | "awaiting" | "overdue";
  const danielPlan: Array<{ timing: Timing; state: CardState }> = [
    ...Array.from({ length: DANIEL_OPEN.upcoming }, () => ({ timing: "future" as Timing, state: "none" as CardState })),
    ...Array.from({ length: DANIEL_OPEN.toWrite }, () => ({ timing: "recent" as Timing, state: "none" as CardState })),
    ...Array.from({ length: DANIEL_OPEN.draftsDue }, () => ({ timing: "recent" as Timing, state: "draft" as CardState })),
    ...Array.from({ length: DANIEL_OPEN.overdueDrafts }, () => ({ timing: "overdue" as Timing, state: "draft" as CardState })),
    ...Array.from({ length: DANIEL_OPEN.overdueUnopened }, () => ({ timing: "overdue" as Timing, state: "none" as CardState })),
  ];
  for (let i = 0; i < inProgress; i++) {
    const forced = danielPlan[i];
    const current = rng.weighted([[0, 0.45], [1, 0.35], [2, 0.2]] as const);
    const timing: Timing = forced?.timing ?? rng.weighted<Timing>([["future", 0.3], ["recent", 0.15], ["awaiting", 0.55]]);
    const stages = v2.stages;
    const times: Array<number | null> = stages.map(() => null);
    times[current] =
      timing === "future"
        ? workingSlot(rng, now + rng.range(1, 10) * DAY, 1)
        : timing === "recent"
          ? Math.floor((now - rng.range(2.5, 20) * HOUR) / (15 * MINUTE)) * 15 * MINUTE
          : workingSlot(rng, now - rng.range(timing === "overdue" ? 2.5 : 1.5, 10) * DAY, -1);
    for (let k = current - 1; k >= 0; k--) times[k] = workingSlot(rng, times[k + 1]! - rng.range(3, 9) * DAY, -1);
    for (let k = current + 1; k < stages.length; k++) {
      if (!rng.chance(0.6)) break;
      times[k] = workingSlot(rng, Math.max(times[k - 1]!, now) + rng.range(2, 9) * DAY, 1);
    }
    const createdAt = Math.min(workingMoment(rng, times[0]! - rng.range(2, 6) * DAY, -1), workingMoment(rng, now - rng.range(1, 5) * DAY, -1));
    const interviews: InterviewPlan[] = [];
    for (const stage of stages) {
      const startsAt = times[stage.index];
      if (startsAt === null || startsAt === undefined) continue;
      const plan: InterviewPlan = { stage, startsAt, scheduledAt: scheduled(createdAt, startsAt), seats: seats(rng.int(3, 4)) };
      if (stage.index > current || startsAt > now) {
        for (const s of plan.seats) s.state = "none";
      } else if (stage.index === current) {
        const weights =
          timing === "recent"
            ? ([["submitted", 0.2], ["draft", 0.4], ["none", 0.4]] as const)
            : ([["submitted", 0.45], ["draft", 0.3], ["none", 0.25]] as const);
        for (const s of plan.seats) s.state = rng.weighted<CardState>(weights);
        if (plan.seats.every((s) => s.state === "submitted")) plan.seats[plan.seats.length - 1]!.state = "draft";
      }
      if (forced && stage.index === current) {
        plan.seats[plan.seats.length - 1] = { interviewerId: ctx.people.danielId, state: forced.state };
      }
      interviews.push(plan);
    }
    plans.push({ index: plans.length, version: v2, createdAt, complete: false, targetLevel: targetLevel(), interviews, candidate: newCandidate(), decide: false });
  }

  // ---- The committee's typical loop: the most recent complete v2 loop, ten scorecards (4 + 3 + 3), no decision yet.
  const committee = plans[completeCount - 1]!;
  if (committee.version !== v2) throw new Error("the committee loop must be on builder v2");
  committee.decide = false;
  committee.candidate.empathyConcern = false;
  committee.interviews.forEach((iv, k) => (iv.seats = seats(k === 0 ? 4 : 3)));

  // ---- The demo interviewer's past interviews, spread evenly over the complete loops.
  const danielSubmitted = Math.max(0, DANIEL_TOTAL - opts.danielExisting - danielPlan.length);
  const candidatesForDaniel = plans.filter((p) => p.complete && p !== committee);
  const taken = new Set<string>();
  for (let j = 0, k = 0; j < danielSubmitted && k < danielSubmitted * 4; k++) {
    const loop = candidatesForDaniel[Math.floor(((k + 0.5) * candidatesForDaniel.length) / danielSubmitted) % candidatesForDaniel.length]!;
    const iv = loop.interviews[k % loop.interviews.length]!;
    const key = `${loop.index}/${iv.stage.index}`;
    if (taken.has(key)) continue;
    taken.add(key);
    iv.seats[iv.seats.length - 1] = { interviewerId: ctx.people.danielId, state: "submitted" };
    j++;
  }
  const danielAssignments = opts.danielExisting + danielPlan.length + taken.size;

  // ---- The bench submitter: past Stage-2 interviews on builder v2 (not the committee loop's), most
  // recent first; one more for the draft.
  const stage2 = v2.stages[1]!;
  const past = plans
    .filter((p) => p.version === v2 && p !== committee)
    .flatMap((p) => p.interviews.filter((iv) => iv.stage === stage2 && iv.startsAt + iv.stage.durationMinutes * MINUTE < now - HOUR).map((iv) => ({ p, iv })))
    .sort((a, b) => b.iv.startsAt - a.iv.startsAt);
  const wanted = opts.submitQueue + 1;
  const submitterSeats: Array<{ p: LoopPlan; iv: InterviewPlan; state: CardState }> = [];
  for (const { p, iv } of past.slice(0, wanted)) {
    iv.seats.push({ interviewerId: opts.submitterId, state: "none" });
    submitterSeats.push({ p, iv, state: "none" });
  }
  // Not enough interviews for the queue (small N): extra Stage-2 interviews for the submitter alone.
  const bases = past.filter(({ p }) => p.complete);
  let overflowInterviews = 0;
  for (let j = 0; submitterSeats.length < wanted; j++) {
    if (bases.length === 0) throw new Error("no past Stage-2 interviews to put the submitter's queue on");
    const { p, iv: base } = bases[j % bases.length]!;
    const startsAt = Math.max(p.createdAt + HOUR, base.startsAt - DAY - Math.floor(j / bases.length) * 15 * MINUTE);
    const iv: InterviewPlan = { stage: stage2, startsAt, scheduledAt: scheduled(p.createdAt, startsAt), seats: [{ interviewerId: opts.submitterId, state: "none" }] };
    p.interviews.push(iv);
    submitterSeats.push({ p, iv, state: "none" });
    overflowInterviews++;
  }
  const draftSeat = submitterSeats[submitterSeats.length - 1]!;
  draftSeat.iv.seats[draftSeat.iv.seats.length - 1]!.state = "draft";

  // ---- Writing: candidates, loops, interviews, assignments, scorecards and decisions.
  const decisionParsers = new Map<VersionInfo, ReturnType<typeof decisionSchema>>();
  const interviewIds = new Map<InterviewPlan, string>();
  let committeeLoopId = "";
  let draftScorecardId = "";
  let draftContent: ScorecardContent | null = null;
  const emails = new Map<string, number>();
  let scorecardNumber = 0;

  for (const plan of plans) {
    const version = plan.version;
    const candidateId = ctx.ids.next();
    const loopId = ctx.ids.next();
    if (plan === committee) committeeLoopId = loopId;
    const person = personName(rng);
    const base = `${slug(person.first)}.${slug(person.last)}`;
    const seen = emails.get(base) ?? 0;
    emails.set(base, seen + 1);
    const source = rng.weighted(CANDIDATE_SOURCES.map((s) => [s, s === "other" ? 0.1 : 0.3] as const));
    const links = [
      ...(rng.chance(0.6) ? [`https://${slug(person.last)}${rng.int(1, 99)}.example`] : []),
      ...(rng.chance(0.4) ? [`https://github.com/${slug(person.first)}-${slug(person.last)}-example`] : []),
      ...(rng.chance(0.3) ? [`https://www.linkedin.com/in/${slug(person.first)}-${slug(person.last)}-example`] : []),
    ].join("\n");
    const candidateCreated = workingMoment(rng, plan.createdAt - rng.range(0.3, 10) * DAY, -1);
    const candidateAt = Math.min(candidateCreated, plan.createdAt - MINUTE);
    w.insert("Candidate", [
      candidateId, person.name, `${base}${seen === 0 ? "" : seen + 1}@mail.example`, source, plan.targetLevel, links,
      candidateNotes(rng, source), dbDate(candidateAt), dbDate(candidateAt),
    ]);
    w.insert("Loop", [loopId, candidateId, version.id, plan.targetLevel, ctx.people.recruiterId, dbDate(plan.createdAt)]);
    noteUse(ctx, version.id, plan.createdAt);

    const raterBias = (id: string) => biasOf(ctx, id);
    const submitted: SubmittedScorecard[] = [];
    let lastSubmittedAt = 0;
    const ordered = [...plan.interviews].sort((a, b) => a.startsAt - b.startsAt);
    for (const iv of ordered) {
      const interviewId = ctx.ids.next();
      interviewIds.set(iv, interviewId);
      const duration = iv.stage.durationMinutes;
      const endsAt = iv.startsAt + duration * MINUTE;
      w.insert("Interview", [interviewId, loopId, iv.stage.id, dbDate(iv.startsAt), duration, dbDate(iv.scheduledAt)]);
      for (const seat of iv.seats) {
        w.insert("InterviewAssignment", [interviewId, seat.interviewerId]);
        if (seat.state === "none") continue;
        const scorecardId = ctx.ids.next();
        const keys = [scorecardId, interviewId, seat.interviewerId, loopId, iv.stage.id] as const;
        const validate = scorecardNumber++ % ctx.validateEvery === 0;
        if (seat.state === "draft") {
          // As openScorecard, then saveDraft.
          const openedAt = iv.startsAt + Math.round(rng.range(0, duration)) * MINUTE;
          const savedAt = Math.max(openedAt + MINUTE, Math.min(openedAt + rng.range(0.2, 8) * HOUR, now - rng.range(1, 30) * MINUTE));
          const content = draftFor(rng, version, iv.stage, plan.candidate, raterBias(seat.interviewerId));
          if (validate || opts.submitterId === seat.interviewerId) mustParse(iv.stage.schemas.draft, content, `draft scorecard (${version.track} v${version.version}, ${iv.stage.id})`);
          w.insert("Scorecard", [...keys, "draft", JSON.stringify(content), dbDate(savedAt), null, null, null, dbDate(openedAt)]);
          if (seat.interviewerId === opts.submitterId) {
            draftScorecardId = scorecardId;
            draftContent = content;
          }
          continue;
        }
        // As openScorecard, then submitScorecard: revision 1 and the rows aggregation reads.
        const late = rng.chance(0.12);
        const openedAt = endsAt - Math.round(rng.range(5, 30)) * MINUTE;
        const submittedAt = Math.max(openedAt + MINUTE, Math.min(endsAt + (late ? rng.range(20, 90) : rng.range(0.3, 20)) * HOUR, now - rng.range(1, 60) * MINUTE));
        const content = submissionFor(rng, version, iv.stage, plan.candidate, raterBias(seat.interviewerId));
        if (validate) mustParse(iv.stage.schemas.submission, content, `submitted scorecard (${version.track} v${version.version}, ${iv.stage.id})`);
        const json = JSON.stringify(content);
        const at = dbDate(submittedAt);
        w.insert("Scorecard", [...keys, "submitted", json, at, at, content.recommendation, content.takeaways.trim(), dbDate(openedAt)]);
        w.insert("ScorecardRevision", [ctx.ids.next(), scorecardId, 1, json, null, seat.interviewerId, at]);
        for (const r of content.ratings) w.insert("CriterionRating", [scorecardId, r.criterionId, iv.stage.competencyOf.get(r.criterionId)!, r.rating!, r.evidence.trim()]);
        for (const s of content.signals) if (s.observed) w.insert("SignalObservation", [scorecardId, s.signalId, s.note.trim()]);
        for (const f of content.redFlags) {
          if (f.raised) w.insert("RedFlagRecord", [scorecardId, f.flagId, loopId, iv.stage.id, seat.interviewerId, f.evidence.trim()]);
        }
        lastSubmittedAt = Math.max(lastSubmittedAt, submittedAt);
        if (plan.decide) {
          submitted.push({
            id: scorecardId,
            interviewerId: seat.interviewerId,
            stageId: iv.stage.id,
            recommendation: content.recommendation,
            ratings: content.ratings.map((r) => ({ criterionId: r.criterionId, rating: r.rating! })),
            redFlags: content.redFlags.filter((f) => f.raised).map((f) => f.flagId),
            signals: content.signals.filter((s) => s.observed).map((s) => ({ signalId: s.signalId, note: s.note.trim() })),
          });
        }
      }
    }

    // As recordDecision: the committee follows the aggregate (hire at the supported level, at the suggested base).
    if (plan.decide && plan.complete) {
      const aggregate = aggregateLoop(version.rubric, plan.targetLevel, submitted);
      const rec = aggregate.recommendation.value;
      const hire = (rec === "hire" || rec === "strong_hire") && aggregate.band !== null;
      const level = hire ? aggregate.band!.level : null;
      const baseSalary = hire ? aggregate.band!.suggestedBase : null;
      const input = mustParse(
        decisionParsers.get(version) ?? decisionParsers.set(version, decisionSchema(version.rubric.bands)).get(version)!,
        { outcome: hire ? "hire" : "no_hire", level: level ?? "", baseSalary: baseSalary === null ? "" : String(baseSalary), rationale: hiringRationale(rng, hire ? "hire" : "no_hire", level, rec) },
        "hiring decision",
      );
      const decidedAt = Math.min(workingMoment(rng, lastSubmittedAt + rng.range(1, 6) * DAY, 1), now - rng.range(1, 12) * HOUR);
      w.insert("HiringDecision", [
        ctx.ids.next(), loopId, input.outcome, hire ? (input.level ?? null) : null, hire ? (input.baseSalary ?? null) : null,
        hire ? version.rubric.bands.currency : null, null, input.rationale, rng.pick(ctx.people.hiringCommitteeIds), dbDate(Math.max(decidedAt, lastSubmittedAt + MINUTE)), null,
      ]);
    }
  }

  // What the bench posts: a whole Stage-2 scorecard for the submitter's queue.
  const submitContent = submissionFor(rng, v2, stage2, { strength: 3, compBias: new Map(), empathyConcern: false }, 0, true);
  mustParse(stage2.schemas.submission, { ...submitContent }, "bench submission");
  if (!draftContent) throw new Error("the submitter's draft was not written");

  return {
    committeeLoopId,
    submitInterviewIds: submitterSeats.slice(0, opts.submitQueue).map((s) => interviewIds.get(s.iv)!),
    draftScorecardId,
    draftContent,
    submitContent,
    overflowInterviews,
    danielAssignments,
  };
}

/** Each interviewer's leniency (+) or severity (−), fixed per person for the whole run. */
const biases = new WeakMap<Context, Map<string, number>>();
function biasOf(ctx: Context, interviewerId: string): number {
  let map = biases.get(ctx);
  if (!map) biases.set(ctx, (map = new Map()));
  let bias = map.get(interviewerId);
  if (bias === undefined) map.set(interviewerId, (bias = ctx.rng.normal(0, 0.3)));
  return bias;
}

function rate(rng: Rng, candidate: Candidate, competency: string, bias: number): number {
  return clamp(Math.round(candidate.strength + (candidate.compBias.get(competency) ?? 0) + bias + rng.normal(0, 0.55)), 1, 4);
}

/** A whole scorecard, as the form submits it: every criterion, signal and red flag row, in rubric order. */
function submissionFor(rng: Rng, version: VersionInfo, stage: StageInfo, candidate: Candidate, bias: number, plain = false): ScorecardContent {
  const rubric = version.rubric;
  const ratings = stage.stage.stage.criteria.map((c) => {
    const rating = rate(rng, candidate, c.competency, bias);
    const evidence = version.evidenceRequired.has(rating) || rng.chance(0.8) ? ratingEvidence(rng, c.id, c.name, rating) : "";
    return { criterionId: c.id, rating, evidence };
  });
  const signalChance = clamp(0.1 + (candidate.strength - 2.5) * 0.12, 0.03, 0.35);
  const signals = rubric.signals.map((s) => {
    const observed = !plain && rng.chance(signalChance);
    return { signalId: s.id, observed, note: observed ? signalNote(rng, s.id, s.text) : "" };
  });
  const blockers = new Set(rubric.decision_rules.blocking_red_flags.map((b) => b.flag));
  const raise = new Set<string>();
  if (!plain) {
    if (candidate.empathyConcern && stage.index !== 1 && rng.chance(0.6)) for (const b of blockers) raise.add(b);
    if (rng.chance(0.03 + Math.max(0, 2.6 - candidate.strength) * 0.06)) {
      const others = rubric.red_flags.filter((f) => !blockers.has(f.id));
      if (others.length > 0) raise.add(rng.pick(others).id);
    }
  }
  const redFlags = rubric.red_flags.map((f) => ({ flagId: f.id, raised: raise.has(f.id), evidence: raise.has(f.id) ? redFlagEvidence(rng, f.name) : "" }));
  let mean = ratings.reduce((n, r) => n + r.rating, 0) / ratings.length;
  for (const f of rubric.red_flags) if (raise.has(f.id)) mean -= f.severity === "blocker" ? 1 : f.severity === "major" ? 0.4 : 0.15;
  const recommendation: Recommendation = mean >= 3.45 ? "strong_yes" : mean >= 2.7 ? "yes" : mean >= 1.9 ? "no" : "strong_no";
  return { ratings, signals, redFlags, recommendation, takeaways: takeaways(rng, recommendation) };
}

/** A draft in progress: some criteria rated, some half-written, nothing recommended yet. */
function draftFor(rng: Rng, version: VersionInfo, stage: StageInfo, candidate: Candidate, bias: number): ScorecardContent {
  const rubric = version.rubric;
  const criteria = stage.stage.stage.criteria;
  const done = rng.int(0, criteria.length);
  const ratings = criteria.map((c, i) => {
    if (i < done) {
      const rating = rate(rng, candidate, c.competency, bias);
      return { criterionId: c.id, rating, evidence: ratingEvidence(rng, c.id, c.name, rating) };
    }
    if (i === done && rng.chance(0.6)) return { criterionId: c.id, rating: null, evidence: partialEvidence(rng, c.id, c.name) };
    return { criterionId: c.id, rating: null, evidence: "" };
  });
  const signals = rubric.signals.map((s) => {
    const observed = rng.chance(0.1);
    return { signalId: s.id, observed, note: observed ? signalNote(rng, s.id, s.text) : "" };
  });
  const redFlags = rubric.red_flags.map((f) => ({ flagId: f.id, raised: false, evidence: "" }));
  return { ratings, signals, redFlags, recommendation: null, takeaways: "" };
}
