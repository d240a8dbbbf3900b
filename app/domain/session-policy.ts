/** How long a session lives, and when one counts as expired. */
export function sessionExpiry(createdAt: Date, ttlHours: number): Date {
  return new Date(createdAt.getTime() + ttlHours * 60 * 60 * 1000);
}

export function isSessionActive(session: { expiresAt: Date }, now: Date): boolean {
  return session.expiresAt.getTime() > now.getTime();
}

/**
 * Where to send a user after signing in: a path on this site, or `fallback`. The target is
 * resolved the way a browser resolves a Location header and the normalised path is returned, so
 * what is checked is what the browser will follow: `/./\evil:1/x` normalises to `//evil:1/x`,
 * a link to another host, and is refused. Backslashes (browsers read them as slashes) and
 * control characters (browsers drop them) are refused outright.
 */
const PROBE_ORIGIN = "http://builder-ladder.invalid";

export function safeRedirectPath(target: string | null | undefined, fallback = "/"): string {
  if (!target || !target.startsWith("/") || target.length > 2048) return fallback;
  if (/[\\\u0000-\u001f\u007f]/.test(target)) return fallback;
  let url: URL;
  try {
    url = new URL(target, PROBE_ORIGIN);
  } catch {
    return fallback;
  }
  if (url.origin !== PROBE_ORIGIN) return fallback;
  const path = url.pathname + url.search + url.hash;
  return path.startsWith("//") ? fallback : path;
}
