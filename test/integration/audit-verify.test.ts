/**
 * The audit trail on a real database: entries written through recordChange and recordRead
 * verify; the triggers refuse deleting an entry and any update but erasure's; someone who drops
 * the triggers (anyone holding the file can) and edits an entry is caught by the chain, through
 * verifyAuditTrail and through `npm run audit:verify`.
 */
import { spawnSync } from "node:child_process";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/data/db.server";
import { withoutAppendOnlyTriggers } from "../helpers/audit-triggers";
import { recordChange, recordRead, redactAuditAbout, SYSTEM_ACTOR, verifyAuditTrail, type AuditActor } from "~/data/audit.server";
import { createUser } from "../helpers/users";

const ROOT = path.resolve(".");

function verifyCli() {
  const env: Record<string, string | undefined> = { ...process.env, TSX_TSCONFIG_PATH: path.join(ROOT, "tsconfig.json") };
  for (const name of ["NODE_ENV"]) delete env[name];
  const result = spawnSync(process.execPath, ["--import", "tsx", "app/cli/audit-verify.ts"], { cwd: ROOT, env: env as NodeJS.ProcessEnv, encoding: "utf8", timeout: 60_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

let alice: AuditActor;
let bob: AuditActor;
const at = (minute: number) => new Date(Date.UTC(2026, 10, 30, 9, minute));

const withoutTriggers = withoutAppendOnlyTriggers;

beforeAll(async () => {
  const a = await createUser(["recruiter"], { name: "Alice Auditor" });
  const b = await createUser(["admin"], { name: "Bob Builder" });
  alice = { userId: a.id, address: "203.0.113.7" };
  bob = { userId: b.id, address: "198.51.100.2" };
  // Changes inside their own transactions, reads after; a candidate's entry with a reason.
  await prisma.$transaction(async (tx) => {
    await recordChange(tx, alice, { action: "candidate.create", recordType: "candidate", recordId: "cand-1", candidateId: "cand-1", detail: { fields: ["name", "email"] } }, at(1));
  });
  await prisma.$transaction(async (tx) => {
    await recordChange(tx, alice, { action: "candidate.update", recordType: "candidate", recordId: "cand-1", candidateId: "cand-1", reason: "Fixed a typo in the email", detail: { fields: ["email"] } }, at(2));
    await recordChange(tx, alice, { action: "loop.create", recordType: "loop", recordId: "loop-1", candidateId: "cand-1" }, at(2));
  });
  await recordRead(bob, [{ action: "builder.read", recordType: "builder", recordId: a.id, subjectUserId: a.id }, { action: "packet.read", recordType: "packet", recordId: "packet-1", subjectUserId: a.id }], at(3));
  await recordRead(SYSTEM_ACTOR, { action: "candidate.read", recordType: "candidate", recordId: "cand-2", candidateId: "cand-2", reason: "Scheduled retention check" }, at(4));
  await recordRead(alice, [], at(5));
});

describe("entries written through the data layer", () => {
  it("form a chain that verifies, numbered from 1 in the order written", async () => {
    const rows = await prisma.auditEntry.findMany({ orderBy: { seq: "asc" } });
    expect(rows.map((r) => [r.seq, r.kind, r.action, r.actorId, r.address])).toEqual([
      [1, "change", "candidate.create", alice.userId, "203.0.113.7"],
      [2, "change", "candidate.update", alice.userId, "203.0.113.7"],
      [3, "change", "loop.create", alice.userId, "203.0.113.7"],
      [4, "read", "builder.read", bob.userId, "198.51.100.2"],
      [5, "read", "packet.read", bob.userId, "198.51.100.2"],
      [6, "read", "candidate.read", null, null],
    ]);
    expect(rows[1]!.detail).toBe('{"fields":["email"]}');
    expect(await verifyAuditTrail()).toEqual({ entries: 6, head: { seq: 6, hash: rows[5]!.hash }, broken: null });
    // Read a page at a time, the pages join up.
    expect(await verifyAuditTrail(2)).toEqual({ entries: 6, head: { seq: 6, hash: rows[5]!.hash }, broken: null });
  });

  it("a change whose transaction fails leaves no entry", async () => {
    await expect(
      prisma.$transaction(async (tx) => {
        await recordChange(tx, alice, { action: "candidate.update", recordType: "candidate", recordId: "cand-1" }, at(6));
        throw new Error("the change itself failed");
      }),
    ).rejects.toThrow("the change itself failed");
    expect(await prisma.auditEntry.count()).toBe(6);
  });
});

describe("the append-only triggers", () => {
  it("refuse deleting an entry", async () => {
    await expect(prisma.$executeRawUnsafe(`DELETE FROM "AuditEntry" WHERE "seq" = 2`)).rejects.toThrow(/never deleted/);
    await expect(prisma.auditEntry.deleteMany({})).rejects.toThrow(/never deleted/);
    expect(await prisma.auditEntry.count()).toBe(6);
  });

  it.each([
    ["the action", `UPDATE "AuditEntry" SET "action" = 'candidate.read' WHERE "seq" = 2`],
    ["the actor", `UPDATE "AuditEntry" SET "actorId" = NULL WHERE "seq" = 2`],
    ["the time", `UPDATE "AuditEntry" SET "at" = CURRENT_TIMESTAMP WHERE "seq" = 2`],
    ["the address", `UPDATE "AuditEntry" SET "address" = '192.0.2.1' WHERE "seq" = 2`],
    ["the reason, to other text", `UPDATE "AuditEntry" SET "reason" = 'Nothing to see', "redactedAt" = CURRENT_TIMESTAMP WHERE "seq" = 2`],
    ["the reason, cleared without saying it was erased", `UPDATE "AuditEntry" SET "reason" = NULL WHERE "seq" = 2`],
    ["the hash", `UPDATE "AuditEntry" SET "hash" = 'x' WHERE "seq" = 2`],
    ["the seq", `UPDATE "AuditEntry" SET "seq" = 99 WHERE "seq" = 2`],
  ])("refuse changing %s", async (_what, sql) => {
    const before = await prisma.auditEntry.findUniqueOrThrow({ where: { seq: 2 } });
    await expect(prisma.$executeRawUnsafe(sql)).rejects.toThrow(/append-only/);
    expect(await prisma.auditEntry.findUniqueOrThrow({ where: { seq: 2 } })).toEqual(before);
  });

  it("allow erasure: clearing a candidate's entries' text and stamping them, and the chain still verifies", async () => {
    const erased = await prisma.$transaction((tx) => redactAuditAbout(tx, "cand-2", at(10)));
    expect(erased).toBe(1);
    const row = await prisma.auditEntry.findUniqueOrThrow({ where: { seq: 6 } });
    expect([row.reason, row.detail, row.redactedAt]).toEqual([null, null, at(10)]);
    expect((await verifyAuditTrail()).broken).toBeNull();
    // An erased entry stays erased.
    await expect(prisma.$executeRawUnsafe(`UPDATE "AuditEntry" SET "redactedAt" = NULL WHERE "seq" = 6`)).rejects.toThrow(/append-only/);
    await expect(prisma.$executeRawUnsafe(`UPDATE "AuditEntry" SET "reason" = 'back' WHERE "seq" = 6`)).rejects.toThrow(/append-only/);
  });
});

describe("an attacker who drops the triggers", () => {
  it.each([
    ["its action", 3, "action", "'candidate.read'", "'loop.create'", "hash differs"],
    ["its reason", 2, "reason", "'Nothing to see'", "'Fixed a typo in the email'", "personalHash differs"],
    ["its actor", 4, "actorId", "NULL", null, "hash differs"],
  ])("and edits one entry's %s is caught at that entry", async (_what, seq, column, forged, original, problem) => {
    const before = await prisma.auditEntry.findUniqueOrThrow({ where: { seq } });
    const restore = original ?? `'${(before as Record<string, unknown>)[column] as string}'`;
    await withoutTriggers(async () => {
      await prisma.$executeRawUnsafe(`UPDATE "AuditEntry" SET "${column}" = ${forged} WHERE "seq" = ${seq}`);
      try {
        const result = await verifyAuditTrail();
        expect(result.broken).toEqual({ seq, problem: expect.stringContaining(problem) });
        expect(result.entries).toBe(seq - 1);
      } finally {
        await prisma.$executeRawUnsafe(`UPDATE "AuditEntry" SET "${column}" = ${restore} WHERE "seq" = ${seq}`);
      }
    });
    expect(await prisma.auditEntry.findUniqueOrThrow({ where: { seq } })).toEqual(before);
    expect((await verifyAuditTrail()).broken).toBeNull();
  });

  it("and deletes an entry is caught at the entry after it", async () => {
    const removed = await prisma.auditEntry.findUniqueOrThrow({ where: { seq: 4 } });
    await withoutTriggers(async () => {
      await prisma.auditEntry.delete({ where: { seq: 4 } });
      try {
        expect(await verifyAuditTrail()).toMatchObject({ entries: 3, broken: { seq: 5, problem: "entry 4 is missing (the next one is 5)" } });
      } finally {
        await prisma.auditEntry.create({ data: removed });
      }
    });
    expect((await verifyAuditTrail()).broken).toBeNull();
  });
});

describe("npm run audit:verify", () => {
  it("exits 0 on a good chain, printing the count and the head", async () => {
    const head = await prisma.auditEntry.findFirstOrThrow({ orderBy: { seq: "desc" } });
    const result = verifyCli();
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout.trim()).toBe(`Audit trail verified: 6 entries, head 6 ${head.hash}.`);
  });

  it("exits 1 naming the broken entry", async () => {
    await withoutTriggers(async () => {
      await prisma.$executeRawUnsafe(`UPDATE "AuditEntry" SET "action" = 'candidate.read' WHERE "seq" = 3`);
      try {
        const result = verifyCli();
        expect(result.status, result.stdout).toBe(1);
        expect(result.stderr.trim()).toBe("Audit trail BROKEN at entry 3: its facts were changed (hash differs). 2 entries before it verify.");
      } finally {
        await prisma.$executeRawUnsafe(`UPDATE "AuditEntry" SET "action" = 'loop.create' WHERE "seq" = 3`);
      }
    });
    expect(verifyCli().status).toBe(0);
  });
});
