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
const v3 = shipped("rubrics/builder/v3.yaml");

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

describe("diffRubrics, builder v2 → v3: the project process", () => {
  const projectProcess = (before: Rubric, after: Rubric) =>
    diffRubrics(before, after, { includeBands: true }).find((s) => s.id === "project_process")!;

  it("changes nothing but the project process, which it adds in full", () => {
    const diff = diffRubrics(v2, v3, { includeBands: true });
    expect(diff.filter((s) => countChanges([s]) > 0).map((s) => s.id)).toEqual(["project_process"]);
    const section = projectProcess(v2, v3);
    expect(section.title).toBe("Project process");
    expect(section.removed).toEqual([]);
    expect(section.changed).toEqual([]);
    expect(section.added).toEqual([
      {
        key: "prd",
        label: "PRD",
        fields: {
          "required sections": "Problem\nSolution\nSuccess criteria\nRisks and rollback",
          "approver for a team satellite": "the lead of the team it is embedded in",
        },
      },
      { key: "prd_section_problem", label: "PRD section: Problem", fields: { heading: "Problem", guidance: "The problem or insight, and who has it." } },
      { key: "prd_section_solution", label: "PRD section: Solution", fields: { heading: "Solution", guidance: "What will ship to users, and what will not." } },
      {
        key: "prd_section_success",
        label: "PRD section: Success criteria",
        fields: { heading: "Success criteria", guidance: "How we will know it worked; the metrics below, with their targets." },
      },
      { key: "prd_section_risks", label: "PRD section: Risks and rollback", fields: { heading: "Risks and rollback", guidance: "What could go wrong, and how it is undone." } },
      {
        key: "cadence",
        label: "Success metrics, checkpoint and reviews",
        fields: { "success metrics needed": "1", "checkpoint after launch (days)": "28", "review every (days)": "91" },
      },
      { key: "founder_mode", label: "Founder mode", fields: { "decision date": "required", "decision date at most (days ahead)": "365" } },
      { key: "demos", label: "Demos", fields: { "demo every (days)": "7" } },
    ]);
  });

  it("shows dropping the project process as every item removed", () => {
    const section = projectProcess(v3, v2);
    expect(section.added).toEqual([]);
    expect(section.changed).toEqual([]);
    expect(section.removed).toEqual(projectProcess(v2, v3).added);
  });

  it("comes last, after the bands and decision rules, whether or not bands are shown", () => {
    expect(diffRubrics(v2, v3, { includeBands: true }).map((s) => s.id).slice(-3)).toEqual(["bands", "decision_rules", "project_process"]);
    expect(diffRubrics(v2, v3, { includeBands: false }).map((s) => s.id).slice(-2)).toEqual(["decision_rules", "project_process"]);
  });

  it("is empty between two versions without one", () => {
    expect(projectProcess(v1, v2)).toEqual({ id: "project_process", title: "Project process", added: [], removed: [], changed: [] });
  });

  it("shows changed numbers, approver rule and founder mode with before and after", () => {
    const next = structuredClone(v3);
    const p = next.project_process!;
    p.checkpoint_after_days = 30;
    p.quarterly_review_every_days = 120;
    p.min_success_metrics = 2;
    p.prd.satellite_approver = "anyone";
    p.founder_mode.decision_date_required = false;
    p.founder_mode.max_decision_days = 180;
    p.demos.cadence_days = 14;
    const section = projectProcess(v3, next);
    expect(section.added).toEqual([]);
    expect(section.removed).toEqual([]);
    expect(section.changed).toEqual([
      {
        key: "prd",
        label: "PRD",
        changes: [{ field: "approver for a team satellite", before: "the lead of the team it is embedded in", after: "anyone the builder chooses, other than themselves" }],
      },
      {
        key: "cadence",
        label: "Success metrics, checkpoint and reviews",
        changes: [
          { field: "success metrics needed", before: "1", after: "2" },
          { field: "checkpoint after launch (days)", before: "28", after: "30" },
          { field: "review every (days)", before: "91", after: "120" },
        ],
      },
      {
        key: "founder_mode",
        label: "Founder mode",
        changes: [
          { field: "decision date", before: "required", after: "optional" },
          { field: "decision date at most (days ahead)", before: "365", after: "180" },
        ],
      },
      { key: "demos", label: "Demos", changes: [{ field: "demo every (days)", before: "7", after: "14" }] },
    ]);
    expect(countChanges([section])).toBe(4);
  });

  it("matches PRD sections by id: new guidance is a change, a new id is added, a dropped id removed", () => {
    const next = structuredClone(v3);
    const sections = next.project_process!.prd.required_sections;
    sections[0]!.guidance = "The insight, with the evidence for it.";
    sections.splice(3, 1, { id: "rollout", heading: "Rollout", guidance: "Who gets it first, and when." });
    const section = projectProcess(v3, next);
    expect(section.added).toEqual([{ key: "prd_section_rollout", label: "PRD section: Rollout", fields: { heading: "Rollout", guidance: "Who gets it first, and when." } }]);
    expect(section.removed.map((i) => i.key)).toEqual(["prd_section_risks"]);
    expect(section.changed).toEqual([
      {
        key: "prd",
        label: "PRD",
        changes: [
          {
            field: "required sections",
            before: "Problem\nSolution\nSuccess criteria\nRisks and rollback",
            after: "Problem\nSolution\nSuccess criteria\nRollout",
          },
        ],
      },
      {
        key: "prd_section_problem",
        label: "PRD section: Problem",
        changes: [{ field: "guidance", before: "The problem or insight, and who has it.", after: "The insight, with the evidence for it." }],
      },
    ]);
  });
});

describe("diffRubrics in general", () => {
  it("finds nothing between a version and itself", () => {
    expect(countChanges(diffRubrics(v2, v2, { includeBands: true }))).toBe(0);
    expect(countChanges(diffRubrics(v3, v3, { includeBands: true }))).toBe(0);
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
