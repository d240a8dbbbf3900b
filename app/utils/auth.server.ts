import { data, redirect } from "@remix-run/node";
import { attemptsToRead, decideLoginAttempt, describeWait, normaliseEmail, secondsUntil } from "~/domain/login-throttle";
import { hasPermission, type Permission } from "~/domain/permissions";
import { findCredentials, updatePasswordHash } from "~/data/users.server";
import type { SessionHolder, SessionUser } from "~/data/sessions.server";
import { attemptsForDecision, recordLoginAttempt } from "~/data/login-attempts.server";
import { endSession, hasSessionCookie, sessionUser } from "./session.server";
import { formError } from "./forms.server";
import { decoyHash, hashPassword, passwordNeedsRehash, verifyPassword } from "./password.server";

export type SignedInUser = SessionHolder;

/** The signed-in user, or null. */
export async function getUser(request: Request, now = new Date()): Promise<SignedInUser | null> {
  return sessionUser(request, now);
}

/** Where a user whose password someone else chose (onboarding) must replace it before anything else. */
export const PASSWORD_PAGE = "/account/password";

/**
 * The signed-in user; otherwise a redirect to sign in that comes back to this page afterwards.
 * A user whose password must change is sent to change it: every loader and action passes here.
 */
export async function requireUser(request: Request, now = new Date()): Promise<SignedInUser> {
  const user = await requireUserForPasswordChange(request, now);
  if (user.mustChangePassword) throw redirect(PASSWORD_PAGE);
  return user;
}

/** Like requireUser, but also for a user whose password must change: only the password page and signing out everywhere use it. */
export async function requireUserForPasswordChange(request: Request, now = new Date()): Promise<SignedInUser> {
  const user = await getUser(request, now);
  if (user) return user;
  const url = new URL(request.url);
  const returnTo = url.pathname + url.search;
  const headers = new Headers();
  // A stale or forged cookie is cleared so the browser stops sending it.
  if (hasSessionCookie(request)) headers.append("Set-Cookie", await endSession(request));
  const target = returnTo === "/" ? "/login" : `/login?${new URLSearchParams({ redirectTo: returnTo })}`;
  throw redirect(target, { headers });
}

export type Forbidden = { message: string; permission: Permission };

/**
 * The one permission gate: every loader and action of a protected page calls it first.
 * No session → redirect to sign in; a session without the permission → 403.
 */
export async function requireUserWithPermission(
  request: Request,
  permission: Permission,
  now = new Date(),
): Promise<SignedInUser> {
  const user = await requireUser(request, now);
  if (!hasPermission(user.roles, permission)) throw forbidden(permission);
  return user;
}

export function forbidden(permission: Permission) {
  return data<Forbidden>({ message: "You do not have access to this page.", permission }, { status: 403 });
}

export type PasswordCheck =
  | { kind: "valid"; user: SessionUser }
  | { kind: "invalid" }
  | { kind: "throttled"; retryAt: Date };

/**
 * Checks a password for an account, as signing in and changing one's password both do: the
 * throttle first (a refused attempt is neither checked nor recorded), then one argon2 verification
 * (against a decoy with the same parameters when there is no such account, after the same single
 * statement), then the outcome is recorded the same way on both paths.
 */
export async function checkPassword(input: { email: string; password: string; address: string; now: Date }): Promise<PasswordCheck> {
  const email = normaliseEmail(input.email);
  const attempts = await attemptsForDecision(attemptsToRead(email, input.address, input.now));
  const decision = decideLoginAttempt(attempts, email, input.address, input.now);
  if (!decision.allowed) return { kind: "throttled", retryAt: decision.retryAt };

  const credentials = await findCredentials(email);
  const matches = await verifyPassword(credentials?.hash ?? (await decoyHash()), input.password);
  const succeeded = matches && credentials !== null;
  await recordLoginAttempt({ email, address: input.address, succeeded, at: input.now });
  if (!succeeded) return { kind: "invalid" };
  if (passwordNeedsRehash(credentials.hash)) await updatePasswordHash(credentials.user.id, await hashPassword(input.password));
  return { kind: "valid", user: credentials.user };
}

/** The 429 for a paused account or address: how long to wait, in words and in Retry-After (the route must export `headers`). */
export function tooManyAttempts(retryAt: Date, now: Date, reason = "Too many failed sign-in attempts. For your account's safety, sign-in is paused") {
  const seconds = secondsUntil(retryAt, now);
  return formError(`${reason}: try again in ${describeWait(seconds)}.`, { status: 429, headers: { "Retry-After": String(seconds) } });
}
