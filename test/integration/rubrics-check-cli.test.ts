import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";

const check = (...args: string[]) =>
  spawnSync(process.execPath, ["--import", "tsx", "app/cli/rubrics-check.ts", ...args], { encoding: "utf8" });

describe("npm run rubrics:check", () => {
  it("passes on the shipped rubric files", () => {
    const result = check();
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain("4 rubric file(s) valid.");
  });

  it("fails on broken files with one precise line per problem", () => {
    const result = check("test/fixtures/broken-rubrics/rubrics");
    expect(result.status).toBe(1);
    const lines = result.stderr.trim().split("\n");
    expect(lines).toEqual(
      expect.arrayContaining([
        "test/fixtures/broken-rubrics/rubrics/syntax/v1.yaml: Flow sequence in block collection must be sufficiently indented and end with a ] at line 4, column 1",
        "test/fixtures/broken-rubrics/rubrics/tiny/v1.yaml: stages[0].criteria: each stage needs at least one criterion",
        "test/fixtures/broken-rubrics/rubrics/tiny/v1.yaml: bands.currency: must be an ISO 4217 code such as USD",
      ]),
    );
    expect(result.stderr).toContain("3 problems in 2 rubric file(s).");
  });
});
