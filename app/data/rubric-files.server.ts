import fs from "node:fs";
import path from "node:path";
import type { RubricSource } from "~/domain/rubric/catalogue";

export const RUBRICS_DIR = path.resolve("rubrics");

/** Every YAML file under a rubrics folder (one folder per track), with its path relative to the project. */
export function readRubricSources(dir = RUBRICS_DIR): RubricSource[] {
  if (!fs.existsSync(dir)) return [];
  const sources: RubricSource[] = [];
  for (const track of fs.readdirSync(dir, { withFileTypes: true })) {
    if (!track.isDirectory()) continue;
    for (const file of fs.readdirSync(path.join(dir, track.name))) {
      if (!/\.ya?ml$/.test(file)) continue;
      const full = path.join(dir, track.name, file);
      sources.push({ path: path.relative(process.cwd(), full).split(path.sep).join("/"), text: fs.readFileSync(full, "utf8") });
    }
  }
  return sources;
}

/** Start refuses to go on: the rubric files are invalid, or would change a version in use. */
export class RubricPublishError extends Error {
  constructor(readonly problems: string[]) {
    super(`Rubric files cannot be published:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "RubricPublishError";
  }
}
