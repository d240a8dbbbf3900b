import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { parseRubricFile } from "~/domain/rubric/parse";
import { rubricsFolder, toYaml } from "../helpers/rubrics";

/** The `project_process` block (builder v3 onwards): what npm run rubrics:check says about a broken one. */

const FILE = "rubrics/builder/v3.yaml";
const shippedText = (version: number) => fs.readFileSync(path.resolve("rubrics", "builder", `v${version}.yaml`), "utf8");
const builderV3 = (): Record<string, any> => parse(shippedText(3));
const errorsOf = (doc: unknown) => {
  const result = parseRubricFile(FILE, toYaml(doc), { track: "builder", version: 3 });
  return result.ok ? [] : result.errors;
};

describe("the shipped builder versions", () => {
  it("v1 and v2 have no project process; v3 has the one its file states", () => {
    for (const version of [1, 2]) {
      const result = parseRubricFile(`rubrics/builder/v${version}.yaml`, shippedText(version), { track: "builder", version });
      if (!result.ok) throw new Error(result.errors.join("\n"));
      expect(result.rubric.project_process, `builder v${version}`).toBeUndefined();
    }
    const v3 = parseRubricFile(FILE, shippedText(3), { track: "builder", version: 3 });
    if (!v3.ok) throw new Error(v3.errors.join("\n"));
    expect(v3.rubric.project_process).toEqual({
      prd: {
        required_sections: [
          { id: "problem", heading: "Problem", guidance: "The problem or insight, and who has it." },
          { id: "solution", heading: "Solution", guidance: "What will ship to users, and what will not." },
          { id: "success", heading: "Success criteria", guidance: "How we will know it worked; the metrics below, with their targets." },
          { id: "risks", heading: "Risks and rollback", guidance: "What could go wrong, and how it is undone." },
        ],
        satellite_approver: "team_lead",
      },
      min_success_metrics: 1,
      checkpoint_after_days: 28,
      quarterly_review_every_days: 91,
      founder_mode: { decision_date_required: true, max_decision_days: 365 },
      demos: { cadence_days: 7 },
    });
  });

  it("v3 differs from v2 only by its project process, version and changelog", () => {
    const v2: Record<string, any> = parse(shippedText(2));
    const { project_process: _process, version: _v3, changelog: _c3, ...rest3 } = builderV3();
    const { version: _v2, changelog: _c2, ...rest2 } = v2;
    expect(rest3).toEqual(rest2);
  });

  it("a version without the block is valid (the block is optional)", () => {
    const doc = builderV3();
    delete doc.project_process;
    expect(errorsOf(doc)).toEqual([]);
  });
});

describe("a broken project_process fails with one message naming the place", () => {
  const at = (place: string, message: string) => `${FILE}: project_process${place}: ${message}`;
  const cases: Array<[string, (p: Record<string, any>, doc: Record<string, any>) => void, string]> = [
    // Missing keys.
    ["no prd", (p) => { delete p.prd; }, at(".prd", "Invalid input: expected object, received undefined")],
    ["no required sections", (p) => { delete p.prd.required_sections; }, at(".prd.required_sections", "Invalid input: expected array, received undefined")],
    ["no satellite approver", (p) => { delete p.prd.satellite_approver; }, at(".prd.satellite_approver", "must be team_lead or anyone")],
    ["a section without a heading", (p) => { delete p.prd.required_sections[0].heading; }, at(".prd.required_sections[0].heading", "Invalid input: expected string, received undefined")],
    ["a section without guidance", (p) => { delete p.prd.required_sections[2].guidance; }, at(".prd.required_sections[2].guidance", "Invalid input: expected string, received undefined")],
    ["no minimum of success metrics", (p) => { delete p.min_success_metrics; }, at(".min_success_metrics", "Invalid input: expected number, received undefined")],
    ["no checkpoint", (p) => { delete p.checkpoint_after_days; }, at(".checkpoint_after_days", "Invalid input: expected number, received undefined")],
    ["no review period", (p) => { delete p.quarterly_review_every_days; }, at(".quarterly_review_every_days", "Invalid input: expected number, received undefined")],
    ["no founder mode", (p) => { delete p.founder_mode; }, at(".founder_mode", "Invalid input: expected object, received undefined")],
    ["no decision date rule", (p) => { delete p.founder_mode.decision_date_required; }, at(".founder_mode.decision_date_required", "Invalid input: expected boolean, received undefined")],
    ["no demo cadence", (p) => { delete p.demos.cadence_days; }, at(".demos.cadence_days", "Invalid input: expected number, received undefined")],
    // Wrong types.
    ["the block as a string", (_p, d) => { d.project_process = "yes"; }, at("", "Invalid input: expected object, received string")],
    ["an empty block (null in YAML)", (_p, d) => { d.project_process = null; }, at("", "Invalid input: expected object, received null")],
    ["days as a string", (p) => { p.checkpoint_after_days = "28"; }, at(".checkpoint_after_days", "Invalid input: expected number, received string")],
    ["days as a fraction", (p) => { p.founder_mode.max_decision_days = 1.5; }, at(".founder_mode.max_decision_days", "must be a whole number")],
    ["the decision date rule as a word", (p) => { p.founder_mode.decision_date_required = "yes"; }, at(".founder_mode.decision_date_required", "Invalid input: expected boolean, received string")],
    ["sections as one string", (p) => { p.prd.required_sections = "Problem"; }, at(".prd.required_sections", "Invalid input: expected array, received string")],
    ["no sections at all", (p) => { p.prd.required_sections = []; }, at(".prd.required_sections", "needs at least one section a PRD must contain")],
    ["a section id that is not snake_case", (p) => { p.prd.required_sections[1].id = "Solution"; }, at(".prd.required_sections[1].id", "must be a lower_snake_case id")],
    ["blank guidance", (p) => { p.prd.required_sections[0].guidance = "   "; }, at(".prd.required_sections[0].guidance", "must not be empty")],
    ["an unknown key (typo)", (p) => { p.checkpoint_after_day = 28; }, at("", 'Unrecognized key: "checkpoint_after_day"')],
    ["an unknown key in the PRD", (p) => { p.prd.approver = "team_lead"; }, at(".prd", 'Unrecognized key: "approver"')],
    // Values.
    ["a satellite approver outside the list", (p) => { p.prd.satellite_approver = "manager"; }, at(".prd.satellite_approver", "must be team_lead or anyone")],
    ["a duplicate section id", (p) => { p.prd.required_sections[2].id = "problem"; }, at(".prd.required_sections[2].id", '"problem" is already used by project_process.prd.required_sections[0]')],
    ["a duplicate heading", (p) => { p.prd.required_sections[3].heading = "Solution"; }, at(".prd.required_sections[3].heading", '"Solution" is the same heading as project_process.prd.required_sections[1] ("Solution")')],
    ["a duplicate heading in other case and spacing", (p) => { p.prd.required_sections[3].heading = "  PROBLEM "; }, at(".prd.required_sections[3].heading", '"PROBLEM" is the same heading as project_process.prd.required_sections[0] ("Problem")')],
    // A PRD's headings are matched without emphasis and with spaces collapsed: so are the sections'.
    ["a duplicate heading with emphasis and double spaces", (p) => { p.prd.required_sections[3].heading = "**Success  criteria**"; }, at(".prd.required_sections[3].heading", '"**Success  criteria**" is the same heading as project_process.prd.required_sections[2] ("Success criteria")')],
    ["reviews as often as the checkpoint", (p) => { p.quarterly_review_every_days = 28; }, at(".quarterly_review_every_days", "must be more than checkpoint_after_days (28): reviews follow the checkpoint")],
    ["reviews before the checkpoint", (p) => { p.checkpoint_after_days = 120; }, at(".quarterly_review_every_days", "must be more than checkpoint_after_days (120): reviews follow the checkpoint")],
    ["no success metric needed", (p) => { p.min_success_metrics = 0; }, at(".min_success_metrics", "must be at least 1")],
    ["a checkpoint on launch day", (p) => { p.checkpoint_after_days = 0; }, at(".checkpoint_after_days", "must be at least 1")],
    ["reviews every 0 days", (p) => { p.quarterly_review_every_days = 0; }, at(".quarterly_review_every_days", "must be at least 1")],
    ["a decision date at most 0 days away", (p) => { p.founder_mode.max_decision_days = 0; }, at(".founder_mode.max_decision_days", "must be at least 1")],
    ["demos every 0 days", (p) => { p.demos.cadence_days = 0; }, at(".demos.cadence_days", "must be at least 1")],
    ["negative days", (p) => { p.demos.cadence_days = -7; }, at(".demos.cadence_days", "must be at least 1")],
  ];

  it.each(cases)("%s", (_label, mutate, expected) => {
    const doc = builderV3();
    mutate(doc.project_process, doc);
    expect(errorsOf(doc)).toEqual([expected]);
  });

  it("reports every problem of the block at once", () => {
    const doc = builderV3();
    doc.project_process.prd.required_sections[1].id = "problem";
    doc.project_process.prd.required_sections[3].heading = "problem";
    doc.project_process.quarterly_review_every_days = 14;
    expect(errorsOf(doc)).toEqual([
      `${FILE}: project_process.prd.required_sections[1].id: "problem" is already used by project_process.prd.required_sections[0]`,
      `${FILE}: project_process.prd.required_sections[3].heading: "problem" is the same heading as project_process.prd.required_sections[0] ("Problem")`,
      `${FILE}: project_process.quarterly_review_every_days: must be more than checkpoint_after_days (28): reviews follow the checkpoint`,
    ]);
  });
});

describe("npm run rubrics:check on a broken v3", () => {
  const check = (dir: string) =>
    spawnSync(process.execPath, ["--import", "tsx", "app/cli/rubrics-check.ts", dir], { encoding: "utf8" });

  it("prints one line per problem, naming the file and the place, and exits 1", () => {
    const doc = builderV3();
    doc.project_process.prd.satellite_approver = "manager";
    doc.project_process.demos.cadence_days = 0;
    const dir = rubricsFolder({ "builder/v1.yaml": shippedText(1), "builder/v2.yaml": shippedText(2), "builder/v3.yaml": toYaml(doc) });
    const result = check(dir);
    expect(result.status).toBe(1);
    // The CLI names files relative to the project (as rubrics/builder/v3.yaml for the shipped one).
    const file = path.relative(process.cwd(), path.join(dir, "builder", "v3.yaml")).split(path.sep).join("/");
    expect(result.stderr.trim().split("\n")).toEqual([
      `${file}: project_process.prd.satellite_approver: must be team_lead or anyone`,
      `${file}: project_process.demos.cadence_days: must be at least 1`,
      "",
      "2 problems in 3 rubric file(s).",
    ]);
  });

  it("passes the shipped v1, v2 and v3", () => {
    const dir = rubricsFolder({ "builder/v1.yaml": shippedText(1), "builder/v2.yaml": shippedText(2), "builder/v3.yaml": shippedText(3) });
    const result = check(dir);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain("3 rubric file(s) valid.");
  });
});
