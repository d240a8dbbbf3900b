import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  ERASE_WORD,
  ERASED_NAME,
  ERASED_TEXT,
  ERASURE_REASON_MAX,
  changeRefusalForErased,
  erasedCandidateFields,
  erasedContent,
  erasedContentJson,
  erasedDecisionText,
  erasedReference,
  erasedText,
  erasureFormSchema,
  erasureRefusal,
} from "~/domain/candidate-erasure";
import { RECOMMENDATIONS, type ScorecardContent } from "~/domain/scorecard/content";

const id = fc.stringMatching(/^[a-z][a-z0-9_]{0,30}$/);
const typed = fc.string({ maxLength: 40 });

const content: fc.Arbitrary<ScorecardContent> = fc.record({
  ratings: fc.array(fc.record({ criterionId: id, rating: fc.option(fc.integer({ min: 1, max: 4 }), { nil: null }), evidence: typed }), { maxLength: 6 }),
  signals: fc.array(fc.record({ signalId: id, observed: fc.boolean(), note: typed }), { maxLength: 6 }),
  redFlags: fc.array(fc.record({ flagId: id, raised: fc.boolean(), evidence: typed }), { maxLength: 6 }),
  recommendation: fc.option(fc.constantFrom(...RECOMMENDATIONS), { nil: null }),
  takeaways: typed,
});

/** Every string a person typed into the content (what erasure must remove), non-blank only. */
function typedText(c: ScorecardContent): string[] {
  return [...c.ratings.map((r) => r.evidence), ...c.signals.map((s) => s.note), ...c.redFlags.map((f) => f.evidence), c.takeaways].filter(
    (t) => t.trim() !== ""
  );
}

function stringLeaves(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.flatMap(stringLeaves);
  if (value && typeof value === "object") return Object.values(value).flatMap(stringLeaves);
  return [];
}

describe("erasing scorecard content", () => {
  it("removes every string a person typed and keeps every rating, tick, id and recommendation", () => {
    fc.assert(
      fc.property(content, (original) => {
        const erased = JSON.parse(erasedContentJson(JSON.stringify(original))) as ScorecardContent;
        const ids = new Set([
          ...original.ratings.map((r) => r.criterionId),
          ...original.signals.map((s) => s.signalId),
          ...original.redFlags.map((f) => f.flagId),
          original.recommendation,
        ]);
        for (const leaf of stringLeaves(erased)) {
          // What is left is an id of the rubric, the marker, or blank text (nothing typed).
          expect(ids.has(leaf) || leaf === ERASED_TEXT || leaf.trim() === "").toBe(true);
        }
        for (const text of typedText(original)) {
          if (!ids.has(text) && text !== ERASED_TEXT) expect(stringLeaves(erased)).not.toContain(text);
        }
        expect(erased.ratings.map((r) => [r.criterionId, r.rating])).toEqual(original.ratings.map((r) => [r.criterionId, r.rating]));
        expect(erased.signals.map((s) => [s.signalId, s.observed])).toEqual(original.signals.map((s) => [s.signalId, s.observed]));
        expect(erased.redFlags.map((f) => [f.flagId, f.raised])).toEqual(original.redFlags.map((f) => [f.flagId, f.raised]));
        expect(erased.recommendation).toBe(original.recommendation);
        // Text that held something says so; text that was empty stays empty.
        erased.ratings.forEach((r, i) => expect(r.evidence).toBe(erasedText(original.ratings[i]!.evidence)));
        expect(erased.takeaways).toBe(erasedText(original.takeaways));
      })
    );
  });

  it("erases any JSON, partial drafts and odd values included, and keeps numbers and booleans", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const erased = erasedContent(value);
        // Only ids under id keys may survive; none are at the top of arbitrary JSON unless shaped as one.
        const leaves = stringLeaves(erased);
        for (const leaf of leaves) expect(leaf === ERASED_TEXT || leaf.trim() === "" || /^[A-Za-z0-9_.:-]{1,100}$/.test(leaf)).toBe(true);
        expect(JSON.stringify(erasedContent(erased))).toBe(JSON.stringify(erased)); // erasing twice changes nothing more
      })
    );
    expect(erasedContent({ ratings: [{ criterionId: "ownership", rating: 3, evidence: "Ana led the migration" }] })).toEqual({
      ratings: [{ criterionId: "ownership", rating: 3, evidence: ERASED_TEXT }],
    });
    // An "id" holding prose is typed text, not an id.
    expect(erasedContent({ criterionId: "Ana Souza said so" })).toEqual({ criterionId: ERASED_TEXT });
    expect(erasedContentJson("not json")).toBe("{}");
    expect(erasedContentJson('{"__proto__": {"takeaways": "secret"}}')).toBe('{"__proto__":{"takeaways":"(erased)"}}');
  });
});

// Record ids are cuids: lower-case letters and digits.
const recordId = fc.stringMatching(/^[a-z0-9]{1,30}$/);

describe("erasing the candidate and their decisions", () => {
  it("anonymises the candidate with a short reference, and an email that is no address and cannot collide", () => {
    fc.assert(
      fc.property(recordId, recordId, (a, b) => {
        const fa = erasedCandidateFields(a);
        expect(fa.email).not.toContain("@");
        if (a !== b) expect(fa.email).not.toBe(erasedCandidateFields(b).email);
      })
    );
    const fields = erasedCandidateFields("cmabc123xyz789");
    expect(fields).toEqual({ name: `${ERASED_NAME} XYZ789`, email: "erased-cmabc123xyz789.invalid", links: "", notes: "", dataOriginDetail: "", statusReason: "" });
    expect(erasedReference("--")).toBe("000000");
  });

  it("replaces a decision's free text and leaves what was blank", () => {
    expect(erasedDecisionText({ rationale: "Weak on customers", bandJustification: null, overrideJustification: "Withdrew" })).toEqual({
      rationale: ERASED_TEXT,
      bandJustification: null,
      overrideJustification: ERASED_TEXT,
    });
    expect(erasedText("  ")).toBe("  ");
  });
});

describe("who may be erased", () => {
  it("refuses a candidate who became a builder, and one already erased", () => {
    expect(erasureRefusal({ erasedAt: null, becameBuilder: false })).toBeNull();
    expect(erasureRefusal({ erasedAt: null, becameBuilder: true })).toMatch(/became a builder/);
    expect(erasureRefusal({ erasedAt: new Date(), becameBuilder: false })).toMatch(/already been erased/);
    expect(changeRefusalForErased({ erasedAt: null })).toBeNull();
    expect(changeRefusalForErased({ erasedAt: "2026-11-30T10:00:00.000Z" })).toMatch(/erased/);
  });
});

describe("the erase form", () => {
  const schema = erasureFormSchema("Chloé Dubois");

  it("takes a reason and the candidate's name or ERASE", () => {
    expect(schema.safeParse({ reason: " Requested by the candidate ", confirmation: " Chloé Dubois " })).toEqual({
      success: true,
      data: { reason: "Requested by the candidate", confirmation: "Chloé Dubois" },
    });
    expect(schema.safeParse({ reason: "Requested", confirmation: ERASE_WORD }).success).toBe(true);
    // Decomposed "é" is the same name.
    expect(schema.safeParse({ reason: "Requested", confirmation: "Chloe\u0301 Dubois" }).success).toBe(true);
  });

  it("refuses no reason, a long one, and any other confirmation", () => {
    expect(schema.safeParse({ reason: "  ", confirmation: ERASE_WORD }).success).toBe(false);
    expect(schema.safeParse({ reason: "x".repeat(ERASURE_REASON_MAX + 1), confirmation: ERASE_WORD }).success).toBe(false);
    for (const confirmation of ["erase", "Chloé", "", undefined, ["ERASE", "ERASE"]]) {
      expect(schema.safeParse({ reason: "Requested", confirmation }).success).toBe(false);
    }
    expect(erasureFormSchema("  ").safeParse({ reason: "Requested", confirmation: "" }).success).toBe(false);
  });
});
