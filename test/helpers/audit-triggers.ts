/**
 * The audit trail's triggers, switched in tests the way an attacker or a failing disk would, on
 * either database (SQLite's triggers hold their own statements; PostgreSQL's call a function).
 */
import { prisma } from "~/data/db.server";

const onPostgres = () => Boolean(process.env.TEST_POSTGRES_URL);
const BLOCK = "audit_test_every_insert_fails";

/** From now on every insert into the audit trail fails, until `unblockAuditInserts`. */
export async function blockAuditInserts(): Promise<void> {
  if (onPostgres()) {
    await prisma.$executeRawUnsafe(
      `CREATE OR REPLACE FUNCTION "${BLOCK}"() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'audit writes are failing'; END; $$`,
    );
    await prisma.$executeRawUnsafe(`CREATE TRIGGER "${BLOCK}" BEFORE INSERT ON "AuditEntry" FOR EACH ROW EXECUTE FUNCTION "${BLOCK}"()`);
  } else {
    await prisma.$executeRawUnsafe(`CREATE TRIGGER "${BLOCK}" BEFORE INSERT ON "AuditEntry" BEGIN SELECT RAISE(ABORT, 'audit writes are failing'); END`);
  }
}

export async function unblockAuditInserts(): Promise<void> {
  await prisma.$executeRawUnsafe(onPostgres() ? `DROP TRIGGER IF EXISTS "${BLOCK}" ON "AuditEntry"` : `DROP TRIGGER IF EXISTS "${BLOCK}"`);
}

/** Runs `work` with the append-only triggers off, as an attacker with the database would, then puts them back. */
export async function withoutAppendOnlyTriggers(work: () => Promise<void>): Promise<void> {
  if (onPostgres()) {
    await prisma.$executeRawUnsafe(`ALTER TABLE "AuditEntry" DISABLE TRIGGER "AuditEntry_append_only_delete"`);
    await prisma.$executeRawUnsafe(`ALTER TABLE "AuditEntry" DISABLE TRIGGER "AuditEntry_append_only_update"`);
    try {
      await work();
    } finally {
      await prisma.$executeRawUnsafe(`ALTER TABLE "AuditEntry" ENABLE TRIGGER "AuditEntry_append_only_delete"`);
      await prisma.$executeRawUnsafe(`ALTER TABLE "AuditEntry" ENABLE TRIGGER "AuditEntry_append_only_update"`);
    }
    return;
  }
  const triggers = await prisma.$queryRawUnsafe<Array<{ sql: string }>>("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'AuditEntry'");
  if (triggers.length !== 2) throw new Error(`Expected the audit trail's two triggers, found ${triggers.length}`);
  await prisma.$executeRawUnsafe('DROP TRIGGER "AuditEntry_append_only_delete"');
  await prisma.$executeRawUnsafe('DROP TRIGGER "AuditEntry_append_only_update"');
  try {
    await work();
  } finally {
    for (const { sql } of triggers) await prisma.$executeRawUnsafe(sql);
  }
}
