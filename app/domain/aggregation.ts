import { LEVELS, nextLevel, type Level } from "./levels";
import type { Recommendation } from "./scorecard/content";
import type { Rubric } from "./rubric/schema";

/**
 * Hiring aggregation: what a loop's submitted scorecards say, computed only from the pinned
 * rubric's numbers (scale, criterion → competency, bars, decision rules, bands).
 *
 * Formulas (also in the README, "Aggregation"):
 * - Competency score = the mean of every rating given to a criterion that evidences it (each
 *   rating counts once). Below `min_ratings_per_competency` ratings the competency has "not
 *   enough evidence" and no score. Spread = max − min; a disagreement when spread ≥
 *   `disagreement_spread`.
 * - Red flag: corroboration = the number of distinct interviewers who raised it. A flag in
 *   `blocking_red_flags` blocks when at least `min_interviewers` raised it.
 * - Supported level = the highest level whose bars are all met (score ≥ bar, with enough
 *   evidence). For the next level up: each competency short of its bar, by how much.
 * - Recommendation, first rule that applies: a blocking flag → no hire; no ratings, or a
 *   competency with bars lacking evidence → not enough evidence; no level supported → no hire;
 *   more distinct major flags than `hire_max_major_flags` → no hire; every barred competency at
 *   least `strong_hire_margin` above the target level's bar and at most
 *   `strong_hire_max_major_flags` major flags → strong hire; otherwise hire (at the supported
 *   level).
 * - Band placement: the supported level's band. Margin = mean over barred competencies of
 *   (score − bar at that level), clamped to [0, `margin_for_max`]. Suggested base =
 *   min + (max − min) × margin ÷ margin_for_max, rounded to the nearest 1,000 within the band.
 */
export type SubmittedScorecard = {
  id: string;
  interviewerId: string;
  stageId: string;
  recommendation: Recommendation | null;
  ratings: ReadonlyArray<{ criterionId: string; rating: number }>;
  redFlags: readonly string[];
  signals: ReadonlyArray<{ signalId: string; note: string }>;
};

export type RatingRef = { scorecardId: string; interviewerId: string; stageId: string; criterionId: string; rating: number };

export type CompetencyAggregate = {
  competencyId: string;
  name: string;
  bonus: boolean;
  ratings: RatingRef[];
  count: number;
  mean: number | null;
  median: number | null;
  min: number | null;
  max: number | null;
  spread: number | null;
  disagreement: boolean;
  enoughEvidence: boolean;
  /** The mean when there is enough evidence; otherwise null ("not enough evidence"). */
  score: number | null;
};

export type FlagAggregate = {
  flagId: string;
  name: string;
  severity: "blocker" | "major" | "minor";
  category: "behavioural" | "interview";
  raisedBy: Array<{ interviewerId: string; stageId: string; scorecardId: string }>;
  independentInterviewers: number;
  stages: string[];
  blockingRule: { minInterviewers: number } | null;
  blocks: boolean;
};

export type Shortfall = { competencyId: string; name: string; bar: number; score: number | null; short: number | null };

export type LevelAssessment = {
  supportedLevel: Level | null;
  targetLevel: Level;
  next: { level: Level; shortfalls: Shortfall[] } | null;
};

export const HIRING_RECOMMENDATIONS = ["no_hire", "not_enough_evidence", "hire", "strong_hire"] as const;
export type HiringRecommendation = (typeof HIRING_RECOMMENDATIONS)[number];
export const HIRING_RECOMMENDATION_LABELS: Record<HiringRecommendation, string> = {
  no_hire: "No hire",
  not_enough_evidence: "Not enough evidence",
  hire: "Hire",
  strong_hire: "Strong hire",
};

export type BandPlacement = {
  level: Level;
  currency: string;
  base: { min: number; mid: number; max: number };
  equity: { min: number; max: number };
  learningBudget: number;
  margin: number;
  suggestedBase: number;
};

export type LoopAggregate = {
  competencies: CompetencyAggregate[];
  flags: FlagAggregate[];
  signals: Array<{ signalId: string; text: string; observedBy: Array<{ interviewerId: string; scorecardId: string; note: string }> }>;
  recommendations: Record<Recommendation, number>;
  level: LevelAssessment;
  recommendation: { value: HiringRecommendation; reasons: string[] };
  band: BandPlacement | null;
};

const EPSILON = 1e-9;
const round2 = (n: number) => Math.round(n * 100) / 100;
const byKey = <T>(key: (t: T) => string) => (a: T, b: T) => key(a).localeCompare(key(b));

export function aggregateLoop(rubric: Rubric, targetLevel: Level, scorecards: readonly SubmittedScorecard[]): LoopAggregate {
  const rules = rubric.decision_rules;
  const competencyOf = new Map(rubric.stages.flatMap((s) => s.criteria.map((c) => [c.id, c.competency] as const)));
  const sorted = [...scorecards].sort(byKey((s) => s.id));

  // Ratings per competency, in a canonical order so the result never depends on input order.
  const refs: RatingRef[] = sorted
    .flatMap((s) =>
      s.ratings
        .filter((r) => competencyOf.has(r.criterionId))
        .map((r) => ({ scorecardId: s.id, interviewerId: s.interviewerId, stageId: s.stageId, criterionId: r.criterionId, rating: r.rating })),
    )
    .sort(byKey((r) => `${r.scorecardId}\u0000${r.criterionId}`));

  const competencies = rubric.competencies.map((c): CompetencyAggregate => {
    const ratings = refs.filter((r) => competencyOf.get(r.criterionId) === c.id);
    const values = ratings.map((r) => r.rating).sort((a, b) => a - b);
    const count = values.length;
    const mean = count ? values.reduce((a, b) => a + b, 0) / count : null;
    const median = count ? (count % 2 ? values[(count - 1) / 2]! : (values[count / 2 - 1]! + values[count / 2]!) / 2) : null;
    const min = count ? values[0]! : null;
    const max = count ? values[count - 1]! : null;
    const spread = min !== null && max !== null ? max - min : null;
    const enoughEvidence = count >= rules.min_ratings_per_competency;
    return {
      competencyId: c.id,
      name: c.name,
      bonus: c.bonus,
      ratings,
      count,
      mean,
      median,
      min,
      max,
      spread,
      disagreement: spread !== null && spread >= rules.disagreement_spread,
      enoughEvidence,
      score: enoughEvidence ? mean : null,
    };
  });
  const byCompetency = new Map(competencies.map((c) => [c.competencyId, c]));

  const blocking = new Map(rules.blocking_red_flags.map((b) => [b.flag, b.min_interviewers]));
  const flags = rubric.red_flags
    .map((f): FlagAggregate => {
      const raisedBy = sorted
        .filter((s) => s.redFlags.includes(f.id))
        .map((s) => ({ interviewerId: s.interviewerId, stageId: s.stageId, scorecardId: s.id }));
      const independentInterviewers = new Set(raisedBy.map((r) => r.interviewerId)).size;
      const min = blocking.get(f.id);
      return {
        flagId: f.id,
        name: f.name,
        severity: f.severity,
        category: f.category,
        raisedBy,
        independentInterviewers,
        stages: [...new Set(raisedBy.map((r) => r.stageId))].sort(),
        blockingRule: min === undefined ? null : { minInterviewers: min },
        blocks: min !== undefined && independentInterviewers >= min,
      };
    })
    .filter((f) => f.raisedBy.length > 0);

  const signals = rubric.signals
    .map((signal) => ({
      signalId: signal.id,
      text: signal.text,
      observedBy: sorted.flatMap((s) =>
        s.signals.filter((o) => o.signalId === signal.id).map((o) => ({ interviewerId: s.interviewerId, scorecardId: s.id, note: o.note })),
      ),
    }))
    .filter((s) => s.observedBy.length > 0);

  const recommendations: Record<Recommendation, number> = { strong_no: 0, no: 0, yes: 0, strong_yes: 0 };
  for (const s of sorted) if (s.recommendation) recommendations[s.recommendation] += 1;

  const level = assessLevels(rubric, targetLevel, byCompetency);
  const recommendation = recommend(rubric, targetLevel, byCompetency, flags, level, refs.length);
  return { competencies, flags, signals, recommendations, level, recommendation, band: placeInBand(rubric, level.supportedLevel, byCompetency) };
}

function barsOf(rubric: Rubric, level: Level): Array<[string, number]> {
  return Object.entries(rubric.levels.find((l) => l.id === level)?.bars ?? {});
}

function meets(rubric: Rubric, level: Level, byCompetency: Map<string, CompetencyAggregate>): boolean {
  return barsOf(rubric, level).every(([c, bar]) => {
    const score = byCompetency.get(c)?.score;
    return score !== null && score !== undefined && score >= bar - EPSILON;
  });
}

function assessLevels(rubric: Rubric, targetLevel: Level, byCompetency: Map<string, CompetencyAggregate>): LevelAssessment {
  // Bars never fall as the level rises (a rubric rule), so the met levels are a prefix.
  const supportedLevel = [...LEVELS].reverse().find((l) => meets(rubric, l, byCompetency)) ?? null;
  const nextUp = supportedLevel ? nextLevel(supportedLevel) : LEVELS[0];
  const next = nextUp
    ? {
        level: nextUp,
        shortfalls: barsOf(rubric, nextUp).flatMap(([c, bar]): Shortfall[] => {
          const agg = byCompetency.get(c);
          const score = agg?.score ?? null;
          if (score !== null && score >= bar - EPSILON) return [];
          return [{ competencyId: c, name: agg?.name ?? c, bar, score, short: score === null ? null : round2(bar - score) }];
        }),
      }
    : null;
  return { supportedLevel, targetLevel, next };
}

const fmt = (n: number) => String(round2(n));

function recommend(
  rubric: Rubric,
  targetLevel: Level,
  byCompetency: Map<string, CompetencyAggregate>,
  flags: FlagAggregate[],
  level: LevelAssessment,
  ratingCount: number,
): LoopAggregate["recommendation"] {
  const rules = rubric.decision_rules;
  const blockers = flags.filter((f) => f.blocks);
  if (blockers.length > 0) {
    return {
      value: "no_hire",
      reasons: blockers.map(
        (f) => `${f.name} was raised by ${f.independentInterviewers} independent interviewers; the rubric blocks a hire at ${f.blockingRule!.minInterviewers}.`,
      ),
    };
  }
  if (ratingCount === 0) return { value: "not_enough_evidence", reasons: ["No submitted scorecard has rated any criterion yet."] };

  const barred = [...new Set(rubric.levels.flatMap((l) => Object.keys(l.bars)))];
  const thin = barred.map((c) => byCompetency.get(c)!).filter((c) => !c.enoughEvidence);
  if (thin.length > 0) {
    return {
      value: "not_enough_evidence",
      reasons: thin.map((c) => `${c.name} has ${c.count} rating${c.count === 1 ? "" : "s"}; the rubric needs ${rules.min_ratings_per_competency}.`),
    };
  }

  const majors = flags.filter((f) => f.severity === "major");
  const majorNames = majors.map((f) => f.name).join(", ");
  if (level.supportedLevel === null) {
    const shortfalls = level.next?.shortfalls ?? [];
    return {
      value: "no_hire",
      reasons: [`The evidence supports no level: below the L4 bar in ${shortfalls.map((s) => `${s.name} (${fmt(s.score ?? 0)} < ${s.bar})`).join(", ")}.`],
    };
  }
  if (majors.length > rules.recommendation.hire_max_major_flags) {
    return {
      value: "no_hire",
      reasons: [`${majors.length} major red flags (${majorNames}); the rubric allows at most ${rules.recommendation.hire_max_major_flags} for a hire.`],
    };
  }

  const reasons = [`The evidence supports ${level.supportedLevel} (target ${targetLevel}).`];
  const margin = rules.recommendation.strong_hire_margin;
  const targetBars = barsOf(rubric, targetLevel);
  const clearlyAbove = targetBars.every(([c, bar]) => (byCompetency.get(c)!.score ?? -Infinity) >= bar + margin - EPSILON);
  if (clearlyAbove && majors.length <= rules.recommendation.strong_hire_max_major_flags) {
    return { value: "strong_hire", reasons: [...reasons, `Every competency is at least ${margin} above the ${targetLevel} bar.`] };
  }
  const levelIndex = (l: Level) => LEVELS.indexOf(l);
  if (levelIndex(level.supportedLevel) < levelIndex(targetLevel)) {
    reasons.push(`Below the target level ${targetLevel}: a hire would be at ${level.supportedLevel}.`);
  }
  if (majors.length > 0) reasons.push(`${majors.length} major red flag${majors.length === 1 ? "" : "s"}: ${majorNames}.`);
  if (!clearlyAbove) reasons.push(`Not every competency is ${margin} above the ${targetLevel} bar, so not a strong hire.`);
  return { value: "hire", reasons };
}

function placeInBand(rubric: Rubric, supported: Level | null, byCompetency: Map<string, CompetencyAggregate>): BandPlacement | null {
  if (!supported) return null;
  const band = rubric.bands.levels[supported];
  if (!band) return null;
  const bars = barsOf(rubric, supported);
  const meanMargin = bars.length === 0 ? 0 : bars.reduce((sum, [c, bar]) => sum + ((byCompetency.get(c)!.score ?? bar) - bar), 0) / bars.length;
  const forMax = rubric.decision_rules.band_placement.margin_for_max;
  const margin = Math.min(Math.max(meanMargin, 0), forMax);
  const raw = band.base.min + ((band.base.max - band.base.min) * margin) / forMax;
  const suggestedBase = Math.min(band.base.max, Math.max(band.base.min, Math.round(raw / 1000) * 1000));
  return {
    level: supported,
    currency: rubric.bands.currency,
    base: band.base,
    equity: band.equity,
    learningBudget: band.learning_budget,
    margin: round2(margin),
    suggestedBase,
  };
}

/** Recommendations ordered from worst to best, for comparisons and sorting. */
export function recommendationRank(value: HiringRecommendation): number {
  return HIRING_RECOMMENDATIONS.indexOf(value);
}
