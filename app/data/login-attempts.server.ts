import type { AttemptsToRead, LoginAttempt } from "~/domain/login-throttle";
import { prisma } from "./db.server";

// Stored sign-in attempts: what the throttle rule (domain/login-throttle) reads, and their pruning.

const fields = { email: true, address: true, succeeded: true, at: true } as const;

/** The attempts the throttle decision needs: the address's recent ones and the account's own (indexes on [address, at] and [email, at]). */
export async function attemptsForDecision(query: AttemptsToRead): Promise<LoginAttempt[]> {
  return prisma.loginAttempt.findMany({
    where: {
      OR: [
        { address: query.address, at: { gt: query.addressSince } },
        { email: query.email, at: { gt: query.accountSince } },
        { email: query.email, succeeded: true, at: { gt: query.accountSuccessesSince } },
      ],
    },
    select: fields,
  });
}

export async function recordLoginAttempt(attempt: LoginAttempt): Promise<void> {
  await prisma.loginAttempt.create({ data: attempt });
}

/** Forgets failures and successes older than their cutoffs (successes are kept longer: they mark known addresses). */
export async function pruneLoginAttempts(cutoffs: { failuresBefore: Date; successesBefore: Date }): Promise<number> {
  const { count } = await prisma.loginAttempt.deleteMany({
    where: {
      OR: [
        { succeeded: false, at: { lt: cutoffs.failuresBefore } },
        { succeeded: true, at: { lt: cutoffs.successesBefore } },
      ],
    },
  });
  return count;
}
