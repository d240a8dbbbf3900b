import type { LoginAttempt } from "~/domain/login-throttle";
import { prisma } from "./db.server";

/** The attempts from one address since `since`: what the throttle rule needs to decide. */
export async function recentAttemptsFrom(address: string, since: Date): Promise<LoginAttempt[]> {
  return prisma.loginAttempt.findMany({
    where: { address, at: { gt: since } },
    select: { email: true, address: true, succeeded: true, at: true },
  });
}

export async function recordLoginAttempt(attempt: LoginAttempt): Promise<void> {
  await prisma.loginAttempt.create({ data: attempt });
}

export async function deleteLoginAttemptsBefore(cutoff: Date): Promise<void> {
  await prisma.loginAttempt.deleteMany({ where: { at: { lt: cutoff } } });
}
