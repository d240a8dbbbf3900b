/**
 * What one cell of the matrix (a route's loader or action, one persona, one case) must answer.
 * The answer is decided here from app/domain's rules fed with the case's facts, never from the
 * response. What each outcome means on the wire:
 *
 * - allowed      a loader's 200 with its data (which the leak scan then reads);
 * - passes-gate  an action's validation answer (400, or 409 where the workflow refuses) to an
 *                empty or invalid body: the persona got past the permission gate, and nothing
 *                was written;
 * - denied       403, or 404 for an id that does not exist, or 409 where the right person asks
 *                for a page the record's state refuses (editing a submitted project); each
 *                route's order of checks is spelled out in matrix.ts;
 * - redirect     signed out: to /login, with the page to return to (every loader and action,
 *                JSON endpoints included: the code redirects, it does not answer 401);
 * - signs-out    /logout's action: back to /login, the session deleted and the sign-out
 *                recorded in the audit trail (its only two writes);
 * - skipped      an allowed call that would succeed, so it is not sent (e.g. starting a review
 *                takes no body to get wrong).
 */
import type { Persona } from "./personas";
import type { ScanRules } from "./leak-scan";

export type Expected =
  | { kind: "allowed" }
  | { kind: "passes-gate"; statuses: readonly number[] }
  | { kind: "denied"; status: 403 | 404 | 409 }
  | { kind: "redirect"; location: string }
  | { kind: "signs-out" }
  | { kind: "skipped"; why: string };

export type Body = { kind: "form"; fields: Record<string, string> } | { kind: "json"; value: unknown };

export type Cell = {
  route: string;
  handler: "loader" | "action";
  persona: Persona;
  /** The object and relation under test, e.g. "Chloé Dubois's loop". */
  subject: string;
  url: string;
  params: Record<string, string>;
  body?: Body;
  expected: Expected;
  /** For allowed loaders: what the leak scan must hold this answer to. */
  scan?: ScanRules;
  /** For allowed loaders: facts of the answer the rules decide (e.g. the committee audience). */
  check?: (data: unknown) => string[];
};

export const BASE = "http://localhost";

export const ALLOWED: Expected = { kind: "allowed" };
export const FORBIDDEN: Expected = { kind: "denied", status: 403 };
export const NOT_FOUND: Expected = { kind: "denied", status: 404 };
/** The right person, but the record's state refuses the page (e.g. editing a submitted project). */
export const CONFLICT: Expected = { kind: "denied", status: 409 };
export const BAD_BODY: Expected = { kind: "passes-gate", statuses: [400] };

/** requireUser's redirect: to /login, returning to the page afterwards (but not to "/"). */
export function toLogin(url: string): Expected {
  const u = new URL(url, BASE);
  const returnTo = u.pathname + u.search;
  return { kind: "redirect", location: returnTo === "/" ? "/login" : `/login?${new URLSearchParams({ redirectTo: returnTo })}` };
}

/** A loader's or an action's expectation for an allowed persona. */
export const allowedFor = (handler: "loader" | "action"): Expected => (handler === "loader" ? ALLOWED : BAD_BODY);

export function buildRequest(cell: Pick<Cell, "url" | "body" | "handler">, cookie: string | null): Request {
  const headers = new Headers();
  if (cookie) headers.set("Cookie", cookie);
  const url = new URL(cell.url, BASE);
  if (cell.handler === "loader") return new Request(url, { headers });
  const body = cell.body ?? { kind: "form", fields: {} };
  if (body.kind === "json") {
    headers.set("Content-Type", "application/json");
    return new Request(url, { method: "POST", headers, body: JSON.stringify(body.value) });
  }
  headers.set("Content-Type", "application/x-www-form-urlencoded;charset=UTF-8");
  return new Request(url, { method: "POST", headers, body: new URLSearchParams(body.fields).toString() });
}

export function describeExpected(expected: Expected): string {
  switch (expected.kind) {
    case "allowed":
      return "200";
    case "passes-gate":
      return `${expected.statuses.join("/")} (past the gate)`;
    case "denied":
      return String(expected.status);
    case "redirect":
      return `302 → ${expected.location}`;
    case "signs-out":
      return "302 → /login, session ended";
    case "skipped":
      return `skipped: ${expected.why}`;
  }
}
