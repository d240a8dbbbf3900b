import type { ResetRequest } from "~/domain/accounts";
import { prisma } from "./db.server";

/**
 * Requests for a reset link, as the reset throttle (domain/accounts: decideResetRequest) reads them.
 * They share the LoginAttempt table with sign-in attempts, under the key `password-reset:<email>`
 * and `succeeded: true`: the sign-in throttle counts only failures and only rows of a real email
 * (which never contains a colon), so it never sees them; its pruning (pruneLoginAttempts) clears
 * them too. Recorded for every address typed, whether or not it is an account's.
 */
const KEY_PREFIX = "password-reset:";
const keyOf = (email: string) => `${KEY_PREFIX}${email}`;

/** Requests since `since` for this email (from anywhere) and from this address (for any email). */
export async function resetRequestsFor(email: string, address: string, since: Date): Promise<ResetRequest[]> {
  const rows = await prisma.loginAttempt.findMany({
    where: {
      OR: [
        { email: keyOf(email), at: { gt: since } },
        { address, email: { startsWith: KEY_PREFIX }, at: { gt: since } },
      ],
    },
    select: { email: true, address: true, at: true },
  });
  return rows.map((r) => ({ email: r.email.slice(KEY_PREFIX.length), address: r.address, at: r.at }));
}

export async function recordResetRequest(request: ResetRequest): Promise<void> {
  await prisma.loginAttempt.create({ data: { email: keyOf(request.email), address: request.address, succeeded: true, at: request.at } });
}
