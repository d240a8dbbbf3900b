import fs from "node:fs";
import path from "node:path";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { parseRubricFile } from "~/domain/rubric/parse";
import type { Rubric } from "~/domain/rubric/schema";
import { withoutPay } from "~/domain/rubric/visibility";
import { RubricSections } from "~/routes/rubrics.$track.$version._index/sections";

/** The rubric version page's sections, rendered as the server sends them: the project process. */

function builder(version: number): Rubric {
  const file = `rubrics/builder/v${version}.yaml`;
  const result = parseRubricFile(file, fs.readFileSync(path.resolve(file), "utf8"), { track: "builder", version });
  if (!result.ok) throw new Error(result.errors.join("\n"));
  return result.rubric;
}

const render = (rubric: Rubric) =>
  renderToStaticMarkup(createElement(RubricSections, { rubric: withoutPay(rubric), levelsHref: "/levels" }));
/** The text of the page, tags dropped and whitespace collapsed (as a reader sees it). */
const textOf = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/&#x27;|&rsquo;/g, "'").replace(/\s+/g, " ").trim();
const sectionOf = (html: string) => /<section id="project-process"[\s\S]*?<\/section>/.exec(html)?.[0] ?? "";

describe("the rubric version page's project process", () => {
  it("is shown for v3, in the contents and as a section, in plain words", () => {
    const html = render(builder(3));
    expect(html).toContain('<a href="#project-process">Project process</a>');
    const text = textOf(sectionOf(html));
    expect(text).toBe(
      [
        "Project process",
        "PRD",
        "A PRD can be submitted only when it has a heading for each of these sections. It goes to one named approver, never its own builder; for a team satellite, the approver must be the lead of the team the project is embedded in.",
        "Problem The problem or insight, and who has it.",
        "Solution What will ship to users, and what will not.",
        "Success criteria How we will know it worked; the metrics below, with their targets.",
        "Risks and rollback What could go wrong, and how it is undone.",
        "From PRD to review",
        "A project needs at least 1 success metric before its PRD is submitted and before it launches.",
        "The milestone checkpoint is due 28 days after launch.",
        "Once the checkpoint is recorded, the project is reviewed every 91 days until it is closed.",
        "A team-founder project must name the date by which it meets its success or is deprecated; that date can be at most 365 days away.",
        "Builders demo their work every 7 days.",
      ].join(" "),
    );
  });

  it("follows the version's values: another approver rule, an optional decision date, other counts", () => {
    const rubric = structuredClone(builder(3));
    const p = rubric.project_process!;
    p.prd.satellite_approver = "anyone";
    p.founder_mode.decision_date_required = false;
    p.min_success_metrics = 2;
    p.demos.cadence_days = 1;
    const text = textOf(sectionOf(render(rubric)));
    expect(text).toContain("for a team satellite, the builder may name anyone other than themselves as the approver.");
    expect(text).toContain("A team-founder project may name the date by which it meets its success or is deprecated; that date can be at most 365 days away.");
    expect(text).toContain("A project needs at least 2 success metrics before its PRD is submitted");
    expect(text).toContain("Builders demo their work every day.");
  });

  it("is absent for versions without one (builder v1 and v2)", () => {
    for (const version of [1, 2]) {
      const html = render(builder(version));
      expect(html, `builder v${version}`).not.toContain("project-process");
      expect(html, `builder v${version}`).not.toContain("Project process");
    }
  });
});
