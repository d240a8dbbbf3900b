import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { contentFromDraft, emptyContent, stageRubric } from "~/domain/scorecard/content";
import { scorecardSchemas } from "~/domain/scorecard/schema";
import { RubricSchema } from "~/domain/rubric/schema";
import { builderV1 } from "../helpers/rubrics";

const rubric = RubricSchema.parse(builderV1());
const stage = stageRubric(rubric, "technical_deep_dive")!;
const schemas = scorecardSchemas(stage);

function complete(ratings: number[], evidence: string[]) {
  const content = emptyContent(stage);
  content.ratings.forEach((r, i) => {
    r.rating = ratings[i]!;
    r.evidence = evidence[i]!;
  });
  content.recommendation = "yes";
  content.takeaways = "Clear thinker.";
  return content;
}

describe("scorecard schemas", () => {
  it("neither check nor keep a note or evidence left under an unticked box (a hidden field never blocks a submit)", () => {
    const content = complete(stage.stage.criteria.map(() => 3), stage.stage.criteria.map(() => ""));
    content.signals[0]!.note = "x".repeat(1001); // typed, then the box was unticked
    content.redFlags[0]!.evidence = "y".repeat(6000);
    const parsed = schemas.submission.safeParse(content);
    expect(parsed.success).toBe(true);
    if (parsed.success) {
      expect(parsed.data.signals[0]).toMatchObject({ observed: false, note: "" });
      expect(parsed.data.redFlags[0]).toMatchObject({ raised: false, evidence: "" });
    }
    // Ticked, the same texts are checked and refused at their fields.
    content.signals[0]!.observed = true;
    content.redFlags[0]!.raised = true;
    const ticked = schemas.submission.safeParse(content);
    expect(ticked.success).toBe(false);
    if (!ticked.success) {
      const paths = ticked.error.issues.map((i) => i.path.join("."));
      expect(paths).toContain("signals.0.note");
      expect(paths).toContain("redFlags.0.evidence");
    }
  });

  it("accept an empty draft but not an empty submission", () => {
    expect(schemas.draft.safeParse(emptyContent(stage)).success).toBe(true);
    const result = schemas.submission.safeParse(emptyContent(stage));
    expect(result.success).toBe(false);
  });

  it("require evidence exactly for the ratings the rubric names (1 and 4)", () => {
    const n = stage.stage.criteria.length;
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 4 }), { minLength: n, maxLength: n }),
        fc.array(fc.constantFrom("", "Saw it happen."), { minLength: n, maxLength: n }),
        (ratings, evidence) => {
          const missing = ratings.some((r, i) => (r === 1 || r === 4) && evidence[i] === "");
          expect(schemas.submission.safeParse(complete(ratings, evidence)).success).toBe(!missing);
        },
      ),
    );
  });

  it("refuse a criterion from another stage or version, even in a draft", () => {
    const content = emptyContent(stage);
    content.ratings[0]!.criterionId = "growth_plan";
    expect(schemas.draft.safeParse(content).success).toBe(false);
  });

  it("rebuild a draft in the rubric's order, dropping what the version does not define", () => {
    const rebuilt = contentFromDraft(stage, {
      ratings: [
        { criterionId: "debugging_and_review", rating: 2, evidence: "x" },
        { criterionId: "made_up", rating: 4, evidence: "y" },
      ],
      redFlags: [{ flagId: "defiant", raised: true, evidence: "z" }],
    });
    expect(rebuilt.ratings.map((r) => [r.criterionId, r.rating])).toEqual([
      ["live_build", null],
      ["system_design", null],
      ["product_considerations", null],
      ["debugging_and_review", 2],
    ]);
    expect(rebuilt.redFlags.filter((f) => f.raised)).toEqual([{ flagId: "defiant", raised: true, evidence: "z" }]);
    expect(schemas.draft.safeParse(rebuilt).success).toBe(true);
  });
});
