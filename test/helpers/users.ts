import { randomUUID } from "node:crypto";
import { prisma } from "~/data/db.server";
import type { Role } from "~/domain/roles";
import { hashPassword } from "~/utils/password.server";
import { startSession } from "~/utils/session.server";
import { buildRequest } from "./route";

export const TEST_PASSWORD = "correct horse battery staple";

let passwordHash: Promise<string> | undefined;

export async function createUser(roles: Role[], overrides: { email?: string; name?: string } = {}) {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const email = overrides.email ?? `user-${randomUUID()}@test.example`;
  return prisma.user.create({
    data: {
      email,
      name: overrides.name ?? "Test User",
      password: { create: { hash: await passwordHash } },
      roles: { create: roles.map((role) => ({ role })) },
    },
  });
}

/** A Cookie header for a fresh session of `userId`. */
export async function sessionCookieFor(userId: string, now = new Date()): Promise<string> {
  const setCookie = await startSession(buildRequest({ url: "/login" }), userId, now);
  return setCookie.split(";")[0]!;
}
