import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parse, stringify } from "yaml";

export const V1_PATH = path.resolve("rubrics", "builder", "v1.yaml");

/** The shipped builder v1 as a plain object, to mutate into broken or revised variants. */
export function builderV1(): Record<string, any> {
  return parse(fs.readFileSync(V1_PATH, "utf8"));
}

export function toYaml(doc: unknown): string {
  return stringify(doc);
}

/** A temporary rubrics folder holding the given files (`{ "builder/v1.yaml": text }`). */
export function rubricsFolder(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "builder-ladder-rubrics-"));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, "rubrics", name)), { recursive: true });
    fs.writeFileSync(path.join(dir, "rubrics", name), text);
  }
  return path.join(dir, "rubrics");
}
