/** How long a session lives, and when one counts as expired. */
export function sessionExpiry(createdAt: Date, ttlHours: number): Date {
  return new Date(createdAt.getTime() + ttlHours * 60 * 60 * 1000);
}

export function isSessionActive(session: { expiresAt: Date }, now: Date): boolean {
  return session.expiresAt.getTime() > now.getTime();
}

/**
 * Where to send a user after signing in. Only paths on this site: anything that could
 * leave it (`//evil.example`, `https://…`, `/\evil`) falls back to the home page.
 */
export function safeRedirectPath(target: string | null | undefined, fallback = "/"): string {
  if (!target || !target.startsWith("/") || target.startsWith("//") || target.startsWith("/\\")) {
    return fallback;
  }
  if (/[\u0000-\u001f]/.test(target)) return fallback;
  return target;
}
