import fs from "node:fs";
import fc from "fast-check";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { LEVELS, nextLevel } from "~/domain/levels";
import { PAY_ROUNDING, promotionPay, type BaseRange } from "~/domain/promotion/pay";
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

  it("rounds to the nearest 500", () => {
    // L6 at 300,000 → 324,000 exactly; at 301,000 → 325,080 → 325,000; at 301,200 → 325,296 → 325,500.
    expect(promotionPay(300_000, band("L6"), band("L7"), minRaise).suggestedBase).toBe(324_000);
    expect(promotionPay(301_000, band("L6"), band("L7"), minRaise).suggestedBase).toBe(325_000);
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
