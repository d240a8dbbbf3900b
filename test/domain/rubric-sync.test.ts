import { describe, expect, it } from "vitest";
import { checkRetirement, planRubricSync, versionStatuses } from "~/domain/rubric/sync";

const file = (track: string, version: number, contentHash: string) => ({ track, version, contentHash });
const stored = (track: string, version: number, contentHash: string, inUse: boolean) => ({ track, version, contentHash, inUse });

describe("planRubricSync", () => {
  it("publishes new files, updates changed unused versions, removes unused versions whose file is gone", () => {
    const plan = planRubricSync(
      [file("builder", 1, "a"), file("builder", 2, "b2"), file("builder", 3, "c")],
      [stored("builder", 1, "a", true), stored("builder", 2, "b", false), stored("other", 1, "x", false)],
    );
    expect(plan).toEqual({
      create: [file("builder", 3, "c")],
      update: [file("builder", 2, "b2")],
      remove: [stored("other", 1, "x", false)],
      refusals: [],
    });
  });

  it("refuses a changed file for a version in use, naming the next version to publish", () => {
    const plan = planRubricSync(
      [file("builder", 1, "changed"), file("builder", 2, "b")],
      [stored("builder", 1, "a", true), stored("builder", 2, "b", false)],
    );
    expect(plan.refusals).toEqual([
      "builder v1 is in use; rubrics/builder/v1.yaml has changed since it was published. Restore the file and publish the change as v3 (rubrics/builder/v3.yaml).",
    ]);
  });

  it("refuses a deleted file for a version in use", () => {
    const plan = planRubricSync([file("builder", 2, "b")], [stored("builder", 1, "a", true), stored("builder", 2, "b", false)]);
    expect(plan.refusals).toEqual([
      "builder v1 is in use, but rubrics/builder/v1.yaml is missing. Restore the file: a version in use can be retired, never deleted.",
    ]);
    expect(plan.remove).toEqual([]);
  });

  it("does nothing when files and database agree", () => {
    expect(planRubricSync([file("builder", 1, "a")], [stored("builder", 1, "a", true)])).toEqual({
      create: [], update: [], remove: [], refusals: [],
    });
  });
});

describe("version statuses", () => {
  it("makes the newest version that is not retired current", () => {
    const statuses = versionStatuses([
      { version: 1, retired: false },
      { version: 3, retired: true },
      { version: 2, retired: false },
    ]).map((v) => [v.version, v.status]);
    expect(statuses).toEqual([[3, "retired"], [2, "current"], [1, "previous"]]);
  });

  it("keeps a track from retiring its last version in service", () => {
    expect(checkRetirement([{ version: 1, retired: false }, { version: 2, retired: false }], 1)).toBeNull();
    expect(checkRetirement([{ version: 1, retired: true }, { version: 2, retired: false }], 2)).toMatch(/only version in service/);
    expect(checkRetirement([{ version: 1, retired: true }, { version: 2, retired: false }], 1)).toMatch(/already retired/);
  });
});
