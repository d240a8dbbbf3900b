/**
 * Publishing rubric files into the database at start. A version that any loop, scorecard or
 * packet uses is immutable: its file may not change or disappear. An unused version may.
 */
export type PublishedFile = { track: string; version: number; contentHash: string };
export type StoredVersion = PublishedFile & { inUse: boolean };

export type SyncPlan = {
  create: PublishedFile[];
  update: PublishedFile[];
  remove: StoredVersion[];
  /** Changes that would alter a version in use; any one of them stops the start. */
  refusals: string[];
};

export function planRubricSync(files: readonly PublishedFile[], stored: readonly StoredVersion[]): SyncPlan {
  const key = (v: { track: string; version: number }) => `${v.track}@${v.version}`;
  const filesByKey = new Map(files.map((f) => [key(f), f]));
  const storedByKey = new Map(stored.map((s) => [key(s), s]));
  const plan: SyncPlan = { create: [], update: [], remove: [], refusals: [] };

  for (const file of files) {
    const existing = storedByKey.get(key(file));
    if (!existing) plan.create.push(file);
    else if (existing.contentHash !== file.contentHash) {
      if (existing.inUse) {
        plan.refusals.push(
          `${file.track} v${file.version} is in use; rubrics/${file.track}/v${file.version}.yaml has changed since it was published. ` +
            `Restore the file and publish the change as v${nextVersion(file.track, files, stored)} (rubrics/${file.track}/v${nextVersion(file.track, files, stored)}.yaml).`,
        );
      } else plan.update.push(file);
    }
  }
  for (const version of stored) {
    if (filesByKey.has(key(version))) continue;
    if (version.inUse) {
      plan.refusals.push(
        `${version.track} v${version.version} is in use, but rubrics/${version.track}/v${version.version}.yaml is missing. ` +
          "Restore the file: a version in use can be retired, never deleted.",
      );
    } else plan.remove.push(version);
  }
  return plan;
}

function nextVersion(track: string, files: readonly PublishedFile[], stored: readonly PublishedFile[]): number {
  return Math.max(0, ...[...files, ...stored].filter((v) => v.track === track).map((v) => v.version)) + 1;
}

export type VersionStatus = "current" | "previous" | "retired";

/** The current version of a track is its newest version that is not retired. */
export function versionStatuses<T extends { version: number; retired: boolean }>(
  versions: readonly T[],
): Array<T & { status: VersionStatus }> {
  const current = Math.max(-Infinity, ...versions.filter((v) => !v.retired).map((v) => v.version));
  return [...versions]
    .sort((a, b) => b.version - a.version)
    .map((v) => ({ ...v, status: v.retired ? "retired" : v.version === current ? "current" : "previous" }));
}

/**
 * Retiring a version: a track keeps at least one version that is not retired, so that new
 * loops and packets always have a version to pin to. Returns why not, or null.
 */
export function checkRetirement(
  versions: ReadonlyArray<{ version: number; retired: boolean }>,
  version: number,
): string | null {
  const target = versions.find((v) => v.version === version);
  if (!target) return "No such version.";
  if (target.retired) return "This version is already retired.";
  if (versions.filter((v) => !v.retired).length === 1) {
    return "This is the track's only version in service; publish a newer version before retiring it.";
  }
  return null;
}
