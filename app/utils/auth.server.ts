import { data, redirect } from "@remix-run/node";
import { decideLoginAttempt, LOGIN_THROTTLE, normaliseEmail } from "~/domain/login-throttle";
import { hasPermission, type Permission } from "~/domain/permissions";
import { findCredentials } from "~/data/users.server";
import type { SessionUser } from "~/data/sessions.server";
import { recentAttemptsFrom, recordLoginAttempt } from "~/data/login-attempts.server";
import { endSession, hasSessionCookie, sessionUser } from "./session.server";
import { spendVerificationTime, verifyPassword } from "./password.server";

export type SignedInUser = SessionUser;

/** The signed-in user, or null. */
export async function getUser(request: Request, now = new Date()): Promise<SignedInUser | null> {
  return sessionUser(request, now);
}

/** The signed-in user; otherwise a redirect to sign in that comes back to this page afterwards. */
export async function requireUser(request: Request, now = new Date()): Promise<SignedInUser> {
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

export type SignInResult =
  | { kind: "signed-in"; user: SignedInUser }
  | { kind: "invalid" }
  | { kind: "throttled"; retryAt: Date };

/** Checks a sign-in attempt against the throttle and the stored hash, and records its outcome. */
export async function attemptSignIn(input: {
  email: string;
  password: string;
  address: string;
  now: Date;
}): Promise<SignInResult> {
  const email = normaliseEmail(input.email);
  const since = new Date(input.now.getTime() - LOGIN_THROTTLE.windowMs);
  const attempts = await recentAttemptsFrom(input.address, since);
  const decision = decideLoginAttempt(attempts, email, input.address, input.now);
  if (!decision.allowed) return { kind: "throttled", retryAt: decision.retryAt };

  const credentials = await findCredentials(email);
  const valid = credentials
    ? await verifyPassword(credentials.hash, input.password)
    : (await spendVerificationTime(input.password), false);
  await recordLoginAttempt({ email, address: input.address, succeeded: valid, at: input.now });
  return valid && credentials ? { kind: "signed-in", user: credentials.user } : { kind: "invalid" };
}
