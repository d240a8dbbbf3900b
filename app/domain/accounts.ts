import { conflict, forbidden, type WordedRefusal } from "./refusal";
import type { Role } from "./roles";

/**
 * Accounts: one-time links (an invitation to choose a first password, a reset of a forgotten
 * one), who may be deactivated, who may manage a builder, and how often a reset may be asked for.
 * Pure rules: the clock and the randomness are passed in.
 */

export const ACCOUNT_TOKEN_PURPOSES = ["invite", "reset"] as const;
export type AccountTokenPurpose = (typeof ACCOUNT_TOKEN_PURPOSES)[number];

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** How long a link works: an invitation a week (people are away), a reset an hour (it stands in for the password). */
export const TOKEN_LIFETIME_MS: Record<AccountTokenPurpose, number> = { invite: 7 * DAY, reset: 1 * HOUR };

/** 32 random bytes: 256 bits, past any guessing. */
export const TOKEN_BYTES = 32;
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

function base64url(bytes: Uint8Array): string {
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/**
 * A new link's token (what goes in the email; only its SHA-256 is stored) and when it stops
 * working. `randomBytes` is the source of randomness (node's crypto.randomBytes in the app).
 */
export function mintAccountToken(
  purpose: AccountTokenPurpose,
  now: Date,
  randomBytes: (size: number) => Uint8Array,
): { token: string; expiresAt: Date } {
  const bytes = randomBytes(TOKEN_BYTES);
  if (bytes.length !== TOKEN_BYTES) throw new Error(`A token needs ${TOKEN_BYTES} random bytes, got ${bytes.length}`);
  return { token: base64url(bytes), expiresAt: new Date(now.getTime() + TOKEN_LIFETIME_MS[purpose]) };
}

/** Whether a link's last part could be one of our tokens at all (anything else is not looked up). */
export function looksLikeAccountToken(value: string | undefined): value is string {
  return typeof value === "string" && TOKEN_SHAPE.test(value);
}

/** A stored token as the rule needs it; `userDeactivatedAt` is its account's. */
export type StoredToken = { purpose: string; expiresAt: Date; usedAt: Date | null; userDeactivatedAt: Date | null };

/**
 * What a link that does not work says, whatever the reason (unknown, used, expired, withdrawn, a
 * deactivated account, the other kind of link): which one it is, is nobody's business.
 */
export const DEAD_LINK_MESSAGE: Record<AccountTokenPurpose, string> = {
  invite: "This invitation link does not work. Each link works once, for 7 days, and sending a new invitation replaces it. Ask an admin to send you a new one.",
  reset: "This reset link does not work. Each link works once, for an hour. Ask for a new one from the sign-in page.",
};

/** Why a link does not work. Pages show one message for all of them (DEAD_LINK_MESSAGE). */
export type TokenProblem = "unknown" | "wrong-purpose" | "used" | "expired" | "deactivated";

/** Whether a link works now for `purpose`: once, before its expiry, for an active account. */
export function tokenProblem(stored: StoredToken | null, purpose: AccountTokenPurpose, now: Date): TokenProblem | null {
  if (!stored) return "unknown";
  if (stored.purpose !== purpose) return "wrong-purpose";
  if (stored.usedAt) return "used";
  if (stored.expiresAt.getTime() <= now.getTime()) return "expired";
  if (stored.userDeactivatedAt) return "deactivated";
  return null;
}

/** An account as the rules below read it. */
export type AccountFacts = { id: string; roles: readonly Role[]; deactivatedAt: Date | null };

/**
 * Whether `actor` may deactivate `target`, and if not, why (a refusal, worded for the admin).
 * Nobody deactivates themselves (ask another admin), and the last active admin stays: an
 * organisation never loses its last way in. `activeAdminIds`: every account holding the admin
 * role that is not deactivated.
 */
export function deactivationRefusal(actor: { id: string }, target: AccountFacts, activeAdminIds: readonly string[]): WordedRefusal | null {
  if (target.deactivatedAt) return conflict("This account is already deactivated: reload the page.");
  if (actor.id === target.id) return forbidden("You cannot deactivate your own account; ask another admin.");
  if (target.roles.includes("admin") && !activeAdminIds.some((id) => id !== target.id)) {
    return conflict("This is the last active admin: give someone else the admin role first.");
  }
  return null;
}

/** Whether `target` may be reactivated: only a deactivated account. */
export function reactivationRefusal(target: AccountFacts): WordedRefusal | null {
  return target.deactivatedAt ? null : conflict("This account is not deactivated: reload the page.");
}

/** Who may be offered as a builder's manager (and interviewers, peers, approvers): nobody deactivated. */
export function isActive(account: { deactivatedAt: Date | null }): boolean {
  return account.deactivatedAt === null;
}

/**
 * What is wrong with choosing `manager` (null: no such account) as the manager of `builderId`, worded
 * for the manager field; null when the choice is fine: an active account holding the manager role,
 * other than the builder. Choosing nobody is always allowed. Not a refusal: a bad choice from the
 * form's list, which only the stored accounts can judge (the data layer answers it as `invalid`).
 */
export function managerChoiceProblem(builderId: string, manager: AccountFacts | null): string | null {
  if (!manager) return "Choose a manager from the list";
  if (manager.id === builderId) return "A builder cannot be their own manager";
  if (!manager.roles.includes("manager")) return "Choose someone who holds the manager role";
  if (!isActive(manager)) return "That account is deactivated: choose an active manager";
  return null;
}

/**
 * How often a reset link may be asked for. Both limits count requests whether or not the address
 * typed belongs to an account (so a refusal says nothing about who has one):
 * - per email: a few links an hour, so nobody's inbox is flooded;
 * - per client address: a few more, so one machine cannot mail every account in turn.
 */
export type ResetPolicy = { perEmail: { max: number; windowMs: number }; perAddress: { max: number; windowMs: number } };
export const RESET_THROTTLE: ResetPolicy = { perEmail: { max: 3, windowMs: 1 * HOUR }, perAddress: { max: 10, windowMs: 1 * HOUR } };

/**
 * The least time a reset request takes to answer, on every path: the work after the account
 * lookup (a token, an email, an audit entry) differs between an account and a stranger, and the
 * answer waits until this much time has passed since the request began, so both take as long.
 */
export const RESET_ANSWER_MS = 300;

export type ResetRequest = { email: string; address: string; at: Date };

/** The earliest request any limit reads. */
export function resetRequestsSince(now: Date, policy: ResetPolicy = RESET_THROTTLE): Date {
  return new Date(now.getTime() - Math.max(policy.perEmail.windowMs, policy.perAddress.windowMs));
}

/** Whether a reset may be asked for `email` from `address` now; if not, when it may. `email` already normalised. */
export function decideResetRequest(
  requests: readonly ResetRequest[],
  email: string,
  address: string,
  now: Date,
  policy: ResetPolicy = RESET_THROTTLE,
): { allowed: true } | { allowed: false; retryAt: Date } {
  const t = now.getTime();
  const within = (windowMs: number) => (r: ResetRequest) => r.at.getTime() > t - windowMs && r.at.getTime() <= t;
  const blocks = [
    blockedUntil(requests.filter((r) => r.email === email).filter(within(policy.perEmail.windowMs)), policy.perEmail.max, policy.perEmail.windowMs),
    blockedUntil(requests.filter((r) => r.address === address).filter(within(policy.perAddress.windowMs)), policy.perAddress.max, policy.perAddress.windowMs),
  ].filter((b): b is number => b !== null && b > t);
  if (blocks.length === 0) return { allowed: true };
  return { allowed: false, retryAt: new Date(Math.max(...blocks)) };
}

/** With `max` or more requests in the window, blocked until enough of them age out. */
function blockedUntil(requests: readonly ResetRequest[], max: number, windowMs: number): number | null {
  if (requests.length < max) return null;
  const times = requests.map((r) => r.at.getTime()).sort((a, b) => b - a);
  return times[max - 1]! + windowMs;
}
