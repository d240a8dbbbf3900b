/**
 * When a failed email is tried again: exponential backoff from one minute, doubling, capped at
 * six hours, and given up after MAX_ATTEMPTS tries (about 12 hours in all). Pure: the jitter
 * (0–1, spreading retries of many messages after one outage) is passed in.
 */
export const FIRST_RETRY_MS = 60_000;
export const MAX_RETRY_MS = 6 * 3_600_000;
export const MAX_ATTEMPTS = 10;

/** Milliseconds to wait after the `attempts`-th failed try (1-based), before jitter. */
export function retryDelayMs(attempts: number): number {
  const n = Math.max(1, Math.floor(attempts));
  // 2^(n-1) minutes, computed without overflow for large n.
  return n > 20 ? MAX_RETRY_MS : Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** (n - 1));
}

export type AfterFailure = { status: "pending"; nextAttemptAt: Date } | { status: "failed" };

/** What becomes of a message whose `attempts`-th try failed at `now`; jitter adds up to a fifth of the delay. */
export function afterFailure(attempts: number, now: Date, jitter = 0): AfterFailure {
  if (attempts >= MAX_ATTEMPTS) return { status: "failed" };
  const delay = retryDelayMs(attempts);
  const spread = Math.min(1, Math.max(0, jitter)) * delay * 0.2;
  return { status: "pending", nextAttemptAt: new Date(now.getTime() + delay + Math.round(spread)) };
}
