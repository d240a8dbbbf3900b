import fs from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readRubricSources } from "~/data/rubric-files.server";
import { readCatalogue } from "~/domain/rubric/catalogue";
import { rubricJsonSchemaText } from "~/domain/rubric/json-schema";
import { parseRubricFile, rubricFileIdentity } from "~/domain/rubric/parse";
import { checkRubricRules } from "~/domain/rubric/rules";
import { RubricSchema } from "~/domain/rubric/schema";
import { builderV1, toYaml } from "../helpers/rubrics";

const FILE = "rubrics/builder/v1.yaml";
const parseDoc = (doc: unknown) => parseRubricFile(FILE, toYaml(doc), { track: "builder", version: 1 });
const errorsOf = (doc: unknown) => {
  const result = parseDoc(doc);
  return result.ok ? [] : result.errors;
};

describe("the shipped rubric files", () => {
  it("all pass, as four versions over two tracks", () => {
    const { rubrics, errors } = readCatalogue(readRubricSources());
    expect(errors).toEqual([]);
    expect(rubrics.map((r) => `${r.track} v${r.version}`)).toEqual(["builder v1", "builder v2", "builder v3", "product-builder v1"]);
  });

  it("builder v1 names everything the role definition names", () => {
    const v1 = parseDoc(builderV1());
    if (!v1.ok) throw new Error(v1.errors.join("\n"));
    const r = v1.rubric;
    expect(r.competencies.map((c) => c.name)).toEqual([
      "Technical depth", "Product sense", "Design thinking", "Business sense", "Customer obsession", "Shipping excellence", "Growth expertise",
    ]);
    expect(r.competencies.find((c) => c.id === "growth_expertise")?.bonus).toBe(true);
    expect(r.characteristics.map((c) => c.name)).toEqual(["Autonomous", "Curious", "Pragmatic", "Collaborative", "Strategic", "Decisive"]);
    expect(r.red_flags.filter((f) => f.category === "behavioural").map((f) => f.name)).toEqual([
      "Perfectionist", "Siloed thinking", "Over-engineer", "Poor communicator", "Inflexible", "Defiant",
    ]);
    expect(r.red_flags.filter((f) => f.category === "interview")).toHaveLength(3);
    expect(r.signals).toHaveLength(5);
    expect(r.stages.map((s) => s.name)).toEqual([
      "Stage 1: Initial screen", "Stage 2: Technical deep dive", "Stage 3: Product / cross-functional assessment",
    ]);
    expect(r.stages.map((s) => s.focus_areas.length)).toEqual([4, 3, 4]);
    expect(r.levels.map((l) => `${l.id} ${l.title}`)).toEqual([
      "L4 Senior Builder", "L5 Staff Builder", "L6 Senior Staff Builder", "L7 Principal Builder",
    ]);
    expect(r.advancement_criteria.map((c) => c.name)).toEqual([
      "Expanding scope of ownership", "Increasing strategic influence", "Cross-team leadership", "External thought leadership", "Mentoring other builders",
    ]);
    expect(r.bands.note).toMatch(/EXAMPLE FIGURES/);
  });

  it("ships a JSON Schema that matches the zod schema (run npm run rubrics:schema after changing it)", () => {
    const committed = fs.readFileSync(path.resolve("rubrics", "rubric.schema.json"), "utf8");
    expect(committed).toBe(rubricJsonSchemaText());
  });
});

describe("broken rubric files fail with a message naming the file and the place", () => {
  const cases: Array<[string, (doc: Record<string, any>) => void, string]> = [
    ["a bar that falls as the level rises", (d) => { d.levels[2].bars.product_sense = 2.5; }, "rubrics/builder/v1.yaml: levels[2].bars.product_sense: must be >= the L5 bar (3)"],
    ["a duplicate competency id", (d) => { d.competencies[1].id = "technical_depth"; }, 'rubrics/builder/v1.yaml: competencies[1].id: "technical_depth" is already used by competencies[0]'],
    ["a criterion id used in two stages", (d) => { d.stages[1].criteria[0].id = "end_to_end_ownership"; }, 'rubrics/builder/v1.yaml: stages[1].criteria[0].id: "end_to_end_ownership" is already used in stages[0].criteria[0]'],
    ["a criterion evidencing an unknown competency", (d) => { d.stages[0].criteria[1].competency = "charisma"; }, 'rubrics/builder/v1.yaml: stages[0].criteria[1].competency: "charisma" is not a competency of this rubric'],
    ["a blocking rule naming an unknown red flag", (d) => { d.decision_rules.blocking_red_flags.push({ flag: "rudeness", min_interviewers: 2 }); }, 'rubrics/builder/v1.yaml: decision_rules.blocking_red_flags[1].flag: "rudeness" is not a red flag of this rubric'],
    ["a blocker severity without a blocking rule", (d) => { d.red_flags[5].severity = "blocker"; }, 'rubrics/builder/v1.yaml: red_flags[5].severity: "defiant" is a blocker, so decision_rules.blocking_red_flags must say how many interviewers must raise it'],
    ["levels out of order", (d) => { [d.levels[0], d.levels[1]] = [d.levels[1], d.levels[0]]; }, "rubrics/builder/v1.yaml: levels[0].id: must be L4 (levels are listed L4 to L7 in order)"],
    ["a missing level", (d) => { d.levels.pop(); }, "rubrics/builder/v1.yaml: levels: must list the 4 levels L4, L5, L6, L7"],
    ["an unknown level id", (d) => { d.levels[3].id = "L8"; }, "rubrics/builder/v1.yaml: levels[3].id: must be one of L4, L5, L6, L7"],
    ["a band whose mid is below its min", (d) => { d.bands.levels.L5.base.mid = 200000; }, "rubrics/builder/v1.yaml: bands.levels.L5.base.mid: must be >= base.min (205000)"],
    ["a band whose max is below its mid", (d) => { d.bands.levels.L6.base.max = 250000; }, "rubrics/builder/v1.yaml: bands.levels.L6.base.max: must be >= base.mid (275000)"],
    ["a stage without criteria", (d) => { d.stages[1].criteria = []; }, "rubrics/builder/v1.yaml: stages[1].criteria: each stage needs at least one criterion"],
    ["a missing anchor", (d) => { delete d.competencies[2].anchors[3]; }, "rubrics/builder/v1.yaml: competencies[2].anchors.3: needs an anchor for rating 3"],
    ["a bar off the scale", (d) => { d.levels[3].bars.technical_depth = 5; }, "rubrics/builder/v1.yaml: levels[3].bars.technical_depth: must be on the rating scale (1 to 4)"],
    ["a required competency without a bar", (d) => { delete d.levels[1].bars.design_thinking; }, "rubrics/builder/v1.yaml: levels[1].bars.design_thinking: needs a bar for design_thinking"],
    ["a level missing an advancement requirement", (d) => { delete d.levels[2].advancement.mentoring; }, "rubrics/builder/v1.yaml: levels[2].advancement.mentoring: needs a requirement for mentoring"],
    ["a stage without its scorecard count", (d) => { delete d.decision_rules.scorecards_per_stage.technical_deep_dive; }, "rubrics/builder/v1.yaml: decision_rules.scorecards_per_stage.technical_deep_dive: needs the number of scorecards for stage technical_deep_dive"],
    ["promotion evidence for an unknown criterion", (d) => { d.decision_rules.promotion_evidence.L6.criteria.charm = 1; }, 'rubrics/builder/v1.yaml: decision_rules.promotion_evidence.L6.criteria.charm: "charm" is not an advancement criterion of this rubric'],
    ["an unknown severity", (d) => { d.red_flags[0].severity = "critical"; }, "rubrics/builder/v1.yaml: red_flags[0].severity: must be blocker, major or minor"],
    ["an unknown key (typo)", (d) => { d.levels[0].titel = "x"; }, 'rubrics/builder/v1.yaml: levels[0]: Unrecognized key: "titel"'],
    ["a required competency that no criterion scores", (d) => { d.stages[0].criteria.splice(4, 1); d.stages[2].criteria.splice(4, 1); }, 'rubrics/builder/v1.yaml: competencies[4]: "customer_obsession" is not bonus, so some stage must have a criterion that evidences it'],
    ["a version that disagrees with the file name", (d) => { d.version = 3; }, "rubrics/builder/v1.yaml: version: must be 1 to match the file name"],
  ];

  it.each(cases)("%s", (_label, mutate, expected) => {
    const doc = builderV1();
    mutate(doc);
    expect(errorsOf(doc)).toContain(expected);
  });

  it("reports YAML syntax errors with their line", () => {
    const result = parseRubricFile(FILE, "track: builder\nversion: 1\nname: [unclosed\n");
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]).toMatch(/^rubrics\/builder\/v1\.yaml: .* at line \d+, column \d+$/);
  });

  it("reports duplicate keys", () => {
    const result = parseRubricFile(FILE, "track: builder\ntrack: other\n");
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]).toMatch(/Map keys must be unique at line 2/);
  });

  it("refuses a track whose versions skip a number, and files named otherwise", () => {
    const v1 = toYaml(builderV1());
    const v3 = toYaml({ ...builderV1(), version: 3 });
    const { errors } = readCatalogue([
      { path: "rubrics/builder/v1.yaml", text: v1 },
      { path: "rubrics/builder/v3.yaml", text: v3 },
      { path: "rubrics/builder/latest.yaml", text: v1 },
    ]);
    expect(errors).toContain("rubrics/builder/latest.yaml: rubric files must be named rubrics/<track>/v<version>.yaml (e.g. rubrics/builder/v1.yaml)");
    const { errors: gap } = readCatalogue([
      { path: "rubrics/builder/v1.yaml", text: v1 },
      { path: "rubrics/builder/v3.yaml", text: v3 },
    ]);
    expect(gap).toEqual(["rubrics/builder/: versions must run 1, 2, 3… without gaps; found v1, v3"]);
  });

  it("reads file identities only from rubrics/<track>/v<N>.yaml", () => {
    expect(rubricFileIdentity("rubrics/product-builder/v12.yaml")).toEqual({ track: "product-builder", version: 12 });
    expect(rubricFileIdentity("rubrics/builder/v0.yaml")).toBeNull();
    expect(rubricFileIdentity("rubrics/builder/v1.yml")).toBeNull();
  });
});

describe("bars never fall as the level rises", () => {
  const base = RubricSchema.parse(builderV1());
  const bar = fc.integer({ min: 2, max: 8 }).map((n) => n / 2); // 1 to 4 in half steps

  it("is reported exactly when some competency's bar is lower than the level below's", () => {
    fc.assert(
      fc.property(fc.array(fc.array(bar, { minLength: 4, maxLength: 4 }), { minLength: 6, maxLength: 6 }), (table) => {
        const competencies = Object.keys(base.levels[0]!.bars);
        const rubric = structuredClone(base);
        competencies.forEach((c, i) => rubric.levels.forEach((level, l) => (level.bars[c] = table[i]![l]!)));
        const falls = table.some((row) => row.some((v, l) => l > 0 && v < row[l - 1]!));
        const reported = checkRubricRules(rubric).some((issue) => issue.message.startsWith("must be >= the L"));
        expect(reported).toBe(falls);
      }),
    );
  });
});
