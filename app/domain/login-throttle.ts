/**
 * Failed sign-ins are limited per account-and-address pair (stops guessing one password from
 * one place without letting anyone lock a colleague out from elsewhere) and per address
 * (stops one place spraying many accounts).
 */
export type ThrottlePolicy = {
  windowMs: number;
  maxFailuresPerAccountAndAddress: number;
  maxFailuresPerAddress: number;
};

export const LOGIN_THROTTLE: ThrottlePolicy = {
  windowMs: 15 * 60 * 1000,
  maxFailuresPerAccountAndAddress: 10,
  maxFailuresPerAddress: 50,
};

export type LoginAttempt = {
  email: string;
  address: string;
  succeeded: boolean;
  at: Date;
};

export type ThrottleDecision = { allowed: true } | { allowed: false; retryAt: Date };

/**
 * Decide whether a new attempt for `email` from `address` may be checked at all.
 * A success clears the pair's earlier failures; only failures inside the window count.
 * `attempts` may include any attempts; the function filters what it needs.
 */
export function decideLoginAttempt(
  attempts: readonly LoginAttempt[],
  email: string,
  address: string,
  now: Date,
  policy: ThrottlePolicy = LOGIN_THROTTLE,
): ThrottleDecision {
  const windowStart = now.getTime() - policy.windowMs;
  const recent = attempts.filter((a) => a.address === address && a.at.getTime() > windowStart);
  const account = normaliseEmail(email);

  const pair = recent.filter((a) => normaliseEmail(a.email) === account);
  const lastPairSuccess = Math.max(
    -Infinity,
    ...pair.filter((a) => a.succeeded).map((a) => a.at.getTime()),
  );
  const pairFailures = pair.filter((a) => !a.succeeded && a.at.getTime() > lastPairSuccess);
  const addressFailures = recent.filter((a) => !a.succeeded);

  const blockers = [
    blockedUntil(pairFailures, policy.maxFailuresPerAccountAndAddress, policy.windowMs),
    blockedUntil(addressFailures, policy.maxFailuresPerAddress, policy.windowMs),
  ].filter((d): d is Date => d !== null);

  if (blockers.length === 0) return { allowed: true };
  return { allowed: false, retryAt: new Date(Math.max(...blockers.map((d) => d.getTime()))) };
}

/** With `max` or more failures in the window, blocked until enough of them age out. */
function blockedUntil(failures: readonly LoginAttempt[], max: number, windowMs: number): Date | null {
  if (failures.length < max) return null;
  const times = failures.map((f) => f.at.getTime()).sort((a, b) => b - a);
  // The attempt that must leave the window before the count drops below `max`.
  const pivot = times[max - 1]!;
  return new Date(pivot + windowMs);
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}
