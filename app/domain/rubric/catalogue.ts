import { parseRubricFile, rubricFileIdentity } from "./parse";
import type { Rubric } from "./schema";

export type RubricSource = { path: string; text: string };
export type RubricCatalogue = { rubrics: Rubric[]; errors: string[] };

/**
 * Parses every rubric file of the repository and checks them together: each file sits at
 * `rubrics/<track>/v<N>.yaml`, and each track's versions run 1, 2, 3… without gaps.
 */
export function readCatalogue(sources: readonly RubricSource[]): RubricCatalogue {
  const errors: string[] = [];
  const rubrics: Rubric[] = [];
  for (const source of [...sources].sort((a, b) => a.path.localeCompare(b.path))) {
    const identity = rubricFileIdentity(source.path);
    if (!identity) {
      errors.push(`${source.path}: rubric files must be named rubrics/<track>/v<version>.yaml (e.g. rubrics/builder/v1.yaml)`);
      continue;
    }
    const result = parseRubricFile(source.path, source.text, identity);
    if (result.ok) rubrics.push(result.rubric);
    else errors.push(...result.errors);
  }
  if (errors.length === 0) {
    const byTrack = groupVersions(rubrics);
    for (const [track, versions] of byTrack) {
      versions.forEach((version, i) => {
        if (version !== i + 1) errors.push(`rubrics/${track}/: versions must run 1, 2, 3… without gaps; found v${versions.join(", v")}`);
      });
    }
  }
  return { rubrics: errors.length === 0 ? sortRubrics(rubrics) : [], errors: [...new Set(errors)] };
}

function groupVersions(rubrics: readonly Rubric[]): Map<string, number[]> {
  const byTrack = new Map<string, number[]>();
  for (const r of rubrics) byTrack.set(r.track, [...(byTrack.get(r.track) ?? []), r.version].sort((a, b) => a - b));
  return byTrack;
}

export function sortRubrics(rubrics: readonly Rubric[]): Rubric[] {
  return [...rubrics].sort((a, b) => a.track.localeCompare(b.track) || a.version - b.version);
}
