/**
 * Vitest global setup: with TEST_POSTGRES_URL set, makes the template database once per run
 * (every migration applied), which each test file's database is then copied from (a copy is a
 * few milliseconds; migrating each would take a second). Without it, nothing to do.
 */
import { migratePostgres } from "~/data/migrate-postgres.server";
import { adminQuery, databaseUrlFor, TEMPLATE_DATABASE } from "./postgres-admin";

export default async function setup(): Promise<() => Promise<void>> {
  const adminUrl = process.env.TEST_POSTGRES_URL;
  if (!adminUrl) return async () => undefined;
  await adminQuery(adminUrl, `DROP DATABASE IF EXISTS "${TEMPLATE_DATABASE}" WITH (FORCE)`);
  await adminQuery(adminUrl, `CREATE DATABASE "${TEMPLATE_DATABASE}"`);
  await migratePostgres(databaseUrlFor(adminUrl, TEMPLATE_DATABASE));
  return async () => adminQuery(adminUrl, `DROP DATABASE IF EXISTS "${TEMPLATE_DATABASE}" WITH (FORCE)`);
}
