import { createHash, randomBytes } from "node:crypto";
import { createCookie } from "@remix-run/node";
import { isSessionActive, sessionExpiry } from "~/domain/session-policy";
import { createSession, deleteSession, findSessionUser } from "~/data/sessions.server";
import type { UserSummary } from "~/data/users.server";
import { getConfig } from "./env.server";

/**
 * The session cookie holds only a random id, signed with SESSION_SECRET so a tampered value
 * is rejected before any lookup. The database stores the id's SHA-256 (see schema.prisma).
 */
let cookie: ReturnType<typeof createCookie> | undefined;
function sessionCookie() {
  cookie ??= createCookie("__session", {
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

/** The session id in the request's cookie, or null when absent or tampered with. */
export async function readSessionId(request: Request): Promise<string | null> {
  const value: unknown = await sessionCookie().parse(request.headers.get("Cookie"));
  return typeof value === "string" && value.length > 0 ? value : null;
}

export function hasSessionCookie(request: Request): boolean {
  return /(?:^|;\s*)__session=/.test(request.headers.get("Cookie") ?? "");
}

/** The signed-in user's id, or null: no cookie, a forged one, an unknown or an expired session. */
/** The signed-in user (with roles) of an active session, in one lookup; null otherwise. */
export async function sessionUser(request: Request, now: Date): Promise<UserSummary | null> {
  const id = await readSessionId(request);
  if (!id) return null;
  const found = await findSessionUser(hashId(id));
  if (!found) return null;
  if (!isSessionActive({ expiresAt: found.expiresAt }, now)) {
    await deleteSession(hashId(id));
    return null;
  }
  return found.user;
}

/**
 * Starts a new session for `userId` and returns its Set-Cookie header. Any session the request
 * already carried is ended first, so the id always changes at sign-in (no session fixation).
 */
export async function startSession(request: Request, userId: string, now: Date): Promise<string> {
  await endSession(request);
  const id = randomBytes(32).toString("base64url");
  const { sessionTtlHours } = getConfig();
  const expiresAt = sessionExpiry(now, sessionTtlHours);
  await createSession(hashId(id), userId, now, expiresAt);
  return sessionCookie().serialize(id, { secure: isHttps(request), expires: expiresAt });
}

/** Ends the request's session, if any, and returns a Set-Cookie header that clears the cookie. */
export async function endSession(request: Request): Promise<string> {
  const id = await readSessionId(request);
  if (id) await deleteSession(hashId(id));
  return sessionCookie().serialize("", { secure: isHttps(request), expires: new Date(0), maxAge: 0 });
}
