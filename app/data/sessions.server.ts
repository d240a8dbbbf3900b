import { normaliseRoles } from "~/domain/roles";
import type { UserSummary } from "./users.server";
import { prisma } from "./db.server";

// Sessions are looked up by the SHA-256 of the cookie's id (see schema.prisma).

/** A signed-in user as every request sees them: who, with which roles, and whether their password must be replaced. */
export type SessionUser = UserSummary & { mustChangePassword: boolean };

export async function createSession(idHash: string, userId: string, createdAt: Date, expiresAt: Date): Promise<void> {
  await prisma.session.create({ data: { idHash, userId, createdAt, expiresAt } });
}

/**
 * The session and its user with their roles, in one statement: it runs on every request, where
 * three ORM queries cost more than the page's own reads.
 */
export async function findSessionUser(idHash: string): Promise<{ expiresAt: Date; user: SessionUser } | null> {
  const rows = await prisma.$queryRaw<
    Array<{ userId: string; expiresAt: Date | string; email: string; name: string; roles: string | null; mustChange: number | bigint | boolean | null }>
  >`
    SELECT s."userId", s."expiresAt", u."email", u."name", p."mustChange",
      (SELECT GROUP_CONCAT(r."role") FROM "UserRole" r WHERE r."userId" = u."id") AS "roles"
    FROM "Session" s JOIN "User" u ON u."id" = s."userId" LEFT JOIN "Password" p ON p."userId" = u."id"
    WHERE s."idHash" = ${idHash}`;
  const row = rows[0];
  if (!row) return null;
  return {
    expiresAt: new Date(row.expiresAt),
    user: {
      id: row.userId,
      email: row.email,
      name: row.name,
      roles: normaliseRoles(row.roles ? row.roles.split(",") : []),
      mustChangePassword: Number(row.mustChange ?? 0) === 1,
    },
  };
}

export async function deleteSession(idHash: string): Promise<void> {
  await prisma.session.deleteMany({ where: { idHash } });
}

/** Ends every session of a user (sign out everywhere). */
export async function deleteSessionsOfUser(userId: string): Promise<number> {
  const { count } = await prisma.session.deleteMany({ where: { userId } });
  return count;
}

/** How many unexpired sessions a user has: the browsers and devices they are signed in on. */
export async function countActiveSessions(userId: string, now: Date): Promise<number> {
  return prisma.session.count({ where: { userId, expiresAt: { gt: now } } });
}

export async function deleteExpiredSessions(now: Date): Promise<number> {
  const { count } = await prisma.session.deleteMany({ where: { expiresAt: { lte: now } } });
  return count;
}
