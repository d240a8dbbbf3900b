import { normaliseRoles } from "~/domain/roles";
import type { UserSummary } from "./users.server";
import { recordChange, type AuditActor } from "./audit.server";
import { prisma } from "./db.server";
import { Prisma } from "~/generated/prisma/client";
import { booleanColumn, commaList, integerColumn } from "./sql-dialect";

// Sessions are looked up by the SHA-256 of the cookie's id (see schema.prisma).

/** A signed-in user as every request sees them: who, with which roles, and whether their password must be replaced. */
export type SessionUser = UserSummary & { mustChangePassword: boolean };

/** The user of a session as every page's header needs them: with their unread notifications. */
export type SessionHolder = SessionUser & { unreadNotifications: number };

/**
 * Stores a session. `signIn` when it is a sign-in (not the new session of a password change, nor
 * a test's): the audit entry is written with the session, in one transaction.
 */
export async function createSession(idHash: string, userId: string, createdAt: Date, expiresAt: Date, signIn?: AuditActor): Promise<void> {
  if (!signIn) {
    await prisma.session.create({ data: { idHash, userId, createdAt, expiresAt } });
    return;
  }
  await prisma.$transaction(async (tx) => {
    await tx.session.create({ data: { idHash, userId, createdAt, expiresAt } });
    await recordChange(tx, signIn, { action: "account.sign_in", recordType: "account", recordId: userId, subjectUserId: userId }, createdAt);
  });
}

/**
 * The session and its user with their roles and unread notifications (the header's count), in one
 * statement: it runs on every request, where the ORM's queries cost more than the page's own
 * reads. A deactivated account's session is no session (deactivation deletes them too; this also
 * shuts one that raced it).
 */
export async function findSessionUser(idHash: string): Promise<{ expiresAt: Date; user: SessionHolder } | null> {
  const rows = await prisma.$queryRaw<
    Array<{
      userId: string;
      expiresAt: Date | string;
      email: string;
      name: string;
      roles: string | null;
      mustChange: number | bigint | boolean | null;
      unread: number | bigint;
    }>
  >`
    SELECT s."userId", s."expiresAt", u."email", u."name", p."mustChange",
      (SELECT ${commaList(Prisma.sql`r."role"`)} FROM "UserRole" r WHERE r."userId" = u."id") AS "roles",
      (SELECT COUNT(*) FROM "Notification" n WHERE n."recipientId" = u."id" AND n."readAt" IS NULL) AS "unread"
    FROM "Session" s JOIN "User" u ON u."id" = s."userId" LEFT JOIN "Password" p ON p."userId" = u."id"
    WHERE s."idHash" = ${idHash} AND u."deactivatedAt" IS NULL`;
  const row = rows[0];
  if (!row) return null;
  return {
    expiresAt: new Date(row.expiresAt),
    user: {
      id: row.userId,
      email: row.email,
      name: row.name,
      roles: normaliseRoles(row.roles ? row.roles.split(",") : []),
      mustChangePassword: booleanColumn(row.mustChange),
      unreadNotifications: integerColumn(row.unread),
    },
  };
}

/**
 * Deletes a session. `signOut` when its user signs out: the audit entry is written with the
 * deletion, and only when a session of that user was there to end (an expired or stale cookie's
 * clean-up is no sign-out).
 */
export async function deleteSession(idHash: string, signOut?: { actor: AuditActor; now: Date }): Promise<void> {
  if (!signOut) {
    await prisma.session.deleteMany({ where: { idHash } });
    return;
  }
  await prisma.$transaction(async (tx) => {
    const session = await tx.session.findUnique({ where: { idHash }, select: { userId: true } });
    const { count } = await tx.session.deleteMany({ where: { idHash } });
    if (count === 0 || !session || session.userId !== signOut.actor.userId) return;
    await recordChange(tx, signOut.actor, { action: "account.sign_out", recordType: "account", recordId: session.userId, subjectUserId: session.userId }, signOut.now);
  });
}

/** Ends every session of a user (sign out everywhere), with its audit entry. */
export async function deleteSessionsOfUser(userId: string, actor: AuditActor, now: Date): Promise<number> {
  return prisma.$transaction(async (tx) => {
    const { count } = await tx.session.deleteMany({ where: { userId } });
    await recordChange(tx, actor, { action: "account.sign_out_everywhere", recordType: "account", recordId: userId, subjectUserId: userId, detail: { sessionsEnded: count } }, now);
    return count;
  });
}

/** How many unexpired sessions a user has: the browsers and devices they are signed in on. */
export async function countActiveSessions(userId: string, now: Date): Promise<number> {
  return prisma.session.count({ where: { userId, expiresAt: { gt: now } } });
}

export async function deleteExpiredSessions(now: Date): Promise<number> {
  const { count } = await prisma.session.deleteMany({ where: { expiresAt: { lte: now } } });
  return count;
}
