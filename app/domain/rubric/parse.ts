import { parseDocument } from "yaml";
import { checkRubricRules, formatPath } from "./rules";
import { RubricSchema, type Rubric } from "./schema";

export type RubricParseResult = { ok: true; rubric: Rubric } | { ok: false; errors: string[] };

/**
 * Reads one rubric file's text. Every error names the file and the place in it, e.g.
 * `rubrics/builder/v1.yaml: levels[2].bars.product_sense: must be >= the L5 bar (3)`.
 * `expected` is what the file's location says it must be (`rubrics/<track>/v<version>.yaml`).
 */
export function parseRubricFile(
  file: string,
  text: string,
  expected?: { track: string; version: number },
): RubricParseResult {
  const document = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  if (document.errors.length > 0) {
    return {
      ok: false,
      // With prettyErrors the first line reads "<problem> at line L, column C:".
      errors: document.errors.map((e) => `${file}: ${e.message.split("\n")[0]!.replace(/:$/, "")}`),
    };
  }
  const parsed = RubricSchema.safeParse(document.toJS());
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.error.issues.map((issue) => `${file}: ${formatPath(issue.path) || "(top level)"}: ${issue.message}`),
    };
  }
  const rubric = parsed.data;
  const issues = checkRubricRules(rubric);
  if (expected && rubric.track !== expected.track) {
    issues.unshift({ path: ["track"], message: `must be "${expected.track}" to match the file's folder` });
  }
  if (expected && rubric.version !== expected.version) {
    issues.unshift({ path: ["version"], message: `must be ${expected.version} to match the file name` });
  }
  if (issues.length > 0) {
    return { ok: false, errors: issues.map((i) => `${file}: ${formatPath(i.path)}: ${i.message}`) };
  }
  return { ok: true, rubric };
}

/** `rubrics/builder/v2.yaml` → `{ track: "builder", version: 2 }`, or null for any other name. */
export function rubricFileIdentity(relativePath: string): { track: string; version: number } | null {
  const match = /(?:^|\/)rubrics\/([a-z][a-z0-9-]*)\/v([1-9][0-9]*)\.yaml$/.exec(relativePath);
  return match ? { track: match[1]!, version: Number(match[2]) } : null;
}
