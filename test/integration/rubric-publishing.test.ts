import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { prisma } from "~/data/db.server";
import { RubricPublishError } from "~/data/rubric-files.server";
import { findCurrentVersion, markRubricVersionUsed, syncRubricFiles } from "~/data/rubrics.server";
import { prepareDatabase } from "~/server/startup";
import { getConfig } from "~/utils/env.server";
import { builderV1, rubricsFolder, toYaml } from "../helpers/rubrics";

const v1Text = fs.readFileSync(path.resolve("rubrics/builder/v1.yaml"), "utf8");
const v2Text = fs.readFileSync(path.resolve("rubrics/builder/v2.yaml"), "utf8");
const now = new Date("2026-11-21T12:00:00Z");

async function reset() {
  await prisma.rubricVersion.deleteMany();
}

describe("publishing rubric files at start", () => {
  it("publishes every shipped version with a content hash, and start does it too", async () => {
    await reset();
    await prepareDatabase({ ...getConfig(), seedDemo: false }, () => {});
    const rows = await prisma.rubricVersion.findMany({ orderBy: [{ track: "asc" }, { version: "asc" }] });
    expect(rows.map((r) => `${r.track} v${r.version}`)).toEqual(["builder v1", "builder v2", "builder v3", "product-builder v1"]);
    expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.contentHash))).toBe(true);
    expect(JSON.parse(rows[0]!.content).stages).toHaveLength(3);
    expect((await findCurrentVersion("builder"))?.version).toBe(3);

    const again = await syncRubricFiles(now);
    expect(again).toEqual({ create: [], update: [], remove: [] });
  });

  it("ignores comments and formatting: the hash is of the content", async () => {
    await reset();
    const dir = rubricsFolder({ "builder/v1.yaml": v1Text });
    await syncRubricFiles(now, dir);
    await markRubricVersionUsed((await prisma.rubricVersion.findFirstOrThrow()).id, now);
    fs.writeFileSync(path.join(dir, "builder/v1.yaml"), `# a new comment\n${toYaml(builderV1())}`);
    await expect(syncRubricFiles(now, dir)).resolves.toEqual({ create: [], update: [], remove: [] });
  });

  it("lets an unused version change or disappear", async () => {
    await reset();
    const dir = rubricsFolder({ "builder/v1.yaml": v1Text, "builder/v2.yaml": v2Text });
    await syncRubricFiles(now, dir);
    const changed = builderV1();
    changed.version = 2;
    changed.summary = "A rewritten summary.";
    fs.writeFileSync(path.join(dir, "builder/v2.yaml"), toYaml(changed));
    const report = await syncRubricFiles(now, dir);
    expect(report.update.map((v) => v.version)).toEqual([2]);
    const stored = await prisma.rubricVersion.findUniqueOrThrow({ where: { track_version: { track: "builder", version: 2 } } });
    expect(JSON.parse(stored.content).summary).toBe("A rewritten summary.");

    fs.rmSync(path.join(dir, "builder/v2.yaml"));
    expect((await syncRubricFiles(now, dir)).remove.map((v) => v.version)).toEqual([2]);
  });

  it("refuses to start when a version in use has changed, and changes nothing", async () => {
    await reset();
    const dir = rubricsFolder({ "builder/v1.yaml": v1Text, "builder/v2.yaml": v2Text });
    await syncRubricFiles(now, dir);
    const v1 = await prisma.rubricVersion.findUniqueOrThrow({ where: { track_version: { track: "builder", version: 1 } } });
    await markRubricVersionUsed(v1.id, now);

    const edited = builderV1();
    edited.levels[2].impact = "A quietly rewritten impact statement.";
    fs.writeFileSync(path.join(dir, "builder/v1.yaml"), toYaml(edited));
    fs.writeFileSync(path.join(dir, "builder/v3.yaml"), toYaml({ ...builderV1(), version: 3 }));

    const attempt = syncRubricFiles(now, dir);
    await expect(attempt).rejects.toThrow(RubricPublishError);
    await expect(attempt).rejects.toThrow(
      "builder v1 is in use; rubrics/builder/v1.yaml has changed since it was published. Restore the file and publish the change as v4 (rubrics/builder/v4.yaml).",
    );
    const after = await prisma.rubricVersion.findMany({ orderBy: { version: "asc" } });
    expect(after.map((r) => r.version)).toEqual([1, 2]); // v3 was not published either
    expect(after[0]!.contentHash).toBe(v1.contentHash);
  });

  it("refuses to start when the file of a version in use is deleted", async () => {
    await reset();
    const dir = rubricsFolder({ "builder/v1.yaml": v1Text, "builder/v2.yaml": v2Text });
    await syncRubricFiles(now, dir);
    const v2 = await prisma.rubricVersion.findUniqueOrThrow({ where: { track_version: { track: "builder", version: 2 } } });
    await markRubricVersionUsed(v2.id, now);
    fs.rmSync(path.join(dir, "builder/v2.yaml"));
    await expect(syncRubricFiles(now, dir)).rejects.toThrow(/builder v2 is in use, but rubrics\/builder\/v2\.yaml is missing/);
  });

  it("refuses to start on an invalid rubric file, with the file and place in the message", async () => {
    await reset();
    const broken = builderV1();
    broken.levels[2].bars.product_sense = 2;
    const dir = rubricsFolder({ "builder/v1.yaml": toYaml(broken) });
    await expect(syncRubricFiles(now, dir)).rejects.toThrow(/builder\/v1\.yaml: levels\[2\]\.bars\.product_sense: must be >= the L5 bar \(3\)/);
    expect(await prisma.rubricVersion.count()).toBe(0);
  });
});
