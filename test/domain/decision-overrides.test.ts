// Why: which hiring decisions need a confirmed, justified override is a rule of the domain, checked over every situation.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { HIRING_RECOMMENDATIONS, type HiringRecommendation } from "~/domain/aggregation";
import { decisionSchema } from "~/domain/decision";
import { DECISION_OVERRIDES, overridesFor, overrideStatement, parseOverrides, type DecisionSituation } from "~/domain/decision-overrides";

const bands = {
  currency: "USD",
  levels: { L4: { base: { min: 150000, mid: 175000, max: 200000 }, equity: { min: 0, max: 0 } }, L5: { base: { min: 190000, mid: 220000, max: 250000 }, equity: { min: 0, max: 0 } } },
} as unknown as Parameters<typeof decisionSchema>[0];

const situation = fc
  .record({ stagesTotal: fc.integer({ min: 1, max: 6 }), done: fc.nat(), recommendation: fc.constantFrom(...HIRING_RECOMMENDATIONS) })
  .map(({ stagesTotal, done, recommendation }): DecisionSituation => ({ stagesTotal, stagesComplete: done % (stagesTotal + 1), recommendation }));
const outcome = fc.constantFrom("hire" as const, "no_hire" as const);
const SAYS_NO: HiringRecommendation[] = ["no_hire", "not_enough_evidence"];

describe("which overrides a decision takes", () => {
  it("an unfinished loop is an override for either outcome; going against the recommendation is one for the opposite outcome", () => {
    fc.assert(
      fc.property(outcome, situation, (o, s) => {
        const overrides = overridesFor(o, s);
        expect(overrides.includes("incomplete_loop")).toBe(s.stagesComplete < s.stagesTotal);
        const against = o === "hire" ? SAYS_NO.includes(s.recommendation) : !SAYS_NO.includes(s.recommendation);
        expect(overrides.includes("against_recommendation")).toBe(against);
      }),
    );
  });

  it("finishing the loop only ever removes an override; deciding with the recommendation on a complete loop needs none", () => {
    fc.assert(
      fc.property(outcome, situation, (o, s) => {
        const complete = overridesFor(o, { ...s, stagesComplete: s.stagesTotal });
        expect(overridesFor(o, s)).toEqual(expect.arrayContaining(complete));
        expect(complete).not.toContain("incomplete_loop");
      }),
    );
    for (const [o, r] of [["hire", "hire"], ["hire", "strong_hire"], ["no_hire", "no_hire"], ["no_hire", "not_enough_evidence"]] as const) {
      expect(overridesFor(o, { stagesComplete: 3, stagesTotal: 3, recommendation: r })).toEqual([]);
    }
  });

  it("the issue's case: a hire with one stage of three complete and “not enough evidence” takes both", () => {
    const s: DecisionSituation = { stagesComplete: 1, stagesTotal: 3, recommendation: "not_enough_evidence" };
    expect(overridesFor("hire", s)).toEqual(["incomplete_loop", "against_recommendation"]);
    expect(overrideStatement("incomplete_loop", "hire", s)).toBe("Decide before every stage is complete (1 of 3 complete)");
    expect(overrideStatement("against_recommendation", "hire", s)).toBe("Decide to hire against the recommendation “Not enough evidence”");
  });

  it("reads back only known overrides from storage", () => {
    expect(parseOverrides('["against_recommendation","incomplete_loop","other"]')).toEqual(["incomplete_loop", "against_recommendation"]);
    expect(parseOverrides("not json")).toEqual([]);
    expect(parseOverrides(null)).toEqual([]);
    expect(parseOverrides('{"incomplete_loop":true}')).toEqual([]);
  });
});

describe("the decision form's schema, given the situation", () => {
  it("accepts a decision exactly when every override that applies is confirmed and, if any applies, justified", () => {
    fc.assert(
      fc.property(outcome, situation, fc.subarray([...DECISION_OVERRIDES]), fc.constantFrom("", "  ", "Competing offer."), (o, s, confirmed, justification) => {
        const form = { outcome: o, rationale: "Because.", ...(o === "hire" ? { level: "L5", baseSalary: "220000" } : {}), confirmedOverrides: confirmed, overrideJustification: justification };
        const parsed = decisionSchema(bands, s).safeParse(form);
        const required = overridesFor(o, s);
        const ok = required.every((r) => confirmed.includes(r)) && (required.length === 0 || justification.trim() !== "");
        expect(parsed.success).toBe(ok);
        if (!parsed.success) {
          const paths = parsed.error.issues.map((i) => i.path.join("."));
          expect(paths.every((p) => p === "confirmedOverrides" || p === "overrideJustification")).toBe(true);
        }
      }),
    );
  });

  it("without a situation (seed, bench) it checks the form alone", () => {
    expect(decisionSchema(bands).safeParse({ outcome: "no_hire", rationale: "x" }).success).toBe(true);
  });
});
