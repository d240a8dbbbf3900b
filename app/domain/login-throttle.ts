/**
 * Which password checks may run: limits on failed sign-ins that slow guessing at one account from
 * anywhere, without handing an attacker a way to lock the real user out.
 *
 * Three rules; an attempt waits for the latest of them:
 * - Account (across every address): after a few free failures since the account's last success,
 *   each further check waits a delay that doubles with every failure (1 s, 2 s, 4 s …), capped,
 *   counted from the latest failure. Many addresses guessing together share one budget.
 *   An address the account signed in from recently is exempt, so the real user on their usual
 *   machine is never held up by someone else's guesses; a new address waits at most the cap.
 * - Account and address: at most a fixed number of failures in a window (covers the exempt,
 *   known addresses too).
 * - Address: at most a fixed number of failures in a window over all accounts (password spraying).
 * Attempts refused by the throttle are never checked and never recorded, so hammering a paused
 * account does not extend its pause.
 */
export type ThrottlePolicy = {
  windowMs: number;
  maxFailuresPerAccountAndAddress: number;
  maxFailuresPerAddress: number;
  /** Failures since the account's last success before any delay applies. */
  freeAccountFailures: number;
  /** The delay after the first failure beyond the free ones; each further failure doubles it. */
  firstAccountDelayMs: number;
  maxAccountDelayMs: number;
  /** Failures older than this no longer count toward the account's delay. */
  accountMemoryMs: number;
  /** An address the account signed in from within this long is a known one. */
  knownAddressMs: number;
};

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const DAY = 24 * 60 * MINUTE;

export const LOGIN_THROTTLE: ThrottlePolicy = {
  windowMs: 15 * MINUTE,
  maxFailuresPerAccountAndAddress: 10,
  maxFailuresPerAddress: 50,
  freeAccountFailures: 5,
  firstAccountDelayMs: 1 * SECOND,
  maxAccountDelayMs: 15 * MINUTE,
  accountMemoryMs: 1 * DAY,
  knownAddressMs: 30 * DAY,
};

export type LoginAttempt = {
  email: string;
  address: string;
  succeeded: boolean;
  at: Date;
};

export type ThrottleRule = "account" | "account-and-address" | "address";
export type ThrottleDecision = { allowed: true } | { allowed: false; retryAt: Date; rule: ThrottleRule };

/** The delay before the next check of an account that has `failures` counted failures (0 while they are free). */
export function accountDelayMs(failures: number, policy: ThrottlePolicy = LOGIN_THROTTLE): number {
  const beyond = failures - policy.freeAccountFailures;
  if (beyond < 0) return 0;
  // Past ~40 doublings the cap has long been reached; stop before the number overflows.
  return Math.min(policy.maxAccountDelayMs, policy.firstAccountDelayMs * 2 ** Math.min(beyond, 40));
}

/** Which stored attempts the decision reads: this address's recent ones, and the account's own. */
export type AttemptsToRead = {
  address: string;
  addressSince: Date;
  email: string;
  /** The account's attempts (failures and successes) after this time. */
  accountSince: Date;
  /** The account's successes after this time (known addresses). */
  accountSuccessesSince: Date;
};

export function attemptsToRead(email: string, address: string, now: Date, policy: ThrottlePolicy = LOGIN_THROTTLE): AttemptsToRead {
  const ago = (ms: number) => new Date(now.getTime() - ms);
  return {
    address,
    addressSince: ago(policy.windowMs),
    email: normaliseEmail(email),
    accountSince: ago(policy.accountMemoryMs),
    accountSuccessesSince: ago(policy.knownAddressMs),
  };
}

/** Stored attempts older than these serve no rule: failures after a day, successes after the known-address period. */
export function pruneCutoffs(now: Date, policy: ThrottlePolicy = LOGIN_THROTTLE): { failuresBefore: Date; successesBefore: Date } {
  return {
    failuresBefore: new Date(now.getTime() - Math.max(policy.windowMs, policy.accountMemoryMs)),
    successesBefore: new Date(now.getTime() - Math.max(policy.windowMs, policy.accountMemoryMs, policy.knownAddressMs)),
  };
}

/**
 * Decide whether a new attempt for `email` from `address` may be checked at all.
 * `attempts` may include any attempts, in any order; the function filters what it needs.
 */
export function decideLoginAttempt(
  attempts: readonly LoginAttempt[],
  email: string,
  address: string,
  now: Date,
  policy: ThrottlePolicy = LOGIN_THROTTLE,
): ThrottleDecision {
  const t = now.getTime();
  const account = normaliseEmail(email);
  const ofAccount = attempts.filter((a) => normaliseEmail(a.email) === account);
  const windowStart = t - policy.windowMs;
  const recentHere = attempts.filter((a) => a.address === address && a.at.getTime() > windowStart);

  // Account and address: a success from here clears this pair's earlier failures.
  const pair = recentHere.filter((a) => normaliseEmail(a.email) === account);
  const lastPairSuccess = latest(pair.filter((a) => a.succeeded));
  const pairFailures = pair.filter((a) => !a.succeeded && a.at.getTime() > lastPairSuccess);

  // Address: every account's failures from here.
  const addressFailures = recentHere.filter((a) => !a.succeeded);

  const blockers: Array<{ retryAt: number; rule: ThrottleRule }> = [];
  const pairUntil = windowBlockedUntil(pairFailures, policy.maxFailuresPerAccountAndAddress, policy.windowMs);
  if (pairUntil !== null) blockers.push({ retryAt: pairUntil, rule: "account-and-address" });
  const addressUntil = windowBlockedUntil(addressFailures, policy.maxFailuresPerAddress, policy.windowMs);
  if (addressUntil !== null) blockers.push({ retryAt: addressUntil, rule: "address" });
  const accountUntil = accountBlockedUntil(ofAccount, address, t, policy);
  if (accountUntil !== null) blockers.push({ retryAt: accountUntil, rule: "account" });

  const waiting = blockers.filter((b) => b.retryAt > t);
  if (waiting.length === 0) return { allowed: true };
  // The latest blocker decides (on a tie, the first in the fixed order above).
  const worst = waiting.reduce((a, b) => (b.retryAt > a.retryAt ? b : a));
  return { allowed: false, retryAt: new Date(worst.retryAt), rule: worst.rule };
}

/** The account-wide rule: when the next check may run, or null when the account is not delayed from `address`. */
function accountBlockedUntil(ofAccount: readonly LoginAttempt[], address: string, t: number, policy: ThrottlePolicy): number | null {
  const successes = ofAccount.filter((a) => a.succeeded && a.at.getTime() > t - policy.knownAddressMs);
  if (successes.some((a) => a.address === address)) return null; // a known address
  const lastSuccess = latest(successes);
  const memoryStart = t - policy.accountMemoryMs;
  const failures = ofAccount.filter((a) => !a.succeeded && a.at.getTime() > lastSuccess && a.at.getTime() > memoryStart);
  const delay = accountDelayMs(failures.length, policy);
  if (delay === 0) return null;
  return latest(failures) + delay;
}

/** With `max` or more failures in the window, blocked until enough of them age out. */
function windowBlockedUntil(failures: readonly LoginAttempt[], max: number, windowMs: number): number | null {
  if (failures.length < max) return null;
  const times = failures.map((f) => f.at.getTime()).sort((a, b) => b - a);
  // The attempt that must leave the window before the count drops below `max`.
  return times[max - 1]! + windowMs;
}

function latest(attempts: readonly LoginAttempt[]): number {
  let max = -Infinity;
  for (const a of attempts) max = Math.max(max, a.at.getTime());
  return max;
}

/** Whole seconds until `retryAt`, at least one: the Retry-After value. */
export function secondsUntil(retryAt: Date, now: Date): number {
  return Math.max(1, Math.ceil((retryAt.getTime() - now.getTime()) / 1000));
}

/** "12 seconds", "1 minute", "15 minutes": how long to wait, rounded up, in words. */
export function describeWait(seconds: number): string {
  if (seconds < 60) return `${seconds} second${seconds === 1 ? "" : "s"}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? "" : "s"}`;
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}
