import { prisma } from "./db.server";

// Sessions are looked up by the SHA-256 of the cookie's id (see schema.prisma).

export async function createSession(idHash: string, userId: string, createdAt: Date, expiresAt: Date): Promise<void> {
  await prisma.session.create({ data: { idHash, userId, createdAt, expiresAt } });
}

export async function findSession(idHash: string): Promise<{ userId: string; expiresAt: Date } | null> {
  return prisma.session.findUnique({ where: { idHash }, select: { userId: true, expiresAt: true } });
}

export async function deleteSession(idHash: string): Promise<void> {
  await prisma.session.deleteMany({ where: { idHash } });
}

export async function deleteExpiredSessions(now: Date): Promise<number> {
  const { count } = await prisma.session.deleteMany({ where: { expiresAt: { lte: now } } });
  return count;
}
