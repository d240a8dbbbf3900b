import fs from "node:fs";
import fc from "fast-check";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { coverageStatusRank, packetCoverage, PROMOTION_TARGETS, type PacketCoverage, type PacketEvidence } from "~/domain/promotion/coverage";
import { RubricSchema, type Rubric } from "~/domain/rubric/schema";

const load = (path: string): Rubric => RubricSchema.parse(parse(fs.readFileSync(path, "utf8")));
const v1 = load("rubrics/builder/v1.yaml");
const v2 = load("rubrics/builder/v2.yaml");

const key = (e: { kind: string; id: string }) => `${e.kind}:${e.id}`;
const byKey = (c: PacketCoverage) => new Map(c.entries.map((e) => [key(e), e]));

// Tags drawn from the rubric's ids plus two it does not define.
function itemArb(rubric: Rubric) {
  const criteria = [...rubric.advancement_criteria.map((c) => c.id), "not_a_criterion"];
  const competencies = [...rubric.competencies.map((c) => c.id), "not_a_competency"];
  return fc.record({
    criteria: fc.array(fc.constantFrom(...criteria), { maxLength: 4 }),
    competencies: fc.array(fc.constantFrom(...competencies), { maxLength: 4 }),
  });
}

function packetArb(rubric: Rubric, maxLength = 8) {
  return fc
    .array(itemArb(rubric), { maxLength })
    .map((items): PacketEvidence[] => items.map((item, i) => ({ id: `ev${String(i).padStart(2, "0")}`, ...item })));
}

const targetArb = fc.constantFrom(...PROMOTION_TARGETS);

describe("coverage invariants (generated packets, builder v2)", () => {
  it("never lowers a count, a status or the summary when an evidence item is added", () => {
    fc.assert(
      fc.property(packetArb(v2), itemArb(v2), targetArb, (packet, extra, target) => {
        const before = packetCoverage(v2, target, packet);
        const after = packetCoverage(v2, target, [...packet, { id: "added", ...extra }]);
        const afterByKey = byKey(after);
        expect(after.entries).toHaveLength(before.entries.length);
        for (const e of before.entries) {
          const a = afterByKey.get(key(e))!;
          expect(a.count).toBeGreaterThanOrEqual(e.count);
          expect(coverageStatusRank(a.status)).toBeGreaterThanOrEqual(coverageStatusRank(e.status));
        }
        expect(after.summary.met).toBeGreaterThanOrEqual(before.summary.met);
        expect(after.summary.missing).toBeLessThanOrEqual(before.summary.missing);
        if (before.summary.ready) expect(after.summary.ready).toBe(true);
      }),
    );
  });

  it("does not depend on the order of evidence items or of tags within them", () => {
    fc.assert(
      fc.property(packetArb(v2), targetArb, fc.func(fc.integer()), (packet, target, rank) => {
        const shuffled = packet
          .map((e) => ({ ...e, criteria: [...e.criteria].reverse(), competencies: [...e.competencies].reverse() }))
          .sort((a, b) => rank(a.id) - rank(b.id) || b.id.localeCompare(a.id));
        expect(packetCoverage(v2, target, shuffled)).toEqual(packetCoverage(v2, target, packet));
      }),
    );
  });

  it("has every entry with a requirement missing on an empty packet, and is ready only when all are met", () => {
    for (const target of PROMOTION_TARGETS) {
      const empty = packetCoverage(v2, target, []);
      for (const e of empty.entries) {
        expect(e.count).toBe(0);
        expect(e.status).toBe(e.required > 0 ? "missing" : "met");
      }
      expect(empty.summary.ready).toBe(empty.entries.every((e) => e.required === 0));
    }
  });

  it("counts a tag repeated on one item once", () => {
    fc.assert(
      fc.property(packetArb(v2), targetArb, (packet, target) => {
        const doubled = packet.map((e) => ({ ...e, criteria: [...e.criteria, ...e.criteria], competencies: [...e.competencies, ...e.competencies] }));
        expect(packetCoverage(v2, target, doubled)).toEqual(packetCoverage(v2, target, packet));
      }),
    );
  });

  it("lists gaps first, then in rubric order, with statuses consistent with the counts", () => {
    fc.assert(
      fc.property(packetArb(v2), targetArb, (packet, target) => {
        const { entries, summary } = packetCoverage(v2, target, packet);
        const rubricOrder = [
          ...v2.advancement_criteria.map((c) => `criterion:${c.id}`),
          ...v2.competencies.map((c) => `competency:${c.id}`),
        ];
        for (let i = 1; i < entries.length; i++) {
          const [a, b] = [entries[i - 1]!, entries[i]!];
          const byStatus = coverageStatusRank(a.status) - coverageStatusRank(b.status);
          expect(byStatus < 0 || (byStatus === 0 && rubricOrder.indexOf(key(a)) < rubricOrder.indexOf(key(b)))).toBe(true);
        }
        for (const e of entries) {
          expect(e.count).toBe(e.evidenceIds.length);
          expect(e.status).toBe(e.count >= e.required ? "met" : e.count > 0 ? "partial" : "missing");
        }
        expect(summary.met + summary.partial + summary.missing).toBe(entries.length);
        expect(summary.ready).toBe(summary.met === entries.length);
      }),
    );
  });
});

describe("worked examples (computed by hand)", () => {
  it("maps a builder v2 L6 packet to met, partial and missing, gaps first", () => {
    const packet: PacketEvidence[] = [
      { id: "e1", criteria: ["expanding_scope", "cross_team_leadership"], competencies: ["product_sense", "shipping_excellence"] },
      { id: "e2", criteria: ["mentoring", "expanding_scope", "expanding_scope"], competencies: ["growth_expertise", "made_up", "product_sense"] },
      { id: "e3", criteria: ["bogus", "external_thought_leadership"], competencies: ["technical_depth"] },
    ];
    const result = packetCoverage(v2, "L6", packet);
    // v2 L6 requires criteria 2/2/2/1/2 and competencies 1/2/1/2/1/2/1 (growth_expertise included).
    expect(result.entries.map((e) => [e.id, e.count, e.required, e.status])).toEqual([
      ["strategic_influence", 0, 2, "missing"],
      ["design_thinking", 0, 1, "missing"],
      ["business_sense", 0, 2, "missing"],
      ["customer_obsession", 0, 1, "missing"],
      ["cross_team_leadership", 1, 2, "partial"],
      ["mentoring", 1, 2, "partial"],
      ["shipping_excellence", 1, 2, "partial"],
      ["expanding_scope", 2, 2, "met"],
      ["external_thought_leadership", 1, 1, "met"],
      ["technical_depth", 1, 1, "met"],
      ["product_sense", 2, 2, "met"],
      ["growth_expertise", 1, 1, "met"],
    ]);
    expect(result.summary).toEqual({ met: 5, partial: 3, missing: 4, ready: false });
    expect(result.unknownTags).toEqual([
      { kind: "criterion", id: "bogus", evidenceIds: ["e3"] },
      { kind: "competency", id: "made_up", evidenceIds: ["e2"] },
    ]);
    const scope = result.entries.find((e) => e.id === "expanding_scope")!;
    expect(scope).toEqual({
      kind: "criterion",
      id: "expanding_scope",
      name: "Expanding scope of ownership",
      required: 2,
      count: 2,
      status: "met",
      requirement: "Proposes and leads cross-team projects; founds new surface areas as an opportunistic team founder.",
      evidenceIds: ["e1", "e2"],
    });
    expect(result.entries.find((e) => e.id === "product_sense")).not.toHaveProperty("requirement");
  });

  it("meets a requirement of 0 with no evidence, and names only the competencies the target requires", () => {
    const empty = packetCoverage(v2, "L5", []);
    // L5: 5 criteria (external_thought_leadership needs 0) and 6 competencies (no growth_expertise).
    expect(empty.entries).toHaveLength(11);
    expect(empty.summary).toEqual({ met: 1, partial: 0, missing: 10, ready: false });
    expect(empty.entries.at(-1)).toMatchObject({ id: "external_thought_leadership", required: 0, count: 0, status: "met" });
    expect(empty.entries.some((e) => e.id === "growth_expertise")).toBe(false);

    // v1 L6 does not name growth_expertise: the tag is defined, so ignored but not unknown.
    const v1L6 = packetCoverage(v1, "L6", [{ id: "x", criteria: [], competencies: ["growth_expertise"] }]);
    expect(v1L6.entries.some((e) => e.id === "growth_expertise")).toBe(false);
    expect(v1L6.unknownTags).toEqual([]);
  });

  it("is ready when every requirement is met", () => {
    // v1 L5: expanding_scope 2, strategic_influence 1, cross_team_leadership 1, mentoring 1;
    // one of each competency, shipping_excellence 2.
    const all = ["technical_depth", "product_sense", "design_thinking", "business_sense", "customer_obsession", "shipping_excellence"];
    const packet: PacketEvidence[] = [
      { id: "a", criteria: ["expanding_scope", "strategic_influence"], competencies: all },
      { id: "b", criteria: ["expanding_scope", "cross_team_leadership", "mentoring"], competencies: ["shipping_excellence"] },
    ];
    const result = packetCoverage(v1, "L5", packet);
    expect(result.summary).toEqual({ met: 11, partial: 0, missing: 0, ready: true });
    expect(packetCoverage(v1, "L5", packet.slice(0, 1)).summary).toEqual({ met: 7, partial: 2, missing: 2, ready: false });
  });

  it("counts an evidence id once even if it appears twice", () => {
    const result = packetCoverage(v2, "L7", [
      { id: "same", criteria: ["mentoring"], competencies: [] },
      { id: "same", criteria: ["mentoring"], competencies: [] },
    ]);
    expect(result.entries.find((e) => e.id === "mentoring")).toMatchObject({ count: 1, status: "partial", evidenceIds: ["same"] });
  });

  it("refuses a target that is not L5, L6 or L7", () => {
    expect(() => packetCoverage(v2, "L4", [])).toThrow(/targets L5, L6, L7; "L4" is not a promotion target/);
    expect(() => packetCoverage(v2, "L8", [])).toThrow(/"L8" is not a promotion target/);
  });
});
