import { createHash, randomBytes } from "node:crypto";
import { createCookie } from "@remix-run/node";
import { isSessionActive, sessionExpiry } from "~/domain/session-policy";
import type { AuditActor } from "~/data/audit.server";
import { createSession, deleteSession, deleteSessionsOfUser, findSessionUser, type SessionHolder } from "~/data/sessions.server";
import { cookieValues } from "./cookie-header";
import { getConfig } from "./env.server";
import { readOncePerRequest } from "./request-scope.server";

/**
 * The session cookie holds only a random id, signed with SESSION_SECRET so a tampered value
 * is rejected before any lookup. The database stores the id's SHA-256 (see schema.prisma).
 */
const COOKIE_NAME = "__session";

let cookie: ReturnType<typeof createCookie> | undefined;
function sessionCookie() {
  cookie ??= createCookie(COOKIE_NAME, {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secrets: [getConfig().sessionSecret],
  });
  return cookie;
}

function hashId(id: string): string {
  return createHash("sha256").update(id).digest("hex");
}

function isHttps(request: Request): boolean {
  return new URL(request.url).protocol === "https:";
}

/**
 * Every session id the request's cookies carry with a valid signature, in header order. A browser
 * may send several `__session` cookies (another app on the same domain, a path-scoped cookie), and
 * the first is not necessarily ours; each value is checked on its own, so none hides the others.
 */
async function signedSessionIds(request: Request): Promise<string[]> {
  const ids: string[] = [];
  for (const raw of new Set(cookieValues(request.headers.get("Cookie"), COOKIE_NAME))) {
    let value: unknown;
    try {
      value = await sessionCookie().parse(`${COOKIE_NAME}=${raw}`);
    } catch {
      value = null; // undecodable: not one of ours
    }
    if (typeof value === "string" && value.length > 0 && !ids.includes(value)) ids.push(value);
  }
  return ids;
}

export function hasSessionCookie(request: Request): boolean {
  return cookieValues(request.headers.get("Cookie"), COOKIE_NAME).length > 0;
}

/**
 * The request's active session: the first signed id that names an unexpired session. Expired ones
 * found on the way are deleted. The root's loader and the page's both ask: the row is read once
 * per request (request-scope.server.ts), and each asker checks it against its own "now".
 */
async function currentSession(request: Request, now: Date): Promise<{ idHash: string; user: SessionHolder } | null> {
  for (const id of await signedSessionIds(request)) {
    const idHash = hashId(id);
    const found = await readOncePerRequest(request, `session:${idHash}`, () => findSessionUser(idHash));
    if (!found) continue;
    if (!isSessionActive({ expiresAt: found.expiresAt }, now)) {
      await deleteSession(idHash);
      continue;
    }
    return { idHash, user: found.user };
  }
  return null;
}

/** The signed-in user (with roles) of an active session; null: no cookie, a forged one, an unknown or an expired session. */
export async function sessionUser(request: Request, now: Date): Promise<SessionHolder | null> {
  return (await currentSession(request, now))?.user ?? null;
}

/**
 * Starts a new session for `userId` and returns its Set-Cookie header. Any session the request
 * already carried is ended first, so the id always changes at sign-in (no session fixation).
 * `signIn` (the actor) when this is a sign-in: it is then recorded in the audit trail.
 */
export async function startSession(request: Request, userId: string, now: Date, signIn?: AuditActor): Promise<string> {
  await endSession(request);
  const id = randomBytes(32).toString("base64url");
  const { sessionTtlHours } = getConfig();
  const expiresAt = sessionExpiry(now, sessionTtlHours);
  await createSession(hashId(id), userId, now, expiresAt, signIn);
  return sessionCookie().serialize(id, { secure: isHttps(request), expires: expiresAt });
}

/**
 * Ends the request's sessions (every signed id it carries), and returns a Set-Cookie header that
 * clears the cookie. `signOut` when the signed-in person signs out: recorded in the audit trail.
 */
export async function endSession(request: Request, signOut?: { actor: AuditActor; now: Date }): Promise<string> {
  for (const id of await signedSessionIds(request)) await deleteSession(hashId(id), signOut);
  return clearingCookie(request);
}

/** Ends every session of `userId`, on every browser, this one included; returns a Set-Cookie header that clears the cookie. */
export async function endEverySession(request: Request, userId: string, actor: AuditActor, now: Date): Promise<string> {
  await deleteSessionsOfUser(userId, actor, now);
  return clearingCookie(request);
}

function clearingCookie(request: Request): Promise<string> {
  return sessionCookie().serialize("", { secure: isHttps(request), expires: new Date(0), maxAge: 0 });
}
