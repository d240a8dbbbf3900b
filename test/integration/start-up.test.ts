// A start that cannot succeed ends with one line saying what to change, never a stack trace.
import { spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const ROOT = process.cwd();
const TSX = path.join(ROOT, "node_modules", "tsx", "dist", "loader.mjs");
const SECRET = "start-up-test-secret-0123456789abcdefgh";
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "builder-ladder-start-"));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

/** The environment without the variables these tests set, so nothing from the test run leaks in. */
function baseEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const name of ["NODE_ENV", "DEPLOYMENT", "HOST", "PORT", "DATABASE_URL", "SESSION_SECRET", "SESSION_TTL_HOURS", "TRUST_PROXY", "SEED_DEMO", "LOG_REQUESTS"]) delete env[name];
  return env;
}

/** Runs `node --import tsx <script>` in `cwd` and returns its exit code and output. */
function run(script: string, env: Record<string, string>, cwd = ROOT) {
  const result = spawnSync(process.execPath, ["--import", TSX, script], {
    cwd,
    env: { ...baseEnv(), TSX_TSCONFIG_PATH: path.join(ROOT, "tsconfig.json"), ...env },
    encoding: "utf8",
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const startServer = (env: Record<string, string>, cwd = ROOT) => run(path.join(ROOT, "server.ts"), env, cwd);

/** The start failed with exactly this one line on stderr, and no stack trace anywhere. */
function expectOneLine(result: ReturnType<typeof run>, line: RegExp) {
  expect(result.status, result.stderr).toBe(1);
  const lines = result.stderr.trim().split("\n");
  expect(lines, result.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(line);
  expect(result.stdout + result.stderr).not.toMatch(/^\s+at /m);
}

describe("a start that cannot succeed", () => {
  it("a bad PORT", () => {
    expectOneLine(startServer({ PORT: "abc" }), /^Invalid configuration: PORT must be a port number \(1–65535\)\. Every variable is described in \.env\.example\.$/);
  });

  it("a DATABASE_URL that is neither SQLite nor PostgreSQL, and PostgreSQL without a session secret", () => {
    expectOneLine(startServer({ DATABASE_URL: "mysql://x" }), /^Invalid configuration: DATABASE_URL must be a SQLite "file:" URL .* or a PostgreSQL "postgresql:\/\/" URL/);
    expectOneLine(startServer({ DATABASE_URL: "postgresql://x" }), /^Invalid configuration: SESSION_SECRET is required with a PostgreSQL DATABASE_URL/);
  });

  it("a database path through a file, with and without a session secret to generate", () => {
    const file = path.join(scratch, "a-file");
    fs.writeFileSync(file, "");
    const url = `file:${file}/builder-ladder.db`;
    expectOneLine(startServer({ DATABASE_URL: url }), new RegExp(`^DATABASE_URL: cannot keep the generated session secret .* in ${file}/\\.session-secret: a part of the path is a file, not a folder \\(ENOTDIR\\)\\.$`));
    expectOneLine(startServer({ DATABASE_URL: url, SESSION_SECRET: SECRET }), new RegExp(`^DATABASE_URL: cannot open the database ${file}/builder-ladder\\.db: a part of the path is a file, not a folder \\(ENOTDIR\\)\\.$`));
  });

  it("a database path that is a folder, or a file that is not a database", () => {
    const folder = path.join(scratch, "a-folder");
    fs.mkdirSync(folder);
    expectOneLine(startServer({ DATABASE_URL: `file:${folder}`, SESSION_SECRET: SECRET }), /: the path is a folder, not a file \(EISDIR\)\.$/);
    const notADatabase = path.join(scratch, "notes.db");
    fs.writeFileSync(notADatabase, "these are notes, not a database ".repeat(200));
    expectOneLine(startServer({ DATABASE_URL: `file:${notADatabase}`, SESSION_SECRET: SECRET }), /^DATABASE_URL: cannot open the database .*notes\.db: the file is not a SQLite database \(SQLITE_NOTADB\)\.$/);
  });

  it("a DEPLOYMENT=strict start without a session secret", () => {
    expectOneLine(startServer({ DEPLOYMENT: "strict" }), /^Invalid configuration: SESSION_SECRET is required when DEPLOYMENT=strict/);
  });
});

describe(".env", () => {
  it("is read before the configuration, and the environment wins over it", () => {
    const folder = path.join(scratch, `project-${randomUUID()}`);
    fs.mkdirSync(folder);
    fs.writeFileSync(path.join(folder, ".env"), "# a comment\nPORT=abc\nSESSION_TTL_HOURS=0\n");
    const fromFile = startServer({}, folder);
    expect(fromFile.stdout).toContain("Read settings from .env");
    expectOneLine(fromFile, /^Invalid configuration: PORT must be a port number \(1–65535\); SESSION_TTL_HOURS must be/);
    // PORT from the environment beats the file's; SESSION_TTL_HOURS still comes from the file.
    expectOneLine(startServer({ PORT: "3000" }, folder), /^Invalid configuration: SESSION_TTL_HOURS must be a whole number of hours/);
  });
});

describe("the end-to-end tests' helpers", () => {
  it("load no database client, so the test runner neither warns about nor writes a session secret", () => {
    const folder = path.join(scratch, `runner-${randomUUID()}`);
    const script = path.join(scratch, `import-fixtures-${randomUUID()}.mts`);
    fs.writeFileSync(script, `await import(${JSON.stringify(path.join(ROOT, "e2e", "fixtures.ts"))});\n`);
    const result = run(script, { DATABASE_URL: `file:${folder}/builder-ladder.db` });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout + result.stderr).toBe("");
    expect(fs.existsSync(folder)).toBe(false);
  });
});
