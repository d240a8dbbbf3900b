import fs from "node:fs";
import fc from "fast-check";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { aggregateLoop, recommendationRank, type SubmittedScorecard } from "~/domain/aggregation";
import { LEVELS, type Level } from "~/domain/levels";
import { RECOMMENDATIONS } from "~/domain/scorecard/content";
import { RubricSchema, type Rubric } from "~/domain/rubric/schema";

const load = (path: string): Rubric => RubricSchema.parse(parse(fs.readFileSync(path, "utf8")));
const v1 = load("rubrics/builder/v1.yaml");
const v2 = load("rubrics/builder/v2.yaml");

const levelRank = (l: Level | null) => (l === null ? -1 : LEVELS.indexOf(l));

function scorecardArb(rubric: Rubric) {
  const flagIds = rubric.red_flags.map((f) => f.id);
  const signalIds = rubric.signals.map((s) => s.id);
  return fc
    .record({
      interviewerId: fc.constantFrom("ada", "ben", "cai", "dee", "eve"),
      stage: fc.constantFrom(...rubric.stages),
      recommendation: fc.constantFrom(...RECOMMENDATIONS),
      redFlags: fc.subarray(flagIds, { maxLength: 2 }),
      signals: fc.subarray(signalIds),
      seed: fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 8, maxLength: 8 }),
    })
    .map(({ interviewerId, stage, recommendation, redFlags, signals, seed }) => ({
      interviewerId,
      stageId: stage.id,
      recommendation,
      redFlags,
      signals: signals.map((signalId) => ({ signalId, note: "" })),
      ratings: stage.criteria.map((c, i) => ({ criterionId: c.id, rating: seed[i]! })),
    }));
}

function loopArb(rubric: Rubric, maxLength = 7) {
  return fc
    .array(scorecardArb(rubric), { maxLength })
    .map((cards): SubmittedScorecard[] => cards.map((c, i) => ({ ...c, id: `sc${String(i).padStart(2, "0")}` })));
}

const targetArb = fc.constantFrom(...LEVELS);

describe("aggregation invariants (generated loops)", () => {
  for (const [name, rubric] of [["builder v1", v1], ["builder v2", v2]] as const) {
    describe(name, () => {
      it("does not depend on the order of scorecards or of ratings within them", () => {
        fc.assert(
          fc.property(loopArb(rubric), targetArb, fc.func(fc.integer()), (cards, target, key) => {
            const shuffled = [...cards]
              .map((c) => ({ ...c, ratings: [...c.ratings].reverse(), redFlags: [...c.redFlags].reverse() }))
              .sort((a, b) => key(a.id) - key(b.id) || a.id.localeCompare(b.id));
            expect(aggregateLoop(rubric, target, shuffled)).toEqual(aggregateLoop(rubric, target, cards));
          }),
        );
      });

      it("never lowers a competency score, the supported level or the recommendation when one rating rises", () => {
        fc.assert(
          fc.property(loopArb(rubric).filter((c) => c.length > 0), targetArb, fc.nat(), fc.nat(), (cards, target, pick, criterion) => {
            const i = pick % cards.length;
            const card = cards[i]!;
            const j = criterion % card.ratings.length;
            fc.pre(card.ratings[j]!.rating < 4);
            const raised = cards.map((c, k) =>
              k === i ? { ...c, ratings: c.ratings.map((r, m) => (m === j ? { ...r, rating: r.rating + 1 } : r)) } : c,
            );
            const before = aggregateLoop(rubric, target, cards);
            const after = aggregateLoop(rubric, target, raised);
            before.competencies.forEach((c, k) => {
              if (c.score !== null) expect(after.competencies[k]!.score!).toBeGreaterThanOrEqual(c.score);
            });
            expect(levelRank(after.level.supportedLevel)).toBeGreaterThanOrEqual(levelRank(before.level.supportedLevel));
            expect(recommendationRank(after.recommendation.value)).toBeGreaterThanOrEqual(recommendationRank(before.recommendation.value));
          }),
        );
      });

      it("never improves the recommendation when a red flag is added", () => {
        fc.assert(
          fc.property(loopArb(rubric).filter((c) => c.length > 0), targetArb, fc.nat(), fc.constantFrom(...rubric.red_flags.map((f) => f.id)), (cards, target, pick, flag) => {
            const i = pick % cards.length;
            fc.pre(!cards[i]!.redFlags.includes(flag));
            const flagged = cards.map((c, k) => (k === i ? { ...c, redFlags: [...c.redFlags, flag] } : c));
            const before = aggregateLoop(rubric, target, cards).recommendation.value;
            const after = aggregateLoop(rubric, target, flagged).recommendation.value;
            expect(recommendationRank(after)).toBeLessThanOrEqual(recommendationRank(before));
          }),
        );
      });

      it("says no hire, whatever the ratings, when a blocker is raised by as many interviewers as the rubric requires", () => {
        const rule = rubric.decision_rules.blocking_red_flags[0]!;
        fc.assert(
          fc.property(loopArb(rubric), targetArb, fc.subarray(["ada", "ben", "cai", "dee", "eve"], { minLength: rule.min_interviewers }), (cards, target, raisers) => {
            const withBlocker = [
              ...cards,
              ...raisers.map((interviewerId, k): SubmittedScorecard => ({
                id: `blk${k}`,
                interviewerId,
                stageId: rubric.stages[0]!.id,
                recommendation: "strong_yes",
                ratings: rubric.stages[0]!.criteria.map((c) => ({ criterionId: c.id, rating: 4 })),
                redFlags: [rule.flag],
                signals: [],
              })),
            ];
            const result = aggregateLoop(rubric, target, withBlocker);
            expect(result.recommendation.value).toBe("no_hire");
            expect(result.recommendation.reasons[0]).toMatch(/raised by \d+ independent interviewers/);
          }),
        );
      });
    });
  }

  it("says not enough evidence, never a number, over no evidence", () => {
    for (const target of LEVELS) {
      const result = aggregateLoop(v2, target, []);
      expect(result.recommendation.value).toBe("not_enough_evidence");
      expect(result.competencies.every((c) => c.score === null && c.mean === null && c.count === 0)).toBe(true);
      expect(result.level.supportedLevel).toBeNull();
      expect(result.band).toBeNull();
    }
  });

  it("keeps the suggested base inside the supported level's band", () => {
    fc.assert(
      fc.property(loopArb(v2, 10), targetArb, (cards, target) => {
        const { band } = aggregateLoop(v2, target, cards);
        if (band) {
          expect(band.suggestedBase).toBeGreaterThanOrEqual(band.base.min);
          expect(band.suggestedBase).toBeLessThanOrEqual(band.base.max);
        }
      }),
    );
  });
});

/** A scorecard rating every criterion of a stage, in the rubric's order. */
function card(id: string, interviewerId: string, stageId: string, ratings: number[], extra: Partial<SubmittedScorecard> = {}): SubmittedScorecard {
  const stage = v1.stages.find((s) => s.id === stageId)!;
  return {
    id,
    interviewerId,
    stageId,
    recommendation: "yes",
    ratings: stage.criteria.map((c, i) => ({ criterionId: c.id, rating: ratings[i]! })),
    redFlags: [],
    signals: [],
    ...extra,
  };
}

describe("worked examples (builder v1, computed by hand)", () => {
  // Stage 1 criteria → competencies: shipping, product, technical, business, customer.
  // Stage 2: shipping, technical, product, technical. Stage 3: product, design, design, business, customer, product.
  const loop = [
    card("s1", "ada", "initial_screen", [3, 3, 3, 3, 3]),
    card("s2", "ben", "technical_deep_dive", [3, 2, 3, 3]),
    card("s3", "cai", "technical_deep_dive", [4, 4, 3, 3]),
    card("s4", "dee", "product_assessment", [3, 3, 3, 3, 3, 3]),
    card("s5", "eve", "product_assessment", [3, 2, 3, 2, 3, 3]),
  ];

  it("computes each competency's ratings, mean, median, spread and disagreement", () => {
    const result = aggregateLoop(v1, "L5", loop);
    const c = (id: string) => result.competencies.find((x) => x.competencyId === id)!;
    // Technical depth: s1 3; s2 2, 3; s3 4, 3 → [2,3,3,3,4], mean 15/5 = 3, median 3, spread 2 → disagreement.
    expect(c("technical_depth")).toMatchObject({ count: 5, mean: 3, median: 3, min: 2, max: 4, spread: 2, disagreement: true, score: 3 });
    // Design thinking: s4 3, 3; s5 2, 3 → mean 11/4 = 2.75, median 3, spread 1.
    expect(c("design_thinking")).toMatchObject({ count: 4, mean: 2.75, median: 3, spread: 1, disagreement: false });
    // Product sense: s1 3; s2 3; s3 3; s4 3, 3; s5 3, 3 → 7 ratings of 3.
    expect(c("product_sense")).toMatchObject({ count: 7, mean: 3 });
    // Business sense: s1 3; s4 3; s5 2 → 8/3 ≈ 2.667.
    expect(c("business_sense").mean).toBeCloseTo(8 / 3, 10);
    // Growth expertise (bonus in v1) has no criterion: no ratings, no score.
    expect(c("growth_expertise")).toMatchObject({ count: 0, score: null, enoughEvidence: false });
  });

  it("finds the supported level, what blocks the next one, the recommendation and the band", () => {
    const result = aggregateLoop(v1, "L5", loop);
    // Scores: tech 3, product 3, design 2.75, business 2.667, customer 3 (s1 3, s4 3, s5 3), shipping 10/3 ≈ 3.333 (3, 3, 4).
    // L5 bars: 3, 3, 2.5, 2.5, 3, 3 → all met. L6 bars: 3, 3.5, 3, 3, 3, 3.5 → product, design, business, shipping short.
    expect(result.level.supportedLevel).toBe("L5");
    expect(result.level.next?.level).toBe("L6");
    expect(result.level.next?.shortfalls.map((s) => [s.competencyId, s.short])).toEqual([
      ["product_sense", 0.5],
      ["design_thinking", 0.25],
      ["business_sense", 0.33],
      ["shipping_excellence", 0.17],
    ]);
    // Not strong hire: tech 3 is not ≥ 3 + 0.5. No flags: hire.
    expect(result.recommendation.value).toBe("hire");
    // Margins at L5: tech 0, product 0, design 0.25, business 0.1667, customer 0, shipping 0.3333 → mean 0.75/6 = 0.125.
    // Suggested base = 205,000 + 60,000 × 0.125 / 1 = 212,500 → nearest 1,000 = 213,000 (212,500 rounds up).
    expect(result.band).toMatchObject({ level: "L5", currency: "USD", margin: 0.13, suggestedBase: 213000 });
  });

  it("counts corroboration by distinct interviewers, and blocks at the rubric's number", () => {
    const empathy = { redFlags: ["lack_of_customer_empathy"] };
    const once = aggregateLoop(v1, "L5", [...loop.slice(0, 4), { ...loop[4]!, ...empathy }]);
    expect(once.flags).toMatchObject([{ flagId: "lack_of_customer_empathy", independentInterviewers: 1, blocks: false, stages: ["product_assessment"] }]);
    expect(once.recommendation.value).toBe("hire");

    // The same interviewer raising it twice is still one interviewer.
    const sameTwice = aggregateLoop(v1, "L5", [...loop, card("s6", "eve", "initial_screen", [3, 3, 3, 3, 3], empathy), { ...loop[4]!, ...empathy }]);
    expect(sameTwice.flags[0]!.independentInterviewers).toBe(1);

    const twice = aggregateLoop(v1, "L5", [{ ...loop[0]!, ...empathy }, ...loop.slice(1, 4), { ...loop[4]!, ...empathy }]);
    expect(twice.recommendation).toEqual({
      value: "no_hire",
      reasons: ["Lack of customer empathy was raised by 2 independent interviewers; the rubric blocks a hire at 2."],
    });
  });

  it("needs enough ratings per competency before it recommends anything", () => {
    const result = aggregateLoop(v1, "L5", loop.slice(0, 2));
    expect(result.recommendation.value).toBe("not_enough_evidence");
    expect(result.recommendation.reasons).toContain("Design thinking has 0 ratings; the rubric needs 2.");
  });

  it("gives a strong hire when every competency clears the target bar by the margin", () => {
    const strong = [
      card("s1", "ada", "initial_screen", [4, 4, 4, 3, 4]),
      card("s2", "ben", "technical_deep_dive", [4, 4, 4, 4]),
      card("s3", "dee", "product_assessment", [4, 3, 3, 3, 4, 4]),
    ];
    // At L4 (target): bars 2.5, 2.5, 2, 2, 2.5, 3 + 0.5 → tech 4, product 4, design 3, business 3, customer 4, shipping 4: all clear.
    expect(aggregateLoop(v1, "L4", strong).recommendation.value).toBe("strong_hire");
    // With one major flag (the rubric allows none for strong hire): hire.
    const flagged = [...strong.slice(0, 2), { ...strong[2]!, redFlags: ["perfectionist"] }];
    expect(aggregateLoop(v1, "L4", flagged).recommendation.value).toBe("hire");
    // With two distinct major flags (hire allows one): no hire.
    const twoMajors = [{ ...strong[0]!, redFlags: ["defiant"] }, strong[1]!, { ...strong[2]!, redFlags: ["perfectionist"] }];
    expect(aggregateLoop(v1, "L4", twoMajors).recommendation.value).toBe("no_hire");
  });
});
