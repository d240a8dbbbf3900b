import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  AGREEMENT_METHOD,
  krippendorffAlphaInterval,
  LENIENT_ABOVE,
  leniencyLabel,
  loopAgreement,
  MIN_AGREEMENT_UNITS,
  MIN_AGREEMENT_VALUES,
  MIN_LENIENCY_COMPARISONS,
  NOTE_NO_VARIATION,
  NOTE_SMALL_SAMPLE,
  NOTE_TOO_FEW,
  raterLeniency,
  raterLeniencyFromUnits,
  SEVERE_BELOW,
  type LeniencyRating,
} from "~/domain/rater-quality";

/** Fisher–Yates driven by fast-check, so a failing order shrinks and replays. */
const shuffled = <T>(items: readonly T[]) =>
  fc.array(fc.nat(), { minLength: items.length, maxLength: items.length }).map((keys) => {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = keys[i]! % (i + 1);
      [out[i], out[j]] = [out[j]!, out[i]!];
    }
    return out;
  });

const rating = fc.integer({ min: 1, max: 4 });
const unit = fc.array(rating, { minLength: 0, maxLength: 6 });
const units = fc.array(unit, { minLength: 0, maxLength: 10 });

describe("Krippendorff's alpha, interval metric: worked examples", () => {
  it("perfect agreement with variation between units is 1", () => {
    // units [1,1] and [3,3]: every within-unit difference is 0, so D_o = 0.
    // D_e: values 1,1,3,3; unordered pairs (1,3) ×4 give 4 each = 16, ordered 32; D_e = 32/(4·3) = 8/3 > 0.
    // α = 1 − 0/(8/3) = 1.
    expect(krippendorffAlphaInterval([[1, 1], [3, 3]])).toEqual({ alpha: 1, pairableUnits: 2, pairableValues: 4, note: "" });
  });

  it("a simple disagreement: [1,2] and [3,3] give 8/11", () => {
    // n = 4 pairable values: 1, 2, 3, 3.
    // D_o = (1/n) Σ_u 1/(m_u−1) Σ_{i≠j}(v_i−v_j)²:
    //   unit [1,2]: ordered pairs (1,2),(2,1) → 1 + 1 = 2, / (2−1) = 2;  unit [3,3]: 0.
    //   D_o = 2/4 = 1/2.
    // D_e = 1/(n(n−1)) Σ_{i≠j over all}(v_i−v_j)²:
    //   unordered pairs: (1,2)=1, (1,3)=4, (1,3)=4, (2,3)=1, (2,3)=1, (3,3)=0 → 11; ordered 22.
    //   D_e = 22/(4·3) = 11/6.
    // α = 1 − (1/2)/(11/6) = 1 − 3/11 = 8/11 ≈ 0.727273.
    const result = krippendorffAlphaInterval([[1, 2], [3, 3]]);
    expect(result.alpha).toBeCloseTo(8 / 11, 12);
    expect(result).toMatchObject({ pairableUnits: 2, pairableValues: 4 });
  });

  it("a unit of three values is weighted by 1/(m_u − 1): [1,2,3] and [4,4] give 11/17", () => {
    // n = 5 pairable values: 1, 2, 3, 4, 4.
    // D_o: unit [1,2,3]: unordered (1,2)=1, (1,3)=4, (2,3)=1 → 6, ordered 12, / (3−1) = 6; unit [4,4]: 0.
    //   D_o = 6/5.
    // D_e: unordered pairs 1-2:1, 1-3:4, 1-4:9, 1-4:9, 2-3:1, 2-4:4, 2-4:4, 3-4:1, 3-4:1, 4-4:0 → 34; ordered 68.
    //   D_e = 68/(5·4) = 17/5.
    // α = 1 − (6/5)/(17/5) = 1 − 6/17 = 11/17 ≈ 0.647059.
    expect(krippendorffAlphaInterval([[1, 2, 3], [4, 4]]).alpha).toBeCloseTo(11 / 17, 12);
  });

  it("systematic disagreement is negative: [1,3] and [3,1] give −1/2", () => {
    // n = 4: 1, 3, 3, 1.  D_o: each unit (1−3)² + (3−1)² = 8, / 1 → 8 + 8 = 16; D_o = 16/4 = 4.
    // D_e: unordered pairs: four (1,3) pairs at 4, (1,1) and (3,3) at 0 → 16, ordered 32; D_e = 32/12 = 8/3.
    // α = 1 − 4/(8/3) = 1 − 3/2 = −1/2.
    expect(krippendorffAlphaInterval([[1, 3], [3, 1]]).alpha).toBeCloseTo(-0.5, 12);
  });

  it("units with fewer than 2 values are left out entirely (also from D_e)", () => {
    // Same as the 8/11 case: the lone 4 and the empty unit are not pairable.
    const result = krippendorffAlphaInterval([[1, 2], [4], [], [3, 3]]);
    expect(result.alpha).toBeCloseTo(8 / 11, 12);
    expect(result).toMatchObject({ pairableUnits: 2, pairableValues: 4 });
  });

  it("Krippendorff (2011), 'Computing Krippendorff's Alpha-Reliability': interval α = 0.849", () => {
    // The paper's reliability data: 4 observers (rows), 12 units (columns), null = missing.
    // Unit 12 has a single value, so n = 40 pairable values in 11 units. The paper reports
    // α = 0.743 (nominal), 0.815 (ordinal), 0.849 (interval), 0.797 (ratio); here α = 951/1120.
    const N = null;
    const data: Array<Array<number | null>> = [
      [1, 2, 3, 3, 2, 1, 4, 1, 2, N, N, N],
      [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, N, 3],
      [N, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, N],
      [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, N],
    ];
    const byUnit = data[0]!.map((_, u) => data.map((row) => row[u]!).filter((v): v is number => v !== null));
    const result = krippendorffAlphaInterval(byUnit);
    expect(result).toMatchObject({ pairableUnits: 11, pairableValues: 40, note: "" });
    expect(result.alpha!.toFixed(3)).toBe("0.849");
    expect(result.alpha).toBeCloseTo(951 / 1120, 12);
  });

  it("no pairable units: alpha null, with a note", () => {
    expect(krippendorffAlphaInterval([])).toEqual({ alpha: null, pairableUnits: 0, pairableValues: 0, note: NOTE_TOO_FEW });
    expect(krippendorffAlphaInterval([[3], [], [2]])).toEqual({ alpha: null, pairableUnits: 0, pairableValues: 0, note: NOTE_TOO_FEW });
  });

  it("every value equal: D_e = 0, alpha null (perfect agreement, but alpha is undefined)", () => {
    expect(krippendorffAlphaInterval([[2, 2], [2, 2, 2], [1]])).toEqual({ alpha: null, pairableUnits: 2, pairableValues: 5, note: NOTE_NO_VARIATION });
  });

  it("refuses values that are not finite numbers", () => {
    expect(() => krippendorffAlphaInterval([[1, Number.NaN]])).toThrow(RangeError);
  });
});

describe("Krippendorff's alpha, properties", () => {
  it("does not depend on the order of units, nor of values within a unit (exactly)", () => {
    fc.assert(
      fc.property(
        units.chain((us) => fc.tuple(fc.constant(us), fc.tuple(...us.map((u) => shuffled(u))).chain((inner) => shuffled(inner)))),
        ([original, reordered]) => {
          expect(krippendorffAlphaInterval(reordered)).toEqual(krippendorffAlphaInterval(original));
        },
      ),
    );
  });

  it("adding a constant to every rating leaves alpha unchanged", () => {
    fc.assert(
      fc.property(units, fc.integer({ min: -1000, max: 1000 }), (us, c) => {
        const before = krippendorffAlphaInterval(us);
        const after = krippendorffAlphaInterval(us.map((u) => u.map((v) => v + c)));
        expect({ ...after, alpha: null }).toEqual({ ...before, alpha: null });
        if (before.alpha === null) expect(after.alpha).toBeNull();
        else expect(after.alpha).toBeCloseTo(before.alpha, 9);
      }),
    );
  });

  it("is at most 1, and exactly 1 when every unit agrees internally and units differ", () => {
    fc.assert(
      fc.property(units, (us) => {
        const { alpha } = krippendorffAlphaInterval(us);
        if (alpha !== null) expect(alpha).toBeLessThanOrEqual(1);
      }),
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(rating, fc.integer({ min: 2, max: 5 })), { minLength: 2, maxLength: 8 }), (spec) => {
        fc.pre(new Set(spec.map(([v]) => v)).size > 1);
        expect(krippendorffAlphaInterval(spec.map(([v, m]) => Array<number>(m).fill(v))).alpha).toBe(1);
      }),
    );
  });
});

describe("loop agreement", () => {
  const r = (interviewerId: string, criterionId: string, rating: number) => ({ interviewerId, criterionId, rating });

  it("groups a loop's ratings by criterion and names its method", () => {
    // Criteria a: [1,2], b: [3,3], c: [4] (one rater, not pairable) → the 8/11 example.
    const result = loopAgreement([r("x", "a", 1), r("y", "a", 2), r("x", "b", 3), r("y", "b", 3), r("x", "c", 4)]);
    expect(result.method).toBe(AGREEMENT_METHOD);
    expect(result.method).toBe("Krippendorff's alpha (interval)");
    expect(result.alpha).toBeCloseTo(8 / 11, 12);
    expect(result).toMatchObject({ units: 2, values: 4, smallSample: true, note: NOTE_SMALL_SAMPLE });
  });

  it("too few shared ratings: null alpha and a note", () => {
    expect(loopAgreement([r("x", "a", 3), r("x", "b", 2)])).toEqual({
      method: AGREEMENT_METHOD, alpha: null, units: 0, values: 0, smallSample: true, note: "Too few shared ratings to measure agreement",
    });
    expect(loopAgreement([])).toMatchObject({ alpha: null, note: NOTE_TOO_FEW });
  });

  it("is not a small sample from 5 pairable units and 10 pairable values", () => {
    expect([MIN_AGREEMENT_UNITS, MIN_AGREEMENT_VALUES]).toEqual([5, 10]);
    const five = ["a", "b", "c", "d", "e"].flatMap((c, i) => [r("x", c, 1 + (i % 4)), r("y", c, 1 + (i % 4))]);
    expect(loopAgreement(five)).toMatchObject({ alpha: 1, units: 5, values: 10, smallSample: false, note: "" });
    expect(loopAgreement(five.slice(0, 8))).toMatchObject({ alpha: 1, units: 4, values: 8, smallSample: true, note: NOTE_SMALL_SAMPLE });
  });

  it("identical ratings everywhere: perfect agreement said in words, alpha null", () => {
    const same = ["a", "b", "c", "d", "e"].flatMap((c) => [r("x", c, 3), r("y", c, 3)]);
    expect(loopAgreement(same)).toMatchObject({ alpha: null, units: 5, values: 10, smallSample: false, note: NOTE_NO_VARIATION });
    expect(loopAgreement(same.slice(0, 4)).note).toBe(`${NOTE_NO_VARIATION}. ${NOTE_SMALL_SAMPLE}`);
  });

  it("an interviewer who rated a criterion twice on the loop counts once, with their mean", () => {
    // x rated a twice (1 and 3 → 2): units a: [2, 2] and b: [1, 3] → same as units [2,2], [1,3].
    const twice = loopAgreement([r("x", "a", 1), r("x", "a", 3), r("y", "a", 2), r("x", "b", 1), r("y", "b", 3)]);
    expect(twice.alpha).toBe(krippendorffAlphaInterval([[2, 2], [1, 3]]).alpha);
    expect(twice).toMatchObject({ units: 2, values: 4 });
  });

  it("does not depend on the order of the rows", () => {
    const rows = fc.array(fc.record({ interviewerId: fc.constantFrom("x", "y", "z"), criterionId: fc.constantFrom("a", "b", "c", "d"), rating }), { maxLength: 20 });
    fc.assert(
      fc.property(rows.chain((rs) => fc.tuple(fc.constant(rs), shuffled(rs))), ([rs, again]) => {
        expect(loopAgreement(again)).toEqual(loopAgreement(rs));
      }),
    );
  });
});

describe("rater leniency", () => {
  const r = (interviewerId: string, loopId: string, criterionId: string, value: number): LeniencyRating => ({ interviewerId, loopId, criterionId, rating: value });

  it("a worked example: own rating against the mean of the others on the same loop and criterion", () => {
    // Loop L, criterion a: x 4, y 2, z 3.  x: 4 − (2+3)/2 = 1.5;  y: 2 − 3.5 = −1.5;  z: 3 − 3 = 0.
    // Loop L, criterion b: x 3, y 3.        x: 0;  y: 0.
    // Loop M, criterion a: x 2 only → nobody else rated it: not compared.
    // x: (1.5 + 0)/2 = 0.75 → lenient;  y: (−1.5 + 0)/2 = −0.75 → severe;  z: 0 → in line.
    const result = raterLeniency([r("x", "L", "a", 4), r("y", "L", "a", 2), r("z", "L", "a", 3), r("x", "L", "b", 3), r("y", "L", "b", 3), r("x", "M", "a", 2)]);
    expect(result).toEqual([
      { interviewerId: "x", comparisons: 2, meanDifference: 0.75, label: "lenient", smallSample: true },
      { interviewerId: "y", comparisons: 2, meanDifference: -0.75, label: "severe", smallSample: true },
      { interviewerId: "z", comparisons: 1, meanDifference: 0, label: "in line", smallSample: true },
    ]);
  });

  it("labels at the thresholds: lenient above +0.5, severe below −0.5, in line between", () => {
    expect([LENIENT_ABOVE, SEVERE_BELOW, MIN_LENIENCY_COMPARISONS]).toEqual([0.5, -0.5, 10]);
    expect(leniencyLabel(0.5)).toBe("in line");
    expect(leniencyLabel(0.5000001)).toBe("lenient");
    expect(leniencyLabel(-0.5)).toBe("in line");
    expect(leniencyLabel(-0.5000001)).toBe("severe");
    expect(leniencyLabel(null)).toBe("not enough data");
  });

  it("a rating nobody else gave is not compared", () => {
    // x and y share loop L criterion a; x alone rated b on L, and a on M (y rated a on L only).
    const result = raterLeniency([r("x", "L", "a", 3), r("y", "L", "a", 3), r("x", "L", "b", 1), r("x", "M", "a", 1), r("w", "N", "a", 4)]);
    expect(result).toEqual([
      { interviewerId: "w", comparisons: 0, meanDifference: null, label: "not enough data", smallSample: true },
      { interviewerId: "x", comparisons: 1, meanDifference: 0, label: "in line", smallSample: true },
      { interviewerId: "y", comparisons: 1, meanDifference: 0, label: "in line", smallSample: true },
    ]);
  });

  it("an interviewer who always rates 1 above the others gets exactly +1 and 'lenient'", () => {
    // Each (loop, criterion): a panel of 1–3 others who agree on a base rating; "lenient" gives base + 1.
    const cell = fc.record({ base: fc.integer({ min: 1, max: 3 }), panel: fc.subarray(["p1", "p2", "p3"], { minLength: 1 }) });
    const cells = fc.array(cell, { minLength: 1, maxLength: 15 });
    fc.assert(
      fc.property(cells.chain((cs) => {
        const rows = cs.flatMap(({ base, panel }, i) => [
          r("lenient", `loop${i % 4}`, `c${i}`, base + 1),
          ...panel.map((p) => r(p, `loop${i % 4}`, `c${i}`, base)),
        ]);
        return fc.tuple(fc.constant(cs.length), shuffled(rows));
      }), ([count, rows]) => {
        const lenient = raterLeniency(rows).find((x) => x.interviewerId === "lenient")!;
        expect(lenient).toEqual({ interviewerId: "lenient", comparisons: count, meanDifference: 1, label: "lenient", smallSample: count < 10 });
      }),
    );
  });

  it("does not depend on the order of the rows, and is sorted by interviewerId", () => {
    const rows = fc.array(
      fc.record({ interviewerId: fc.constantFrom("x", "y", "z", "w"), loopId: fc.constantFrom("L", "M"), criterionId: fc.constantFrom("a", "b", "c"), rating }),
      { maxLength: 30 },
    );
    fc.assert(
      fc.property(rows.chain((rs) => fc.tuple(fc.constant(rs), shuffled(rs))), ([rs, again]) => {
        const result = raterLeniency(rs);
        expect(raterLeniency(again)).toEqual(result);
        const ids = result.map((x) => x.interviewerId);
        expect(ids).toEqual([...new Set(rs.map((x) => x.interviewerId))].sort());
      }),
    );
  });

  it("is not a small sample from 10 comparisons", () => {
    const rows = Array.from({ length: 10 }, (_, i) => [r("x", "L", `c${i}`, 3), r("y", "L", `c${i}`, 3)]).flat();
    expect(raterLeniency(rows)[0]).toMatchObject({ comparisons: 10, smallSample: false });
    expect(raterLeniency(rows.slice(0, 18))[0]).toMatchObject({ comparisons: 9, smallSample: true });
  });
});

describe("raterLeniency from per-unit sums", () => {
  // The definition, rating by rating, written independently of the implementation.
  function naive(ratings: ReadonlyArray<{ interviewerId: string; loopId: string; criterionId: string; rating: number }>) {
    const diffs = new Map<string, number[]>();
    for (const r of ratings) {
      const others = ratings.filter((o) => o.loopId === r.loopId && o.criterionId === r.criterionId && o.interviewerId !== r.interviewerId);
      const list = diffs.get(r.interviewerId) ?? [];
      diffs.set(r.interviewerId, list);
      if (others.length > 0) list.push(r.rating - others.reduce((a, o) => a + o.rating, 0) / others.length);
    }
    return new Map([...diffs].map(([id, d]) => [id, { comparisons: d.length, mean: d.length ? d.reduce((a, b) => a + b, 0) / d.length : null }]));
  }

  it("matches the rating-by-rating definition on generated panels", () => {
    const rating = fc.record({
      interviewerId: fc.constantFrom("a", "b", "c", "d"),
      loopId: fc.constantFrom("l1", "l2", "l3"),
      criterionId: fc.constantFrom("x", "y"),
      rating: fc.integer({ min: 1, max: 4 }),
    });
    fc.assert(
      fc.property(fc.array(rating, { maxLength: 40 }), (ratings) => {
        const expected = naive(ratings);
        const result = raterLeniency(ratings);
        expect(result.map((r) => r.interviewerId)).toEqual([...expected.keys()].sort());
        for (const r of result) {
          const e = expected.get(r.interviewerId)!;
          expect(r.comparisons).toBe(e.comparisons);
          if (e.mean === null) expect(r.meanDifference).toBeNull();
          else expect(r.meanDifference).toBeCloseTo(e.mean, 9);
        }
      }),
    );
  });
});

describe("raterLeniencyFromUnits", () => {
  it("counts a grouped unit as many times as its number says", () => {
    const unit = { interviewerId: "a", ownSum: 4, ownCount: 1, unitSum: 6, unitCount: 2 };
    const other = { interviewerId: "a", ownSum: 1, ownCount: 1, unitSum: 4, unitCount: 2 };
    expect(raterLeniencyFromUnits([{ ...unit, units: 3 }, other])).toEqual(raterLeniencyFromUnits([unit, unit, unit, other]));
    expect(raterLeniencyFromUnits([{ ...unit, units: 3 }, other])[0]).toMatchObject({ comparisons: 4, meanDifference: (3 * 2 - 2) / 4 });
  });
});
