import { describe, expect, it } from "vitest";
import { evidenceSchema, promotionDecisionSchema } from "~/domain/promotion/forms";
import { buildSnapshot, PacketSnapshotSchema, submissionProblems } from "~/domain/promotion/snapshot";

const defined = { criterion: ["expanding_scope", "mentoring"], competency: ["business_sense"] };
const valid = { title: "Billing", description: "Did it.", impact: "+8% NRR", links: "https://a.example\n\n https://b.example ", startDate: "2025-02-28", endDate: "", criteria: "mentoring", competencies: undefined };

describe("the evidence form", () => {
  it("normalises one ticked box, no ticked box, blank link lines and an empty end date", () => {
    const parsed = evidenceSchema(defined).parse(valid);
    expect(parsed).toMatchObject({ criteria: ["mentoring"], competencies: [], links: ["https://a.example", "https://b.example"] });
    expect([parsed.endDate, parsed.evidenceId, parsed.version]).toEqual([undefined, undefined, undefined]);
  });

  it("refuses impossible calendar dates", () => {
    const result = evidenceSchema(defined).safeParse({ ...valid, startDate: "2025-02-30" });
    expect(result.success).toBe(false);
  });

  it("drops a tag ticked twice", () => {
    expect(evidenceSchema(defined).parse({ ...valid, criteria: ["mentoring", "mentoring"] }).criteria).toEqual(["mentoring"]);
  });
});

describe("the promotion decision form", () => {
  const criteria = [
    { id: "expanding_scope", name: "Expanding scope" },
    { id: "mentoring", name: "Mentoring" },
  ];
  const schema = promotionDecisionSchema(criteria, { min: 240000, max: 310000 }, "USD", { baseAtSubmission: 231000, minRaisePercent: 8 });

  it("reads feedback posted as flat names and as a nested object alike", () => {
    const flat = schema.parse({ outcome: "not_yet", rationale: "r", "feedback.expanding_scope": "a", "feedback.mentoring": "b" });
    const nested = schema.parse({ outcome: "not_yet", rationale: "r", feedback: { expanding_scope: "a", mentoring: "b" } });
    expect(flat).toEqual(nested);
  });

  it("needs a new base for a promotion", () => {
    expect(schema.safeParse({ outcome: "promoted", rationale: "r" }).error?.issues.map((i) => i.path.join("."))).toEqual(["newBaseSalary"]);
  });

  it("ignores the pay fields of a “not yet”, whatever was left in them: they are not shown for it", () => {
    const feedback = { expanding_scope: "a", mentoring: "b" };
    for (const left of [{ newBaseSalary: "250000" }, { newBaseSalary: "not a number", bandJustification: "x".repeat(5000) }, { newBaseSalary: "240000", bandJustification: "", raiseJustification: "" }]) {
      const notYet = schema.safeParse({ outcome: "not_yet", rationale: "r", ...left, feedback });
      expect(notYet.error?.issues ?? [], JSON.stringify(left)).toEqual([]);
      expect(notYet.data?.outcome).toBe("not_yet");
      expect([notYet.data?.newBaseSalary, notYet.data?.bandJustification, notYet.data?.raiseJustification]).toEqual([undefined, "", ""]);
    }
    // Flat names, as a browser posts them, alike.
    expect(schema.parse({ outcome: "not_yet", rationale: "r", newBaseSalary: "250000", "feedback.expanding_scope": "a", "feedback.mentoring": "b" }).newBaseSalary).toBeUndefined();
  });

  it("accepts a base outside the band only with a justification", () => {
    expect(schema.safeParse({ outcome: "promoted", rationale: "r", newBaseSalary: "320000" }).success).toBe(false);
    expect(schema.safeParse({ outcome: "promoted", rationale: "r", newBaseSalary: "320000", bandJustification: "Retention: competing offer." }).success).toBe(true);
    expect(schema.safeParse({ outcome: "promoted", rationale: "r", newBaseSalary: "310000" }).success).toBe(true);
  });

  it("accepts a raise below the rubric's minimum only with a justification", () => {
    // 231,000 × 1.08 = 249,480. 245,091 is a 6.1% raise, inside the band.
    const low = schema.safeParse({ outcome: "promoted", rationale: "r", newBaseSalary: "245091" });
    expect(low.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["raiseJustification", "The new base is a 6.1% raise on the base at submission ($231,000), below the rubric's minimum promotion raise of 8% ($249,480 or more): justify it in writing"],
    ]);
    expect(schema.parse({ outcome: "promoted", rationale: "r", newBaseSalary: "245091", raiseJustification: " Budget freeze; revisit in six months. " }).raiseJustification).toBe("Budget freeze; revisit in six months.");
    expect(schema.safeParse({ outcome: "promoted", rationale: "r", newBaseSalary: "249480" }).success).toBe(true);
    // Below the band and below the minimum raise: both justifications.
    expect(schema.safeParse({ outcome: "promoted", rationale: "r", newBaseSalary: "235000" }).error?.issues.map((i) => i.path.join("."))).toEqual(["bandJustification", "raiseJustification"]);
  });
});

describe("the snapshot", () => {
  it("copies the draft, its statements and assessments, and the base at submission, in a shape its schema accepts", () => {
    const at = new Date("2026-11-20T10:00:00Z");
    const snapshot = buildSnapshot(
      {
        summary: "s",
        fromLevel: "L5",
        targetLevel: "L6",
        version: 3,
        evidence: [{ id: "e1", title: "t", description: "d", impact: "i", links: [], startDate: "2025-01-01", endDate: null, criteria: ["mentoring"], competencies: [], version: 2 }],
        statements: [{ evidenceId: "e1", authorId: "g", authorName: "Grace", text: "Yes", updatedAt: at }],
        assessments: [{ criterionId: "mentoring", rating: 3, comment: "c", authorName: "Marcus", updatedAt: at }],
        baseSalary: 231000,
      },
      "Marcus",
      at,
    );
    expect(PacketSnapshotSchema.parse(snapshot)).toEqual(snapshot);
    expect(snapshot).toMatchObject({ submittedAt: at.toISOString(), submittedByName: "Marcus", baseAtSubmission: 231000, version: 3 });
    expect(snapshot.evidence[0]).not.toHaveProperty("version");
  });

  it("lists what stops a submission", () => {
    const criteria = [{ id: "a", name: "Scope" }, { id: "b", name: "Mentoring" }];
    expect(submissionProblems({ summary: " ", evidenceCount: 0, assessedCriteria: ["a"] }, criteria)).toEqual([
      "Write the packet's summary.",
      "Add at least one evidence item.",
      "The manager's assessment is missing for Mentoring.",
    ]);
    expect(submissionProblems({ summary: "s", evidenceCount: 1, assessedCriteria: ["a", "b"] }, criteria)).toEqual([]);
  });
});
