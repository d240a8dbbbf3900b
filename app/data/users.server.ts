import { normaliseRoles, type Role } from "~/domain/roles";
import { normaliseEmail } from "~/domain/login-throttle";
import { prisma } from "./db.server";

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

/** The user and their password hash, for checking a sign-in; null when no such account. */
export async function findCredentials(email: string): Promise<{ user: UserSummary; hash: string } | null> {
  const user = await prisma.user.findUnique({
    where: { email: normaliseEmail(email) },
    include: { ...withRoles, password: true },
  });
  if (!user?.password) return null;
  return { user: toSummary(user), hash: user.password.hash };
}

export async function listUsers(): Promise<UserSummary[]> {
  const users = await prisma.user.findMany({ include: withRoles, orderBy: { name: "asc" } });
  return users.map(toSummary);
}

export async function setUserRoles(userId: string, roles: readonly Role[]): Promise<void> {
  await prisma.$transaction([
    prisma.userRole.deleteMany({ where: { userId } }),
    prisma.userRole.createMany({ data: roles.map((role) => ({ userId, role })) }),
  ]);
}

export async function countUsersByRole(): Promise<Partial<Record<Role, number>>> {
  const rows = await prisma.userRole.groupBy({ by: ["role"], _count: { _all: true } });
  return Object.fromEntries(rows.map((r) => [r.role, r._count._all]));
}

export async function countUsers(): Promise<number> {
  return prisma.user.count();
}
