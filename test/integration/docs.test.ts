// The README and the rubric files point only at what the repository holds: a newcomer with a clone can follow every path.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const TRACKED_ROOTS = ["app/", "test/", "e2e/", "prisma/", "rubrics/", ".ci/", "public/"];
const ROOT_FILES = ["server.ts", "package.json", "vite.config.ts", "vitest.config.ts", "playwright.config.ts", "tsconfig.json", ".env.example"];

/** Every text file of the project's own (no dependencies, builds, databases or generated code). */
function projectFiles(dir = "."): string[] {
  const skip = new Set(["node_modules", ".git", "build", "data", "test-results", "playwright-report", "bench-results", "generated"]);
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return skip.has(entry.name) ? [] : projectFiles(full);
    return /\.(ts|tsx|md|ya?ml|json|css|sh|toml)$|^\.env\.example$|^run$/.test(entry.name) ? [full] : [];
  });
}

describe("paths in the documentation", () => {
  it("every file or folder of the repository the README names exists", () => {
    const readme = fs.readFileSync("README.md", "utf8");
    const named = [...readme.matchAll(/`([^`\s]+)`/g)]
      .map((m) => m[1]!.replace(/[:#].*$/, ""))
      .filter((p) => (TRACKED_ROOTS.some((root) => p.startsWith(root)) || ROOT_FILES.includes(p)) && !/[<*…]/.test(p));
    expect(named.length).toBeGreaterThan(30);
    expect(named.filter((p) => !fs.existsSync(p))).toEqual([]);
  });

  it("the rubric files cite their source documents inside the repository", () => {
    const cited = fs
      .readdirSync("rubrics", { recursive: true, encoding: "utf8" })
      .filter((f) => /\.ya?ml$/.test(f))
      .flatMap((f) => [...fs.readFileSync(path.join("rubrics", f), "utf8").matchAll(/\((rubrics\/reference\/[^)\s]+\.md)\)/g)].map((m) => m[1]!));
    expect(new Set(cited)).toEqual(new Set(["rubrics/reference/builder-role.md", "rubrics/reference/product-builder-principles.md"]));
    for (const file of cited) expect(fs.statSync(file).size, file).toBeGreaterThan(1000);
  });

  it("nothing points at a folder of shared documents outside the repository", () => {
    const outside = new RegExp(`\\b${"shared"}/`);
    const offenders = projectFiles().filter((file) => outside.test(fs.readFileSync(file, "utf8")));
    expect(offenders).toEqual([]);
  });
});
