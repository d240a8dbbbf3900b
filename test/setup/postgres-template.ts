/**
 * Vitest global setup: with TEST_POSTGRES_URL set, makes the template database once per run
 * (every migration applied), which each test file's database is then copied from (a copy is a
 * few milliseconds; migrating each would take a second). Without it, nothing to do.
 */
import { migratePostgres } from "~/data/migrate-postgres.server";
import { randomUUID } from "node:crypto";
import type { TestProject } from "vitest/node";
import { adminQuery, databaseUrlFor } from "./postgres-admin";

declare module "vitest" {
  export interface ProvidedContext {
    /** The template database of this run (its own name, so two runs on one server never meet). */
    postgresTemplate: string;
  }
}

/**
 * For the tests' "was anything written?" (test/security/fingerprint.ts): every row inserted,
 * updated or deleted in any table, counted in one row; what SQLite's total_changes() tells there.
 */
const ROW_CHANGE_COUNTER = `
CREATE TABLE "_test_row_changes" ("n" BIGINT NOT NULL);
INSERT INTO "_test_row_changes" VALUES (0);
CREATE FUNCTION "_test_count_row_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "_test_row_changes" SET "n" = "n" + 1;
  RETURN NULL;
END;
$$;
DO $$
DECLARE t text;
BEGIN
  FOR t IN SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '_test_row_changes' LOOP
    EXECUTE format('CREATE TRIGGER "_test_count" AFTER INSERT OR UPDATE OR DELETE ON %I FOR EACH ROW EXECUTE FUNCTION "_test_count_row_change"()', t);
  END LOOP;
END;
$$;`;

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const adminUrl = process.env.TEST_POSTGRES_URL;
  if (!adminUrl) return async () => undefined;
  const TEMPLATE_DATABASE = `bl_template_${randomUUID().replace(/-/g, "")}`;
  project.provide("postgresTemplate", TEMPLATE_DATABASE);
  await adminQuery(adminUrl, `CREATE DATABASE "${TEMPLATE_DATABASE}"`);
  await migratePostgres(databaseUrlFor(adminUrl, TEMPLATE_DATABASE));
  await adminQuery(databaseUrlFor(adminUrl, TEMPLATE_DATABASE), ROW_CHANGE_COUNTER);
  return async () => adminQuery(adminUrl, `DROP DATABASE IF EXISTS "${TEMPLATE_DATABASE}" WITH (FORCE)`);
}
