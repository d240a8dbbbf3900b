import fs from "node:fs";
import path from "node:path";
import type { RubricSource } from "~/domain/rubric/catalogue";

export const RUBRICS_DIR = path.resolve("rubrics");

/** Every YAML file under rubrics/ (one folder per track), with its path relative to the project. */
export function readRubricSources(dir = RUBRICS_DIR): RubricSource[] {
  if (!fs.existsSync(dir)) return [];
  const sources: RubricSource[] = [];
  for (const track of fs.readdirSync(dir, { withFileTypes: true })) {
    if (!track.isDirectory()) continue;
    for (const file of fs.readdirSync(path.join(dir, track.name))) {
      if (!/\.ya?ml$/.test(file)) continue;
      const full = path.join(dir, track.name, file);
      sources.push({ path: `rubrics/${track.name}/${file}`, text: fs.readFileSync(full, "utf8") });
    }
  }
  return sources;
}
