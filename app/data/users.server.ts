import { normaliseRoles, type Role } from "~/domain/roles";
import { normaliseEmail } from "~/domain/login-throttle";
import { recordChange, type AuditActor } from "./audit.server";
import { prisma } from "./db.server";
import { commaList } from "./sql-dialect";
import { Prisma } from "~/generated/prisma/client";
import type { SessionUser } from "./sessions.server";

export type UserSummary = { id: string; email: string; name: string; roles: Role[] };

const withRoles = { roles: { select: { role: true } } } as const;

function toSummary(user: { id: string; email: string; name: string; roles: { role: string }[] }): UserSummary {
  return { id: user.id, email: user.email, name: user.name, roles: normaliseRoles(user.roles.map((r) => r.role)) };
}

export async function findUserById(id: string): Promise<UserSummary | null> {
  const user = await prisma.user.findUnique({ where: { id }, include: withRoles });
  return user ? toSummary(user) : null;
}

export async function findUserByEmail(email: string): Promise<UserSummary | null> {
  const user = await prisma.user.findUnique({ where: { email: normaliseEmail(email) }, include: withRoles });
  return user ? toSummary(user) : null;
}

/**
 * The user, their password hash and whether it must be replaced, for checking a password; null when
 * no such account or a deactivated one (refused like a wrong password). One statement whether or
 * not the account exists, so that both answers cost the same (the ORM's include ran three
 * statements for an account and one for a stranger).
 */
export async function findCredentials(email: string): Promise<{ user: SessionUser; hash: string } | null> {
  const rows = await prisma.$queryRaw<
    Array<{ id: string; email: string; name: string; hash: string; mustChange: number | bigint | boolean; roles: string | null }>
  >`
    SELECT u."id", u."email", u."name", p."hash", p."mustChange",
      (SELECT ${commaList(Prisma.sql`r."role"`)} FROM "UserRole" r WHERE r."userId" = u."id") AS "roles"
    FROM "User" u JOIN "Password" p ON p."userId" = u."id"
    WHERE u."email" = ${normaliseEmail(email)} AND u."deactivatedAt" IS NULL`;
  const row = rows[0];
  if (!row) return null;
  return {
    user: {
      id: row.id,
      email: row.email,
      name: row.name,
      roles: normaliseRoles(row.roles ? row.roles.split(",") : []),
      mustChangePassword: Number(row.mustChange) === 1,
    },
    hash: row.hash,
  };
}

/** Stores a new hash of the same password (rehashed with today's parameters); whether it must change stays as it was. */
export async function updatePasswordHash(userId: string, hash: string): Promise<void> {
  await prisma.password.update({ where: { userId }, data: { hash } });
}

/**
 * Replaces a user's password (chosen by the user: no longer one they must change) and ends every
 * session they have, in one transaction with its audit entry. The caller starts the new session for this browser.
 */
export async function replacePasswordAndEndSessions(userId: string, hash: string, actor: AuditActor, now: Date): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const { mustChange } = await tx.password.findUniqueOrThrow({ where: { userId }, select: { mustChange: true } });
    await tx.password.update({ where: { userId }, data: { hash, mustChange: false } });
    const { count } = await tx.session.deleteMany({ where: { userId } });
    const detail = { replacedTemporary: mustChange, sessionsEnded: count };
    await recordChange(tx, actor, { action: "account.password_change", recordType: "account", recordId: userId, subjectUserId: userId, detail }, now);
  });
}

/** Replaces a user's roles, recording the roles before and after. */
export async function setUserRoles(userId: string, roles: readonly Role[], actor: AuditActor, now: Date): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const before = normaliseRoles((await tx.userRole.findMany({ where: { userId }, select: { role: true } })).map((r) => r.role));
    await tx.userRole.deleteMany({ where: { userId } });
    await tx.userRole.createMany({ data: roles.map((role) => ({ userId, role })) });
    await recordChange(tx, actor, { action: "user.roles_change", recordType: "user", recordId: userId, subjectUserId: userId, detail: { before, after: normaliseRoles([...roles]) } }, now);
  });
}

export async function countUsersByRole(): Promise<Partial<Record<Role, number>>> {
  const rows = await prisma.userRole.groupBy({ by: ["role"], _count: { _all: true } });
  return Object.fromEntries(rows.map((r) => [r.role, r._count._all]));
}

export async function countUsers(): Promise<number> {
  return prisma.user.count();
}
