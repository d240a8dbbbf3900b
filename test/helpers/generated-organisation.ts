/**
 * The benchmark's organisation (test/bench/generate-org.ts) in this test file's own database
 * (test/setup/database.ts), whichever database the suite runs on.
 *
 * - SQLite: the generator recreates this file's database file in place, as the benchmark does.
 * - PostgreSQL (TEST_POSTGRES_URL): the generator only writes SQLite, and refuses to run in a
 *   process whose DATABASE_URL names another database; so it generates into a temporary SQLite
 *   file in a process of its own (its command line), and this file's PostgreSQL database is then
 *   recreated empty and filled from that file by the production copy (`npm run db:copy`,
 *   copySqliteToPostgres), which also migrates it. The temporary file is deleted afterwards.
 *
 * On PostgreSQL the recreated database lacks the template's `_test_row_changes` counter
 * (test/setup/postgres-template.ts): the copy refuses a target with tables not the app's, and it
 * stays out afterwards so the database is exactly what db:copy makes. Tests that use this helper
 * cannot use test/security/fingerprint.ts's "was anything written?".
 *
 * Whatever the process keeps in memory about the previous contents (the committee list's rows,
 * say) is the caller's to forget, as on SQLite.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { copySqliteToPostgres } from "~/data/database-copy.server";
import { databaseFilePath } from "~/data/database-file";
import { databaseKind } from "~/data/database-kind";
import { generateOrganisation, type GenerateOptions, type Manifest } from "../bench/generate-org";
import { runNode } from "../bench/processes";
import { adminQuery } from "../setup/postgres-admin";

/** What the generator takes, but the file: it is always this test file's database. */
export type OrganisationOptions = Omit<GenerateOptions, "databaseFile" | "manifestFile" | "log">;

/** True when this test file's database is PostgreSQL (the suite's TEST_POSTGRES_URL pass). */
export const onPostgres = (): boolean => databaseKind(process.env.DATABASE_URL!) === "postgresql";

/**
 * Replaces everything in this test file's database with the generated organisation and returns
 * the generator's manifest. Its `databaseFile` names where the organisation now is: the SQLite
 * file on SQLite; on PostgreSQL, this file's DATABASE_URL (the temporary file it was generated
 * into is gone).
 */
export async function generateInThisDatabase(options: OrganisationOptions): Promise<Manifest> {
  const databaseUrl = process.env.DATABASE_URL!;
  if (!onPostgres()) return generateOrganisation({ databaseFile: databaseFilePath(databaseUrl), ...options });

  const adminUrl = process.env.TEST_POSTGRES_URL;
  if (!adminUrl) throw new Error("DATABASE_URL is PostgreSQL but TEST_POSTGRES_URL is not set: no server to recreate the database on");
  const name = decodeURIComponent(new URL(databaseUrl).pathname.slice(1));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "builder-ladder-org-"));
  try {
    const databaseFile = path.join(dir, "org.db");
    const manifestFile = path.join(dir, "manifest.json");
    await generateInChildProcess({ ...options, databaseFile, manifestFile });
    const manifest = JSON.parse(fs.readFileSync(manifestFile, "utf8")) as Manifest;

    // The app's client holds connections to the database: close them, or DROP would end them under
    // it. Its next query opens a new pool (PrismaPg connects again after $disconnect).
    await globalThis.__prisma?.$disconnect();
    await adminQuery(adminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await adminQuery(adminUrl, `CREATE DATABASE "${name}"`);
    await copySqliteToPostgres({ from: databaseFile, to: databaseUrl });
    return { ...manifest, databaseFile: databaseUrl };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The generator's command line (test/bench/generate-org.ts) in a process of its own, as the
 * benchmark runs it (runNode: its output is in the error when it fails). The generator points
 * DATABASE_URL at its file itself before anything reads it.
 */
async function generateInChildProcess(options: GenerateOptions & { manifestFile: string }): Promise<void> {
  const args = ["--database", options.databaseFile, "--manifest", options.manifestFile];
  if (options.candidates !== undefined) args.push("--candidates", String(options.candidates));
  if (options.seed !== undefined) args.push("--seed", String(options.seed));
  if (options.now !== undefined) args.push("--now", options.now.toISOString());
  if (options.submitQueue !== undefined) args.push("--submit-queue", String(options.submitQueue));
  if (options.check) args.push("--check");
  await runNode(["--import", "tsx", "test/bench/generate-org.ts", ...args], {}, 120_000);
}
