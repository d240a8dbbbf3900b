import fs from "node:fs";
import fc from "fast-check";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { LEVELS, nextLevel } from "~/domain/levels";
import { promotionDecisionSchema } from "~/domain/promotion/forms";
import { checkRaise, minimumRaiseBase, PAY_ROUNDING, promotionPay, type BaseRange } from "~/domain/promotion/pay";
import { RubricSchema, type Rubric } from "~/domain/rubric/schema";

const load = (path: string): Rubric => RubricSchema.parse(parse(fs.readFileSync(path, "utf8")));
const v1 = load("rubrics/builder/v1.yaml");
const band = (level: string) => v1.bands.levels[level]!.base;
const minRaise = v1.decision_rules.promotion_pay.min_raise_percent; // 8

describe("worked examples (builder v1 bands, computed by hand)", () => {
  it("promotes an L5 at 230,000 to L6", () => {
    // L5 mid 235,000; L6 240,000 / 275,000 / 310,000. 230,000 × 1.08 = 248,400 → 248,500.
    const pay = promotionPay(230_000, band("L5"), band("L6"), minRaise);
    expect(pay).toMatchObject({
      compaRatioCurrent: 0.979, // 230,000 / 235,000 = 0.97872…
      compaRatioTarget: 0.836, // 230,000 / 275,000 = 0.83636…
      raiseToTargetMin: 10_000,
      suggestedBase: 248_500,
      raise: 18_500,
      currentAboveTargetMax: false,
    });
    expect(pay.rule).toMatch(/current base plus 8%/);
  });

  it("lifts a low L4 to the L5 minimum", () => {
    // 180,000 × 1.08 = 194,400 < L5 min 205,000.
    expect(promotionPay(180_000, band("L4"), band("L5"), minRaise)).toMatchObject({
      compaRatioCurrent: 0.9, // 180,000 / 200,000
      compaRatioTarget: 0.766, // 180,000 / 235,000 = 0.76595…
      raiseToTargetMin: 25_000,
      suggestedBase: 205_000,
    });
  });

  it("rounds up to a multiple of 500, never below the minimum raise", () => {
    // L6 at 300,000 → 324,000 exactly; at 301,000 → 325,080 → 325,500 (the nearest, 325,000, is a 7.97% raise); at 301,200 → 325,296 → 325,500.
    expect(promotionPay(300_000, band("L6"), band("L7"), minRaise).suggestedBase).toBe(324_000);
    expect(promotionPay(301_000, band("L6"), band("L7"), minRaise).suggestedBase).toBe(325_500);
    expect(promotionPay(301_200, band("L6"), band("L7"), minRaise).suggestedBase).toBe(325_500);
  });

  it("rounds up rather than below the current base", () => {
    // With no minimum raise, 245,100 would round to 245,000: below the current base, so 245,500.
    expect(promotionPay(245_100, band("L5"), band("L6"), 0).suggestedBase).toBe(245_500);
  });

  it("caps at the target max", () => {
    // An L6 paid 340,000 (above its own band): 367,200 is capped at the L7 max of 360,000.
    expect(promotionPay(340_000, band("L6"), band("L7"), minRaise)).toMatchObject({
      compaRatioCurrent: 1.236, // 340,000 / 275,000 = 1.23636…
      raiseToTargetMin: 0,
      suggestedBase: 360_000,
      raise: 20_000,
      currentAboveTargetMax: false,
    });
  });

  it("suggests the target max, below the current base, when the current base is above it", () => {
    const pay = promotionPay(370_000, band("L6"), band("L7"), minRaise);
    expect(pay).toMatchObject({ suggestedBase: 360_000, raise: -10_000, currentAboveTargetMax: true, raiseToTargetMin: 0 });
    expect(pay.rule).toMatch(/committee's call/);
  });

  it("rejects nonsense inputs", () => {
    expect(() => promotionPay(-1, band("L5"), band("L6"), 8)).toThrow(/current base/);
    expect(() => promotionPay(200_000, band("L5"), band("L6"), -1)).toThrow(/minimum raise/);
    expect(() => promotionPay(200_000, { min: 10, mid: 5, max: 20 }, band("L6"), 8)).toThrow(/current band/);
  });
});

const bandArb: fc.Arbitrary<BaseRange> = fc
  .tuple(fc.integer({ min: 1, max: 500_000 }), fc.integer({ min: 0, max: 200_000 }), fc.integer({ min: 0, max: 200_000 }))
  .map(([min, a, b]) => ({ min, mid: min + a, max: min + a + b }));
// Either the shipped v1 bands for a real promotion, or generated bands.
const bandsArb = fc.oneof(
  fc.constantFrom(...LEVELS.slice(0, -1)).map((l) => [band(l), band(nextLevel(l)!)] as const),
  fc.tuple(bandArb, bandArb),
);
const baseArb = fc.integer({ min: 0, max: 1_000_000 });
const percentArb = fc.oneof(fc.constant(minRaise), fc.double({ min: 0, max: 30, noNaN: true }));

describe("pay invariants (generated)", () => {
  it("keeps the suggested base within the target band, on a 500 step or at a band edge", () => {
    fc.assert(
      fc.property(baseArb, bandsArb, percentArb, (base, [current, target], p) => {
        const { suggestedBase } = promotionPay(base, current, target, p);
        expect(suggestedBase).toBeGreaterThanOrEqual(target.min);
        expect(suggestedBase).toBeLessThanOrEqual(target.max);
        expect(suggestedBase % PAY_ROUNDING === 0 || suggestedBase === target.min || suggestedBase === target.max).toBe(true);
      }),
    );
  });

  it("never suggests less than the current base unless the current base is above the target max, and then suggests the max", () => {
    fc.assert(
      fc.property(baseArb, bandsArb, percentArb, (base, [current, target], p) => {
        const pay = promotionPay(base, current, target, p);
        expect(pay.currentAboveTargetMax).toBe(base > target.max);
        if (base <= target.max) expect(pay.suggestedBase).toBeGreaterThanOrEqual(base);
        else expect(pay.suggestedBase).toBe(target.max);
      }),
    );
  });

  it("never lowers the suggested base when the current base rises", () => {
    fc.assert(
      fc.property(baseArb, fc.integer({ min: 0, max: 100_000 }), bandsArb, percentArb, (base, rise, [current, target], p) => {
        expect(promotionPay(base + rise, current, target, p).suggestedBase).toBeGreaterThanOrEqual(promotionPay(base, current, target, p).suggestedBase);
      }),
    );
  });

  it("computes the raise to the target minimum and compa-ratios to 3 decimals", () => {
    fc.assert(
      fc.property(baseArb, bandsArb, percentArb, (base, [current, target], p) => {
        const pay = promotionPay(base, current, target, p);
        expect(pay.raiseToTargetMin).toBe(Math.max(0, target.min - base));
        // Rounding to 3 decimals moves a value by at most 0.0005, plus float error that grows with its size.
        const slack = (x: number) => 0.0005 + Math.abs(x) * 1e-12;
        expect(Math.abs(pay.compaRatioCurrent - base / current.mid)).toBeLessThanOrEqual(slack(base / current.mid));
        expect(Math.abs(pay.compaRatioTarget - base / target.mid)).toBeLessThanOrEqual(slack(base / target.mid));
      }),
    );
  });
});

describe("the minimum promotion raise (builder v1: 8%)", () => {
  it("worked examples", () => {
    expect(minRaise).toBe(8);
    // 268,000 × 1.08 = 289,440. 284,348 is a 6.1% raise: below; 289,440 is exactly 8%: not below.
    expect(checkRaise(268_000, 284_348, minRaise)).toEqual({ minimumBase: 289_440, raisePercent: 6.1, belowMinimum: true });
    expect(checkRaise(268_000, 289_440, minRaise)).toEqual({ minimumBase: 289_440, raisePercent: 8, belowMinimum: false });
    expect(checkRaise(268_000, 289_439, minRaise)?.belowMinimum).toBe(true);
    // 231,001 × 1.08 = 249,481.08: a whole-unit base needs 249,482; 7.99…% never reads as 8%.
    expect(checkRaise(231_001, 249_481, minRaise)).toEqual({ minimumBase: 249_482, raisePercent: 7.9, belowMinimum: true });
    // Fractions of a cent count: 357,474 × 1.173 = 419,317.002, so 419,317 is short; 1 × 1.001 needs 2.
    expect(minimumRaiseBase(357_474, 17.3)).toBe(419_318);
    expect(minimumRaiseBase(1, 0.1)).toBe(2);
    // A pay cut is below the minimum too.
    expect(checkRaise(370_000, 360_000, minRaise)).toMatchObject({ raisePercent: -2.8, belowMinimum: true });
  });

  it("does not apply without a base at submission to measure against", () => {
    expect(checkRaise(null, 250_000, minRaise)).toBeNull();
    expect(checkRaise(0, 250_000, minRaise)).toBeNull();
  });

  const tenthsArb = fc.integer({ min: 0, max: 300 }); // the minimum raise in tenths of a percent: 0–30%
  const runs = { numRuns: 2000 };
  const positiveBaseArb = fc.integer({ min: 1, max: 2_000_000 });

  it("a base at or above the minimum raise never needs a justification; any base below it always does (exact arithmetic)", () => {
    fc.assert(
      fc.property(positiveBaseArb, fc.integer({ min: 0, max: 3_000_000 }), tenthsArb, (current, proposed, tenths) => {
        const check = checkRaise(current, proposed, tenths / 10)!;
        // proposed ≥ current × (1 + p/100)  ⇔  proposed × 1000 ≥ current × (1000 + 10p), in integers.
        const meets = BigInt(proposed) * 1000n >= BigInt(current) * BigInt(1000 + tenths);
        expect(check.belowMinimum).toBe(!meets);
        expect(check.belowMinimum).toBe(proposed < minimumRaiseBase(current, tenths / 10));
      }),
      runs,
    );
  });

  it("the minimum base is the smallest whole base that meets the minimum raise", () => {
    fc.assert(
      fc.property(positiveBaseArb, tenthsArb, (current, tenths) => {
        const min = minimumRaiseBase(current, tenths / 10);
        expect(checkRaise(current, min, tenths / 10)!.belowMinimum).toBe(false);
        expect(checkRaise(current, min - 1, tenths / 10)!.belowMinimum).toBe(true);
        expect(checkRaise(current, min, tenths / 10)!.raisePercent).toBeGreaterThanOrEqual(tenths / 10);
        // A base below the minimum never reads as meeting it.
        expect(checkRaise(current, min - 1, tenths / 10)!.raisePercent).toBeLessThan(tenths / 10);
      }),
      runs,
    );
  });

  it("the suggested base never needs a justification, unless the target band's maximum caps it", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), bandsArb, tenthsArb, (base, [current, target], tenths) => {
        const p = tenths / 10;
        const pay = promotionPay(base, current, target, p);
        const below = checkRaise(base, pay.suggestedBase, p)!.belowMinimum;
        if (minimumRaiseBase(base, p) <= target.max) expect(below).toBe(false);
        else expect(pay.suggestedBase).toBe(target.max);
      }),
      runs,
    );
  });

  it("the decision form asks for a justification exactly when a promotion's base is below the minimum raise", () => {
    const criteria = [{ id: "mentoring", name: "Mentoring" }];
    const wide = { min: 1, max: 10_000_000 }; // no band justification in the way
    fc.assert(
      fc.property(positiveBaseArb, fc.integer({ min: 1, max: 3_000_000 }), tenthsArb, fc.boolean(), (current, proposed, tenths, justified) => {
        const schema = promotionDecisionSchema(criteria, wide, "USD", { baseAtSubmission: current, minRaisePercent: tenths / 10 });
        const result = schema.safeParse({ outcome: "promoted", rationale: "r", newBaseSalary: String(proposed), raiseJustification: justified ? "Retention." : "" });
        const asked = (result.error?.issues ?? []).some((i) => i.path.join(".") === "raiseJustification");
        expect(asked).toBe(!justified && checkRaise(current, proposed, tenths / 10)!.belowMinimum);
        expect(result.success).toBe(!asked);
      }),
    );
  });
});
