import { normaliseRoles } from "~/domain/roles";
import type { UserSummary } from "./users.server";
import { prisma } from "./db.server";

// Sessions are looked up by the SHA-256 of the cookie's id (see schema.prisma).

export async function createSession(idHash: string, userId: string, createdAt: Date, expiresAt: Date): Promise<void> {
  await prisma.session.create({ data: { idHash, userId, createdAt, expiresAt } });
}

/**
 * The session and its user with their roles, in one statement: it runs on every request, where
 * three ORM queries cost more than the page's own reads.
 */
export async function findSessionUser(idHash: string): Promise<{ expiresAt: Date; user: UserSummary } | null> {
  const rows = await prisma.$queryRaw<Array<{ userId: string; expiresAt: Date | string; email: string; name: string; roles: string | null }>>`
    SELECT s."userId", s."expiresAt", u."email", u."name",
      (SELECT GROUP_CONCAT(r."role") FROM "UserRole" r WHERE r."userId" = u."id") AS "roles"
    FROM "Session" s JOIN "User" u ON u."id" = s."userId"
    WHERE s."idHash" = ${idHash}`;
  const row = rows[0];
  if (!row) return null;
  return {
    expiresAt: new Date(row.expiresAt),
    user: { id: row.userId, email: row.email, name: row.name, roles: normaliseRoles(row.roles ? row.roles.split(",") : []) },
  };
}

export async function deleteSession(idHash: string): Promise<void> {
  await prisma.session.deleteMany({ where: { idHash } });
}

export async function deleteExpiredSessions(now: Date): Promise<number> {
  const { count } = await prisma.session.deleteMany({ where: { expiresAt: { lte: now } } });
  return count;
}
