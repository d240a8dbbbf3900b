import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { countChanges, diffRubrics } from "~/domain/rubric/diff";
import { parseRubricFile } from "~/domain/rubric/parse";
import type { Rubric } from "~/domain/rubric/schema";
import { readRubricSources } from "~/data/rubric-files.server";
import { builderV1 } from "../helpers/rubrics";

function shipped(path: string): Rubric {
  const source = readRubricSources().find((s) => s.path === path)!;
  const result = parseRubricFile(source.path, source.text);
  if (!result.ok) throw new Error(result.errors.join("\n"));
  return result.rubric;
}

const v1 = shipped("rubrics/builder/v1.yaml");
const v2 = shipped("rubrics/builder/v2.yaml");

describe("diffRubrics, builder v1 → v2", () => {
  const diff = diffRubrics(v1, v2, { includeBands: true });
  const section = (id: string) => diff.find((s) => s.id === id)!;

  it("shows the new Stage 3 criterion as added", () => {
    expect(section("criteria").added.map((i) => i.label)).toEqual(["Growth plan for the prototype"]);
    expect(section("criteria").removed).toEqual([]);
  });

  it("shows the red flag whose severity changed, with before and after", () => {
    expect(section("red_flags").changed).toEqual([
      { key: "over_engineer", label: "Over-engineer", changes: [{ field: "severity", before: "minor", after: "major" }] },
    ]);
  });

  it("shows the raised L6 bar and the new growth bars", () => {
    const l6 = section("levels").changed.find((c) => c.key === "L6")!;
    expect(l6.changes).toEqual([
      { field: "bar: Business sense", before: "3", after: "3.5" },
      { field: "bar: Growth expertise", before: null, after: "2.5" },
    ]);
  });

  it("shows growth expertise turning from bonus to required", () => {
    const growth = section("competencies").changed.find((c) => c.key === "growth_expertise")!;
    expect(growth.changes).toContainEqual({ field: "scored", before: "bonus (not required)", after: "required" });
  });

  it("finds no change in the bands, which v2 kept", () => {
    expect(countChanges([section("bands")])).toBe(0);
  });
});

describe("diffRubrics in general", () => {
  it("finds nothing between a version and itself", () => {
    expect(countChanges(diffRubrics(v2, v2, { includeBands: true }))).toBe(0);
  });

  it("leaves the bands out for people who may not see pay", () => {
    const withBands = structuredClone(v2);
    withBands.bands.levels.L5!.base.max = 999_999;
    expect(diffRubrics(v2, withBands, { includeBands: false }).map((s) => s.id)).not.toContain("bands");
    expect(JSON.stringify(diffRubrics(v2, withBands, { includeBands: false }))).not.toContain("999");
    expect(countChanges(diffRubrics(v2, withBands, { includeBands: true }))).toBe(1);
  });

  it("is symmetric: what one direction adds, the other removes", () => {
    const ids = builderV1().red_flags.map((f: { id: string }) => f.id) as string[];
    fc.assert(
      fc.property(fc.subarray(ids), (dropped) => {
        const fewer = structuredClone(v1);
        fewer.red_flags = fewer.red_flags.filter((f) => !dropped.includes(f.id));
        const forward = diffRubrics(fewer, v1, { includeBands: false }).find((s) => s.id === "red_flags")!;
        const backward = diffRubrics(v1, fewer, { includeBands: false }).find((s) => s.id === "red_flags")!;
        expect(forward.added.map((i) => i.key).sort()).toEqual([...dropped].sort());
        expect(backward.removed).toEqual(forward.added);
      }),
    );
  });
});
